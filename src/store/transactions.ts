import type { TransactionModel } from '../domain/models.ts';
import type { TransactionStatus } from '../domain/status.ts';
import type { SupplierId } from '../domain/supplier.ts';
import type { Queryable } from './database.ts';
import { fromJsonb, toJsonb } from './json.ts';
import { iso, isoOrNull, toDate, toDateOrNull, type Instant } from './time.ts';

/**
 * A supplier's asynchronous write the gateway follows until it is final: the TransactionModel
 * (submittedAt / completedAt as UTC ISO strings) and the follower's bookkeeping.
 */
export interface TransactionRecord extends TransactionModel {
  placementId: string | null;
  nextPollAt: string | null;
  pollAttempts: number;
  createdAt: string;
  updatedAt: string;
}

export interface TransactionWrite extends TransactionModel {
  /** kept when omitted or null on an existing row */
  placementId?: string | null;
  /** when to poll next: a new row defaults to now, an existing row keeps its schedule */
  nextPollAt?: Instant | null;
}

export interface TransactionListOptions {
  supplier?: SupplierId;
  suppliers?: readonly SupplierId[];
  statuses?: readonly TransactionStatus[];
  offset: number;
  limit: number;
}

export interface TransactionRepository {
  /** Inserts or updates the transaction's state; poll attempts are kept. */
  upsert(write: TransactionWrite): Promise<TransactionRecord>;
  /** One result per handle, in the order given: null where there is none. */
  get(supplier: SupplierId, handles: readonly string[]): Promise<(TransactionRecord | null)[]>;
  /**
   * Takes up to limit transactions not COMPLETED or FAILED whose nextPollAt is at or before now,
   * earliest first, and moves their nextPollAt to now + leaseMs: so replicas on one database never
   * poll the same transaction together, and one that dies with it lets it come due again.
   */
  claimDue(now: Instant, limit: number, leaseMs: number): Promise<TransactionRecord[]>;
  /** Sets the next poll time (null: never) and the attempt count; false when there is no such transaction. */
  schedule(supplier: SupplierId, handle: string, nextPollAt: Instant | null, attempts: number): Promise<boolean>;
  /** Newest first: createdAt desc, then supplier and handle desc. supplier and suppliers both filter. */
  list(options: TransactionListOptions): Promise<TransactionRecord[]>;
}

interface Row {
  supplier: SupplierId;
  handle: string;
  kind: string;
  status: TransactionStatus;
  supplier_status: string;
  submitted_at: Date | null;
  completed_at: Date | null;
  errors: unknown;
  supplier_order_ids: unknown;
  placement_id: string | null;
  next_poll_at: Date | null;
  poll_attempts: number;
  created_at: Date;
  updated_at: Date;
}

const UPSERT = `
  INSERT INTO supplier_transactions AS t (supplier, handle, kind, status, supplier_status, submitted_at,
    completed_at, errors, supplier_order_ids, placement_id, next_poll_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, COALESCE($11, now()))
  ON CONFLICT (supplier, handle) DO UPDATE SET
    kind = EXCLUDED.kind, status = EXCLUDED.status, supplier_status = EXCLUDED.supplier_status,
    submitted_at = EXCLUDED.submitted_at, completed_at = EXCLUDED.completed_at, errors = EXCLUDED.errors,
    supplier_order_ids = EXCLUDED.supplier_order_ids,
    placement_id = COALESCE(EXCLUDED.placement_id, t.placement_id),
    next_poll_at = CASE WHEN $11::timestamptz IS NULL THEN t.next_poll_at ELSE EXCLUDED.next_poll_at END,
    updated_at = now()
  RETURNING *`;

export function createTransactionRepository(db: Queryable): TransactionRepository {
  return {
    async upsert(t) {
      const [row] = await db.query<Row>(UPSERT, [
        t.supplier, t.handle, t.kind, t.status, t.supplierStatus, toDateOrNull(t.submittedAt),
        toDateOrNull(t.completedAt), toJsonb(t.errors), toJsonb(t.supplierOrderIds), t.placementId ?? null,
        toDateOrNull(t.nextPollAt),
      ]);
      return toRecord(row!);
    },

    async get(supplier, handles) {
      if (handles.length === 0) return [];
      const rows = await db.query<Row>(
        `SELECT * FROM supplier_transactions WHERE supplier = $1 AND handle = ANY($2::text[])`,
        [supplier, [...handles]],
      );
      const byHandle = new Map(rows.map((row) => [row.handle, toRecord(row)]));
      return handles.map((handle) => byHandle.get(handle) ?? null);
    },

    async claimDue(now, limit, leaseMs) {
      const at = toDate(now);
      // SKIP LOCKED: a replica claiming at the same moment takes other rows instead of waiting.
      const rows = await db.query<Row & { due_at: Date }>(
        `WITH due AS (
           SELECT supplier, handle, next_poll_at FROM supplier_transactions
           WHERE status NOT IN ('COMPLETED', 'FAILED') AND next_poll_at <= $1
           ORDER BY next_poll_at, supplier, handle LIMIT $2
           FOR UPDATE SKIP LOCKED)
         UPDATE supplier_transactions t SET next_poll_at = $3, updated_at = now()
         FROM due WHERE t.supplier = due.supplier AND t.handle = due.handle
         RETURNING t.*, due.next_poll_at AS due_at`,
        [at, limit, new Date(at.getTime() + leaseMs)],
      );
      rows.sort((a, b) => a.due_at.getTime() - b.due_at.getTime() || a.supplier.localeCompare(b.supplier) || a.handle.localeCompare(b.handle));
      return rows.map(toRecord);
    },

    async schedule(supplier, handle, nextPollAt, attempts) {
      const rows = await db.query(
        `UPDATE supplier_transactions SET next_poll_at = $3, poll_attempts = $4, updated_at = now()
         WHERE supplier = $1 AND handle = $2 RETURNING 1`,
        [supplier, handle, toDateOrNull(nextPollAt), attempts],
      );
      return rows.length > 0;
    },

    async list({ supplier, suppliers, statuses, offset, limit }) {
      const rows = await db.query<Row>(
        `SELECT * FROM supplier_transactions
         WHERE ($1::text IS NULL OR supplier = $1)
           AND ($2::text[] IS NULL OR supplier = ANY($2::text[]))
           AND ($3::text[] IS NULL OR status = ANY($3::text[]))
         ORDER BY created_at DESC, supplier DESC, handle DESC OFFSET $4 LIMIT $5`,
        [supplier ?? null, suppliers ? [...suppliers] : null, statuses ? [...statuses] : null, offset, limit],
      );
      return rows.map(toRecord);
    },
  };
}

function toRecord(row: Row): TransactionRecord {
  return {
    supplier: row.supplier,
    handle: row.handle,
    kind: row.kind,
    status: row.status,
    supplierStatus: row.supplier_status,
    submittedAt: isoOrNull(row.submitted_at),
    completedAt: isoOrNull(row.completed_at),
    errors: fromJsonb(row.errors),
    supplierOrderIds: fromJsonb(row.supplier_order_ids),
    placementId: row.placement_id,
    nextPollAt: isoOrNull(row.next_poll_at),
    pollAttempts: row.poll_attempts,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
