/**
 * How long a supplier asked to be left alone, from its Retry-After header: delta-seconds ("30")
 * or an HTTP-date ("Wed, 21 Oct 2026 07:28:00 GMT"). Undefined when absent or unreadable; never
 * negative (a date in the past means "now").
 */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
