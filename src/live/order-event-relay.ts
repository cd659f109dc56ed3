import { ORDER_EVENTS_CHANNEL, type Store } from '../store/index.ts';
import type { LiveHub } from './hub.ts';
import { currentSchema } from './notify-bus.ts';

/**
 * Hands every order event the store announces (see ORDER_EVENTS_CHANNEL) to this process's hub,
 * whichever process appended it. Announcements only name the row, so the events that arrive
 * together are read back in one query, and emitted in the order they were appended.
 */
export async function relayOrderEvents(store: Store, hub: LiveHub, logError: (error: unknown) => void): Promise<() => Promise<void>> {
  const schema = await currentSchema(store.database);
  let waiting: string[] = [];
  let reading = Promise.resolve();

  const readWaiting = async () => {
    const ids = waiting;
    waiting = [];
    if (ids.length === 0) return;
    for (const update of await store.events.byIds(ids)) hub.emit({ kind: 'order', update });
  };

  const stop = await store.database.listen(ORDER_EVENTS_CHANNEL, (payload) => {
    const announced = parseAnnouncement(payload);
    if (!announced || announced.schema !== schema) return;
    waiting.push(announced.id);
    // Chained, so a batch is never emitted before the one announced ahead of it.
    reading = reading.then(readWaiting).catch(logError);
  });
  return async () => {
    await stop();
    await reading;
  };
}

function parseAnnouncement(payload: string): { schema: string; id: string } | null {
  try {
    const value = JSON.parse(payload) as { schema?: unknown; id?: unknown };
    return typeof value.schema === 'string' && typeof value.id === 'string' && /^\d+$/.test(value.id) ? { schema: value.schema, id: value.id } : null;
  } catch {
    return null;
  }
}
