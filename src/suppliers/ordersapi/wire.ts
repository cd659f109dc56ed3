import { z } from 'zod';

/** The ordersapi answers as its spec (openapi/ordersapi.yaml) allows them; see Amount there. */
const amount = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+(\.\d{1,2})?$/)]);

export const OrderItemWire = z.object({
  order_item_id: z.string(),
  product_id: z.string(),
  sku: z.string(),
  product_name: z.string(),
  quantity: z.number().int().min(1),
  unit_price: amount,
  line_total: amount,
});

export const OrderWire = z.object({
  order_id: z.string().regex(/^OR\d{5,}$/),
  partner_name: z.string(),
  customer_reference: z.string().nullable(),
  status: z.string(),
  total_amount: amount,
  currency: z.string().regex(/^[A-Z]{3}$/),
  items: z.array(OrderItemWire),
});
export type OrderWire = z.infer<typeof OrderWire>;

export const OrderListWire = z.object({ count: z.number().int().nonnegative(), items: z.array(OrderWire) });

/** A refusal (400, 404, 409): FastAPI's `{"detail": "..."}`. */
export const ErrorWire = z.looseObject({ detail: z.string() });
export type ErrorWire = z.infer<typeof ErrorWire>;

/** FastAPI's 422: one problem per broken rule, located from "body" down. */
export const ValidationErrorWire = z.looseObject({
  detail: z.array(z.looseObject({ loc: z.array(z.union([z.string(), z.number()])), msg: z.string(), type: z.string() })).min(1),
});
export type ValidationErrorWire = z.infer<typeof ValidationErrorWire>;
