import DataLoader from 'dataloader';
import type { InventoryLevelModel, OrderModel, ProductModel, ShipmentModel, TransactionModel, WalletModel } from '../domain/models.ts';
import type { SupplierId } from '../domain/supplier.ts';
import type { SupplierRegistry } from '../suppliers/registry.ts';

/**
 * Per-request batching and de-duplication of supplier reads: one loader per supplier and kind,
 * created lazily, discarded with the request (so nothing is served across requests from here).
 */
export class Loaders {
  readonly #loaders = new Map<string, DataLoader<string, unknown>>();
  readonly #wallets = new Map<SupplierId, Promise<WalletModel>>();

  constructor(private readonly suppliers: SupplierRegistry) {}

  product(supplier: SupplierId): DataLoader<string, ProductModel | null> {
    return this.#loader(supplier, 'product', (ids) => this.suppliers.require(supplier).getProducts?.(ids) ?? nulls(ids));
  }

  order(supplier: SupplierId): DataLoader<string, OrderModel | null> {
    return this.#loader(supplier, 'order', (ids) => this.suppliers.require(supplier).getOrders?.(ids) ?? nulls(ids));
  }

  shipmentsOfOrder(supplier: SupplierId): DataLoader<string, ShipmentModel[]> {
    return this.#loader(
      supplier,
      'shipmentsOfOrder',
      (ids) => this.suppliers.require(supplier).getShipmentsByOrder?.(ids) ?? Promise.resolve(ids.map(() => [])),
    );
  }

  transaction(supplier: SupplierId): DataLoader<string, TransactionModel | null> {
    return this.#loader(supplier, 'transaction', (ids) => this.suppliers.require(supplier).getTransactions?.(ids) ?? nulls(ids));
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

  #loader<V>(supplier: SupplierId, kind: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    const key = `${supplier}:${kind}`;
    let loader = this.#loaders.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch, { maxBatchSize: 500 });
      this.#loaders.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}

const nulls = (ids: readonly string[]) => Promise.resolve(ids.map(() => null));
