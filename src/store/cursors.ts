import type { SupplierId } from '../domain/supplier.ts';
import type { Queryable } from './database.ts';

/** Where each of a supplier's delta syncs left off (e.g. whitelabel orders/updates?since). */
export interface CursorRepository {
  /** The stored value, or null before the first set. */
  get(supplier: SupplierId, name: string): Promise<string | null>;
  set(supplier: SupplierId, name: string, value: string): Promise<void>;
}

export function createCursorRepository(db: Queryable): CursorRepository {
  return {
    async get(supplier, name) {
      const [row] = await db.query<{ value: string }>(
        `SELECT value FROM sync_cursors WHERE supplier = $1 AND name = $2`,
        [supplier, name],
      );
      return row?.value ?? null;
    },

    async set(supplier, name, value) {
      await db.query(
        `INSERT INTO sync_cursors (supplier, name, value) VALUES ($1, $2, $3)
         ON CONFLICT (supplier, name) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [supplier, name, value],
      );
    },
  };
}
