import type { ListWindow, WindowPage } from '../suppliers/adapter.ts';

/** One supplier's list, as the merge reads it. */
export interface MergeSource<K extends string, T> {
  key: K;
  fetch(window: ListWindow): Promise<WindowPage<T>>;
}

/** Items consumed, per source. */
export type ConsumedCounts<K extends string> = Partial<Record<K, number>>;

/** How far the merge has read: items consumed per source, and the sources read to their end. */
export interface MergePosition<K extends string> {
  consumed: ConsumedCounts<K>;
  /** never read again: a finished source costs no call and no round on later pages */
  finished: readonly K[];
  /** the id of the last item consumed per source, where the merge was told how to identify items */
  last?: Partial<Record<K, string>>;
}

/** The position before the first page. */
export const MERGE_START: MergePosition<never> = { consumed: {}, finished: [] };

export interface MergeOptions<K extends string, T> {
  first: number;
  after: MergePosition<K>;
  /** negative when a comes first; must agree with each source's own order */
  compare(a: T, b: T): number;
  /** the gateway's filter, applied to every item (sources may have pushed some of it down) */
  accept?(item: T): boolean;
  /** true: read sources one after another (products) instead of interleaving them (orders) */
  concatenate?: boolean;
  /**
   * An item's id within its source. With it, a page read after others were added at the head of a
   * source's list (new orders, newest first) finds where the last page stopped by that item rather
   * than by its count alone, so the items pushed down are not read twice.
   */
  identify?(item: T): string;
  /** a source that fails: its part is left out and the merge carries on without it */
  onSourceError?(key: K, error: unknown): void;
  /**
   * Bound on fetch rounds once the page has an item, so a selective filter cannot keep calling
   * suppliers for a page it could already return. Rounds that only find sources at their end
   * are not counted.
   */
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
  /** the id of the last item consumed, where items have one */
  last: string | undefined;
  /** the last page's final item is still to be found again in this source's first window */
  resuming: boolean;
  buffer: T[];
  exhausted: boolean;
  failed: boolean;
}

/** Windows grow up to this many items while a page has found nothing, to scan in fewer calls. */
const MAX_SCAN_WINDOW = 100;
/**
 * A page that has found nothing reads on, so an empty page rarely claims a next one, but for at
 * most this many rounds (windows growing to 100: about a thousand items a supplier): one query
 * with a filter no supplier can apply must not spend a supplier's whole rate limit. Past it the
 * page comes back empty with hasNextPage and a cursor past what was read, and paging on goes on
 * from there.
 */
const MAX_EMPTY_ROUNDS = 10;

/**
 * Merges per-supplier lists into one page in one global order. Each source is read in windows
 * from where the position left it, so paging on visits every item exactly once; a source that
 * fails is reported and skipped, never blanking the others. A page comes back empty only when
 * every source is finished (or failed), and then says it has no next page, or when a filter
 * found nothing in MAX_EMPTY_ROUNDS rounds of reading.
 */
export async function mergePage<K extends string, T>(
  sources: readonly MergeSource<K, T>[],
  options: MergeOptions<K, T>,
): Promise<MergedPage<K, T>> {
  const states: SourceState<K, T>[] = sources.map((source) => {
    const finished = options.after.finished.includes(source.key);
    const consumed = options.after.consumed[source.key] ?? 0;
    const last = options.identify ? options.after.last?.[source.key] : undefined;
    return { source, consumed, last, resuming: last !== undefined && consumed > 0, buffer: [], exhausted: finished, failed: false };
  });
  const live = (s: SourceState<K, T>) => !s.failed && (s.buffer.length > 0 || !s.exhausted);
  const items: MergedPage<K, T>['items'] = [];
  let rounds = 0;
  let emptyRounds = 0;
  const maxRounds = options.maxRounds ?? 4;

  while (items.length < options.first) {
    const candidates = options.concatenate ? states.filter(live).slice(0, 1) : states.filter(live);
    const starving = candidates.filter((s) => s.buffer.length === 0);
    if (starving.length > 0) {
      if (items.length > 0 ? rounds >= maxRounds : emptyRounds >= MAX_EMPTY_ROUNDS) break;
      const size = items.length > 0 ? options.first : Math.max(options.first, Math.min(options.first * 2 ** emptyRounds, MAX_SCAN_WINDOW));
      const found = await Promise.all(starving.map((state) => refill(state, size, options)));
      if (found.some(Boolean)) {
        rounds += 1;
        if (items.length === 0) emptyRounds += 1;
      }
      continue;
    }
    if (candidates.length === 0) break;
    const next = candidates.reduce((best, s) => (options.compare(s.buffer[0]!, best.buffer[0]!) < 0 ? s : best));
    const item = next.buffer.shift()!;
    next.consumed += 1;
    next.last = options.identify?.(item);
    if (!options.accept || options.accept(item)) items.push({ item, source: next.source.key, position: positionOf(states) });
  }
  return { items, hasNextPage: states.some(live), end: positionOf(states) };
}

function positionOf<K extends string, T>(states: readonly SourceState<K, T>[]): MergePosition<K> {
  const finished = states.filter((s) => !s.failed && s.exhausted && s.buffer.length === 0);
  const reading = states.filter((s) => !finished.includes(s) && s.consumed > 0);
  const identified = reading.filter((s) => s.last !== undefined);
  return {
    consumed: Object.fromEntries(reading.map((s) => [s.source.key, s.consumed])) as ConsumedCounts<K>,
    finished: finished.map((s) => s.source.key),
    ...(identified.length > 0 && { last: Object.fromEntries(identified.map((s) => [s.source.key, s.last])) as Partial<Record<K, string>> }),
  };
}

/** Reads the source's next window; true when it brought items. */
async function refill<K extends string, T>(state: SourceState<K, T>, size: number, options: MergeOptions<K, T>): Promise<boolean> {
  try {
    if (state.resuming) return await resume(state, size, options.identify!);
    const page = await state.source.fetch({ offset: state.consumed, limit: size });
    state.buffer = page.items;
    state.exhausted = !page.hasMore || page.items.length === 0;
    return page.items.length > 0;
  } catch (error) {
    state.failed = true;
    options.onSourceError?.(state.source.key, error);
    return false;
  }
}

/**
 * A later page's first read of a source: one item earlier than the count says, to find the last
 * page's final item. Found further down, items were added above it since (all already passed, or
 * new and ahead of where paging stands): everything up to it is skipped. Not found (more were
 * added than the window holds, or it is gone), the count alone decides, as without ids.
 */
async function resume<K extends string, T>(state: SourceState<K, T>, size: number, identify: (item: T) => string): Promise<boolean> {
  state.resuming = false;
  const offset = state.consumed - 1;
  const page = await state.source.fetch({ offset, limit: size + 1 });
  const at = page.items.findIndex((item) => identify(item) === state.last);
  const skipped = at === -1 ? Math.min(1, page.items.length) : at + 1;
  state.consumed = offset + skipped;
  state.buffer = page.items.slice(skipped);
  state.exhausted = !page.hasMore || page.items.length === 0;
  // Nothing left in this window but more in the source: the next round reads on from the new count.
  return state.buffer.length > 0 || (page.hasMore && page.items.length > 0);
}
