import type { ListWindow, WindowPage } from '../adapter.ts';

/** Cenports' `limit` bounds (spec: 1 to 300, larger answers 422). */
export const MAX_PAGE_SIZE = 300;
/** Cenports' `orders` filter is a comma list of at most 255 characters (longer answers 422). */
export const MAX_ORDERS_PARAM = 255;

/** One `isPaginated=true&page=&limit=` request. */
export interface PageRequest {
  page: number;
  size: number;
}

/**
 * The pages covering a window. The page size is the smallest in [limit, max] that puts the whole
 * window in one page, so a window costs one call when one can do; otherwise pages of the window's
 * own size (two calls, or more only for a window wider than the maximum page).
 */
export function planPages(window: ListWindow, max = MAX_PAGE_SIZE): PageRequest[] {
  const offset = Math.max(0, window.offset);
  // A zero-width window still asks for one item, to learn whether the list goes on.
  const limit = Math.max(1, window.limit);
  const last = offset + limit - 1;
  for (let size = limit; size <= max; size += 1) {
    if (Math.floor(offset / size) === Math.floor(last / size)) return [{ page: Math.floor(offset / size) + 1, size }];
  }
  const size = Math.min(limit, max);
  const pages: PageRequest[] = [];
  for (let index = Math.floor(offset / size); index <= Math.floor(last / size); index += 1) pages.push({ page: index + 1, size });
  return pages;
}

/** What one page answered: its items and the total across all pages (the `pagination` block). */
export interface FetchedPage<T> {
  items: T[];
  total: number;
}

/** Reads a window through planPages, the pages in parallel. */
export async function readWindow<T>(
  window: ListWindow,
  fetchPage: (request: PageRequest) => Promise<FetchedPage<T>>,
): Promise<WindowPage<T>> {
  const plan = planPages(window);
  const pages = await Promise.all(plan.map(fetchPage));
  const first = plan[0]!;
  const skip = Math.max(0, window.offset) - (first.page - 1) * first.size;
  const items = pages.flatMap((page) => page.items).slice(skip, skip + Math.max(0, window.limit));
  const total = Math.max(...pages.map((page) => page.total));
  return { items, hasMore: Math.max(0, window.offset) + Math.max(0, window.limit) < total };
}

/** Whether an id can travel in a comma list at all (the supplier trims around commas). */
export function listable(id: string): boolean {
  return id !== '' && !id.includes(',') && id.trim() === id && id.length <= MAX_ORDERS_PARAM;
}

/** Distinct listable ids packed greedily into comma lists of at most `maxChars` characters. */
export function commaLists(ids: readonly string[], maxChars = MAX_ORDERS_PARAM): string[] {
  const lists: string[] = [];
  let current = '';
  for (const id of new Set(ids.filter(listable))) {
    if (current === '') current = id;
    else if (current.length + 1 + id.length <= maxChars) current += `,${id}`;
    else {
      lists.push(current);
      current = id;
    }
  }
  if (current !== '') lists.push(current);
  return lists;
}
