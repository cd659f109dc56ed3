import { GraphQLError } from 'graphql';
import type { OrderModel, TransactionModel } from '../domain/models.ts';
import type { SupplierId } from '../domain/supplier.ts';
import type { Store } from '../store/open.ts';
import type { PlacementOutcome, PlacementRequest } from '../suppliers/writes.ts';
import { recordPlacedOrders } from './journal-writes.ts';
import type { CartGroup } from './resolve-cart.ts';

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
  now: () => number;
}

/**
 * Places one supplier's part exactly once. The intent is recorded before the call; a part that
 * was already decided is returned as it was; a part whose earlier outcome is unknown is looked
 * up by its token before anything is sent again.
 */
export async function placeGroup(group: CartGroup, request: PlacementRequest, context: GroupContext): Promise<GroupResult> {
  const { store } = context;
  const { adapter, supplier } = group;
  const row = await store.placements.ensure({ scope: context.scope, key: context.key, supplier, token: request.token, request });
  if (row.state === 'placed' || row.state === 'submitted' || row.state === 'rejected') {
    return fromRecorded(store, supplier, row.outcome as RecordedOutcome);
  }
  // An earlier attempt may have reached the supplier: look before sending again.
  if (row.state === 'unknown' || row.attempts > 1) {
    const found = await lookUp(group, request);
    if (found instanceof GraphQLError) return { supplier, state: 'unknown', error: found };
    if (found) return persist(row.id, found, group, request, context);
  }
  let outcome: PlacementOutcome;
  try {
    await store.placements.record(row.id, 'sending', null);
    outcome = await adapter.createOrder!(request);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    await store.placements.record(row.id, 'unknown', null);
    const found = await lookUp(group, request);
    if (found && !(found instanceof GraphQLError)) return persist(row.id, found, group, request, context);
    return { supplier, state: 'unknown', error };
  }
  return persist(row.id, outcome, group, request, context);
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
): Promise<GroupResult> {
  const { store } = context;
  if (outcome.kind === 'placed') {
    const orders = outcome.orders.map((order) => ({ ...order, externalReference: context.externalReference }));
    await recordPlacedOrders(store, { placementId, scope: context.scope, request, orders, now: context.now });
    await store.placements.record(placementId, 'placed', { kind: 'placed', orders: orders.map((o) => o.supplierOrderId) });
    return { supplier: group.supplier, state: 'placed', orders };
  }
  if (outcome.kind === 'submitted') {
    await store.transactions.upsert({ ...outcome.transaction, placementId });
    await store.placements.record(placementId, 'submitted', { kind: 'submitted', handle: outcome.transaction.handle });
    return { supplier: group.supplier, state: 'submitted', transaction: outcome.transaction };
  }
  await store.placements.record(placementId, 'rejected', outcome);
  return { supplier: group.supplier, state: 'rejected', outcome };
}

/** How a decided placement is recorded: orders and transactions by id, refusals whole. */
type RecordedOutcome =
  | { kind: 'placed'; orders: string[] }
  | { kind: 'submitted'; handle: string }
  | Extract<PlacementOutcome, { kind: 'rejected' }>;

/** A decided part as it was first answered, for replays of the key. */
async function fromRecorded(store: Store, supplier: SupplierId, outcome: RecordedOutcome): Promise<GroupResult> {
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
