import type { Caller } from '../auth/api-keys.ts';
import type { OrderModel } from '../domain/models.ts';
import type { OrderStatus } from '../domain/status.ts';
import type { SupplierAdapter } from '../suppliers/adapter.ts';
import type { ChangeOutcome, SupplierRefusal } from '../suppliers/writes.ts';
import { expectOrderId } from './ids.ts';
import { appendMutationEvent } from './journal-writes.ts';
import { claimKey } from './idempotent.ts';
import type { OrderServiceDeps } from './place-cart.ts';
import { requestHash } from './tokens.ts';
import { userError, type UserErrorValue } from './user-errors.ts';
import { validateIdempotencyKey } from './validate-cart.ts';

export interface ChangeResult {
  order: OrderModel | null;
  userErrors: UserErrorValue[];
}

/** the supplier call to make, or null when the adapter cannot make it (checked before any call) */
type Change = (adapter: SupplierAdapter) => ((supplierOrderId: string) => Promise<ChangeOutcome<OrderModel>>) | null;

/**
 * cancelOrder and updateOrderStatus: one order at its supplier, idempotent under an optional key
 * (a replay answers from the store without calling the supplier), journaled with an event.
 */
async function changeOrder(
  deps: OrderServiceDeps,
  caller: Caller,
  input: { orderId: string; idempotencyKey?: string | null },
  operation: 'cancelOrder' | 'updateOrderStatus',
  change: Change,
): Promise<ChangeResult> {
  const scope = caller.name;
  const id = expectOrderId(input.orderId);
  if (!id) return { order: null, userErrors: [userError('NOT_FOUND', 'orderId is not an order id', ['input', 'orderId'])] };
  // A partner sees only the orders it placed: any other answers as not found, and no supplier is called.
  if (caller.role === 'partner' && !(await deps.store.journal.placedBy(scope, id.supplier, id.nativeId))) {
    return { order: null, userErrors: [userError('NOT_FOUND', 'no such order', ['input', 'orderId'])] };
  }
  if (input.idempotencyKey != null) {
    const keyErrors = validateIdempotencyKey(input.idempotencyKey, ['input', 'idempotencyKey']);
    if (keyErrors.length > 0) return { order: null, userErrors: keyErrors };
  }
  const adapter = deps.suppliers.get(id.supplier);
  const call = adapter ? change(adapter) : null;
  if (!adapter || !call) {
    return { order: null, userErrors: [userError('UNSUPPORTED_BY_SUPPLIER', `${id.supplier} does not support ${operation}`, ['input', 'orderId'])] };
  }
  const key = input.idempotencyKey;
  const lease = key ? await claimKey(deps, { scope, operation, key, requestHash: requestHash(input) }) : null;
  if (lease?.status === 'mismatch') {
    return { order: null, userErrors: [userError('IDEMPOTENCY_KEY_REUSED', 'this idempotencyKey was used with a different request', ['input', 'idempotencyKey'])] };
  }
  const replay = key ? await deps.store.idempotency.get(scope, operation, key) : null;
  if (replay?.state === 'done' && replay.response) {
    const recorded = replay.response as { userErrors: UserErrorValue[] };
    const [order] = (await adapter.getOrders?.([id.nativeId])) ?? [null];
    return { order: order ?? null, userErrors: recorded.userErrors };
  }
  const outcome = await call(id.nativeId);
  const result: ChangeResult =
    outcome.kind === 'done'
      ? { order: outcome.value, userErrors: [] }
      : { order: null, userErrors: outcome.refusals.map((r: SupplierRefusal) => userError(r.code, `${id.supplier}: ${r.message}`, ['input', ...(r.field ?? ['orderId'])])) };
  if (outcome.kind === 'done') await journalChange(deps, outcome.value, operation);
  if (lease && lease.status === 'claimed') await lease.finish('done', { userErrors: result.userErrors });
  return result;
}

async function journalChange(deps: OrderServiceDeps, order: OrderModel, operation: string): Promise<void> {
  const previous = await deps.store.journal.updateStatus(order.supplier, order.supplierOrderId, order.status, order.supplierStatus);
  await appendMutationEvent(deps.store, order, {
    at: new Date(deps.now()).toISOString(),
    comment: operation,
    previousSupplierStatus: previous?.previousSupplierStatus ?? null,
    dedupeKey: `${operation}:${order.supplier}:${order.supplierOrderId}:${order.supplierStatus}`,
  });
}

export function cancelOrder(deps: OrderServiceDeps, caller: Caller, input: { orderId: string; reason?: string | null; idempotencyKey?: string | null }) {
  return changeOrder(deps, caller, input, 'cancelOrder', (adapter) =>
    adapter.cancelOrder ? (id) => adapter.cancelOrder!(id, input.reason ?? null) : null,
  );
}

export function updateOrderStatus(
  deps: OrderServiceDeps,
  caller: Caller,
  input: { orderId: string; status: OrderStatus; comment?: string | null; idempotencyKey?: string | null },
) {
  return changeOrder(deps, caller, input, 'updateOrderStatus', (adapter) =>
    adapter.updateOrderStatus ? (id) => adapter.updateOrderStatus!(id, input.status, input.comment ?? null) : null,
  );
}
