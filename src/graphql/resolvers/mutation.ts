import type { MutationResolvers } from '../../generated/graphql.ts';
import { cancelOrder, updateOrderStatus } from '../../orders/change-order.ts';
import { placeCart } from '../../orders/place-cart.ts';
import { groupIds, shipmentParts, supplierChange, trackTransaction } from '../../orders/supplier-changes.ts';
import { moneyFromDecimal } from '../../domain/money.ts';
import { supplierIdFromCode } from '../../domain/supplier.ts';
import { expectGlobalId } from '../ids.ts';

export const Mutation: MutationResolvers = {
  createOrder: async (_root, { input }, { orders, scope, partialErrors }) => {
    const result = await placeCart(input, scope, orders);
    result.failures.forEach((failure) => partialErrors.record(failure));
    return result;
  },
  cancelOrder: (_root, { input }, { orders, caller }) => cancelOrder(orders, caller, input),
  updateOrderStatus: (_root, { input }, { orders, caller }) => updateOrderStatus(orders, caller, input),

  acknowledgeOrders: async (_root, { input }, { orders }) => {
    const { bySupplier, errors } = groupIds(input.orderIds, 'Order', ['input', 'orderIds']);
    if (errors.length > 0) return { orders: [], userErrors: errors };
    const results = await Promise.all(
      [...bySupplier].map(([supplier, ids]) =>
        supplierChange(orders, supplier, 'acknowledgeOrders', ['input', 'orderIds'], (a) => (a.acknowledgeOrders ? () => a.acknowledgeOrders!(ids) : null)),
      ),
    );
    return { orders: results.flatMap((r) => r.value ?? []), userErrors: results.flatMap((r) => r.userErrors) };
  },
  acknowledgeShipments: async (_root, { input }, { orders }) => {
    const { bySupplier, errors } = groupIds(input.shipmentIds, 'Shipment', ['input', 'shipmentIds']);
    if (errors.length > 0 || bySupplier.size !== 1) {
      return { transaction: null, userErrors: errors.length ? errors : [{ code: 'ONE_SUPPLIER', message: 'shipmentIds must belong to one supplier', field: ['input', 'shipmentIds'] }] };
    }
    const [supplier, ids] = [...bySupplier][0]!;
    const orderIds = [...new Set(ids.map((id) => shipmentParts(id).orderId).filter((id): id is string => id !== null))];
    const result = await supplierChange(orders, supplier, 'acknowledgeShipments', ['input', 'shipmentIds'], (a) =>
      a.acknowledgeShipments ? () => a.acknowledgeShipments!(orderIds) : null,
    );
    await trackTransaction(orders, result.value);
    return { transaction: result.value, userErrors: result.userErrors };
  },
  acknowledgeTrackingUpdates: async (_root, { input }, { orders }) => {
    const { bySupplier, errors } = groupIds(input.orderIds, 'Order', ['input', 'orderIds']);
    if (errors.length > 0) return { acknowledgedCount: 0, userErrors: errors };
    const results = await Promise.all(
      [...bySupplier].map(([supplier, ids]) =>
        supplierChange(orders, supplier, 'acknowledgeTrackingUpdates', ['input', 'orderIds'], (a) =>
          a.acknowledgeTrackingUpdates ? () => a.acknowledgeTrackingUpdates!(ids) : null,
        ),
      ),
    );
    return { acknowledgedCount: results.reduce((sum, r) => sum + (r.value ?? 0), 0), userErrors: results.flatMap((r) => r.userErrors) };
  },
  createShipment: async (_root, { input }, { orders }) => {
    const id = expectGlobalId(input.orderId, 'Order', 'input.orderId');
    const result = await supplierChange(orders, id.supplier, 'createShipment', ['input', 'orderId'], (a) =>
      a.createShipment ? () => a.createShipment!(id.nativeId, { carrier: input.carrier, service: input.service, weightOz: input.weightOz }) : null,
    );
    return { shipment: result.value, userErrors: result.userErrors };
  },
  markShipmentShipped: async (_root, { input }, { orders }) => {
    const id = expectGlobalId(input.shipmentId, 'Shipment', 'input.shipmentId');
    const actualCost = input.actualCost ? moneyFromDecimal(input.actualCost.amount, input.actualCost.currencyCode) : null;
    const result = await supplierChange(orders, id.supplier, 'markShipmentShipped', ['input', 'shipmentId'], (a) =>
      a.markShipmentShipped
        ? () => a.markShipmentShipped!(shipmentParts(id.nativeId).shipmentId, { trackingNumber: input.trackingNumber, trackingUrl: input.trackingUrl, carrier: input.carrier, actualCost })
        : null,
    );
    return { shipment: result.value, userErrors: result.userErrors };
  },
  adjustInventory: async (_root, { input }, { orders }) => {
    const supplier = supplierIdFromCode(input.supplier);
    const result = await supplierChange(orders, supplier, 'adjustInventory', ['input', 'supplier'], (a) =>
      a.adjustInventory ? () => a.adjustInventory!(input.warehouseCode, input.adjustments) : null,
    );
    await trackTransaction(orders, result.value);
    return { transaction: result.value, userErrors: result.userErrors };
  },
  submitSalesReport: async (_root, { input }, { orders }) => {
    const entries = input.sales.map((sale) => ({ id: expectGlobalId(sale.productId, 'Product', 'input.sales.productId'), sale }));
    const supplier = entries[0]?.id.supplier;
    if (!supplier || entries.some((e) => e.id.supplier !== supplier)) {
      return { processed: 0, userErrors: [{ code: 'ONE_SUPPLIER', message: 'sales must name products of one supplier', field: ['input', 'sales'] }] };
    }
    const result = await supplierChange(orders, supplier, 'submitSalesReport', ['input', 'sales'], (a) =>
      a.submitSalesReport
        ? () => a.submitSalesReport!(entries.map(({ id, sale }) => ({ supplierProductId: id.nativeId, date: sale.date, quantity: sale.quantity, stockOnHand: sale.stockOnHand })))
        : null,
    );
    return { processed: result.value?.processed ?? 0, userErrors: result.userErrors };
  },
};
