import { z } from 'zod';

/**
 * The answers of PleasureStock's writes as openapi/pleasurestock.yaml allows them, for the fields
 * the adapter reads. JSON-number money arrives as a safe integer or its exact source text (see
 * parseSupplierJson), never as a float.
 */
const amount = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)]);
const currency = z.string().regex(/^[A-Z]{3}$/);

/** One order a create produced: only a line count, not the lines (see placement.ts). */
export const CreatedOrderWire = z.object({
  orderNumber: z.string().min(1),
  supplierId: z.number().int(),
  status: z.string(),
  totalAmount: amount,
  currency,
  items: z.number().int().min(1),
  createdAt: z.iso.datetime({ offset: true }),
});
export type CreatedOrderWire = z.infer<typeof CreatedOrderWire>;

export const CreateOrderResponseWire = z.object({
  success: z.literal(true),
  data: z.object({ orders: z.array(CreatedOrderWire).min(1) }),
});

export const UpdateOrderStatusResponseWire = z.object({
  success: z.literal(true),
  data: z.object({ orderNumber: z.string().min(1), status: z.string() }),
});

export const SalesResponseWire = z.object({
  success: z.literal(true),
  processed: z.number().int().nonnegative(),
});

/** The document's common error body; `error` is the stable label the adapter switches on. */
export const ErrorWire = z.object({
  success: z.literal(false),
  error: z.string(),
  message: z.string(),
  details: z.array(z.string()).optional(),
});
export type ErrorWire = z.infer<typeof ErrorWire>;

/** POST /sales' refusal: the common body plus one entry per refused record. */
export const SalesErrorWire = ErrorWire.extend({
  errors: z.array(z.object({ index: z.number().int().nonnegative(), error: z.string() })).optional(),
});
export type SalesErrorWire = z.infer<typeof SalesErrorWire>;

/** The labels of ErrorResponse.error the adapter maps (spec: "Known values"). */
export const ERROR_LABEL = {
  invalidRequest: 'Invalid request',
  validationErrors: 'Validation errors',
  productNotFound: 'Product not found',
  priceNotConfigured: 'Price not configured',
  invalidTransition: 'Invalid status transition',
} as const;
