import DataLoader from 'dataloader';
import type { InventoryLevelModel, OrderModel, ProductModel, ShipmentModel, TransactionModel, WalletModel } from '../domain/models.ts';
import type { SupplierId } from '../domain/supplier.ts';
import { isFinalTransaction, mergeTransaction, recordTransaction } from '../orders/transaction-follower.ts';
import type { Store } from '../store/open.ts';
import type { BatchRead } from '../suppliers/adapter.ts';
import type { SupplierRegistry } from '../suppliers/registry.ts';

/** ids per batch call where an adapter declares no maximum of its own */
const DEFAULT_BATCH_SIZE = 500;

/**
 * Per-request batching and de-duplication of supplier reads: one loader per supplier and kind,
 * created lazily, discarded with the request (so nothing is served across requests from here).
 */
export class Loaders {
  readonly #loaders = new Map<string, DataLoader<string, unknown>>();
  readonly #wallets = new Map<SupplierId, Promise<WalletModel>>();
  constructor(
    private readonly suppliers: SupplierRegistry,
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  product(supplier: SupplierId): DataLoader<string, ProductModel | null> {
    return this.#loader(supplier, 'product', (ids) => this.suppliers.require(supplier).getProducts?.(ids) ?? nulls(ids), 'getProducts');
  }

  order(supplier: SupplierId): DataLoader<string, OrderModel | null> {
    return this.#loader(supplier, 'order', (ids) => this.suppliers.require(supplier).getOrders?.(ids) ?? nulls(ids), 'getOrders');
  }

  shipmentsOfOrder(supplier: SupplierId): DataLoader<string, ShipmentModel[]> {
    return this.#loader(
      supplier,
      'shipmentsOfOrder',
      (ids) => this.suppliers.require(supplier).getShipmentsByOrder?.(ids) ?? Promise.resolve(ids.map(() => [])),
      'getShipmentsByOrder',
    );
  }

  /**
   * Asks at once for the shipments of orders whose supplier sends them apart, before the query
   * reaches each order's shipments field, and yields once so the call is on its way while the
   * rest of the page is resolved. A failure is left for that field to report.
   */
  async prefetchShipments(orders: readonly OrderModel[]): Promise<void> {
    const asked = orders.filter((order) => !order.shipments && this.prefetchShipmentsOf(order.supplier, order.supplierOrderId));
    if (asked.length > 0) await new Promise((resolve) => setImmediate(resolve));
  }

  /**
   * Asks for one order's shipments now where its supplier sends them apart (so together with the
   * order, when both are asked in one tick); true when it did. A failure is left for the field.
   */
  prefetchShipmentsOf(supplier: SupplierId, supplierOrderId: string): boolean {
    if (!this.suppliers.get(supplier)?.shipmentsApart) return false;
    this.shipmentsOfOrder(supplier).load(supplierOrderId).catch(() => {});
    return true;
  }

  /**
   * Transactions as the gateway recorded them (what was submitted, which orders), with the
   * supplier asked only about those not yet final.
   */
  transaction(supplier: SupplierId): DataLoader<string, TransactionModel | null> {
    return this.#loader(supplier, 'transaction', async (handles) => {
      const recorded = await this.store.transactions.get(supplier, handles);
      const open = handles.filter((_, i) => !recorded[i] || !isFinalTransaction(recorded[i]!));
      const adapter = this.suppliers.require(supplier);
      const live = open.length > 0 && adapter.getTransactions ? await adapter.getTransactions(open) : [];
      return Promise.all(
        handles.map(async (handle, i) => {
          const fresh = live[open.indexOf(handle)];
          const known = recorded[i];
          if (!fresh) return known ?? null;
          if (!known) return fresh;
          // Final at the supplier before the follower's next poll: recorded (and its orders
          // journaled) now, so whoever reads COMPLETED can read the orders it made.
          if (isFinalTransaction(fresh)) return recordTransaction({ suppliers: this.suppliers, store: this.store, now: this.now }, known, fresh);
          return mergeTransaction(known, fresh);
        }),
      );
    }, 'getTransactions');
  }

  /** The gateway's journal entry of an order it placed, or null. */
  journal(supplier: SupplierId): DataLoader<string, JournalEntry | null> {
    return this.#loader(supplier, 'journal', (ids) => this.store.journal.getMany(supplier, ids));
  }

  /** An order's status history, oldest first: one store query for every order in the request. */
  events(): DataLoader<string, OrderEvent[]> {
    return this.#loader('all' as SupplierId, 'events', async (keys) => {
      const parsed = keys.map((key) => JSON.parse(key) as [SupplierId, string]);
      return this.store.events.forOrders(parsed.map(([supplier, supplierOrderId]) => ({ supplier, supplierOrderId })));
    });
  }

  /** Stock per SKU: one getInventory call for every SKU asked in the same tick. */
  inventoryOfSku(supplier: SupplierId): DataLoader<string, InventoryLevelModel[]> {
    return this.#loader(supplier, 'inventoryOfSku', async (skus) => {
      const adapter = this.suppliers.require(supplier);
      if (!adapter.getInventory) return skus.map(() => []);
      const levels = await adapter.getInventory({ skus });
      return skus.map((sku) => levels.filter((level) => level.sku === sku));
    });
  }

  wallet(supplier: SupplierId): Promise<WalletModel> | null {
    const adapter = this.suppliers.require(supplier);
    if (!adapter.getWallet) return null;
    let wallet = this.#wallets.get(supplier);
    if (!wallet) {
      wallet = adapter.getWallet();
      this.#wallets.set(supplier, wallet);
    }
    return wallet;
  }

  #loader<V>(
    supplier: SupplierId,
    kind: string,
    batch: (keys: readonly string[]) => Promise<V[]>,
    /** the supplier call the batch makes, whose declared maximum bounds it */
    call?: BatchRead,
  ): DataLoader<string, V> {
    const key = `${supplier}:${kind}`;
    let loader = this.#loaders.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      const maxBatchSize = (call && this.suppliers.get(supplier)?.batchSizes?.[call]) || DEFAULT_BATCH_SIZE;
      loader = new DataLoader<string, V>(batch, { maxBatchSize });
      this.#loaders.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}

type JournalEntry = Awaited<ReturnType<Store['journal']['getMany']>>[number];
type OrderEvent = Awaited<ReturnType<Store['events']['forOrders']>>[number][number];

const nulls = (ids: readonly string[]) => Promise.resolve(ids.map(() => null));
