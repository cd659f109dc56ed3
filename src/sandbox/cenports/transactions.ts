import { parseYmd } from './dates.ts';
import type { InventoryUpdate, NewOrder } from './schemas.ts';
import { CARRIERS } from './seed-data.ts';
import type { CenportsState } from './state.ts';
import type { Order, TransactionError } from './types.ts';

/**
 * The work behind each asynchronous write. Each checks the state as it is when the transaction
 * settles (so two queued submissions of one orderNo: the second fails) and applies nothing
 * unless every item passes: FAILED means nothing changed.
 */

export function createOrdersWork(state: CenportsState, channelId: string, orders: NewOrder[]): () => TransactionError[] {
  return () => {
    const errors: TransactionError[] = [];
    orders.forEach((order, index) => {
      if (state.order(channelId, order.orderNo)) {
        errors.push({ index, message: `The order ${order.orderNo} is already existed on our system.` });
      }
      if (order.customerOrderNo && state.customerOrderNoTaken(channelId, order.customerOrderNo)) {
        errors.push({ index, message: `The customer order number ${order.customerOrderNo} of order ${order.orderNo} is already existed on our system.` });
      }
      for (const line of order.lineItems) {
        if (!state.products.has(line.sku)) {
          errors.push({ index, message: `The line item ${line.lineNumber} of order ${order.orderNo} has been rejected due to product sku does not exist.` });
        }
      }
      if (!CARRIERS[order.shippingInfo.carrierCode.toUpperCase()]) {
        errors.push({ index, message: `The carrier code is not valid or supported for the order ${order.orderNo}.` });
      }
    });
    if (errors.length === 0) for (const order of orders) state.orders.push(toOrder(state, channelId, order));
    return errors;
  };
}

function toOrder(state: CenportsState, channelId: string, order: NewOrder): Order {
  const reserved = state.reservedStock();
  const lines = order.lineItems.map((line) => {
    const warehouseCode = pickWarehouse(state, line.sku, line.quantity, reserved);
    return { lineNumber: line.lineNumber, sku: line.sku, quantity: line.quantity, priceCents: line.consumerPrice, warehouseCode, status: 'pending' as const };
  });
  const subTotalCents = lines.reduce((sum, line) => sum + line.quantity * line.priceCents, 0);
  const shipCostCents = order.shippingCost ?? 0;
  const shipTo = { ...order.shipTo, address2: order.shipTo.address2 || null };
  return {
    orderNo: order.orderNo,
    customerOrderNo: order.customerOrderNo ?? null,
    channelId,
    orderDate: parseYmd(order.orderDate)!,
    customerName: order.customerName,
    contactName: order.contactName ?? null,
    contactEmail: order.contactEmail ?? null,
    contactPhone: order.contactPhone ?? null,
    status: 'Pending',
    billTo: { name: order.customerName, ...shipTo },
    shipTo,
    carrierCode: order.shippingInfo.carrierCode,
    serviceLevel: order.shippingInfo.serviceLevel,
    estimatedShipDate: order.shippingInfo.estimatedShipDate ?? null,
    lines,
    subTotalCents,
    discountCents: 0,
    shipCostCents,
    grandTotalCents: subTotalCents + shipCostCents,
    merchantMsg: null,
    retailerMsg: null,
    acknowledged: false,
  };
}

/** The first warehouse that can cover the line, else the one with the most available stock. */
function pickWarehouse(state: CenportsState, sku: string, quantity: number, reserved: Map<string, number>): string {
  const available = state.warehouses.map((w) => ({ code: w.code, units: state.availableStock(w.code, sku, reserved) }));
  const covering = available.find((a) => a.units >= quantity);
  if (covering) return covering.code;
  return available.reduce((best, a) => (a.units > best.units ? a : best)).code;
}

export function acknowledgeShipmentsWork(state: CenportsState, orderNos: string[]): () => TransactionError[] {
  return () => {
    const errors: TransactionError[] = [];
    const shipments = orderNos.map((orderNo, index) => {
      const found = state.ordersNumbered(orderNo).flatMap((order) => state.shipmentsOf(order));
      if (found.length === 0) errors.push({ index, message: `The order ${orderNo} has no shipment to acknowledge.` });
      return found;
    });
    if (errors.length === 0) shipments.flat().forEach((shipment) => (shipment.acknowledged = true));
    return errors;
  };
}

export function updateInventoriesWork(state: CenportsState, warehouseCode: string, updates: InventoryUpdate[]): () => TransactionError[] {
  return () => {
    const errors: TransactionError[] = [];
    // Applied in order on a scratch copy, so two DIFFERENTIALs of one sku add up.
    const next = new Map<string, number>();
    updates.forEach((update, index) => {
      if (!state.products.has(update.productSKU)) {
        errors.push({ index, message: `The product sku ${update.productSKU} does not exist.` });
        return;
      }
      const current = next.get(update.productSKU) ?? state.actualStock(warehouseCode, update.productSKU);
      const quantity = update.type === 'TRUE_UP' ? update.quantity : current + update.quantity;
      if (quantity < 0) {
        errors.push({ index, message: `The inventory of ${update.productSKU} cannot go below zero (currently ${current}).` });
        return;
      }
      next.set(update.productSKU, quantity);
    });
    if (errors.length === 0) next.forEach((quantity, sku) => state.setActualStock(warehouseCode, sku, quantity));
    return errors;
  };
}
