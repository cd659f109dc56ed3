import type { SupplierId } from '../domain/supplier.ts';
import type { Queryable } from './database.ts';

/**
 * How long an order-creating transaction still counts as under way: Cenports finishes in seconds,
 * and one it never finishes must not hold the pollers back for good.
 */
const TRANSACTION_UNDER_WAY_MS = 60_000;

/**
 * Writes the gateway has sent to a supplier and not yet journaled (see 002_supplier_writes.sql).
 * Times are the database's, so processes whose clocks differ still agree on what came first.
 */
export interface SupplierWriteRepository {
  /** Marks a write to the supplier as under way until end(), or until ttlMs pass; answers its id. */
  begin(supplier: SupplierId, operation: string, ttlMs: number): Promise<string>;
  /** Ends the write, and clears the marks of writes whose process died before ending them. */
  end(id: string): Promise<void>;
  /** The database's clock, to pass to underWay as `before`. */
  clock(): Promise<string>;
  /**
   * How many writes to the supplier began before `before` (or at it: PGlite's clock ticks in
   * milliseconds) and are still under way: neither ended nor expired. Order-creating transactions
   * the gateway follows count until they are final (a minute at most), since their orders are
   * journaled only then.
   */
  underWay(supplier: SupplierId, before: string): Promise<number>;
}

export function createSupplierWriteRepository(db: Queryable): SupplierWriteRepository {
  return {
    async begin(supplier, operation, ttlMs) {
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO supplier_writes (supplier, operation, expires_at)
         VALUES ($1, $2, clock_timestamp() + make_interval(secs => $3::float8 / 1000))
         RETURNING id::text AS id`,
        [supplier, operation, ttlMs],
      );
      return row!.id;
    },

    async end(id) {
      await db.query(`DELETE FROM supplier_writes WHERE id = $1::bigint OR expires_at < clock_timestamp()`, [id]);
    },

    async clock() {
      const [row] = await db.query<{ now: string }>(`SELECT clock_timestamp()::text AS now`);
      return row!.now;
    },

    async underWay(supplier, before) {
      const [row] = await db.query<{ count: number }>(
        `SELECT (
           (SELECT count(*) FROM supplier_writes
             WHERE supplier = $1 AND started_at <= $2::timestamptz AND expires_at > clock_timestamp())
         + (SELECT count(*) FROM supplier_transactions
             WHERE supplier = $1 AND kind = 'createOrder' AND status NOT IN ('COMPLETED', 'FAILED')
               AND created_at <= $2::timestamptz
               AND created_at > clock_timestamp() - make_interval(secs => $3::float8 / 1000))
         )::int AS count`,
        [supplier, before, TRANSACTION_UNDER_WAY_MS],
      );
      return row!.count;
    },
  };
}
