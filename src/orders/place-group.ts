import { GraphQLError } from 'graphql';
import type { OrderModel, TransactionModel } from '../domain/models.ts';
import type { SupplierId } from '../domain/supplier.ts';
import type { Placement } from '../store/index.ts';
import type { Store } from '../store/open.ts';
import { failureTraitsOf } from '../suppliers/http/resilience.ts';
import type { PlacementOutcome, PlacementRequest } from '../suppliers/writes.ts';
import { recordPlacedOrders } from './journal-writes.ts';
import type { CartGroup } from './resolve-cart.ts';
import { asSupplierWrite } from './supplier-write.ts';

/** What became of one supplier's part of a cart. */
export type GroupResult =
  | { supplier: SupplierId; state: 'placed'; orders: OrderModel[] }
  | { supplier: SupplierId; state: 'submitted'; transaction: TransactionModel }
  | { supplier: SupplierId; state: 'rejected'; outcome: Extract<PlacementOutcome, { kind: 'rejected' }> }
  /** the outcome is unknown or the supplier is down: a retry with the same key finishes it */
  | { supplier: SupplierId; state: 'unknown'; error: GraphQLError };

export interface GroupContext {
  store: Store;
  scope: string;
  key: string;
  externalReference: string;
  unansweredSettleMs: number;
  now: () => number;
}

/**
 * What is kept of an attempt whose outcome is not known: when it was sent (state sending) or when
 * it went unanswered (state unknown), so a retry that finds no order knows how long to hold off.
 */
interface Attempt {
  sentAt?: number;
  unansweredAt?: number;
}

/**
 * Places one supplier's part exactly once. The intent is recorded before the call; a part that
 * was already decided is returned as it was; a part whose earlier outcome is unknown is looked
 * up by its token before anything is sent again.
 */
export async function placeGroup(group: CartGroup, request: PlacementRequest, context: GroupContext): Promise<GroupResult> {
  const { store } = context;
  const { adapter, supplier } = group;
  // A new row starts as sending, with when: the first attempt then needs no record() before its call.
  const row = await store.placements.ensure({
    scope: context.scope,
    key: context.key,
    supplier,
    token: request.token,
    request,
    outcome: { sentAt: context.now() } satisfies Attempt,
  });
  if (row.state === 'placed' || row.state === 'submitted' || row.state === 'rejected') {
    return fromRecorded(store, supplier, row.outcome as RecordedOutcome);
  }
  return asSupplierWrite(store, supplier, 'createOrder', () => placeUndecided(group, request, context, row));
}

/** A part not yet decided: looked up where an earlier attempt may have reached the supplier, else sent. */
async function placeUndecided(group: CartGroup, request: PlacementRequest, context: GroupContext, row: Placement): Promise<GroupResult> {
  const { store } = context;
  const { adapter, supplier } = group;
  // An earlier attempt may have reached the supplier: look before sending again.
  if (row.state === 'unknown' || row.attempts > 1) {
    const found = await lookUp(group, request);
    if (found instanceof GraphQLError) return { supplier, state: 'unknown', error: found };
    if (found) return persist(row.id, found, group, request, context, 'lookup');
    // Not there yet is not proof it never will be: a create that got no answer may still be
    // under way at a supplier with no idempotency of its own, and a resend now would be a second order.
    // The same goes for a row still `sending`, taken over from an attempt that crashed or lost its
    // lease mid-call: that attempt may be in flight yet, so its age counts from when it was sent.
    // A supplier that refuses a second order under the token needs no such wait.
    const waitMs = adapter.refusesDuplicateTokens ? 0 : stillSettling(row.state, row.outcome as Attempt | null, context);
    if (waitMs > 0) return { supplier, state: 'unknown', error: settling(supplier, waitMs) };
  }
  let outcome: PlacementOutcome;
  try {
    if (row.attempts > 1) await store.placements.record(row.id, 'sending', { sentAt: context.now() } satisfies Attempt);
    outcome = await adapter.createOrder!(request);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const unanswered: Attempt | null = failureTraitsOf(error)?.unanswered ? { unansweredAt: context.now() } : null;
    await store.placements.record(row.id, 'unknown', unanswered);
    const found = await lookUp(group, request);
    if (found && !(found instanceof GraphQLError)) return persist(row.id, found, group, request, context, 'lookup');
    return { supplier, state: 'unknown', error };
  }
  return persist(row.id, outcome, group, request, context, 'createOrder');
}

