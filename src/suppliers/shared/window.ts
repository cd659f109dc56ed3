import type { ListWindow, WindowPage } from '../adapter.ts';

/** The window of a list the adapter already holds whole. */
export function sliceWindow<T>(items: readonly T[], window: ListWindow): WindowPage<T> {
  return {
    items: items.slice(window.offset, window.offset + window.limit),
    hasMore: window.offset + window.limit < items.length,
  };
}
