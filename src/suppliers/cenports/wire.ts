import { z } from 'zod';

/**
 * Cenports answers as openapi/cenports.yaml allows them. Unknown fields pass (z.object strips
 * them); statuses stay plain strings so an undocumented one reaches the total status maps and is
 * reported by name.
 */

/** Dollars as a JSON number with at most 2 decimals: parseSupplierJson hands non-integers over as text. */
const amount = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+(\.\d{1,2})?$/)]);
/** Stock arrives as a decimal string ("58"), exactly as the document shows. */
const quantityText = z.string().regex(/^\d+$/);
const instant = z.string().refine((text) => !Number.isNaN(Date.parse(text)), { error: 'not a date-time' });
const optionalText = z.string().nullish();

export const AccessTokenWire = z.object({
  token_type: z.string().min(1),
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
});

/** Present on every list read with isPaginated=true, which is how this adapter reads lists. */
const PaginationWire = z.object({ total: z.number().int().nonnegative() });

const OrderLineWire = z.object({
  lineItem: z.string(),
  productSku: z.string().min(1),
  productName: optionalText,
  quantity: z.number().int().min(1),
  price: amount,
  status: z.string(),
});

const ShipToWire = z.object({
  address1: z.string(),
  address2: optionalText,
  city: z.string(),
  state: z.string(),
  country: z.string(),
  postalCode: z.string(),
});

export const OrderWire = z.object({
  orderNo: z.string().min(1),
  customerOrderNo: optionalText,
  orderDate: instant,
  channelId: z.string(),
  customerName: optionalText,
  contactName: optionalText,
  contactEmail: optionalText,
  contactPhone: optionalText,
  status: z.string(),
  isAcknowledged: z.boolean().optional(),
  shipTo: ShipToWire,
  lineItems: z.array(OrderLineWire),
  pricing: z.object({ subTotal: amount, discount: amount, shipCost: amount, grandTotal: amount }),
});
export type OrderWire = z.infer<typeof OrderWire>;

export const OrderListWire = z.object({ data: z.array(OrderWire), pagination: PaginationWire.optional() });
export const OrderPageWire = OrderListWire.extend({ pagination: PaginationWire });

export const ShipmentWire = z.object({
  shipmentId: z.string().min(1),
  orderNo: z.string(),
  channelId: z.string(),
  carrier: z.string(),
  service: optionalText,
  trackingNumber: z.string(),
  trackingUrl: optionalText,
  shipDate: instant,
  status: z.string(),
  acknowledged: z.boolean(),
});
export type ShipmentWire = z.infer<typeof ShipmentWire>;

export const ShipmentPageWire = z.object({ data: z.array(ShipmentWire), pagination: PaginationWire });

const WarehouseAddressWire = z.object({
  streetAddress: z.string(),
  streetAddress2: optionalText,
  city: z.string(),
  province: optionalText,
  provinceAbbre: optionalText,
  countryCode: z.string(),
  postalCode: z.string(),
});

const InventoryItemWire = z.object({
  productSku: z.string().min(1),
  productName: optionalText,
  quantity: quantityText,
  isDiscontinued: z.boolean(),
  nextAvailabilityDate: optionalText,
});

export const WarehouseInventoryWire = z.object({
  warehouseName: z.string(),
  warehouseCode: z.string().min(1),
  warehouseAddress: WarehouseAddressWire.optional(),
  warehouseInventory: z.array(InventoryItemWire),
});
export type WarehouseInventoryWire = z.infer<typeof WarehouseInventoryWire>;

export const InventoryListWire = z.object({ data: z.array(WarehouseInventoryWire) });

export const TransactionWire = z.object({
  handle: z.string(),
  status: z.string(),
  submitted_at: instant,
  completed_at: instant.nullish(),
  errors: z.array(z.object({ index: z.number().int().nonnegative(), message: z.string() })).optional(),
});
export type TransactionWire = z.infer<typeof TransactionWire>;

export const ChannelWire = z.object({
  channelId: z.string().min(1),
  channelName: z.string(),
  channelEmail: optionalText,
  channelPhone: optionalText,
  location: optionalText,
});
export type ChannelWire = z.infer<typeof ChannelWire>;

export const ChannelListWire = z.object({ data: z.array(ChannelWire) });

/** A 422: Laravel's messages per dotted field path ("orders.0.lineItems.1.quantity"). */
export const ValidationErrorWire = z.object({ message: z.string(), errors: z.record(z.string(), z.array(z.string())) });
export type ValidationErrorWire = z.infer<typeof ValidationErrorWire>;

/** A 400: Cenports' business error, one message per refused item. */
export const BusinessErrorWire = z.object({ code: z.string(), message: z.string(), errors: z.array(z.string()) });
