/**
 * A point in time as callers hold one: a Date, an ISO 8601 string or epoch milliseconds. The
 * store returns instants as UTC ISO strings (millisecond precision), as the domain models do.
 */
export type Instant = Date | string | number;

/** The Date of an instant; throws a RangeError on text or numbers that are not a time. */
export function toDate(instant: Instant): Date {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a point in time: ${JSON.stringify(instant)}`);
  return date;
}

export function toDateOrNull(instant: Instant | null | undefined): Date | null {
  return instant == null ? null : toDate(instant);
}

/** The ISO string of a timestamptz column value. */
export function isoOrNull(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

export function iso(value: Date): string {
  return value.toISOString();
}
