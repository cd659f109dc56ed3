import { fromJsonb, toJsonb, type Database } from '../store/index.ts';
import type { LiveBus } from './bus.ts';
import type { LiveHub } from './hub.ts';
import type { ShipmentUpdateModel } from './messages.ts';

/** The channel shipment updates travel on between gateway processes. */
export const SHIPMENT_UPDATES_CHANNEL = 'supplygraph_shipment_updates';

interface Envelope {
  /** the schema of the store that sent it: stores sharing one database must not hear each other */
  schema: string;
  update: ShipmentUpdateModel;
}

/**
 * The bus of gateway processes sharing a PostgreSQL store: NOTIFY to send, and each process's
 * LISTEN connection hands what arrives (its own messages included) to its hub. A NOTIFY payload is
 * limited to 8000 bytes; a shipment update is well under 1 KB.
 */
export async function createNotifyBus(database: Database, hub: LiveHub, logError: (error: unknown) => void): Promise<LiveBus> {
  const schema = await currentSchema(database);
  const stop = await database.listen(SHIPMENT_UPDATES_CHANNEL, (payload) => {
    try {
      const envelope = fromJsonb<Envelope>(JSON.parse(payload));
      if (envelope.schema === schema) hub.emit({ kind: 'shipment', update: envelope.update });
    } catch (error) {
      logError(error);
    }
  });
  return {
    async publishShipment(update) {
      await database.query(`SELECT pg_notify($1, $2)`, [SHIPMENT_UPDATES_CHANNEL, toJsonb({ schema, update } satisfies Envelope)]);
    },
    close: stop,
  };
}

/** The schema this store's tables live in (its search_path's first). */
export async function currentSchema(database: Database): Promise<string> {
  const [row] = await database.query<{ schema: string }>(`SELECT current_schema() AS schema`);
  return row!.schema;
}
