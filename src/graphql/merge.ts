import type { ListWindow, WindowPage } from '../suppliers/adapter.ts';

/** One supplier's list, as the merge reads it. */
export interface MergeSource<K extends string, T> {
  key: K;
  fetch(window: ListWindow): Promise<WindowPage<T>>;
}

/** How far the merge has read into each supplier's list: items consumed, per supplier. */
export type MergePosition<K extends string> = Partial<Record<K, number>>;

export interface MergeOptions<K extends string, T> {
  first: number;
  after: MergePosition<K>;
  /** negative when a comes first; must agree with each source's own order */
  compare(a: T, b: T): number;
  /** the gateway's filter, applied to every item (sources may have pushed some of it down) */
  accept?(item: T): boolean;
  /** true: read sources one after another (products) instead of interleaving them (orders) */
  concatenate?: boolean;
  /** a source that fails: its part is left out and the merge carries on without it */
  onSourceError?(key: K, error: unknown): void;
  /** bound on fetch rounds, so a very selective filter cannot call suppliers without end */
  maxRounds?: number;
}

export interface MergedPage<K extends string, T> {
  items: { item: T; source: K; position: MergePosition<K> }[];
  hasNextPage: boolean;
  end: MergePosition<K>;
}

interface SourceState<K extends string, T> {
  source: MergeSource<K, T>;
  consumed: number;
  buffer: T[];
  exhausted: boolean;
  failed: boolean;
}

/**
 * Merges per-supplier lists into one page in one global order. Each source is read in windows
 * from where the cursor left it, so paging on visits every item exactly once; a source that
 * fails is reported and skipped, never blanking the others.
 */
export async function mergePage<K extends string, T>(
  sources: readonly MergeSource<K, T>[],
  options: MergeOptions<K, T>,
): Promise<MergedPage<K, T>> {
  const states: SourceState<K, T>[] = sources.map((source) => ({
    source,
    consumed: options.after[source.key] ?? 0,
    buffer: [],
    exhausted: false,
    failed: false,
  }));
  const position = (): MergePosition<K> =>
    Object.fromEntries(states.filter((s) => s.consumed > 0).map((s) => [s.source.key, s.consumed])) as MergePosition<K>;
  const live = (s: SourceState<K, T>) => !s.failed && (s.buffer.length > 0 || !s.exhausted);
  const items: MergedPage<K, T>['items'] = [];
  let rounds = 0;
  const maxRounds = options.maxRounds ?? 4;

  while (items.length < options.first) {
    const candidates = options.concatenate ? states.filter(live).slice(0, 1) : states.filter(live);
    const starving = candidates.filter((s) => s.buffer.length === 0);
    if (starving.length > 0) {
      if (rounds >= maxRounds) break;
      rounds += 1;
      await Promise.all(starving.map((state) => refill(state, options.first, options.onSourceError)));
      continue;
    }
    if (candidates.length === 0) break;
    const next = candidates.reduce((best, s) => (options.compare(s.buffer[0]!, best.buffer[0]!) < 0 ? s : best));
    const item = next.buffer.shift()!;
    next.consumed += 1;
    if (!options.accept || options.accept(item)) items.push({ item, source: next.source.key, position: position() });
  }
  return { items, hasNextPage: states.some(live), end: position() };
}

async function refill<K extends string, T>(
  state: SourceState<K, T>,
  size: number,
  onError: ((key: K, error: unknown) => void) | undefined,
): Promise<void> {
  try {
    const page = await state.source.fetch({ offset: state.consumed, limit: size });
    state.buffer = page.items;
    state.exhausted = !page.hasMore;
    if (page.items.length === 0) state.exhausted = true;
  } catch (error) {
    state.failed = true;
    onError?.(state.source.key, error);
  }
}
