/** Fixed reference instant the seeded data is spread before, so it never depends on the wall clock. */
export const REFERENCE_TIME = Date.UTC(2026, 10, 1);
export const DAY_MS = 86_400_000;

/** ISO 8601 without milliseconds, as the document's examples show */
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** YYYY-MM-DD in UTC */
export const ymd = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** DD/MM/YY in UTC, the order list's date form */
export function ddmmyy(ms: number): string {
  const [year, month, day] = ymd(ms).split('-') as [string, string, string];
  return `${day}/${month}/${year.slice(2)}`;
}

/** Parses a real calendar date YYYY-MM-DD to its UTC midnight; null otherwise. */
export function parseYmd(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) || ymd(ms) !== text ? null : ms;
}
