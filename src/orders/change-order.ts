import type { Caller } from '../auth/api-keys.ts';
import type { OrderModel } from '../domain/models.ts';
import type { OrderStatus } from '../domain/status.ts';
import type { SupplierAdapter } from '../suppliers/adapter.ts';
import type { ChangeOutcome } from '../suppliers/writes.ts';
import { expectOrderId } from './ids.ts';
import { appendMutationEvent } from './journal-writes.ts';
import type { OrderServiceDeps } from './place-cart.ts';
import { runOnce } from './run-once.ts';
import { asSupplierWrite } from './supplier-write.ts';
import { userError, type UserErrorValue } from './user-errors.ts';

export interface ChangeResult {
  order: OrderModel | null;
  userErrors: UserErrorValue[];
}

/** the supplier call to make, or null when the adapter cannot make it (checked before any call) */
type Change = (adapter: SupplierAdapter) => ((supplierOrderId: string) => Promise<ChangeOutcome<OrderModel>>) | null;

/** A cancelled order that was funded ends REFUNDED at some suppliers (WhiteLabel): both are cancelled. */
const CANCELLED: readonly OrderStatus[] = ['CANCELLED', 'REFUNDED'];

/**
 * cancelOrder and updateOrderStatus: one order at its supplier, once per optional key (see
 * runOnce), journaled with an event. Reaching the status asked for is the success, however it
 * came about: after an unknown outcome the order is read before anything is sent again, and an
 * order already there is answered with no user error. An order and a user error never go together.
 */
async function changeOrder(
  deps: OrderServiceDeps,
  caller: Caller,
  input: { orderId: string; idempotencyKey?: string | null },
  operation: 'cancelOrder' | 'updateOrderStatus',
  targets: readonly OrderStatus[],
  change: Change,
): Promise<ChangeResult> {
  const id = expectOrderId(input.orderId);
  if (!id) return { order: null, userErrors: [userError('NOT_FOUND', 'orderId is not an order id', ['input', 'orderId'])] };
  // A partner sees only the orders it placed: any other answers as not found, and no supplier is called.
  if (caller.role === 'partner' && !(await deps.store.journal.placedBy(caller.name, id.supplier, id.nativeId))) {
    return { order: null, userErrors: [userError('NOT_FOUND', 'no such order', ['input', 'orderId'])] };
  }
  const adapter = deps.suppliers.get(id.supplier);
  const call = adapter ? change(adapter) : null;
  if (!adapter || !call) {
    return { order: null, userErrors: [userError('UNSUPPORTED_BY_SUPPLIER', `${id.supplier} does not support ${operation}`, ['input', 'orderId'])] };
  }
  const changed = async (order: OrderModel) => {
    await journalChange(deps, order, operation);
    return order;
  };
  const reached = async (): Promise<OrderModel | null> => {
    const [order] = await adapter.getOrders!([id.nativeId]);
    return order && targets.includes(order.status) ? changed(order) : null;
  };
  const result = await asSupplierWrite(deps.store, id.supplier, operation, () => runOnce(deps, caller.name, {
    operation,
    key: input.idempotencyKey,
    keyField: ['input', 'idempotencyKey'],
    request: input,
    send: async () => {
      const outcome = await call(id.nativeId);
      if (outcome.kind === 'done') return { value: await changed(outcome.value), userErrors: [] };
      return { value: null, userErrors: outcome.refusals.map((r) => userError(r.code, `${id.supplier}: ${r.message}`, ['input', ...(r.field ?? ['orderId'])])) };
    },
    // A status change is a state, not an increment: where the order cannot be read, sending it again is safe too.
    afterUnknown: adapter.getOrders ? { kind: 'lookup', find: reached } : { kind: 'resend' },
    // Keys of the previous version kept only the user errors; its replays read the order again.
    replayUnrecorded: async (response) => {
      const userErrors = (response as { userErrors?: UserErrorValue[] } | null)?.userErrors ?? [];
      if (userErrors.length > 0) return { value: null, userErrors };
      const [order] = (await adapter.getOrders?.([id.nativeId])) ?? [null];
      return { value: order ?? null, userErrors: [] };
    },
  }));
  return { order: result.value, userErrors: result.userErrors };
}

/** Journals the order's new status; an order already in it (a repeated change) adds no event. */
async function journalChange(deps: OrderServiceDeps, order: OrderModel, operation: string): Promise<void> {
  const previous = await deps.store.journal.updateStatus(order.supplier, order.supplierOrderId, order.status, order.supplierStatus);
  if (previous?.previousSupplierStatus === order.supplierStatus) return;
  await appendMutationEvent(deps.store, order, {
    at: new Date(deps.now()).toISOString(),
    comment: operation,
    previousSupplierStatus: previous?.previousSupplierStatus ?? null,
    dedupeKey: `${operation}:${order.supplier}:${order.supplierOrderId}:${order.supplierStatus}`,
  });
}

/** Cancels an order where its supplier allows it; cancelling an order already cancelled succeeds. */
export function cancelOrder(deps: OrderServiceDeps, caller: Caller, input: { orderId: string; reason?: string | null; idempotencyKey?: string | null }) {
  return changeOrder(deps, caller, input, 'cancelOrder', CANCELLED, (adapter) =>
    adapter.cancelOrder ? (id) => adapter.cancelOrder!(id, input.reason ?? null) : null,
  );
}

/** Moves an order to a status its supplier allows; asking for the status it already has succeeds. */
export function updateOrderStatus(
  deps: OrderServiceDeps,
  caller: Caller,
  input: { orderId: string; status: OrderStatus; comment?: string | null; idempotencyKey?: string | null },
) {
  return changeOrder(deps, caller, input, 'updateOrderStatus', input.status === 'CANCELLED' ? CANCELLED : [input.status], (adapter) =>
    adapter.updateOrderStatus ? (id) => adapter.updateOrderStatus!(id, input.status, input.comment ?? null) : null,
  );
}
