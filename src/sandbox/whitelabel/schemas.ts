import { z } from 'zod';
import { whitelabelError } from './errors.ts';
import { ORDER_STATUSES } from './types.ts';

/** Parses a body or query with a zod schema, or throws the supplier's 400 VALIDATION_ERROR. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw whitelabelError(400, 'VALIDATION_ERROR', 'Invalid request', { issues });
}

const text = z.string().min(1);
const pageSize = (fallback: number) => z.coerce.number().int().min(1).max(100).default(fallback);

export const connectExchangeSchema = z.object({
  connect_code: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/),
  store_url: z.url(),
  store_name: z.string().optional(),
  woo_version: z.string().optional(),
  currency: z.string().optional(),
  timezone: z.string().optional(),
});

const addressFields = z.object({
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  company: z.string().optional(),
  address_1: z.string().optional(),
  address_2: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postcode: z.string().optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  phone: z.string().optional(),
  email: z.email().optional(),
});
const shippingAddress = addressFields.extend({
  first_name: text,
  last_name: text,
  address_1: text,
  city: text,
  postcode: text,
  country: z.string().regex(/^[A-Z]{2}$/),
});

export const createOrderSchema = z.object({
  woo_order_id: z.string().min(1).max(64),
  woo_order_number: z.string().optional(),
  currency: z.string().refine((currency) => currency === 'USD', 'must be USD, the wallet currency'),
  shipping_address: shippingAddress,
  billing_address: addressFields.optional(),
  customer_email: z.email().optional(),
  customer_note: z.string().optional(),
  items: z
    .array(
      z.object({
        supplier_sku: text,
        woo_product_id: z.string().optional(),
        qty: z.number().int().min(1),
        unit_price_cents: z.number().int().min(0).optional(),
        name: z.string().optional(),
      }),
    )
    .min(1)
    .max(100),
});
export type CreateOrderInput = z.infer<typeof createOrderSchema>;

export const listOrdersQuery = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: pageSize(20),
});

export const orderUpdatesQuery = z.object({
  since: z.iso.datetime({ offset: true }),
  limit: pageSize(50),
});

export const pendingTrackingQuery = z.object({ limit: pageSize(100) });

export const cancelOrderSchema = z
  .object({
    reason: z.string().max(500).optional(),
    refund_to_wallet: z.boolean().default(true),
  })
  .default({ refund_to_wallet: true });

export const createShipmentSchema = z.object({
  order_id: z.string().min(1),
  carrier: text,
  service: text,
  weight_oz: z.number().min(0.1).optional(),
});

export const markShippedSchema = z
  .object({
    tracking_number: text.optional(),
    tracking_url: z.url().optional(),
    carrier: text.optional(),
    actual_cost_cents: z.number().int().min(0).optional(),
  })
  .default({});
export type MarkShippedInput = z.infer<typeof markShippedSchema>;

export const acknowledgeSchema = z.object({ order_ids: z.array(z.string()).min(1).max(100) });

export const shipStationEventSchema = z.object({
  event: z.enum(['DELIVERED', 'FAILED', 'RETURNED']),
  tracking_number: text,
  carrier: z.string().optional(),
  occurred_at: z.iso.datetime({ offset: true }).optional(),
});
export type ShipStationEvent = z.infer<typeof shipStationEventSchema>;

export const orderStatusChangeSchema = z.object({ status: z.enum(ORDER_STATUSES) });

export const walletChangeSchema = z.object({
  balance_cents: z.number().int().optional(),
  pending_payments: z.number().int().min(0).optional(),
});
