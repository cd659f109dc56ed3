/** The simulator's in-memory model: camelCase, integer cents, epoch-millisecond times. */
export const ORDER_STATUSES = [
  'RECEIVED',
  'AWAITING_FUNDS',
  'FUNDED',
  'RELEASED_TO_FULFILLMENT',
  'PICKING',
  'PACKED',
  'SHIPPED',
  'COMPLETE',
  'ON_HOLD_PAYMENT',
  'ON_HOLD_COMPLIANCE',
  'CANCELLED',
  'REFUNDED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const SHIPMENT_STATUSES = [
  'PENDING',
  'LABEL_CREATED',
  'PICKED_UP',
  'IN_TRANSIT',
  'DELIVERED',
  'FAILED',
  'RETURNED',
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Statuses in which an order holds its estimated total reserved in the wallet. */
export const RESERVING_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'FUNDED',
  'RELEASED_TO_FULFILLMENT',
  'PICKING',
  'PACKED',
  'ON_HOLD_COMPLIANCE',
]);

/** Statuses in which an order may take a shipment or be marked shipped. */
export const SHIPPABLE_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'FUNDED',
  'RELEASED_TO_FULFILLMENT',
  'PICKING',
  'PACKED',
]);

export interface Product {
  id: string;
  sku: string;
  name: string;
  description: string;
  shortDescription: string;
  images: { id: string; url: string }[];
  /** null: no price configured for this merchant yet */
  wholesalePriceCents: number | null;
  mapPriceCents: number | null;
  dimensionsCm: { length: number; width: number; height: number };
  weightGrams: number;
  category: string;
  inStock: boolean;
  availableQty: number;
  minQty: number;
  maxQty: number;
  requiresCoa: boolean;
  complianceCopy: string;
  disclaimer: string;
}

export type Address = Record<string, string>;

export interface OrderItem {
  id: string;
  productId: string;
  sku: string;
  wooProductId: string | null;
  name: string;
  qty: number;
  wholesalePriceCents: number;
  /** the store's own price, recorded but never charged */
  unitPriceCents: number | null;
}

export interface Shipment {
  id: string;
  orderId: string;
  status: ShipmentStatus;
  carrier: string;
  service: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  labelUrl: string | null;
  rateCents: number | null;
  actualCostCents: number | null;
  createdAt: number;
  shippedAt: number | null;
  deliveredAt: number | null;
}

export interface Order {
  id: string;
  wooOrderId: string;
  wooOrderNumber: string | null;
  status: OrderStatus;
  items: OrderItem[];
  subtotalCents: number;
  shippingEstimateCents: number;
  /** what the order holds reserved now; the wallet's reserved total is the sum of these */
  reservedCents: number;
  actualShippingCents: number | null;
  customerEmail: string | null;
  customerNote: string | null;
  shippingAddress: Address;
  cancelReason: string | null;
  shipments: Shipment[];
  /** tracking exists that the store has not acknowledged */
  trackingPending: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface Wallet {
  balanceCents: number;
  currency: 'USD';
  /** Mercury invoices not yet Paid */
  pendingPayments: number;
}
