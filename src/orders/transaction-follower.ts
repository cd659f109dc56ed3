import type { OrderModel, TransactionModel } from '../domain/models.ts';
import type { Store } from '../store/open.ts';
import type { SupplierRegistry } from '../suppliers/registry.ts';
import type { PlacementRequest } from '../suppliers/writes.ts';
import { recordPlacedOrders } from './journal-writes.ts';
import type { RecordedOutcome } from './place-group.ts';

export interface FollowerDeps {
  suppliers: SupplierRegistry;
  store: Store;
  now: () => number;
  /** how often the store is asked for transactions due a poll (default 200 ms) */
  intervalMs?: number;
  /** where a failed round goes; the transactions come due again after their claim either way */
  logError?: (error: unknown) => void;
}

const FINAL = new Set(['COMPLETED', 'FAILED']);

/** Whether the supplier has finished with the transaction (COMPLETED or FAILED). */
export const isFinalTransaction = (transaction: Pick<TransactionModel, 'status'>): boolean => FINAL.has(transaction.status);

/** The supplier's answer says how a transaction stands; what was submitted is only known to us. */
export const mergeTransaction = (known: TransactionModel, live: TransactionModel): TransactionModel => ({
  ...live,
  kind: known.kind,
  supplierOrderIds: known.supplierOrderIds,
});
const CLAIM_MS = 30_000;
/** the wait before the n-th poll of one transaction: 250 ms doubling to at most 10 s */
const backoff = (attempts: number) => Math.min(250 * 2 ** attempts, 10_000);

/**
 * Follows asynchronous supplier writes (Cenports transactions) until they are COMPLETED or
 * FAILED, with backoff, from the store: so a restarted process picks up where another stopped.
 * A completed order creation journals the orders it made.
 */
export function startTransactionFollower(deps: FollowerDeps): { tick(): Promise<void>; stop(): void } {
  let running: Promise<void> | null = null;
  const tick = async (): Promise<void> => {
    // Claimed for a while: a reply slower than that lets another replica poll it too, no worse.
    const due = await deps.store.transactions.claimDue(new Date(deps.now()).toISOString(), 50, CLAIM_MS);
    const bySupplier = new Map<string, typeof due>();
    for (const t of due) bySupplier.set(t.supplier, [...(bySupplier.get(t.supplier) ?? []), t]);
    const logError = deps.logError ?? (() => undefined);
    await Promise.all([...bySupplier].map(([, list]) => follow(deps, list).catch(logError)));
  };
  const timer = setInterval(() => {
    running ??= tick()
      .catch(deps.logError ?? (() => undefined))
      .finally(() => (running = null));
  }, deps.intervalMs ?? 200);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}

async function follow(deps: FollowerDeps, stored: (TransactionModel & { placementId?: string | null; pollAttempts?: number })[]): Promise<void> {
  const supplier = stored[0]!.supplier;
  const adapter = deps.suppliers.get(supplier);
  if (!adapter?.getTransactions) return;
  const fresh = await adapter.getTransactions(stored.map((t) => t.handle));
  for (const [i, known] of stored.entries()) {
    const live = fresh[i];
    const attempts = (known.pollAttempts ?? 0) + 1;
    if (!live) {
      await deps.store.transactions.schedule(supplier, known.handle, new Date(deps.now() + backoff(attempts)).toISOString(), attempts);
      continue;
    }
    const merged = await recordTransaction(deps, known, live);
    if (!isFinalTransaction(merged)) {
      await deps.store.transactions.schedule(supplier, known.handle, new Date(deps.now() + backoff(attempts)).toISOString(), attempts);
    }
  }
}

/**
 * Records what the supplier now says of a transaction the gateway follows, and once it is final
 * journals the orders a createOrder made. The follower calls it on every poll; a read that meets a
 * transaction final at the supplier before the follower's next poll calls it too, so a partner
 * that sees COMPLETED can read its orders at once. Answers the transaction as recorded.
 */
export async function recordTransaction(
  deps: Pick<FollowerDeps, 'suppliers' | 'store' | 'now'>,
  known: TransactionModel & { placementId?: string | null },
  live: TransactionModel,
): Promise<TransactionModel> {
  const merged = mergeTransaction(known, live);
  // A failed creation may be the duplicate of an earlier attempt that did go through: the
  // orders its tokens name are looked up either way, and journaled if they exist. They are
  // journaled before the transaction is stored as final: until then pollers count it as a write
  // under way and wait, so its orders are recorded once, as placed, not as polled.
  const adapter = deps.suppliers.get(known.supplier);
  if (isFinalTransaction(merged) && merged.kind === 'createOrder' && adapter?.getOrders) {
    const orders = (await adapter.getOrders(merged.supplierOrderIds)).filter((o) => o !== null);
    await journalCreatedOrders(deps, known.placementId ?? null, merged, orders);
  }
  await deps.store.transactions.upsert({ ...merged, placementId: known.placementId ?? null });
  return merged;
}

/**
 * Journals the orders a createOrder transaction made as their placement's: the caller's scope (so
 * placedBy finds them), the request sent, and the submission's answer with the final transaction.
 * Without a placement (none recorded) they are kept under the scope 'transaction'.
 */
async function journalCreatedOrders(deps: Pick<FollowerDeps, 'store' | 'now'>, placementId: string | null, transaction: TransactionModel, orders: OrderModel[]): Promise<void> {
  if (orders.length === 0) return;
  const placement = placementId ? await deps.store.placements.get<PlacementRequest, RecordedOutcome>(placementId) : null;
  const submitted = placement?.outcome?.kind === 'submitted' ? placement.outcome.answer : undefined;
  await recordPlacedOrders(deps.store, {
    placementId,
    scope: placement?.scope ?? 'transaction',
    request: placement?.request ?? null,
    response: { via: 'transaction', answer: submitted ?? null, transaction },
    orders,
    now: deps.now,
  });
}
