import { moneyFromMajor, moneyFromMinor } from '../../domain/money.ts';
import type { OrderModel, SalesChannelModel, ShipmentModel, TransactionModel } from '../../domain/models.ts';
import { mapStatus } from '../../domain/status.ts';
import { CENPORTS_ORDER_STATUS, CENPORTS_SHIPMENT_STATUS, CENPORTS_TRANSACTION_STATUS } from './status-map.ts';
import type { ChannelWire, OrderWire, ShipmentWire, TransactionWire } from './wire.ts';

/** Pure functions from Cenports shapes to the unified model; each throws RangeError on a value its spec forbids. */

/** The spec's Money: US dollars, always (Cenports names no other currency). */
const CURRENCY = 'USD';

/** One instant format for every supplier: the wire's microseconds become milliseconds. */
function isoInstant(text: string): string {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new RangeError(`not a date-time: ${JSON.stringify(text)}`);
  return new Date(ms).toISOString();
}

/** Splits "Gerald Nickerson" at its first space; joining the parts gives the supplier's text back. */
function nameParts(name: string | null | undefined): { firstName: string | null; lastName: string | null } {
  const trimmed = name?.trim();
  if (!trimmed) return { firstName: null, lastName: null };
  const space = trimmed.indexOf(' ');
  return space < 0 ? { firstName: trimmed, lastName: null } : { firstName: trimmed.slice(0, space), lastName: trimmed.slice(space + 1) };
}

export function toOrder(order: OrderWire): OrderModel {
  return {
    supplier: 'cenports',
    supplierOrderId: order.orderNo,
    // The merchant's own number for the order, when it sent one.
    externalReference: order.customerOrderNo ?? null,
    status: mapStatus(CENPORTS_ORDER_STATUS, order.status, 'order status'),
    supplierStatus: order.status,
    createdAt: isoInstant(order.orderDate),
    total: moneyFromMajor(order.pricing.grandTotal, CURRENCY),
    lines: order.lineItems.map((line) => {
      const unitPrice = moneyFromMajor(line.price, CURRENCY);
      return {
        supplier: 'cenports',
        sku: line.productSku,
        // Products are named by SKU (see toProducts), so a line names its product directly.
        supplierProductId: line.productSku,
        name: line.productName ?? null,
        quantity: line.quantity,
        unitPrice,
        lineTotal: moneyFromMinor(unitPrice.minor * BigInt(line.quantity), CURRENCY),
        supplierStatus: line.status,
      };
    }),
    acknowledged: order.isAcknowledged ?? null,
    customer: { ...nameParts(order.customerName), email: order.contactEmail ?? null, phone: order.contactPhone ?? null },
    shippingAddress: {
      ...nameParts(order.contactName ?? order.customerName),
      address1: order.shipTo.address1,
      address2: order.shipTo.address2 ?? null,
      city: order.shipTo.city,
      state: order.shipTo.state,
      postalCode: order.shipTo.postalCode,
      country: order.shipTo.country,
      phone: order.contactPhone ?? null,
    },
  };
}

export function toShipment(shipment: ShipmentWire): ShipmentModel {
  return {
    supplier: 'cenports',
    supplierShipmentId: shipment.shipmentId,
    supplierOrderId: shipment.orderNo,
    status: mapStatus(CENPORTS_SHIPMENT_STATUS, shipment.status, 'shipment status'),
    supplierStatus: shipment.status,
    carrier: shipment.carrier,
    service: shipment.service ?? null,
    trackingNumber: shipment.trackingNumber,
    trackingUrl: shipment.trackingUrl ?? null,
    shippedAt: isoInstant(shipment.shipDate),
    acknowledged: shipment.acknowledged,
  };
}

export function toTransaction(handle: string, transaction: TransactionWire): TransactionModel {
  return {
    supplier: 'cenports',
    handle,
    // GET /transaction does not say what was submitted; the gateway's own record of the write does.
    kind: 'unknown',
    status: mapStatus(CENPORTS_TRANSACTION_STATUS, transaction.status, 'transaction status'),
    supplierStatus: transaction.status,
    submittedAt: isoInstant(transaction.submitted_at),
    completedAt: transaction.completed_at ? isoInstant(transaction.completed_at) : null,
    errors: (transaction.errors ?? []).map((error) => ({ index: error.index, message: error.message })),
    // Cenports does not list what a transaction created; orders are found by their orderNo.
    supplierOrderIds: [],
  };
}

export function toChannel(channel: ChannelWire): SalesChannelModel {
  return {
    supplier: 'cenports',
    channelId: channel.channelId,
    name: channel.channelName,
    email: channel.channelEmail ?? null,
    phone: channel.channelPhone ?? null,
    location: channel.location ?? null,
  };
}
