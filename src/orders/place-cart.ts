import { GraphQLError } from 'graphql';
import type { CreateOrderInput } from '../generated/graphql.ts';
import type { OrderModel, TransactionModel } from '../domain/models.ts';
import type { Store } from '../store/open.ts';
import type { SupplierRegistry } from '../suppliers/registry.ts';
import { claimKey, holdingLease } from './idempotent.ts';
import { placeGroup, type GroupResult } from './place-group.ts';
import { placementRequest, refusalToUserError } from './placement-request.ts';
import { resolveCart } from './resolve-cart.ts';
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

/**
 * createOrder: validates everything it can before any supplier call, then places one order per
 * supplier exactly once under the caller's idempotency key. A replay returns the first result;
 * the same key with another cart is refused; a partly failed cart is completed by a retry.
 */
export async function placeCart(input: CreateOrderInput, scope: string, deps: OrderServiceDeps): Promise<CartResult> {
  const invalid = validateCart(input);
  if (invalid.length > 0) return refused(invalid);
  const { groups, errors } = await resolveCart(input, deps.suppliers);
  if (errors.length > 0) return refused(errors);
  const requests = groups.map((group) => placementRequest(input, group, placementToken(scope, input.idempotencyKey, group.supplier)));
  const supplierRules = groups.flatMap((group, i) => (group.adapter.validatePlacement?.(requests[i]!) ?? []).map((r) => refusalToUserError(r, group)));
  if (supplierRules.length > 0) return refused(supplierRules);

  const lease = await claimKey(deps, { scope, operation: 'createOrder', key: input.idempotencyKey, requestHash: requestHash(input) });
  if (lease.status === 'mismatch') {
    return refused([userError('IDEMPOTENCY_KEY_REUSED', 'this idempotencyKey was used with a different request', ['input', 'idempotencyKey'])]);
  }
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

function summarize(results: GroupResult[], groups: Awaited<ReturnType<typeof resolveCart>>['groups']): CartResult {
  const result: CartResult = { orders: [], transactions: [], userErrors: [], failures: [] };
  results.forEach((r, i) => {
    if (r.state === 'placed') result.orders.push(...r.orders);
    else if (r.state === 'submitted') result.transactions.push(r.transaction);
    else if (r.state === 'rejected') result.userErrors.push(...r.outcome.refusals.map((refusal) => refusalToUserError(refusal, groups[i]!)));
    else result.failures.push(r.error);
  });
  return result;
}
