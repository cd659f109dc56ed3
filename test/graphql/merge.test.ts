import { describe, expect, it } from 'vitest';
import { MERGE_START, mergePage, type MergePosition, type MergeSource } from '../../src/graphql/merge.ts';

type Key = 'a' | 'b' | 'c' | 'd' | 'e';
interface Item {
  key: Key;
  at: number;
}

/** A source over a fixed list sorted newest first, counting the windows it serves. */
function source(key: Key, times: number[]): MergeSource<Key, Item> & { calls: number } {
  const items = times.map((at) => ({ key, at })).sort((x, y) => y.at - x.at);
  const s = {
    key,
    calls: 0,
    async fetch({ offset, limit }: { offset: number; limit: number }) {
      s.calls += 1;
      return { items: items.slice(offset, offset + limit), hasMore: offset + limit < items.length };
    },
  };
  return s;
}

const newestFirst = (x: Item, y: Item) => y.at - x.at;

describe('mergePage', () => {
  it('pages through several sources newest first, visiting every item exactly once', async () => {
    const sources = [source('a', [1, 5, 9, 13, 17]), source('b', [2, 3, 4, 20]), source('c', [])];
    const seen: number[] = [];
    let after: MergePosition<Key> = MERGE_START;
    for (let page = 0; page < 10; page++) {
      const result = await mergePage(sources, { first: 3, after, compare: newestFirst });
      seen.push(...result.items.map((e) => e.item.at));
      after = result.end;
      if (!result.hasNextPage) break;
    }
    expect(seen).toEqual([20, 17, 13, 9, 5, 4, 3, 2, 1]);
  });

  describe('with items added at the head of a source between pages (new orders, newest first)', () => {
    /** A source whose list can grow at its head, as a supplier's newest-first order list does. */
    function growing(key: Key, times: number[]) {
      const items = times.map((at) => ({ key, at })).sort((x, y) => y.at - x.at);
      return {
        key,
        add: (...at: number[]) => items.unshift(...at.map((t) => ({ key, at: t })).sort((x, y) => y.at - x.at)),
        async fetch({ offset, limit }: { offset: number; limit: number }) {
          return { items: items.slice(offset, offset + limit), hasMore: offset + limit < items.length };
        },
      };
    }
    const identify = (item: Item) => `${item.key}${item.at}`;
    const pageThrough = async (sources: ReturnType<typeof growing>[], between: (page: number) => void, options: { identify?: typeof identify }) => {
      const seen: string[] = [];
      let after: MergePosition<Key> = MERGE_START;
      for (let page = 0; page < 20; page++) {
        const result = await mergePage(sources, { first: 3, after, compare: newestFirst, ...options });
        seen.push(...result.items.map((e) => identify(e.item)));
        if (!result.hasNextPage) break;
        after = result.end;
        between(page);
      }
      return seen;
    };

    it('visits every item that was there when paging began exactly once, in order', async () => {
      const sources = [growing('a', [1, 5, 9, 13, 17]), growing('b', [2, 3, 4, 20])];
      let next = 100;
      const seen = await pageThrough(sources, () => sources.forEach((s) => s.add(next++, next++)), { identify });
      expect(seen).toEqual(['b20', 'a17', 'a13', 'a9', 'a5', 'b4', 'b3', 'b2', 'a1']);
    });

    it('reads the pushed-down items again without ids, which is why the cursor keeps them', async () => {
      const sources = [growing('a', [1, 5, 9, 13, 17]), growing('b', [2, 3, 4, 20])];
      let next = 100;
      const seen = await pageThrough(sources, () => sources.forEach((s) => s.add(next++, next++)), {});
      expect(new Set(seen).size).toBeLessThan(seen.length);
    });

    it('loses nothing when more were added than a window holds: it falls back to the count', async () => {
      const sources = [growing('a', [1, 2, 3, 4, 5, 6])];
      let next = 100;
      const seen = await pageThrough(sources, (page) => page === 0 && sources[0]!.add(...Array.from({ length: 8 }, () => next++)), { identify });
      for (const at of [1, 2, 3, 4, 5, 6]) expect(seen).toContain(`a${at}`);
    });
  });

  it('gives each edge the position just after it, so paging from any edge resumes there', async () => {
    const sources = [source('a', [1, 3]), source('b', [2, 4])];
    const page = await mergePage(sources, { first: 4, after: MERGE_START, compare: newestFirst });
    const resumed = await mergePage(sources, { first: 4, after: page.items[1]!.position, compare: newestFirst });
    expect(resumed.items.map((e) => e.item.at)).toEqual([2, 1]);
  });

  it('calls each source once per page when its window fills the page', async () => {
    const sources = [source('a', [1, 2, 3, 4, 5, 6]), source('b', [7, 8, 9, 10, 11, 12])];
    await mergePage(sources, { first: 4, after: MERGE_START, compare: newestFirst });
    expect(sources.map((s) => s.calls)).toEqual([1, 1]);
  });

  it('leaves out a failing source, reports it, and still returns the others', async () => {
    const broken: MergeSource<Key, Item> = { key: 'b', fetch: () => Promise.reject(new Error('down')) };
    const failures: Key[] = [];
    const page = await mergePage([source('a', [1, 2]), broken], {
      first: 5,
      after: MERGE_START,
      compare: newestFirst,
      onSourceError: (key) => failures.push(key),
    });
    expect(page.items.map((e) => e.item.at)).toEqual([2, 1]);
    expect(failures).toEqual(['b']);
    expect(page.hasNextPage).toBe(false);
  });

  it('reads sources one after another when concatenating, without touching later ones early', async () => {
    const sources = [source('a', [1, 2, 3]), source('b', [4, 5])];
    const first = await mergePage(sources, { first: 2, after: MERGE_START, compare: () => 0, concatenate: true });
    expect(first.items.map((e) => e.item.key)).toEqual(['a', 'a']);
    expect(sources[1]!.calls).toBe(0);
    const second = await mergePage(sources, { first: 2, after: first.end, compare: () => 0, concatenate: true });
    expect(second.items.map((e) => `${e.item.key}${e.item.at}`)).toEqual(['a1', 'b5']);
  });

  it('applies the filter without losing its place', async () => {
    const sources = [source('a', [1, 2, 3, 4, 5, 6, 7, 8])];
    const even = (item: Item) => item.at % 2 === 0;
    const first = await mergePage(sources, { first: 2, after: MERGE_START, compare: newestFirst, accept: even });
    const second = await mergePage(sources, { first: 2, after: first.end, compare: newestFirst, accept: even });
    expect([...first.items, ...second.items].map((e) => e.item.at)).toEqual([8, 6, 4, 2]);
  });

  it('reaches the last of five concatenated sources, reading a finished source never again', async () => {
    const keys: Key[] = ['a', 'b', 'c', 'd', 'e'];
    const sources = keys.map((key, i) => source(key, [i * 10 + 1, i * 10 + 2, i * 10 + 3]));
    const seen: string[] = [];
    let after: MergePosition<Key> = MERGE_START;
    let last = null;
    for (let page = 0; page < 20; page++) {
      last = await mergePage(sources, { first: 2, after, compare: () => 0, concatenate: true });
      expect(last.items.length).toBeGreaterThan(0);
      seen.push(...last.items.map((e) => `${e.item.key}${e.item.at}`));
      after = last.end;
      if (!last.hasNextPage) break;
    }
    expect(last?.hasNextPage).toBe(false);
    expect(seen).toEqual(keys.flatMap((key, i) => [3, 2, 1].map((n) => `${key}${i * 10 + n}`)));
    // Two windows of two cover three items; a finished source is not asked for its empty tail.
    expect(sources.map((s) => s.calls)).toEqual([2, 2, 2, 2, 2]);
    expect(after.finished).toEqual(keys);
  });

  it('spends no round on sources that turn out to be at their end', async () => {
    const empty = ['a', 'b', 'c', 'd'] as const;
    const sources = [...empty.map((key) => source(key, [])), source('e', [1, 2, 3])];
    const page = await mergePage(sources, { first: 3, after: MERGE_START, compare: () => 0, concatenate: true, maxRounds: 1 });
    expect(page.items.map((e) => e.item.at)).toEqual([3, 2, 1]);
    expect(page.hasNextPage).toBe(false);
  });

  it('never returns an empty page that claims a next one: a selective filter reads on, in growing windows', async () => {
    const sources = [source('a', Array.from({ length: 60 }, (_, i) => i + 1)), source('b', Array.from({ length: 40 }, (_, i) => 100 + i))];
    const onlyOne = (item: Item) => item.at === 1;
    const page = await mergePage(sources, { first: 2, after: MERGE_START, compare: newestFirst, accept: onlyOne, maxRounds: 1 });
    expect(page.items.map((e) => e.item.at)).toEqual([1]);
    expect(page.hasNextPage).toBe(false);
    // Windows of 2, 4, 8, … cover 60 items in a handful of calls, not 30.
    expect(sources[0]!.calls).toBeLessThanOrEqual(7);
    const none = await mergePage(sources, { first: 2, after: MERGE_START, compare: newestFirst, accept: () => false });
    expect(none.items).toEqual([]);
    expect(none.hasNextPage).toBe(false);
    expect(none.end.finished).toEqual(['a', 'b']);
  });

  it('bounds the reading for a filter that matches nothing: an empty page with a cursor past what was read', async () => {
    const long = source('a', Array.from({ length: 5_000 }, (_, i) => i + 1));
    const page = await mergePage([long], { first: 10, after: MERGE_START, compare: newestFirst, accept: () => false });
    expect(page.items).toEqual([]);
    expect(page.hasNextPage).toBe(true);
    // ten windows growing from 10 to 100: some hundreds of items, not all five thousand
    expect(long.calls).toBe(10);
    const read = page.end.consumed.a!;
    expect(read).toBeGreaterThan(500);
    expect(read).toBeLessThan(1_000);
    // paging on resumes past what was read: the next item on, and nothing before it again
    const wanted = 5_000 - read - 5;
    const next = await mergePage([long], { first: 10, after: page.end, compare: newestFirst, accept: (item) => item.at >= wanted - 1 });
    expect(next.items.map((e) => e.item.at)).toEqual([5_000 - read, 5_000 - read - 1, 5_000 - read - 2, 5_000 - read - 3, 5_000 - read - 4, wanted, wanted - 1]);
  });

  it('stops at maxRounds once the page has an item, and resumes from there', async () => {
    const sources = [source('a', Array.from({ length: 20 }, (_, i) => i + 1))];
    const even = (item: Item) => item.at % 2 === 0;
    const page = await mergePage(sources, { first: 5, after: MERGE_START, compare: newestFirst, accept: even, maxRounds: 1 });
    expect(page.items.map((e) => e.item.at)).toEqual([20, 18, 16]);
    expect(page.hasNextPage).toBe(true);
    const next = await mergePage(sources, { first: 5, after: page.end, compare: newestFirst, accept: even, maxRounds: 1 });
    expect(next.items.map((e) => e.item.at)).toEqual([14, 12]);
  });

  it('does not mark a failed source finished, so the next page asks it again', async () => {
    let failures = 1;
    const flaky = source('b', [2, 4]);
    const sometimes: MergeSource<Key, Item> = {
      key: 'b',
      fetch: (window) => (failures-- > 0 ? Promise.reject(new Error('down')) : flaky.fetch(window)),
    };
    const sources = [source('a', [1, 3]), sometimes];
    const first = await mergePage(sources, { first: 5, after: MERGE_START, compare: newestFirst, onSourceError: () => {} });
    expect(first.items.map((e) => e.item.at)).toEqual([3, 1]);
    expect(first.end.finished).toEqual(['a']);
    const again = await mergePage(sources, { first: 5, after: first.end, compare: newestFirst });
    expect(again.items.map((e) => e.item.at)).toEqual([4, 2]);
    expect(again.hasNextPage).toBe(false);
  });
});
