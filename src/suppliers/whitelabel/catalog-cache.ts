import { Snapshot } from '../shared/snapshot.ts';

/**
 * A Snapshot that, once loaded, never makes a reader wait: past its TTL it answers with the last
 * copy and refreshes in the background (one refresh at a time). A failed refresh keeps the last
 * copy and the next read tries again. Only the very first load is waited on, and its failure is
 * the reader's.
 */
export class StaleWhileRefresh<T> {
  readonly #snapshot: Snapshot<T>;
  #last: T | undefined;

  constructor(ttlMs: number, load: () => Promise<T>, now: () => number = Date.now) {
    this.#snapshot = new Snapshot(
      ttlMs,
      async () => {
        const value = await load();
        this.#last = value;
        return value;
      },
      now,
    );
  }

  get(): Promise<T> {
    const fresh = this.#snapshot.peek();
    if (fresh !== undefined) return Promise.resolve(fresh);
    if (this.#last === undefined) return this.#snapshot.get();
    // The refresh's failure is not the reader's: it still has the last copy.
    this.#snapshot.get().catch(() => undefined);
    return Promise.resolve(this.#last);
  }
}
