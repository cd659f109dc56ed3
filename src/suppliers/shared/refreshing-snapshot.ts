import { recordCacheLookup } from './cache-stats.ts';

/**
 * A value loaded once and then refreshed in the background: after the first load a reader never
 * waits, it gets the last good value while a refresh older than `ttlMs` runs (stale while
 * revalidate). One load in flight at a time. The shared Snapshot waits on every expiry instead,
 * which suits orders but would make a catalog reader wait three calls every ten minutes.
 */
export class RefreshingSnapshot<T> {
  #value: { data: T; at: number } | null = null;
  #inFlight: Promise<T> | null = null;
  #lastFailureAt = Number.NEGATIVE_INFINITY;
  /** bumped by invalidate(), so a load begun before it does not bring the old value back */
  #generation = 0;

  constructor(
    private readonly options: {
      ttlMs: number;
      load: () => Promise<T>;
      /** after a failed background refresh, wait this long before the next (default 30 s) */
      retryAfterFailureMs?: number;
      now?: () => number;
      /** counted under this name in the cache metrics (a stale value served counts as a hit) */
      name?: string;
    },
  ) {}

  /** The value; waits only for the first load, which rejects when it fails. */
  get(): Promise<T> {
    const value = this.#value;
    if (this.options.name) recordCacheLookup(this.options.name, value !== null);
    if (!value) return this.#refresh();
    if (this.#isStale(value) && this.#mayRetry()) {
      // A failed background refresh keeps the stale value; readers are not failed for it.
      this.#refresh().catch(() => undefined);
    }
    return Promise.resolve(value.data);
  }

  /** Drops the value (the supplier changed it): the next get() loads afresh. */
  invalidate(): void {
    this.#value = null;
    this.#generation += 1;
    this.#inFlight = null;
  }

  /** The last value loaded, fresh or not, without loading; undefined before the first load. */
  peek(): { data: T; fresh: boolean } | undefined {
    return this.#value ? { data: this.#value.data, fresh: !this.#isStale(this.#value) } : undefined;
  }

  /** Resolves when no load is in flight (for tests and orderly shutdown). */
  async settled(): Promise<void> {
    await this.#inFlight?.catch(() => undefined);
  }

  #now(): number {
    return (this.options.now ?? Date.now)();
  }

  #isStale(value: { at: number }): boolean {
    return this.#now() - value.at >= this.options.ttlMs;
  }

  #mayRetry(): boolean {
    return this.#now() - this.#lastFailureAt >= (this.options.retryAfterFailureMs ?? 30_000);
  }

  #refresh(): Promise<T> {
    if (this.#inFlight) return this.#inFlight;
    const generation = this.#generation;
    const loading = this.options
      .load()
      .then(
        (data) => {
          if (generation === this.#generation) this.#value = { data, at: this.#now() };
          return data;
        },
        (error: unknown) => {
          this.#lastFailureAt = this.#now();
          throw error;
        },
      )
      .finally(() => {
        if (this.#inFlight === loading) this.#inFlight = null;
      });
    this.#inFlight = loading;
    return loading;
  }
}
