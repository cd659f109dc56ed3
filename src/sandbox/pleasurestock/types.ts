/** PleasureStock's order lifecycle; accepted and cancelled are final. */
export const ORDER_STATUSES = ['created', 'part_paid', 'paid', 'on_the_way', 'delivered', 'accepted', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type CatalogCurrency = 'EUR' | 'USD' | 'TRY';

/** One of PleasureStock's own suppliers: orders are split by it. */
export interface Supplier {
  /** the catalog's integer supplier_id (create answer's supplierId) */
  id: number;
  /** the UUID the order detail and webhooks show */
  uuid: string;
  name: string;
  currency: CatalogCurrency;
  /** TCC coefficient in tenths (17 = 1.7); null when TCC is disabled */
  tccTenths: number | null;
  /** TSP = TCC × tspTenths / 10 + tspAddUnits (whole currency units) */
  tspTenths: number;
  tspAddUnits: number;
}

export interface Category {
  id: string;
  name: string;
  nameEn: string;
}

export interface Product {
  id: string;
  internalId: string;
  /** the integer productId order lines show */
  rowId: number;
  name: string;
  sku: string;
  description: string;
  /** null: no price configured, orderable only with a customPrice */
  priceCents: number | null;
  currency: CatalogCurrency;
  supplierId: number;
  categoryId: string;
  createdAt: number;
  updatedAt: number;
}

export interface OrderLine {
  productRowId: number;
  psId: string;
  name: string;
  sku: string;
  quantity: number;
  unitPriceCents: number;
  imageUrl: string;
}

export interface Order {
  orderId: string;
  orderNumber: string;
  deliveryId: string;
  externalOrderId: string | null;
  comment: string | null;
  status: OrderStatus;
  supplierId: number;
  currency: CatalogCurrency;
  lines: OrderLine[];
  createdAt: number;
  statusChangedAt: number;
  confirmedAt: number | null;
  paidAt: number | null;
  shippedAt: number | null;
  deliveredAt: number | null;
  acceptedAt: number | null;
}

/** Sales of one product on one day, aggregated across warehouses (quantity summed, stock max). */
export interface SalesDay {
  internalId: string;
  date: string;
  quantity: number;
  stockOnHand: number | null;
}

export interface SmartReorderRecord {
  id: number;
  lastUpdated: number;
  isActive: boolean;
  products: Map<string, { currentStock: number; salesHistory: number[] }>;
}

export const WEBHOOK_EVENTS = ['order.created', 'order.status_changed', 'order.cancelled'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookTarget {
  url: string;
  events: WebhookEvent[];
  updatedAt: number;
}
