import { z } from 'zod';

/**
 * WhiteLabel answers as its spec (openapi/whitelabel.yaml) allows them, tolerant of fields it may
 * add. Statuses are plain strings here: status-map.ts decides, so an unknown one is reported by
 * name. Every amount is integer cents (`*_cents`).
 */

/**
 * Integer cents: a safe integer, or its exact source text when parseSupplierJson kept it as text
 * (beyond 2^53, or written as `2500.0`). A fraction of a cent is outside the contract.
 */
export const Cents = z.union([z.number().int(), z.string().regex(/^-?\d+(\.0+)?$/)]);
export type Cents = z.infer<typeof Cents>;

const dateTime = z.iso.datetime({ offset: true });
const nullableText = z.string().nullish();

/** `{ success: true, data }`, the envelope of every success answer. */
export const envelope = <T extends z.ZodType>(data: T) => z.object({ success: z.literal(true), data });

export const ProductWire = z.object({
  id: z.string(),
  sku: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  short_description: z.string().optional(),
  images: z.array(z.object({ id: z.string(), url: z.string() })).optional(),
  wholesale_price_cents: Cents.nullable(),
  map_price_cents: Cents.nullable(),
  category: z.string().optional(),
  in_stock: z.boolean(),
  available_qty: z.number().int().nonnegative(),
  min_qty: z.number().int().min(1),
  max_qty: z.number().int().min(1),
});
export type ProductWire = z.infer<typeof ProductWire>;

export const CatalogWire = z.object({ products: z.array(ProductWire), last_updated: dateTime });
export type CatalogWire = z.infer<typeof CatalogWire>;

export const ShipmentWire = z.object({
  shipment_id: z.string(),
  order_id: z.string(),
  status: z.string(),
  carrier: z.string(),
  service: nullableText,
  tracking_number: z.string().nullable(),
  tracking_url: z.string().nullable(),
  label_url: nullableText,
  rate_cents: Cents.nullable(),
  actual_cost_cents: Cents.nullish(),
  created_at: dateTime.optional(),
  shipped_at: dateTime.nullish(),
  delivered_at: dateTime.nullish(),
});
export type ShipmentWire = z.infer<typeof ShipmentWire>;

export const OrderItemWire = z.object({
  id: z.string(),
  supplier_sku: z.string(),
  name: z.string(),
  qty: z.number().int().min(1),
  wholesale_price_cents: Cents,
  line_total_cents: Cents,
});

const AddressWire = z.object({
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  address_1: z.string().optional(),
  address_2: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postcode: z.string().optional(),
  country: z.string().optional(),
  phone: z.string().optional(),
});

export const OrderWire = z.object({
  id: z.string(),
  woo_order_id: z.string(),
  status: z.string(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  subtotal_cents: Cents,
  total_estimate_cents: Cents,
  actual_total_cents: Cents.nullable(),
  customer_email: nullableText,
  shipping_address: AddressWire.optional(),
  order_items: z.array(OrderItemWire),
  shipments: z.array(ShipmentWire),
  created_at: dateTime,
  updated_at: dateTime,
});
export type OrderWire = z.infer<typeof OrderWire>;

export const OrderListWire = z.object({
  orders: z.array(OrderWire),
  pagination: z.object({
    page: z.number().int().min(1),
    limit: z.number().int().min(1),
    total: z.number().int().nonnegative(),
    total_pages: z.number().int().nonnegative(),
  }),
});
export type OrderListWire = z.infer<typeof OrderListWire>;

export const WalletWire = z.object({
  balance_cents: Cents,
  reserved_cents: Cents,
  available_cents: Cents,
  currency: z.string().regex(/^[A-Z]{3}$/),
  pending_payments: z.number().int().nonnegative(),
});
export type WalletWire = z.infer<typeof WalletWire>;

export const PendingTrackingWire = z.object({
  orders: z.array(
    z.object({
      order_id: z.string(),
      woo_order_id: z.string(),
      status: z.string(),
      shipments: z.array(ShipmentWire),
    }),
  ),
  has_more: z.boolean(),
});
export type PendingTrackingWire = z.infer<typeof PendingTrackingWire>;

export const OrderUpdatesWire = z.object({
  updates: z.array(z.object({ order_id: z.string(), woo_order_id: z.string().optional(), status: z.string(), updated_at: dateTime })),
  has_more: z.boolean(),
  next_since: dateTime,
});
export type OrderUpdatesWire = z.infer<typeof OrderUpdatesWire>;

/** `error.code` of an error envelope, the only part of an error body an adapter repeats. */
export const ErrorCodeWire = z.object({ error: z.object({ code: z.string().regex(/^[A-Z_]{1,40}$/) }) });

export const CatalogResponse = envelope(CatalogWire);
export const OrderResponse = envelope(OrderWire);
export const OrderListResponse = envelope(OrderListWire);
export const WalletResponse = envelope(WalletWire);
export const PendingTrackingResponse = envelope(PendingTrackingWire);
export const OrderUpdatesResponse = envelope(OrderUpdatesWire);
