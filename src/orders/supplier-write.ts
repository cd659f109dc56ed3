import type { SupplierId } from '../domain/supplier.ts';
import { POLLED_SUPPLIERS } from '../live/pollers/index.ts';
import type { Store } from '../store/open.ts';

/**
 * The suppliers whose order changes come back to the gateway on their own: read by a poller
 * (WhiteLabel, Cenports) or told by a webhook (PleasureStock), the gateway's own included.
 */
export const ECHOING_SUPPLIERS: ReadonlySet<SupplierId> = new Set<SupplierId>([...POLLED_SUPPLIERS, 'pleasurestock']);

/**
 * Long enough for any write with its retries and the journaling after it; only a process that
 * dies mid-write leaves its mark to run out, and pollers wait for that at most POLLER_WAIT_MS.
 */
const WRITE_MARK_TTL_MS = 60_000;

/**
 * Runs a write that changes orders at a supplier, from before its first call until what it did
 * is journaled, marked as under way in the store: so a poller that reads the supplier meanwhile,
 * or a webhook that tells of the change, waits for the MUTATION event instead of recording the
 * same change as its own (see writes-journaled.ts). Writes to suppliers whose changes never come back
 * need no mark and cost no statement.
 */
export async function asSupplierWrite<T>(store: Store, supplier: SupplierId, operation: string, write: () => Promise<T>): Promise<T> {
  if (!ECHOING_SUPPLIERS.has(supplier)) return write();
  const mark = await store.supplierWrites.begin(supplier, operation, WRITE_MARK_TTL_MS);
  try {
    return await write();
  } finally {
    // A mark that cannot be removed runs out by itself; the write's own outcome is what counts.
    await store.supplierWrites.end(mark).catch(() => undefined);
  }
}
