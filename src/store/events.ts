import type { OrderStatus } from '../domain/status.ts';
import type { SupplierId } from '../domain/supplier.ts';
import type { Queryable } from './database.ts';
import { iso, toDate, type Instant } from './time.ts';

export type OrderEventSource = 'MUTATION' | 'WEBHOOK' | 'POLLING';

export interface OrderEventInput {
  supplier: SupplierId;
  supplierOrderId: string;
  status: OrderStatus;
  supplierStatus: string;
  previousSupplierStatus?: string | null;
  source: OrderEventSource;
  comment?: string | null;
  occurredAt: Instant;
  /** one event per dedupe key, e.g. the webhook delivery id or `poll:<order>:<status>:<time>` */
  dedupeKey: string;
}

export interface OrderEvent extends Omit<OrderEventInput, 'occurredAt' | 'previousSupplierStatus' | 'comment'> {
  /** int8 as a decimal string; increases with insertion */
  id: string;
  previousSupplierStatus: string | null;
  comment: string | null;
  occurredAt: string;
}

export interface OrderKey {
  supplier: SupplierId;
  supplierOrderId: string;
}

/**
 * The channel every new order event is announced on, with `{"schema", "id"}` as the payload. The
 * NOTIFY is part of the insert, so it is delivered only if and when the insert commits, once to
 * every listening process; the schema tells stores that share one database apart.
 */
export const ORDER_EVENTS_CHANNEL = 'supplygraph_order_events';

export interface OrderEventRepository {
  /** Inserts the event unless its dedupeKey is known, announcing it on ORDER_EVENTS_CHANNEL; true when it was new. */
  append(event: OrderEventInput): Promise<boolean>;
  /** The events with these ids, in id order; ids without an event are left out. */
  byIds(ids: readonly string[]): Promise<OrderEvent[]>;
  /** Up to limit events with an id above `id`, in id order (what a listener missed). */
  after(id: string, limit: number): Promise<OrderEvent[]>;
  /** The highest event id so far, "0" before the first. */
  latestId(): Promise<string>;
  /** The events of each order, oldest first, one list per key in the order given; one query. */
  forOrders(keys: readonly OrderKey[]): Promise<OrderEvent[][]>;
}

interface Row {
  id: string;
  supplier: SupplierId;
  supplier_order_id: string;
  status: OrderStatus;
  supplier_status: string;
  previous_supplier_status: string | null;
  source: OrderEventSource;
  comment: string | null;
  occurred_at: Date;
  dedupe_key: string;
}

export function createOrderEventRepository(db: Queryable): OrderEventRepository {
  return {
    async append(event) {
      // The payload names the row rather than carrying it: NOTIFY payloads stop at 8000 bytes
      // and a comment has no such limit.
      const rows = await db.query(
        `WITH inserted AS (
           INSERT INTO order_events (supplier, supplier_order_id, status, supplier_status,
             previous_supplier_status, source, comment, occurred_at, dedupe_key)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (dedupe_key) DO NOTHING
           RETURNING id)
         SELECT inserted.id FROM inserted
         CROSS JOIN LATERAL (SELECT pg_notify('${ORDER_EVENTS_CHANNEL}',
           json_build_object('schema', current_schema(), 'id', inserted.id::text)::text)) AS announced`,
        [
          event.supplier, event.supplierOrderId, event.status, event.supplierStatus,
          event.previousSupplierStatus ?? null, event.source, event.comment ?? null, toDate(event.occurredAt), event.dedupeKey,
        ],
      );
      return rows.length > 0;
    },

    async byIds(ids) {
      if (ids.length === 0) return [];
      const rows = await db.query<Row>(`SELECT * FROM order_events WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids]);
      return rows.map(toEvent);
    },

    async after(id, limit) {
      const rows = await db.query<Row>(`SELECT * FROM order_events WHERE id > $1::bigint ORDER BY id LIMIT $2`, [id, limit]);
      return rows.map(toEvent);
    },

    async latestId() {
      const [row] = await db.query<{ id: string | null }>(`SELECT max(id)::text AS id FROM order_events`);
      return row?.id ?? '0';
    },

    async forOrders(keys) {
      if (keys.length === 0) return [];
      // a key asked for twice must not double its events through the join
      const unique = [...new Map(keys.map((key) => [orderKey(key.supplier, key.supplierOrderId), key])).values()];
      const rows = await db.query<Row>(
        `SELECT e.* FROM order_events e
         JOIN unnest($1::text[], $2::text[]) AS k(supplier, supplier_order_id)
           ON e.supplier = k.supplier AND e.supplier_order_id = k.supplier_order_id
         ORDER BY e.occurred_at, e.id`,
        [unique.map((key) => key.supplier), unique.map((key) => key.supplierOrderId)],
      );
      const byOrder = new Map<string, OrderEvent[]>();
      for (const row of rows) {
        const id = orderKey(row.supplier, row.supplier_order_id);
        if (!byOrder.has(id)) byOrder.set(id, []);
        byOrder.get(id)!.push(toEvent(row));
      }
      return keys.map((key) => byOrder.get(orderKey(key.supplier, key.supplierOrderId)) ?? []);
    },
  };
}

function orderKey(supplier: string, supplierOrderId: string): string {
  return JSON.stringify([supplier, supplierOrderId]);
}

function toEvent(row: Row): OrderEvent {
  return {
    id: row.id,
    supplier: row.supplier,
    supplierOrderId: row.supplier_order_id,
    status: row.status,
    supplierStatus: row.supplier_status,
    previousSupplierStatus: row.previous_supplier_status,
    source: row.source,
    comment: row.comment,
    occurredAt: iso(row.occurred_at),
    dedupeKey: row.dedupe_key,
  };
}
