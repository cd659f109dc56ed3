import { describe, expect, it } from 'vitest';
import { mergePage, type MergePosition, type MergeSource } from '../../src/graphql/merge.ts';

type Key = 'a' | 'b' | 'c';
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
    let after: MergePosition<Key> = {};
    for (let page = 0; page < 10; page++) {
      const result = await mergePage(sources, { first: 3, after, compare: newestFirst });
      seen.push(...result.items.map((e) => e.item.at));
      after = result.end;
      if (!result.hasNextPage) break;
    }
    expect(seen).toEqual([20, 17, 13, 9, 5, 4, 3, 2, 1]);
  });

  it('gives each edge the position just after it, so paging from any edge resumes there', async () => {
    const sources = [source('a', [1, 3]), source('b', [2, 4])];
    const page = await mergePage(sources, { first: 4, after: {}, compare: newestFirst });
    const resumed = await mergePage(sources, { first: 4, after: page.items[1]!.position, compare: newestFirst });
    expect(resumed.items.map((e) => e.item.at)).toEqual([2, 1]);
  });

  it('calls each source once per page when its window fills the page', async () => {
    const sources = [source('a', [1, 2, 3, 4, 5, 6]), source('b', [7, 8, 9, 10, 11, 12])];
    await mergePage(sources, { first: 4, after: {}, compare: newestFirst });
    expect(sources.map((s) => s.calls)).toEqual([1, 1]);
  });

  it('leaves out a failing source, reports it, and still returns the others', async () => {
    const broken: MergeSource<Key, Item> = { key: 'b', fetch: () => Promise.reject(new Error('down')) };
    const failures: Key[] = [];
    const page = await mergePage([source('a', [1, 2]), broken], {
      first: 5,
      after: {},
      compare: newestFirst,
      onSourceError: (key) => failures.push(key),
    });
    expect(page.items.map((e) => e.item.at)).toEqual([2, 1]);
    expect(failures).toEqual(['b']);
    expect(page.hasNextPage).toBe(false);
  });

  it('reads sources one after another when concatenating, without touching later ones early', async () => {
    const sources = [source('a', [1, 2, 3]), source('b', [4, 5])];
    const first = await mergePage(sources, { first: 2, after: {}, compare: () => 0, concatenate: true });
    expect(first.items.map((e) => e.item.key)).toEqual(['a', 'a']);
    expect(sources[1]!.calls).toBe(0);
    const second = await mergePage(sources, { first: 2, after: first.end, compare: () => 0, concatenate: true });
    expect(second.items.map((e) => `${e.item.key}${e.item.at}`)).toEqual(['a1', 'b5']);
  });

  it('applies the filter without losing its place', async () => {
    const sources = [source('a', [1, 2, 3, 4, 5, 6, 7, 8])];
    const even = (item: Item) => item.at % 2 === 0;
    const first = await mergePage(sources, { first: 2, after: {}, compare: newestFirst, accept: even });
    const second = await mergePage(sources, { first: 2, after: first.end, compare: newestFirst, accept: even });
    expect([...first.items, ...second.items].map((e) => e.item.at)).toEqual([8, 6, 4, 2]);
  });
});
