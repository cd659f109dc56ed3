import { GraphQLError } from 'graphql';
import type { CreateOrderInput } from '../generated/graphql.ts';
import type { OrderModel, TransactionModel } from '../domain/models.ts';
import type { Store } from '../store/open.ts';
import type { SupplierRegistry } from '../suppliers/registry.ts';
import { claimKey, holdingLease } from './idempotent.ts';
import { fromRecorded, placeGroup, type GroupResult, type RecordedOutcome } from './place-group.ts';
import { placementRequest, refusalToUserError } from './placement-request.ts';
import { cartShape, resolveCart, type CartShape } from './resolve-cart.ts';
import { placementToken, requestHash } from './tokens.ts';
import { userError, type UserErrorValue } from './user-errors.ts';
import { validateCart } from './validate-cart.ts';

export interface CartResult {
  orders: OrderModel[];
  transactions: TransactionModel[];
  userErrors: UserErrorValue[];
  /** suppliers whose part is unknown or unreachable: the key's retry finishes them */
  failures: GraphQLError[];
}

/** How long a retry holds off after a create that got no answer, unless configured. */
export const DEFAULT_UNANSWERED_SETTLE_MS = 30_000;

export interface OrderServiceDeps {
  suppliers: SupplierRegistry;
  store: Store;
  /** this process, as lease owner */
  owner: string;
  leaseMs: number;
  /**
   * After a create that got no answer, how long a retry that finds no order waits before sending
   * again: the supplier may still be working on the first (default 30 s).
   */
  unansweredSettleMs?: number;
  now: () => number;
}

const refused = (userErrors: UserErrorValue[]): CartResult => ({ orders: [], transactions: [], userErrors, failures: [] });

const keyReused = () => refused([userError('IDEMPOTENCY_KEY_REUSED', 'this idempotencyKey was used with a different request', ['input', 'idempotencyKey'])]);

/**
 * createOrder: validates everything it can before any supplier call, then places one order per
 * supplier exactly once under the caller's idempotency key. A replay returns the first result;
 * the same key with another cart is refused; a partly failed cart is completed by a retry.
 */
export async function placeCart(input: CreateOrderInput, scope: string, deps: OrderServiceDeps): Promise<CartResult> {
  const invalid = validateCart(input);
  if (invalid.length > 0) return refused(invalid);
  const hash = requestHash(input);
  const answered = await answeredBefore(input, scope, hash, deps);
  if (answered) return answered;
  const { groups, errors } = await resolveCart(input, deps.suppliers);
  if (errors.length > 0) return refused(errors);
  const requests = groups.map((group) => placementRequest(input, group, placementToken(scope, input.idempotencyKey, group.supplier)));
  const supplierRules = groups.flatMap((group, i) => (group.adapter.validatePlacement?.(requests[i]!) ?? []).map((r) => refusalToUserError(r, group)));
  if (supplierRules.length > 0) return refused(supplierRules);

  const lease = await claimKey(deps, { scope, operation: 'createOrder', key: input.idempotencyKey, requestHash: hash });
  if (lease.status === 'mismatch') return keyReused();
  const results = await holdingLease(lease, () =>
    Promise.all(
      groups.map((group, i) =>
        placeGroup(group, requests[i]!, {
          store: deps.store,
          scope,
          key: input.idempotencyKey,
          externalReference: input.externalReference,
          unansweredSettleMs: deps.unansweredSettleMs ?? DEFAULT_UNANSWERED_SETTLE_MS,
          now: deps.now,
        }),
      ),
    ),
  );
  const settled = results.every((r) => r.state !== 'unknown');
  await lease.finish(settled ? 'done' : 'partial', { suppliers: results.map((r) => ({ supplier: r.supplier, state: r.state })) });
  return summarize(results, groups);
}

/**
 * A key already finished is answered from the store alone, and one used with another cart is
 * refused, before any catalog is read: a replay must not depend on a supplier being up, nor on a
 * product still being listed.
 */
async function answeredBefore(input: CreateOrderInput, scope: string, hash: string, deps: OrderServiceDeps): Promise<CartResult | null> {
  const record = await deps.store.idempotency.get(scope, 'createOrder', input.idempotencyKey);
  if (!record) return null;
  if (record.requestHash !== hash) return keyReused();
  if (record.state !== 'done') return null;
  const shape = cartShape(input);
  const placements = await deps.store.placements.forKey(scope, input.idempotencyKey);
  const bySupplier = new Map(placements.map((p) => [p.supplier, p]));
  // A done key has a decided placement for every supplier of its cart; anything else takes the long way.
  if (!shape.every((group) => ['placed', 'submitted', 'rejected'].includes(bySupplier.get(group.supplier)?.state ?? ''))) return null;
  const results = await Promise.all(shape.map((group) => fromRecorded(deps.store, group.supplier, bySupplier.get(group.supplier)!.outcome as RecordedOutcome)));
  return summarize(results, shape);
}

function summarize(results: GroupResult[], groups: CartShape[]): CartResult {
  const result: CartResult = { orders: [], transactions: [], userErrors: [], failures: [] };
  results.forEach((r, i) => {
    if (r.state === 'placed') result.orders.push(...r.orders);
    else if (r.state === 'submitted') result.transactions.push(r.transaction);
    else if (r.state === 'rejected') result.userErrors.push(...r.outcome.refusals.map((refusal) => refusalToUserError(refusal, groups[i]!)));
    else result.failures.push(r.error);
  });
  return result;
}
