/** What a key's budget holds, as `extensions.cost.throttleStatus` reports it. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export type TakeResult = { taken: true } | { taken: false; retryAfterMs: number };

interface Level {
  points: number;
  at: number;
}

/**
 * A token bucket per API key: it holds at most `size` points and refills at `restorePerSecond`.
 * Kept in this process's memory: with several gateway processes each has its own buckets, so a
 * key's budget across the fleet is the per-process budget times the number of processes. The
 * keys are the configured callers, a bounded set, so buckets are never evicted.
 */
export class CostBuckets {
  readonly #levels = new Map<string, Level>();

  constructor(
    readonly size: number,
    readonly restorePerSecond: number,
    /** a monotonic clock in milliseconds */
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes `cost` points when the bucket holds them; otherwise takes nothing and says when it will. */
  take(key: string, cost: number): TakeResult {
    const level = this.#refilled(key);
    if (level.points >= cost) {
      level.points -= cost;
      return { taken: true };
    }
    return { taken: false, retryAfterMs: Math.ceil(((cost - level.points) / this.restorePerSecond) * 1000) };
  }

  /**
   * Gives back what was taken beyond the actual cost; a negative refund (the operation cost more
   * than estimated) takes the difference, down to an empty bucket and never below.
   */
  refund(key: string, points: number): void {
    const level = this.#refilled(key);
    level.points = Math.min(this.size, Math.max(0, level.points + points));
  }

  status(key: string): ThrottleStatus {
    return { maximumAvailable: this.size, currentlyAvailable: Math.floor(this.#refilled(key).points), restoreRate: this.restorePerSecond };
  }

  #refilled(key: string): Level {
    const now = this.now();
    let level = this.#levels.get(key);
    if (!level) this.#levels.set(key, (level = { points: this.size, at: now }));
    level.points = Math.min(this.size, level.points + ((now - level.at) / 1000) * this.restorePerSecond);
    level.at = now;
    return level;
  }
}
