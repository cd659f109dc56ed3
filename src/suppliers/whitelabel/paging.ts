import type { ListWindow } from '../adapter.ts';

/** The pages of one size (1-based numbers) that hold a window, and where the window starts in the first. */
export interface PagePlan {
  size: number;
  pages: number[];
  skip: number;
}

/**
 * Translates a window into the fewest page/limit calls: the smallest page size in [limit, max]
 * that holds the whole window in one page; else pages of `limit` (two at most); and for a window
 * wider than `max`, consecutive pages of `max`.
 */
export function planPages(window: ListWindow, max: number): PagePlan {
  const limit = Math.max(1, window.limit);
  const first = window.offset;
  const last = window.offset + limit - 1;
  if (limit <= max) {
    for (let size = limit; size <= max; size += 1) {
      if (Math.floor(first / size) === Math.floor(last / size)) return plan(size, first, last);
    }
    return plan(limit, first, last);
  }
  return plan(max, first, last);
}

function plan(size: number, first: number, last: number): PagePlan {
  const firstPage = Math.floor(first / size) + 1;
  const lastPage = Math.floor(last / size) + 1;
  const pages = Array.from({ length: lastPage - firstPage + 1 }, (_, index) => firstPage + index);
  return { size, pages, skip: first - (firstPage - 1) * size };
}
