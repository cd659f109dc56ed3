/**
 * jsonb snapshots that keep bigints exact. JSON has no bigint and a float would round money, so
 * each bigint (Money.minor) is written as {"$bigint": "<decimal digits>"} and read back as a
 * bigint. Everything else is plain JSON: Dates become ISO strings, undefined fields disappear.
 */
const TAG = '$bigint';

/** The jsonb parameter text for value; pass it as `$n::jsonb`. */
export function toJsonb(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint' ? { [TAG]: item.toString() } : item,
  );
}

/**
 * The value of a jsonb column as the driver parsed it, with the bigint tags turned back into
 * bigints. Throws a RangeError on a tag that does not hold an integer (the row was not written by
 * toJsonb).
 */
export function fromJsonb<T>(value: unknown): T {
  return revive(value) as T;
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]?.[0] === TAG) {
    const digits = entries[0][1];
    if (typeof digits !== 'string' || !/^-?\d+$/.test(digits)) {
      throw new RangeError(`expected an integer in ${TAG}, got ${JSON.stringify(digits)}`);
    }
    return BigInt(digits);
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, revive(item)]));
}
