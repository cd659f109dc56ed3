import { isoMicros } from './dates.ts';
import { jsonNumberFromCents } from './money.ts';
import { trackingUrl } from './shipping.ts';
import type { CenportsState } from './state.ts';
import type { Order, Shipment, Transaction, Warehouse } from './types.ts';

/** Wire shapes, as openapi/cenports.yaml documents them. */

export function renderOrder(state: CenportsState, order: Order): Record<string, unknown> {
  const firstWarehouse = state.warehouse(order.lines[0]?.warehouseCode ?? '');
  return {
    orderNo: order.orderNo,
    customerOrderNo: order.customerOrderNo,
    orderDate: isoMicros(order.orderDate),
    channel: state.channels.get(order.channelId)?.channelName ?? null,
    channelId: order.channelId,
    customerName: order.customerName,
    contactName: order.contactName,
    contactEmail: order.contactEmail,
    contactPhone: order.contactPhone,
    status: order.status,
    isAcknowledged: order.acknowledged,
    billTo: { ...order.billTo },
    shipFrom: firstWarehouse ? renderShipFrom(firstWarehouse) : undefined,
    shipTo: { ...order.shipTo },
    shippingInfo: {
      carrierCode: order.carrierCode,
      serviceLevel: order.serviceLevel,
      ...(order.estimatedShipDate ? { estimatedShipDate: order.estimatedShipDate } : {}),
    },
    lineItems: order.lines.map((line) => {
      const product = state.products.get(line.sku);
      return {
        orderNo: order.orderNo,
        lineItem: String(line.lineNumber),
        productSku: line.sku,
        retailerSku: product?.retailerSku ?? null,
        productName: product?.name ?? null,
        shipFromWarehouseCode: line.warehouseCode,
        quantity: line.quantity,
        price: jsonNumberFromCents(line.priceCents),
        status: line.status,
      };
    }),
    pricing: {
      subTotal: jsonNumberFromCents(order.subTotalCents),
      discount: jsonNumberFromCents(order.discountCents),
      shipCost: jsonNumberFromCents(order.shipCostCents),
      grandTotal: jsonNumberFromCents(order.grandTotalCents),
    },
    notes: { merchantMsg: order.merchantMsg, retailerMsg: order.retailerMsg },
  };
}

function renderShipFrom(warehouse: Warehouse): Record<string, unknown> {
  return {
    warehouseCode: warehouse.code,
    warehouseName: warehouse.name,
    location: `${warehouse.street}, ${warehouse.city}, ${warehouse.state}, ${warehouse.country}, ${warehouse.postalCode}`,
    contactPhone: warehouse.phone,
    availability: true,
    owner: warehouse.owner,
  };
}

export function renderShipment(shipment: Shipment): Record<string, unknown> {
  return {
    shipmentId: shipment.shipmentId,
    orderNo: shipment.orderNo,
    channelId: shipment.channelId,
    carrier: shipment.carrier,
    service: shipment.service,
    trackingNumber: shipment.trackingNumber,
    trackingUrl: trackingUrl(shipment.carrier, shipment.trackingNumber),
    shipDate: isoMicros(shipment.shipDate),
    status: shipment.status,
    warehouseCode: shipment.warehouseCode,
    items: shipment.items.map((item) => ({ lineItem: String(item.lineNumber), productSku: item.sku, quantity: item.quantity })),
    acknowledged: shipment.acknowledged,
  };
}

export function renderTransaction(state: CenportsState, transaction: Transaction): Record<string, unknown> {
  const outcome = transaction.outcome;
  return {
    id: transaction.id,
    handle: transaction.handle,
    status: state.transactions.statusOf(transaction),
    submitted_at: isoMicros(transaction.submittedAt),
    completed_at: outcome?.completedAt ? isoMicros(outcome.completedAt) : null,
    ...(outcome?.status === 'FAILED' ? { errors: outcome.errors.map((e) => ({ ...e })) } : {}),
  };
}

/** Stock per warehouse; quantities are strings on the wire, as the document shows. */
export function renderInventory(state: CenportsState, warehouses: Warehouse[], actual: boolean): Record<string, unknown>[] {
  const reserved = state.reservedStock();
  return warehouses.map((warehouse) => ({
    warehouseName: warehouse.name,
    warehouseCode: warehouse.code,
    warehouseAddress: {
      streetAddress: warehouse.street,
      streetAddress2: null,
      city: warehouse.city,
      province: null,
      provinceAbbre: warehouse.state,
      countryCode: warehouse.country,
      country: null,
      postalCode: warehouse.postalCode,
      isResidential: null,
      ignoreValidation: false,
    },
    warehouseInventory: [...state.products.values()].map((product) => ({
      productSku: product.sku,
      retailerSku: product.retailerSku,
      productUpc: product.upc,
      productName: product.name,
      quantity: String(
        actual ? state.actualStock(warehouse.code, product.sku) : state.availableStock(warehouse.code, product.sku, reserved),
      ),
      isDiscontinued: product.isDiscontinued,
      nextAvailabilityDate: product.nextAvailabilityDate,
      nextAvailabileQuantity: product.nextAvailableQuantity,
      productExtras: [],
    })),
  }));
}
