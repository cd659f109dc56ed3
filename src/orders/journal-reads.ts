import type { Store } from '../store/open.ts';
import type { SupplierAdapter } from '../suppliers/adapter.ts';

/**
 * A supplier with no read API for orders (Centre) is read from the gateway's journal of the
 * orders placed through it: the same listOrders/getOrders any adapter offers, newest first.
 */
export function withJournalReads(adapter: SupplierAdapter, store: Store): SupplierAdapter {
  if (adapter.listOrders || !adapter.createOrder) return adapter;
  const supplier = adapter.descriptor.id;
  return {
    ...adapter,
    async listOrders(window) {
      const entries = await store.journal.list({ supplier, offset: window.offset, limit: window.limit + 1 });
      return { items: entries.slice(0, window.limit).map((e) => e.order), hasMore: entries.length > window.limit };
    },
    async getOrders(ids) {
      return (await store.journal.getMany(supplier, ids)).map((entry) => entry?.order ?? null);
    },
  };
}
