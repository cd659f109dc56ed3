import type { ShipmentUpdateModel } from './messages.ts';

/**
 * Carries the live updates that are not rows in the store (shipment updates) to the subscribers
 * of every gateway process on the same store, this one included. Order updates need no bus: the
 * store announces each new order event itself (see order-event-relay.ts).
 */
export interface LiveBus {
  /** Resolves once sent; rejects with the database's error when the message could not be sent. */
  publishShipment(update: ShipmentUpdateModel): Promise<void>;
  close(): Promise<void>;
}
