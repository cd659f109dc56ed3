import type { OrderModel, ProductModel, ShipmentModel } from './models.ts';
import type { OrderStatus, ShipmentStatus } from './status.ts';

/** The gateway's own reading of the list filters, applied to every item whatever a supplier did. */
export interface OrderFilterValues {
  statuses?: readonly OrderStatus[] | null;
  createdAfter?: string | null;
  createdBefore?: string | null;
  /** compared with the order's reference as clients see it (the journal's, for orders the gateway placed) */
  externalReference?: string | null;
}

/** Whether the order passes the filter; its externalReference must be the one shown to clients. */
export function matchesOrderFilter(order: OrderModel, filter: OrderFilterValues): boolean {
  if (filter.statuses?.length && !filter.statuses.includes(order.status)) return false;
  if (filter.externalReference != null && order.externalReference !== filter.externalReference) return false;
  // An order without a date cannot be shown to fall inside a date range, so a range excludes it.
  if (filter.createdAfter && (!order.createdAt || Date.parse(order.createdAt) < Date.parse(filter.createdAfter))) return false;
  if (filter.createdBefore && (!order.createdAt || Date.parse(order.createdAt) >= Date.parse(filter.createdBefore))) return false;
  return true;
}

export function matchesProductFilter(product: ProductModel, filter: { search?: string | null; skus?: readonly string[] | null }): boolean {
  if (filter.skus?.length && !filter.skus.includes(product.sku)) return false;
  if (filter.search) {
    const needle = filter.search.toLowerCase();
    const haystack = [product.name, product.sku, product.description ?? ''].join('\n').toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

export function matchesShipmentFilter(
  shipment: ShipmentModel,
  filter: { statuses?: readonly ShipmentStatus[] | null; supplierOrderIds?: readonly string[] | null; acknowledged?: boolean | null },
): boolean {
  if (filter.statuses?.length && !filter.statuses.includes(shipment.status)) return false;
  if (filter.supplierOrderIds && !filter.supplierOrderIds.includes(shipment.supplierOrderId ?? '')) return false;
  if (filter.acknowledged != null && shipment.acknowledged !== filter.acknowledged) return false;
  return true;
}

/**
 * Newest first; orders without a date (a supplier that sends none) after all dated ones. Ties keep
 * each supplier's own order, which the merge preserves.
 */
export function newestFirst(a: { createdAt?: string | null }, b: { createdAt?: string | null }): number {
  const ta = a.createdAt ? Date.parse(a.createdAt) : Number.NEGATIVE_INFINITY;
  const tb = b.createdAt ? Date.parse(b.createdAt) : Number.NEGATIVE_INFINITY;
  return ta === tb ? 0 : tb > ta ? 1 : -1;
}
