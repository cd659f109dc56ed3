import type { OrderModel } from '../domain/models.ts';
import type { OrderStatus } from '../domain/status.ts';
import type { SupplierId } from '../domain/supplier.ts';
import type { Queryable } from './database.ts';
import { fromJsonb, toJsonb } from './json.ts';
import { iso, toDateOrNull, type Instant } from './time.ts';

/** An order placed through the gateway, with the request sent and the supplier's answer. */
export interface JournalEntry {
  supplier: SupplierId;
  supplierOrderId: string;
  placementId: string | null;
  /** who placed it (the caller's scope); ownership checks go through placedBy */
  scope: string;
  externalReference: string | null;
  status: OrderStatus;
  supplierStatus: string;
  /** the order as the gateway serves it; its status and supplierStatus follow updateStatus */
  order: OrderModel;
  request: unknown;
  response: unknown;
  createdAt: string;
  updatedAt: string;
}

/** What upsert takes. createdAt defaults to now and is kept when the entry already exists. */
export interface JournalWrite {
  supplier: SupplierId;
  supplierOrderId: string;
  placementId?: string | null;
  scope: string;
  externalReference?: string | null;
  status: OrderStatus;
  supplierStatus: string;
  order: OrderModel;
  request?: unknown;
  response?: unknown;
  createdAt?: Instant | null;
}

export interface JournalStatusChange {
  previousStatus: OrderStatus;
  previousSupplierStatus: string;
}

export interface JournalRepository {
  /** Inserts the entry, or replaces all of it but createdAt (and a known placementId). */
  upsert(entry: JournalWrite): Promise<JournalEntry>;
  /** One result per id, in the order given: null where the journal has no such order. */
  getMany(supplier: SupplierId, ids: readonly string[]): Promise<(JournalEntry | null)[]>;
  /** Newest first: createdAt desc, then supplier and supplierOrderId desc. */
  list(options: { supplier?: SupplierId; offset: number; limit: number }): Promise<JournalEntry[]>;
  /** Sets the status in the columns and the order snapshot; the values before, or null when no such order. */
  updateStatus(supplier: SupplierId, id: string, status: OrderStatus, supplierStatus: string): Promise<JournalStatusChange | null>;
  /** Whether scope placed this order through the gateway. */
  placedBy(scope: string, supplier: SupplierId, id: string): Promise<boolean>;
}

interface Row {
  supplier: SupplierId;
  supplier_order_id: string;
  placement_id: string | null;
  scope: string;
  external_reference: string | null;
  status: OrderStatus;
  supplier_status: string;
  created_at: Date;
  updated_at: Date;
  order: unknown;
  request: unknown;
  response: unknown;
}

const UPSERT = `
  INSERT INTO journal_orders AS j (supplier, supplier_order_id, placement_id, scope, external_reference,
    status, supplier_status, created_at, updated_at, "order", request, response)
  VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8, now()), now(), $9::jsonb, $10::jsonb, $11::jsonb)
  ON CONFLICT (supplier, supplier_order_id) DO UPDATE SET
    placement_id = COALESCE(EXCLUDED.placement_id, j.placement_id), scope = EXCLUDED.scope,
    external_reference = EXCLUDED.external_reference, status = EXCLUDED.status,
    supplier_status = EXCLUDED.supplier_status, updated_at = now(), "order" = EXCLUDED."order",
    request = EXCLUDED.request, response = EXCLUDED.response
  RETURNING *`;

// Locks the row and updates it, returning the values it had before.
const UPDATE_STATUS = `
  UPDATE journal_orders j
  SET status = $3, supplier_status = $4, updated_at = now(),
      "order" = j."order" || jsonb_build_object('status', $3::text, 'supplierStatus', $4::text)
  FROM (SELECT supplier, supplier_order_id, status, supplier_status FROM journal_orders
        WHERE supplier = $1 AND supplier_order_id = $2 FOR UPDATE) previous
  WHERE j.supplier = previous.supplier AND j.supplier_order_id = previous.supplier_order_id
  RETURNING previous.status AS previous_status, previous.supplier_status AS previous_supplier_status`;

export function createJournalRepository(db: Queryable): JournalRepository {
  return {
    async upsert(entry) {
      const [row] = await db.query<Row>(UPSERT, [
        entry.supplier, entry.supplierOrderId, entry.placementId ?? null, entry.scope,
        entry.externalReference ?? null, entry.status, entry.supplierStatus, toDateOrNull(entry.createdAt),
        toJsonb(entry.order), toJsonb(entry.request ?? null), toJsonb(entry.response ?? null),
      ]);
      return toEntry(row!);
    },

    async getMany(supplier, ids) {
      if (ids.length === 0) return [];
      const rows = await db.query<Row>(
        `SELECT * FROM journal_orders WHERE supplier = $1 AND supplier_order_id = ANY($2::text[])`,
        [supplier, [...ids]],
      );
      const byId = new Map(rows.map((row) => [row.supplier_order_id, toEntry(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    },

    async list({ supplier, offset, limit }) {
      const rows = await db.query<Row>(
        `SELECT * FROM journal_orders WHERE ($1::text IS NULL OR supplier = $1)
         ORDER BY created_at DESC, supplier DESC, supplier_order_id DESC OFFSET $2 LIMIT $3`,
        [supplier ?? null, offset, limit],
      );
      return rows.map(toEntry);
    },

    async updateStatus(supplier, id, status, supplierStatus) {
      const [row] = await db.query<{ previous_status: OrderStatus; previous_supplier_status: string }>(
        UPDATE_STATUS,
        [supplier, id, status, supplierStatus],
      );
      return row ? { previousStatus: row.previous_status, previousSupplierStatus: row.previous_supplier_status } : null;
    },

    async placedBy(scope, supplier, id) {
      const rows = await db.query(
        `SELECT 1 FROM journal_orders WHERE supplier = $1 AND supplier_order_id = $2 AND scope = $3`,
        [supplier, id, scope],
      );
      return rows.length > 0;
    },
  };
}

function toEntry(row: Row): JournalEntry {
  return {
    supplier: row.supplier,
    supplierOrderId: row.supplier_order_id,
    placementId: row.placement_id,
    scope: row.scope,
    externalReference: row.external_reference,
    status: row.status,
    supplierStatus: row.supplier_status,
    order: fromJsonb<OrderModel>(row.order),
    request: fromJsonb(row.request),
    response: fromJsonb(row.response),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
