import type { ListWindow } from '../adapter.ts';

/**
 * An offset/limit window cut into windows the supplier accepts (at most `max` items each, at
 * least one item, since a limit of 0 is refused), in order, to be fetched in parallel.
 */
export function splitWindow(window: ListWindow, max: number): ListWindow[] {
  const parts: ListWindow[] = [];
  const end = window.offset + Math.max(1, window.limit);
  for (let offset = window.offset; offset < end; offset += max) {
    parts.push({ offset, limit: Math.min(max, end - offset) });
  }
  return parts;
}
