import { moneyFromMinor } from '../../domain/money.ts';
import type { ProductModel } from '../../domain/models.ts';
import { SUPPLIER_NAMES } from '../../domain/supplier.ts';
import type { SupplierAdapter } from '../adapter.ts';
import type { SupplierDescriptor } from '../operations.ts';
import { sliceWindow } from '../shared/window.ts';
import { createCentreClient, type CentreConnection } from './client.ts';
import type { CentrePriceListEntry } from './price-list.ts';
import { createCentreWrites } from './writes.ts';

/** Centre Research: order creation only; the gateway's journal is its read side. */
export const centre = {
  id: 'centre',
  name: SUPPLIER_NAMES.centre,
  rateLimits: [
    { scope: 'all', limit: 100, windowSeconds: 60 },
    { scope: 'all', limit: 200, windowSeconds: 10 },
  ],
} as const satisfies SupplierDescriptor;

export interface CentreAdapterOptions extends CentreConnection {
  priceList: readonly CentrePriceListEntry[];
  /** the clock that dates placed orders (Centre's answer has no timestamp); tests pin it */
  now?: () => Date;
}

function toProduct(entry: CentrePriceListEntry): ProductModel {
  return {
    supplier: 'centre',
    supplierProductId: entry.variantId,
    sku: entry.sku,
    name: entry.name,
    // Centre charges its channel price in USD; a variant without one cannot be ordered.
    price: entry.priceCents === null ? null : moneyFromMinor(entry.priceCents, 'USD'),
    available: entry.priceCents !== null,
    imageUrls: [],
  };
}

/**
 * The Centre adapter. Its products are the configured price list, no call needed; its one
 * upstream operation is createOrder (see writes.ts), and the placed order it returns is all the
 * gateway will ever know of the order, since Centre has no read API.
 */
export function createCentreAdapter(options: CentreAdapterOptions): SupplierAdapter {
  const products = options.priceList.map(toProduct);
  const byId = new Map(products.flatMap((p) => [[p.supplierProductId, p] as const, [p.sku, p] as const]));
  const client = createCentreClient(options);
  return {
    descriptor: centre,
    health: () => client.health(),
    async listProducts(window, filter) {
      const search = filter.search?.toLowerCase();
      const matching = products.filter(
        (p) =>
          (!filter.skus || filter.skus.includes(p.sku)) &&
          (!search || p.name.toLowerCase().includes(search) || p.sku.toLowerCase().includes(search)),
      );
      return sliceWindow(matching, window);
    },
    // Centre itself looks a variant up by id, then by SKU; so does this.
    async getProducts(ids) {
      return ids.map((id) => byId.get(id) ?? null);
    },
    ...createCentreWrites(client, options.priceList, options.now),
    refusesDuplicateTokens: true,
  };
}
