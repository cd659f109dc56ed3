import type { LiveBus } from './bus.ts';
import type { LiveHub } from './hub.ts';

/** The bus of a gateway that is the only process on its store (PGlite): straight to its own hub. */
export function createInProcessBus(hub: LiveHub): LiveBus {
  return {
    async publishShipment(update) {
      hub.emit({ kind: 'shipment', update });
    },
    async close() {},
  };
}
