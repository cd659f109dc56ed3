import { ORDER_EVENTS_CHANNEL, type Store } from '../store/index.ts';
import type { LiveHub } from './hub.ts';
import { currentSchema } from './notify-bus.ts';

/**
 * Hands every order event the store announces (see ORDER_EVENTS_CHANNEL) to this process's hub,
 * whichever process appended it. Announcements only name the row, so the events that arrive
 * together are read back in one query, and emitted in the order they were appended.
 */
const RECENT = 10_000;
const CATCH_UP_PAGE = 500;

export async function relayOrderEvents(store: Store, hub: LiveHub, logError: (error: unknown) => void): Promise<() => Promise<void>> {
  const schema = await currentSchema(store.database);
  let waiting: string[] = [];
  let reading = Promise.resolve();
  // The newest event handed on, and the recent ones, so a catch-up never repeats an event.
  // Starts at the events already there: a catch-up tells only what came after this process began.
  let newest = BigInt(await store.events.latestId());
  const recent = new Set<string>();

  const emit = (updates: Awaited<ReturnType<typeof store.events.byIds>>) => {
    for (const update of updates) {
      if (recent.has(update.id)) continue;
      recent.add(update.id);
      if (recent.size > RECENT) recent.delete(recent.values().next().value!);
      if (BigInt(update.id) > newest) newest = BigInt(update.id);
      hub.emit({ kind: 'order', update });
    }
  };
  const readWaiting = async () => {
    const ids = waiting;
    waiting = [];
    if (ids.length > 0) emit(await store.events.byIds(ids));
  };
  const catchUp = async () => {
    for (let page = await store.events.after(String(newest), CATCH_UP_PAGE); page.length > 0; page = await store.events.after(String(newest), CATCH_UP_PAGE)) {
      emit(page);
      if (page.length < CATCH_UP_PAGE) break;
    }
  };

  const stop = await store.database.listen(
    ORDER_EVENTS_CHANNEL,
    (payload) => {
      const announced = parseAnnouncement(payload);
      if (!announced || announced.schema !== schema) return;
      // With nobody subscribed in this process the event is not read back (a write through the
      // gateway then costs no extra query); it only moves the point a catch-up would start from.
      if (hub.listeners === 0 && waiting.length === 0) {
        reading = reading.then(() => {
          if (BigInt(announced.id) > newest) newest = BigInt(announced.id);
        });
        return;
      }
      waiting.push(announced.id);
      // Chained, so a batch is never emitted before the one announced ahead of it.
      reading = reading.then(readWaiting).catch(logError);
    },
    // The listening connection was lost and is back: what was announced meanwhile is read instead.
    () => {
      reading = reading.then(catchUp).catch(logError);
    },
  );
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
