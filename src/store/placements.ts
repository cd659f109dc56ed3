import type { SupplierId } from '../domain/supplier.ts';
import type { Queryable } from './database.ts';
import { fromJsonb, toJsonb } from './json.ts';
import { iso } from './time.ts';

/** sending: recorded, call not known to have finished; unknown: sent, outcome not known (look the
 * order up by token before sending again); placed / submitted (async) / rejected: final answers. */
export type PlacementState = 'sending' | 'placed' | 'submitted' | 'rejected' | 'unknown';

export interface Placement<Req = unknown, Out = unknown> {
  id: string;
  scope: string;
  key: string;
  supplier: SupplierId;
  /** the supplier-side idempotency token derived from the key (partnerOrderId, woo_order_id, ...) */
  token: string;
  request: Req;
  state: PlacementState;
  outcome: Out | null;
  /** how many times ensure() has been called for it: 1 on the first */
  attempts: number;
  createdAt: string;
  updatedAt: string;
}

export interface EnsurePlacement {
  scope: string;
  key: string;
  supplier: SupplierId;
  token: string;
  request: unknown;
  /** the outcome a new row starts with (an existing row keeps its own): saves a record() before the first send */
  outcome?: unknown;
}

export interface PlacementRepository {
  /** The placement for (scope, key, supplier), created as 'sending' when absent, with attempts
   * counted up; an existing row keeps its request, token and state. Rejects when the token is
   * already used by another (scope, key). */
  ensure<Req = unknown, Out = unknown>(placement: EnsurePlacement): Promise<Placement<Req, Out>>;
  /** Sets state and outcome; false when no placement has that id. */
  record(id: string, state: PlacementState, outcome: unknown): Promise<boolean>;
  /** The placement with this id, or null when there is none. */
  get<Req = unknown, Out = unknown>(id: string): Promise<Placement<Req, Out> | null>;
  /** Every placement of an idempotency key, oldest first. */
  forKey<Req = unknown, Out = unknown>(scope: string, key: string): Promise<Placement<Req, Out>[]>;
}

interface Row {
  id: string;
  scope: string;
  key: string;
  supplier: SupplierId;
  token: string;
  request: unknown;
  state: PlacementState;
  outcome: unknown;
  attempts: number;
  created_at: Date;
  updated_at: Date;
}

export function createPlacementRepository(db: Queryable): PlacementRepository {
  return {
    async ensure<Req, Out>({ scope, key, supplier, token, request, outcome }: EnsurePlacement) {
      const [row] = await db.query<Row>(
        `INSERT INTO placements AS p (scope, key, supplier, token, request, outcome)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)
         ON CONFLICT (scope, key, supplier) DO UPDATE SET attempts = p.attempts + 1, updated_at = now()
         RETURNING *`,
        [scope, key, supplier, token, toJsonb(request), toJsonb(outcome ?? null)],
      );
      return toPlacement<Req, Out>(row!);
    },

    async record(id, state, outcome) {
      const rows = await db.query(
        `UPDATE placements SET state = $2, outcome = $3::jsonb, updated_at = now() WHERE id = $1 RETURNING 1`,
        [id, state, toJsonb(outcome ?? null)],
      );
      return rows.length > 0;
    },

    async get<Req, Out>(id: string) {
      const [row] = await db.query<Row>(`SELECT * FROM placements WHERE id = $1`, [id]);
      return row ? toPlacement<Req, Out>(row) : null;
    },

    async forKey<Req, Out>(scope: string, key: string) {
      const rows = await db.query<Row>(
        `SELECT * FROM placements WHERE scope = $1 AND key = $2 ORDER BY created_at, supplier`,
        [scope, key],
      );
      return rows.map((row) => toPlacement<Req, Out>(row));
    },
  };
}

function toPlacement<Req, Out>(row: Row): Placement<Req, Out> {
  return {
    id: row.id,
    scope: row.scope,
    key: row.key,
    supplier: row.supplier,
    token: row.token,
    request: fromJsonb<Req>(row.request),
    state: row.state,
    outcome: fromJsonb<Out | null>(row.outcome),
    attempts: row.attempts,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
