import type { LiveHub } from './hub.ts';
import type { LiveMessage } from './messages.ts';

/** Updates waiting for a subscriber that reads slower than they come; past this it is ended. */
export const MAX_QUEUED = 1_000;

/**
 * One subscriber's stream: the hub's messages that `select` turns into a value (null drops the
 * message), in the order the hub emitted them. `return()` ends it at once, even while a read is
 * waiting, which an async generator cannot do. A subscriber that falls MAX_QUEUED behind is ended
 * with an error rather than buffered without bound; an error from `select` ends it too.
 */
export function liveFeed<T>(hub: LiveHub, select: (message: LiveMessage) => Promise<T | null> | T | null): AsyncIterableIterator<T> {
  const queued: T[] = [];
  const readers: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void }[] = [];
  let ended = false;
  let failure: unknown = null;
  let selecting = Promise.resolve();

  const end = (error: unknown = null) => {
    if (ended) return;
    ended = true;
    failure = error;
    stop();
    for (const reader of readers.splice(0)) {
      if (error) reader.reject(error);
      else reader.resolve({ value: undefined, done: true });
    }
  };

  const deliver = (value: T) => {
    const reader = readers.shift();
    if (reader) return reader.resolve({ value, done: false });
    queued.push(value);
    if (queued.length > MAX_QUEUED) end(new Error(`the subscriber fell more than ${MAX_QUEUED} updates behind`));
  };

  const stop = hub.listen((message) => {
    // Each message waits for the one before it, so an async `select` cannot reorder them.
    selecting = selecting.then(async () => {
      if (ended) return;
      const value = await select(message);
      if (value !== null && !ended) deliver(value);
    }).catch((error: unknown) => end(error));
  });

  const feed: AsyncIterableIterator<T> = {
    next() {
      if (queued.length > 0) return Promise.resolve({ value: queued.shift()!, done: false });
      if (ended) {
        const error = failure;
        failure = null;
        return error ? Promise.reject(error) : Promise.resolve({ value: undefined, done: true });
      }
      return new Promise((resolve, reject) => readers.push({ resolve, reject }));
    },
    async return() {
      queued.length = 0;
      end();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      queued.length = 0;
      end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return feed;
    },
  };
  return feed;
}
