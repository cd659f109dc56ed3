import type { GlobalId } from '../domain/global-id.ts';
import { moneyFromDecimal } from '../domain/money.ts';
import type { ShipmentModel } from '../domain/models.ts';
import { UNSHIPPED, type ShipmentStatus } from '../domain/status.ts';
import type { OrderServiceDeps } from './place-cart.ts';
import { runOnce, type AfterUnknown } from './run-once.ts';
import { KEY_FIELD, shipmentParts, supplierChange, type Changed } from './supplier-changes.ts';
import { userError } from './user-errors.ts';

const CLOSED: ReadonlySet<ShipmentStatus> = new Set(['FAILED', 'RETURNED']);

export interface CreateShipmentRequest {
  orderId: string;
  carrier: string;
  service: string;
  weightOz?: number | null;
  idempotencyKey?: string | null;
}

export interface MarkShippedRequest {
  shipmentId: string;
  trackingNumber: string;
  trackingUrl?: string | null;
  carrier?: string | null;
  /** a decimal amount, as the client sent it */
  actualCost?: { amount: string; currencyCode: string } | null;
  idempotencyKey?: string | null;
}

/** The order's shipments as its supplier has them, or no lookup when the adapter cannot read them. */
function shipmentsOf(deps: OrderServiceDeps, order: GlobalId): (() => Promise<ShipmentModel[]>) | null {
  const adapter = deps.suppliers.get(order.supplier);
  if (!adapter?.getShipmentsByOrder) return null;
  return async () => (await adapter.getShipmentsByOrder!([order.nativeId]))[0] ?? [];
}

/**
 * Buys a shipment's label once per optional key. After an unknown outcome the order's open
 * shipment with that carrier is the one the lost answer named. Suppliers refuse a second open
 * shipment, so where the shipments cannot be read a resend cannot make two.
 */
export function createShipment(deps: OrderServiceDeps, scope: string, order: GlobalId, input: CreateShipmentRequest): Promise<Changed<ShipmentModel>> {
  const read = shipmentsOf(deps, order);
  const carrier = input.carrier.toLowerCase();
  const afterUnknown: AfterUnknown<ShipmentModel> = read
    ? { kind: 'lookup', find: async () => (await read()).find((s) => !CLOSED.has(s.status) && s.carrier?.toLowerCase() === carrier) ?? null }
    : { kind: 'resend' };
  return runOnce(deps, scope, {
    operation: 'createShipment',
    key: input.idempotencyKey,
    keyField: KEY_FIELD,
    request: input,
    send: () =>
      supplierChange(deps, order.supplier, 'createShipment', ['input', 'orderId'], (a) =>
        a.createShipment ? () => a.createShipment!(order.nativeId, { carrier: input.carrier, service: input.service, weightOz: input.weightOz }) : null,
      ),
    afterUnknown,
  });
}

/**
 * Marks a shipment shipped once per optional key. After an unknown outcome a shipment already on
 * its way with this tracking number is the answer; a shipment is marked shipped only once at its
 * supplier, so a resend cannot settle the wallet twice.
 */
export function markShipmentShipped(deps: OrderServiceDeps, scope: string, shipment: GlobalId, input: MarkShippedRequest): Promise<Changed<ShipmentModel>> {
  const { orderId, shipmentId } = shipmentParts(shipment.nativeId);
  const read = orderId === null ? null : shipmentsOf(deps, { ...shipment, type: 'Order', nativeId: orderId });
  const afterUnknown: AfterUnknown<ShipmentModel> = read
    ? {
        kind: 'lookup',
        find: async () =>
          (await read()).find((s) => s.supplierShipmentId === shipmentId && !UNSHIPPED.has(s.status) && s.trackingNumber === input.trackingNumber) ?? null,
      }
    : { kind: 'resend' };
  let actualCost = null;
  try {
    actualCost = input.actualCost ? moneyFromDecimal(input.actualCost.amount, input.actualCost.currencyCode) : null;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return Promise.resolve({ value: null, userErrors: [userError('VALIDATION', `actualCost: ${error.message}`, ['input', 'actualCost', 'amount'])] });
  }
  const tracking = { trackingNumber: input.trackingNumber, trackingUrl: input.trackingUrl, carrier: input.carrier, actualCost };
  return runOnce(deps, scope, {
    operation: 'markShipmentShipped',
    key: input.idempotencyKey,
    keyField: KEY_FIELD,
    request: input,
    send: () =>
      supplierChange(deps, shipment.supplier, 'markShipmentShipped', ['input', 'shipmentId'], (a) =>
        a.markShipmentShipped ? () => a.markShipmentShipped!(shipmentId, tracking) : null,
      ),
    afterUnknown,
  });
}
