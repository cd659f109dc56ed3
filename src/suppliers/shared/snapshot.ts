import { recordCacheLookup } from './cache-stats.ts';

/**
 * A value fetched at most once per `ttlMs`, with one fetch in flight however many callers wait:
 * for lists a supplier can only give whole (so paging through them is not one call per page).
 */
export class Snapshot<T> {
  #value: { data: T; at: number } | null = null;
  #inFlight: Promise<T> | null = null;
  /** bumped by invalidate(), so a fetch begun before it does not bring the old value back */
  #generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly load: () => Promise<T>,
    private readonly now: () => number = Date.now,
    /** counted under this name in the cache metrics */
    private readonly name?: string,
  ) {}

  /** The fresh value, fetching it when older than the TTL; rejects when the fetch fails. */
  get(): Promise<T> {
    const hit = this.#value !== null && this.now() - this.#value.at < this.ttlMs;
    if (this.name) recordCacheLookup(this.name, hit);
    if (hit) return Promise.resolve(this.#value!.data);
    if (this.#inFlight) return this.#inFlight;
    const generation = this.#generation;
    const loading = this.load()
      .then((data) => {
        if (generation === this.#generation) this.#value = { data, at: this.now() };
        return data;
      })
      .finally(() => {
        if (this.#inFlight === loading) this.#inFlight = null;
      });
    this.#inFlight = loading;
    return loading;
  }

  /** Drops the value (a write changed what it was read from): the next get() fetches afresh. */
  invalidate(): void {
    this.#value = null;
    this.#inFlight = null;
    this.#generation += 1;
  }

  /** The last value if still fresh, without fetching. */
  peek(): T | undefined {
    return this.#value && this.now() - this.#value.at < this.ttlMs ? this.#value.data : undefined;
  }
}
