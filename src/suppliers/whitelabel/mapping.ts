import { moneyFromMinor, type Money } from '../../domain/money.ts';
import type {
  InventoryLevelModel,
  OrderModel,
  ProductModel,
  ShipmentModel,
  TrackingUpdateModel,
  WalletModel,
} from '../../domain/models.ts';
import { mapStatus } from '../../domain/status.ts';
import { WHITELABEL_ORDER_STATUS, WHITELABEL_SHIPMENT_STATUS } from './status-map.ts';
import type { OrderChangesPage } from '../adapter.ts';
import type { CatalogWire, Cents, OrderUpdatesWire, OrderWire, PendingTrackingWire, ShipmentWire, WalletWire } from './wire.ts';

/**
 * Pure functions from WhiteLabel answers to the unified model. Each throws RangeError on an unknown
 * status or an impossible amount (mapOrBreach makes that a SupplierContractError).
 */

/** The spec: every amount is cents of USD; catalog products carry no currency of their own. */
const CATALOG_CURRENCY = 'USD';

/** Money from wire cents (a safe integer, or its exact text). Throws RangeError past that. */
export const moneyFromCents = (cents: Cents, currency: string): Money =>
  moneyFromMinor(typeof cents === 'number' ? cents : BigInt(cents.replace(/\.0+$/, '')), currency);
const moneyOrNull = (cents: Cents | null | undefined, currency: string): Money | null =>
  cents === null || cents === undefined ? null : moneyFromCents(cents, currency);
/** One spelling for every timestamp, so the gateway can compare them as it sorts. */
const iso = (time: string | null | undefined): string | null => (time ? new Date(time).toISOString() : null);

export function toShipment(shipment: ShipmentWire, currency: string): ShipmentModel {
  return {
    supplier: 'whitelabel',
    supplierShipmentId: shipment.shipment_id,
    supplierOrderId: shipment.order_id,
    status: mapStatus(WHITELABEL_SHIPMENT_STATUS, shipment.status, 'shipment status'),
    supplierStatus: shipment.status,
    carrier: shipment.carrier,
    service: shipment.service ?? null,
    trackingNumber: shipment.tracking_number,
    trackingUrl: shipment.tracking_url,
    labelUrl: shipment.label_url ?? null,
    // what shipping was settled at once shipped; until then the label's price
    cost: moneyOrNull(shipment.actual_cost_cents ?? shipment.rate_cents, currency),
    shippedAt: iso(shipment.shipped_at),
  };
}

/** An order with its lines and embedded shipments; products are named by SKU, their native id. */
export function toOrder(order: OrderWire): OrderModel {
  const { currency } = order;
  const address = order.shipping_address;
  return {
    supplier: 'whitelabel',
    supplierOrderId: order.id,
    // woo_order_id: the store's order id, which is also the supplier's idempotency key
    externalReference: order.woo_order_id,
    status: mapStatus(WHITELABEL_ORDER_STATUS, order.status, 'order status'),
    supplierStatus: order.status,
    createdAt: iso(order.created_at),
    updatedAt: iso(order.updated_at),
    // what was debited once shipped; before that the estimate the wallet holds reserved
    total: moneyFromCents(order.actual_total_cents ?? order.total_estimate_cents, currency),
    lines: order.order_items.map((item) => ({
      supplier: 'whitelabel',
      sku: item.supplier_sku,
      supplierProductId: item.supplier_sku,
      name: item.name,
      quantity: item.qty,
      unitPrice: moneyFromCents(item.wholesale_price_cents, currency),
      lineTotal: moneyFromCents(item.line_total_cents, currency),
    })),
    shipments: order.shipments.map((shipment) => toShipment(shipment, currency)),
    customer: { email: order.customer_email ?? null },
    shippingAddress: address
      ? {
          firstName: address.first_name ?? null,
          lastName: address.last_name ?? null,
          address1: address.address_1 ?? null,
          address2: address.address_2 ?? null,
          city: address.city ?? null,
          state: address.state ?? null,
          postalCode: address.postcode ?? null,
          country: address.country ?? null,
          phone: address.phone ?? null,
        }
      : null,
  };
}

/** The catalog's products in its own order; the native id is the SKU, which order items name. */
export function toProducts(catalog: CatalogWire): ProductModel[] {
  const updatedAt = iso(catalog.last_updated);
  return catalog.products.map((product) => ({
    supplier: 'whitelabel',
    supplierProductId: product.sku,
    sku: product.sku,
    name: product.name,
    description: product.description ?? product.short_description ?? null,
    category: product.category ?? null,
    // null: no price configured for this merchant yet (ordering it answers PRICE_NOT_CONFIGURED)
    price: moneyOrNull(product.wholesale_price_cents, CATALOG_CURRENCY),
    // the minimum advertised retail price
    retailPrice: moneyOrNull(product.map_price_cents, CATALOG_CURRENCY),
    available: product.in_stock,
    minQuantity: product.min_qty,
    maxQuantity: product.max_qty,
    imageUrls: (product.images ?? []).map((image) => image.url),
    updatedAt,
  }));
}

/** One level per product: WhiteLabel reports what can be ordered, with no warehouse and no on-hand count. */
export function toInventory(catalog: CatalogWire): InventoryLevelModel[] {
  return catalog.products.map((product) => ({
    supplier: 'whitelabel',
    sku: product.sku,
    supplierProductId: product.sku,
    warehouse: null,
    available: product.in_stock ? product.available_qty : 0,
    onHand: null,
  }));
}

export function toWallet(wallet: WalletWire): WalletModel {
  return {
    supplier: 'whitelabel',
    balance: moneyFromCents(wallet.balance_cents, wallet.currency),
    reserved: moneyFromCents(wallet.reserved_cents, wallet.currency),
    available: moneyFromCents(wallet.available_cents, wallet.currency),
    pendingPayments: wallet.pending_payments,
  };
}

/**
 * One update per shipment with tracking, in the supplier's order (oldest shipment first). An update
 * carries no status, but an undocumented one is still the supplier breaking its contract.
 */
export function toTrackingUpdates(pending: PendingTrackingWire): TrackingUpdateModel[] {
  return pending.orders.flatMap((order) => {
    mapStatus(WHITELABEL_ORDER_STATUS, order.status, 'order status');
    return order.shipments.map((shipment) => {
      mapStatus(WHITELABEL_SHIPMENT_STATUS, shipment.status, 'shipment status');
      return {
        supplier: 'whitelabel' as const,
        supplierOrderId: order.order_id,
        carrier: shipment.carrier,
        trackingNumber: shipment.tracking_number,
        trackingUrl: shipment.tracking_url,
        updatedAt: iso(shipment.delivered_at ?? shipment.shipped_at ?? shipment.created_at),
      };
    });
  });
}

/** The delta feed's page; next_since stays the supplier's own text, to be sent back as it came. */
export function toOrderChanges(page: OrderUpdatesWire): OrderChangesPage {
  return {
    changes: page.updates.map((update) => ({
      supplierOrderId: update.order_id,
      status: mapStatus(WHITELABEL_ORDER_STATUS, update.status, 'order status'),
      supplierStatus: update.status,
      changedAt: new Date(update.updated_at).toISOString(),
    })),
    hasMore: page.has_more,
    nextSince: page.next_since,
  };
}

/** Every shipment with tracking in the pending queue, oldest first; its amounts are USD cents (spec). */
export function toPendingShipments(pending: PendingTrackingWire): ShipmentModel[] {
  return pending.orders.flatMap((order) => order.shipments.map((shipment) => toShipment(shipment, CATALOG_CURRENCY)));
}
