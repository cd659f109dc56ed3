/**
 * The one interface the repositories see, over either backend (PGlite or PostgreSQL). Both speak
 * the same SQL dialect; both return int8 and numeric columns as strings, timestamptz as Date and
 * jsonb already parsed (decode bigints with fromJsonb).
 */
export interface Queryable {
  /** Runs one statement with $1-style parameters; rejects with the database's error. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly backend: 'pglite' | 'postgres';
  /**
   * Runs fn inside BEGIN/COMMIT on one connection; a throw rolls back and rethrows. Inside fn, use
   * only tx: on PGlite (one connection) a query on the Database itself waits for the transaction,
   * so it would never run.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls onPayload with each NOTIFY on channel, from any connection (this process's included),
   * once the notifying transaction commits. Resolves, once listening, to the function that stops.
   * `onResume` runs after a lost listening connection is back: notifications sent while it was
   * down are gone, so the listener reads what it missed from the tables.
   */
  listen(channel: string, onPayload: (payload: string) => void, onResume?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** "name" with inner quotes doubled: safe to splice into SQL where a parameter cannot go. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
