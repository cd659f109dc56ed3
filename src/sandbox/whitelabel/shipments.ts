import { whitelabelError } from './errors.ts';
import { labelRateCents, labelUrlFor, newTrackingNumber, trackingUrlFor } from './labels.ts';
import type { MarkShippedInput, ShipStationEvent } from './schemas.ts';
import type { WhitelabelState } from './state.ts';
import { SHIPPABLE_STATUSES, type Order, type Shipment, type ShipmentStatus } from './types.ts';

const CLOSED_SHIPMENTS: ReadonlySet<ShipmentStatus> = new Set(['FAILED', 'RETURNED']);

/** Which shipment statuses each ShipStation event may follow. */
const EVENT_SOURCES: Record<ShipStationEvent['event'], readonly ShipmentStatus[]> = {
  DELIVERED: ['PICKED_UP', 'IN_TRANSIT', 'FAILED'],
  FAILED: ['PICKED_UP', 'IN_TRANSIT'],
  RETURNED: ['PICKED_UP', 'IN_TRANSIT', 'FAILED'],
};

const invalidState = (status: string, message: string) => whitelabelError(409, 'INVALID_STATE', message, { status });

/** Creates the order's shipment and buys its label; throws 409 when the order cannot take one. */
export function createShipment(
  state: WhitelabelState,
  order: Order,
  request: { carrier: string; service: string; weight_oz?: number | undefined },
): Shipment {
  if (!SHIPPABLE_STATUSES.has(order.status)) throw invalidState(order.status, `A ${order.status} order cannot be shipped`);
  if (order.shipments.some((s) => !CLOSED_SHIPMENTS.has(s.status))) {
    throw invalidState(order.status, 'The order already has an open shipment');
  }
  const id = state.newId();
  const trackingNumber = newTrackingNumber(state.random);
  const shipment: Shipment = {
    id,
    orderId: order.id,
    status: 'LABEL_CREATED',
    carrier: request.carrier,
    service: request.service,
    trackingNumber,
    trackingUrl: trackingUrlFor(trackingNumber),
    labelUrl: labelUrlFor(id),
    rateCents: labelRateCents(request.weight_oz),
    actualCostCents: null,
    createdAt: state.now(),
    shippedAt: null,
    deliveredAt: null,
  };
  order.shipments.push(shipment);
  state.touch(order);
  return shipment;
}

/** Puts the shipment in transit, the order SHIPPED, and settles the wallet: reservation out, actual total debited. */
export function markShipped(state: WhitelabelState, shipment: Shipment, order: Order, input: MarkShippedInput): void {
  if (shipment.status !== 'PENDING' && shipment.status !== 'LABEL_CREATED') {
    throw invalidState(shipment.status, `A ${shipment.status} shipment cannot be marked shipped`);
  }
  if (!SHIPPABLE_STATUSES.has(order.status)) throw invalidState(order.status, `A ${order.status} order cannot be shipped`);
  const trackingNumber = input.tracking_number ?? shipment.trackingNumber;
  const costCents = input.actual_cost_cents ?? shipment.rateCents;
  if (trackingNumber === null || costCents === null) {
    throw whitelabelError(400, 'VALIDATION_ERROR', 'A shipment without a label needs tracking_number and actual_cost_cents', {
      issues: [{ path: trackingNumber === null ? 'tracking_number' : 'actual_cost_cents', message: 'Required' }],
    });
  }
  const now = state.now();
  Object.assign(shipment, {
    status: 'IN_TRANSIT',
    trackingNumber,
    trackingUrl: input.tracking_url ?? (input.tracking_number ? trackingUrlFor(trackingNumber) : shipment.trackingUrl),
    carrier: input.carrier ?? shipment.carrier,
    actualCostCents: costCents,
    shippedAt: now,
  } satisfies Partial<Shipment>);
  state.release(order);
  state.wallet.balanceCents -= order.subtotalCents + costCents;
  order.actualShippingCents = costCents;
  order.status = 'SHIPPED';
  order.trackingPending = true;
  state.touch(order);
}

/** Applies a ShipStation delivery event; `changed` is false when it repeats the current status. */
export function applyShipStationEvent(state: WhitelabelState, event: ShipStationEvent) {
  const found = state.shipmentByTracking(event.tracking_number);
  if (!found) throw whitelabelError(404, 'NOT_FOUND', `No shipment with tracking number ${event.tracking_number}`);
  const { shipment, order } = found;
  const changed = shipment.status !== event.event;
  if (changed) {
    if (!EVENT_SOURCES[event.event].includes(shipment.status)) {
      throw invalidState(shipment.status, `A ${shipment.status} shipment cannot become ${event.event}`);
    }
    shipment.status = event.event;
    if (event.event === 'DELIVERED') {
      shipment.deliveredAt = event.occurred_at ? Date.parse(event.occurred_at) : state.now();
      if (order.status === 'SHIPPED') order.status = 'COMPLETE';
    }
    state.touch(order);
  }
  return { shipment, order, changed };
}

/** Orders with unacknowledged tracking, oldest shipment first. */
export function pendingTracking(state: WhitelabelState, limit: number) {
  const lastShipped = (order: Order) => Math.max(...order.shipments.map((s) => s.shippedAt ?? 0));
  const pending = state
    .orders()
    .filter((order) => order.trackingPending)
    .sort((a, b) => lastShipped(a) - lastShipped(b) || (a.id < b.id ? -1 : 1));
  return { orders: pending.slice(0, limit), hasMore: pending.length > limit };
}

/** Acknowledges the tracking of orders that have some; ignores the rest. */
export function acknowledgeTracking(state: WhitelabelState, orderIds: string[]) {
  const acknowledged: string[] = [];
  const ignored: string[] = [];
  for (const id of new Set(orderIds)) {
    const order = state.findOrder(id);
    if (order?.shipments.some((s) => s.shippedAt !== null)) {
      order.trackingPending = false;
      acknowledged.push(id);
    } else {
      ignored.push(id);
    }
  }
  return { acknowledged, ignored };
}
