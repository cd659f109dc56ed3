import type { Queryable } from './database.ts';
import { fromJsonb, toJsonb } from './json.ts';
import { iso, isoOrNull, toDate, type Instant } from './time.ts';

/** pending: an owner holds a lease and is working; partial: finished with part of the work done
 * (the next claim takes it over); done: the response every replay gets. */
export type IdempotencyState = 'pending' | 'partial' | 'done';

export interface IdempotencyRecord<R = unknown> {
  scope: string;
  operation: string;
  key: string;
  requestHash: string;
  state: IdempotencyState;
  leaseOwner: string | null;
  leaseUntil: string | null;
  response: R | null;
  createdAt: string;
  updatedAt: string;
}

export interface ClaimRequest {
  scope: string;
  operation: string;
  key: string;
  /** a hash of the request; the same key with a different hash is a mismatch */
  requestHash: string;
  owner: string;
  leaseMs: number;
  now: Instant;
}

export type ClaimResult<R = unknown> =
  /** the caller owns the key until now + leaseMs. resumed: an expired lease or a partial result
   * was taken over (look at earlier placements first); response: what a partial finish left. */
  | { status: 'claimed'; resumed: boolean; response: R | null }
  | { status: 'done'; response: R }
  | { status: 'mismatch' }
  | { status: 'busy'; leaseUntil: string };

export interface IdempotencyRepository {
  /** Atomic: of any number of concurrent claims on one key, exactly one is 'claimed'. */
  claim<R = unknown>(request: ClaimRequest): Promise<ClaimResult<R>>;
  /** Extends the lease; false when the owner no longer holds the key (taken over or finished). */
  renew(scope: string, operation: string, key: string, owner: string, leaseMs: number, now: Instant): Promise<boolean>;
  /** Records the outcome and releases the lease; false (and nothing changes) when owner lost the key. */
  finish(scope: string, operation: string, key: string, owner: string, state: 'done' | 'partial', response: unknown): Promise<boolean>;
  get<R = unknown>(scope: string, operation: string, key: string): Promise<IdempotencyRecord<R> | null>;
}

interface Row {
  scope: string;
  operation: string;
  key: string;
  request_hash: string;
  state: IdempotencyState;
  lease_owner: string | null;
  lease_until: Date | null;
  response: unknown;
  created_at: Date;
  updated_at: Date;
}

// Inserts a new key, or takes over one whose lease has lapsed or that was left partial; the
// conflict branch re-checks the latest committed row under its lock, so racing claims serialise.
const CLAIM = `
  INSERT INTO idempotency_keys AS k
    (scope, operation, key, request_hash, state, lease_owner, lease_until, created_at, updated_at)
  VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $7)
  ON CONFLICT (scope, operation, key) DO UPDATE
    SET lease_owner = EXCLUDED.lease_owner, lease_until = EXCLUDED.lease_until, updated_at = EXCLUDED.updated_at
    WHERE k.request_hash = EXCLUDED.request_hash
      AND k.state <> 'done'
      AND (k.lease_until IS NULL OR k.lease_until <= EXCLUDED.updated_at)
  RETURNING (xmax = 0) AS inserted, response`;

const SELECT = `SELECT * FROM idempotency_keys WHERE scope = $1 AND operation = $2 AND key = $3`;

export function createIdempotencyRepository(db: Queryable): IdempotencyRepository {
  async function get<R>(scope: string, operation: string, key: string) {
    const [row] = await db.query<Row>(SELECT, [scope, operation, key]);
    return row ? toRecord<R>(row) : null;
  }

  return {
    async claim<R>(request: ClaimRequest): Promise<ClaimResult<R>> {
      const { scope, operation, key, requestHash, owner, leaseMs } = request;
      const now = toDate(request.now);
      const leaseUntil = new Date(now.getTime() + leaseMs);
      // A lease can lapse or a partial can be released between the two statements; then try again.
      for (let attempt = 0; attempt < 5; attempt++) {
        const [won] = await db.query<{ inserted: boolean; response: unknown }>(CLAIM, [
          scope, operation, key, requestHash, owner, leaseUntil, now,
        ]);
        if (won) return { status: 'claimed', resumed: !won.inserted, response: fromJsonb<R | null>(won.response) };
        const [current] = await db.query<Row>(SELECT, [scope, operation, key]);
        if (!current) continue;
        if (current.request_hash !== requestHash) return { status: 'mismatch' };
        if (current.state === 'done') return { status: 'done', response: fromJsonb<R>(current.response) };
        if (current.lease_until && current.lease_until > now) return { status: 'busy', leaseUntil: iso(current.lease_until) };
      }
      throw new Error(`idempotency key ${scope}/${operation}/${key} changed under five claims in a row`);
    },

    async renew(scope, operation, key, owner, leaseMs, at) {
      const now = toDate(at);
      const rows = await db.query(
        `UPDATE idempotency_keys SET lease_until = $5, updated_at = $6
         WHERE scope = $1 AND operation = $2 AND key = $3 AND lease_owner = $4 AND state <> 'done'
         RETURNING 1`,
        [scope, operation, key, owner, new Date(now.getTime() + leaseMs), now],
      );
      return rows.length > 0;
    },

    async finish(scope, operation, key, owner, state, response) {
      const rows = await db.query(
        `UPDATE idempotency_keys
         SET state = $5, response = $6::jsonb, lease_owner = NULL, lease_until = NULL, updated_at = now()
         WHERE scope = $1 AND operation = $2 AND key = $3 AND lease_owner = $4 AND state <> 'done'
         RETURNING 1`,
        [scope, operation, key, owner, state, toJsonb(response ?? null)],
      );
      return rows.length > 0;
    },

    get,
  };
}

function toRecord<R>(row: Row): IdempotencyRecord<R> {
  return {
    scope: row.scope,
    operation: row.operation,
    key: row.key,
    requestHash: row.request_hash,
    state: row.state,
    leaseOwner: row.lease_owner,
    leaseUntil: isoOrNull(row.lease_until),
    response: fromJsonb<R | null>(row.response),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
