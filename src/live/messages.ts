import type { ShipmentModel } from '../domain/models.ts';
import type { ShipmentStatus } from '../domain/status.ts';
import type { OrderEvent, OrderEventSource } from '../store/index.ts';

/** An order's status change as subscribers get it: the order event as the store recorded it. */
export type OrderUpdateModel = OrderEvent;

/** A shipment seen in a state it was not in before (new, a new status or new tracking). */
export interface ShipmentUpdateModel {
  shipment: ShipmentModel;
  /** the status it had when last seen; null for a shipment seen for the first time */
  previousStatus: ShipmentStatus | null;
  source: OrderEventSource;
  /** when the change happened, or when the gateway first saw it where the supplier does not say */
  occurredAt: string;
}

/** What travels to subscribers, in every gateway process sharing the store. */
export type LiveMessage = { kind: 'order'; update: OrderUpdateModel } | { kind: 'shipment'; update: ShipmentUpdateModel };
