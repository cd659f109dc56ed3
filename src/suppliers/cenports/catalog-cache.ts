/**
 * A value that may be minutes old (a catalog, the channel list): the first read waits for the
 * load; once the copy is older than `ttlMs`, readers still get it at once while ONE refresh runs
 * in the background, so no reader ever waits on a refresh after the first load. The shared
 * Snapshot makes readers wait on an expired value, which is right for stock but not here.
 */
export class CatalogCache<T> {
  #value: { data: T; at: number } | null = null;
  #inFlight: Promise<T> | null = null;

  constructor(
    private readonly ttlMs: number,
    private readonly load: () => Promise<T>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached copy (refreshing it behind the scenes when old); rejects only when the first load fails. */
  get(): Promise<T> {
    const value = this.#value;
    if (!value) return this.#refresh();
    if (this.now() - value.at >= this.ttlMs) {
      // A failed background refresh keeps the old copy; the next read tries again.
      this.#refresh().catch(() => undefined);
    }
    return Promise.resolve(value.data);
  }

  #refresh(): Promise<T> {
    this.#inFlight ??= this.load()
      .then((data) => {
        this.#value = { data, at: this.now() };
        return data;
      })
      .finally(() => {
        this.#inFlight = null;
      });
    return this.#inFlight;
  }
}
