/** Hits and misses of the adapters' caches, by cache name, for the gateway's metrics. */
export interface CacheCounts {
  hits: number;
  misses: number;
}

// Process-wide like the caches' callers (Prometheus reads it at scrape time), so the caches need
// no metrics object passed through every adapter.
const counts = new Map<string, CacheCounts>();

/** Counts one lookup of the named cache. */
export function recordCacheLookup(cache: string, hit: boolean): void {
  const entry = counts.get(cache) ?? { hits: 0, misses: 0 };
  if (hit) entry.hits += 1;
  else entry.misses += 1;
  counts.set(cache, entry);
}

/** The counts so far, by cache name. */
export function cacheCounts(): ReadonlyMap<string, Readonly<CacheCounts>> {
  return counts;
}
