import type { Caller } from '../auth/api-keys.ts';
import type { Store } from '../store/index.ts';
import type { SupplierRegistry } from '../suppliers/registry.ts';
import type { LiveBus } from './bus.ts';
import { liveFeed } from './feed.ts';
import { matchesOrderUpdate, matchesShipmentUpdate, followableBy, type OrderUpdateFilterValues, type ShipmentUpdateFilterValues } from './filters.ts';
import { LiveHub } from './hub.ts';
import { createInProcessBus } from './in-process-bus.ts';
import type { OrderUpdateModel, ShipmentUpdateModel } from './messages.ts';
import { createNotifyBus } from './notify-bus.ts';
import { relayOrderEvents } from './order-event-relay.ts';
import { startPollers, type PollingOptions } from './pollers/index.ts';

export type { OrderUpdateModel, ShipmentUpdateModel } from './messages.ts';
export type { OrderUpdateFilterValues, ShipmentUpdateFilterValues } from './filters.ts';
export type { PollingOptions } from './pollers/index.ts';

/** What subscriptions read: this process's stream of updates, filtered per subscriber. */
export interface LiveUpdates {
  /** Order updates the caller may see that pass the filter, from now until the iterator is returned. */
  orderUpdates(filter: OrderUpdateFilterValues, caller: Caller): AsyncIterableIterator<OrderUpdateModel>;
  shipmentUpdates(filter: ShipmentUpdateFilterValues, caller: Caller): AsyncIterableIterator<ShipmentUpdateModel>;
  close(): Promise<void>;
}

export interface LiveUpdatesOptions {
  store: Store;
  suppliers: SupplierRegistry;
  /** poll the suppliers that have no webhooks; off when absent */
  polling?: PollingOptions | false;
  now: () => number;
  logError: (error: unknown) => void;
}

/**
 * Live updates for one gateway process. Order updates are the store's order events, announced
 * by the store itself with NOTIFY as each is appended (mutations, webhooks and polls alike), so
 * every process on the store hears each committed event once. Shipment updates are not stored:
 * they travel on a bus, in-process on PGlite (one process) and NOTIFY on PostgreSQL.
 */
export async function startLiveUpdates(options: LiveUpdatesOptions): Promise<LiveUpdates> {
  const { store, logError } = options;
  const hub = new LiveHub();
  const bus: LiveBus = store.database.backend === 'postgres' ? await createNotifyBus(store.database, hub, logError) : createInProcessBus(hub);
  const stopRelay = await relayOrderEvents(store, hub, logError);
  const pollers = options.polling ? startPollers({ suppliers: options.suppliers, store, bus, options: options.polling, now: options.now, logError }) : [];

  return {
    orderUpdates: (filter, caller) => {
      const mayFollow = followableBy(store, caller);
      return liveFeed(hub, async (message) =>
        message.kind === 'order' && matchesOrderUpdate(message.update, filter) && (await mayFollow(message.update.supplier, message.update.supplierOrderId))
          ? message.update
          : null,
      );
    },
    shipmentUpdates: (filter, caller) => {
      const mayFollow = followableBy(store, caller);
      return liveFeed(hub, async (message) =>
        message.kind === 'shipment' &&
        matchesShipmentUpdate(message.update, filter) &&
        (await mayFollow(message.update.shipment.supplier, message.update.shipment.supplierOrderId))
          ? message.update
          : null,
      );
    },
    async close() {
      await Promise.all(pollers.map((poller) => poller.stop()));
      await stopRelay();
      await bus.close();
    },
  };
}
