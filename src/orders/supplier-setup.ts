import type { GlobalId } from '../domain/global-id.ts';
import type { SalesChannelModel } from '../domain/models.ts';
import type { SupplierId } from '../domain/supplier.ts';
import type { NewSalesChannel, SmartReorderEntry, SmartReorderRecordModel } from '../suppliers/admin-writes.ts';
import type { OrderServiceDeps } from './place-cart.ts';
import { oneSupplier, supplierChange, type Changed } from './supplier-changes.ts';

/** Creates a sales channel at the supplier (Cenports), which refuses a channelId it already has. */
export function createSalesChannel(deps: OrderServiceDeps, supplier: SupplierId, channel: NewSalesChannel): Promise<Changed<SalesChannelModel>> {
  return supplierChange(deps, supplier, 'createSalesChannel', ['input', 'supplier'], (a) =>
    a.createSalesChannel ? () => a.createSalesChannel!(channel) : null,
  );
}

/** Replaces the merchant's smart-reordering data at the one supplier its products belong to. */
export function submitSmartReorderData(
  deps: OrderServiceDeps,
  products: readonly (Omit<SmartReorderEntry, 'supplierProductId'> & { productId: GlobalId })[],
): Promise<Changed<SmartReorderRecordModel>> {
  const one = oneSupplier(products.map((p) => p.productId.supplier), ['input', 'products']);
  if ('refused' in one) return Promise.resolve(one.refused);
  const entries = products.map(({ productId, ...product }) => ({ ...product, supplierProductId: productId.nativeId }));
  return supplierChange(deps, one.supplier, 'submitSmartReorderData', ['input', 'products'], (a) =>
    a.submitSmartReorderData ? () => a.submitSmartReorderData!(entries) : null,
  );
}