function stillSettling(state: string, attempt: Attempt | null, context: GroupContext): number {
  const at = state === 'unknown' ? attempt?.unansweredAt : state === 'sending' ? attempt?.sentAt : undefined;
  return typeof at === 'number' ? Math.max(0, at + context.unansweredSettleMs - context.now()) : 0;
}

function settling(supplier: SupplierId, waitMs: number): GraphQLError {
  return new GraphQLError(`${supplier} did not answer the earlier attempt, which may still be applied; retry in ${Math.ceil(waitMs / 1000)} s`, {
    extensions: { code: 'SUPPLIER_UNAVAILABLE', supplier, retryable: true, retryAfterMs: waitMs },
  });
}

async function lookUp(group: CartGroup, request: PlacementRequest): Promise<PlacementOutcome | null | GraphQLError> {
  if (!group.adapter.findPlacement) {
    return new GraphQLError(`${group.supplier} cannot confirm an earlier attempt; not sending again`, {
      extensions: { code: 'SUPPLIER_UNAVAILABLE', supplier: group.supplier, retryable: false },
    });
  }
  try {
    return await group.adapter.findPlacement(request);
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
}

async function persist(
  placementId: string,
  outcome: PlacementOutcome,
  group: CartGroup,
  request: PlacementRequest,
  context: GroupContext,
  via: 'createOrder' | 'lookup',
): Promise<GroupResult> {
  const { store } = context;
  if (outcome.kind === 'placed') {
    const orders = outcome.orders.map((order) => ({ ...order, externalReference: context.externalReference }));
    const response = { via, answer: outcome.answer ?? { kind: outcome.kind, orders: outcome.orders } };
    await recordPlacedOrders(store, { placementId, scope: context.scope, request, response, orders, now: context.now });
    await store.placements.record(placementId, 'placed', { kind: 'placed', orders: orders.map((o) => o.supplierOrderId) });
    return { supplier: group.supplier, state: 'placed', orders };
  }
  if (outcome.kind === 'submitted') {
    await store.transactions.upsert({ ...outcome.transaction, placementId });
    // The submission's answer waits here until the follower journals the orders it made.
    await store.placements.record(placementId, 'submitted', { kind: 'submitted', handle: outcome.transaction.handle, answer: outcome.answer });
    return { supplier: group.supplier, state: 'submitted', transaction: outcome.transaction };
  }
  await store.placements.record(placementId, 'rejected', outcome);
  return { supplier: group.supplier, state: 'rejected', outcome };
}

/** How a decided placement is recorded: orders and transactions by id (a submission with its answer), refusals whole. */
export type RecordedOutcome =
  | { kind: 'placed'; orders: string[] }
  | { kind: 'submitted'; handle: string; answer?: unknown }
  | Extract<PlacementOutcome, { kind: 'rejected' }>;

/** A decided part as it was first answered, for replays of the key. */
export async function fromRecorded(store: Store, supplier: SupplierId, outcome: RecordedOutcome): Promise<GroupResult> {
  switch (outcome.kind) {
    case 'rejected':
      return { supplier, state: 'rejected', outcome };
    case 'placed': {
      const entries = await store.journal.getMany(supplier, outcome.orders);
      return { supplier, state: 'placed', orders: entries.flatMap((e) => (e ? [e.order] : [])) };
    }
    case 'submitted': {
      const [transaction] = await store.transactions.get(supplier, [outcome.handle]);
      if (!transaction) throw new Error(`transaction ${outcome.handle} of ${supplier} is missing from the store`);
      return { supplier, state: 'submitted', transaction };
    }
  }
}
