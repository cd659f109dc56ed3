/** Cenports renders instants with microseconds ("2019-11-01T10:15:14.000000Z") and dates as Y-m-d. */

/** The fixed "today" seeded data is spread before, so the same seed always serves the same data. */
export const SEED_REFERENCE_MS = Date.UTC(2026, 10, 1);

export const DAY_MS = 86_400_000;

export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function ymd(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Start of a Y-m-d day in UTC, or undefined when the text is not a real calendar date. */
export function parseYmd(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) || ymd(ms) !== text ? undefined : ms;
}
