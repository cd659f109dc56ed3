import { setTimeout as sleep } from 'node:timers/promises';
import type { SupplierId } from '../domain/supplier.ts';
import type { Store } from '../store/open.ts';

const RECHECK_MS = 50;

/**
 * Waits until no write to the supplier that began before now is still under way, for at most
 * maxWaitMs. Whatever the caller read from the supplier (a poll, a webhook) was read before this
 * is called, so any write whose effect it could show had been marked by now (the mark precedes the
 * write's first call). Not inside a store transaction: on PGlite it would hold the one connection
 * the write needs to finish.
 */
export async function writesJournaled(store: Store, supplier: SupplierId, maxWaitMs: number): Promise<void> {
  const before = await store.supplierWrites.clock();
  const deadline = Date.now() + maxWaitMs;
  while ((await store.supplierWrites.underWay(supplier, before)) > 0 && Date.now() < deadline) await sleep(RECHECK_MS);
}
