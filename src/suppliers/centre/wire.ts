import { z } from 'zod';

/** Centre's answers as its spec (openapi/centre.yaml) allows them. */
export const OrderCreatedWire = z.object({
  success: z.literal(true),
  data: z.object({ orderId: z.string().min(1), orderNumber: z.string().min(1), status: z.string() }),
});
export type OrderCreatedWire = z.infer<typeof OrderCreatedWire>;

/** The duplicate 400: the partnerOrderId was used before; the order created then. */
export const DuplicateOrderWire = z.object({
  success: z.literal(false),
  error: z.string(),
  orderId: z.string().min(1),
  orderNumber: z.string().min(1),
});
export type DuplicateOrderWire = z.infer<typeof DuplicateOrderWire>;

/** Any other refusal; `details` only on "Validation error". */
export const ErrorWire = z.object({
  success: z.literal(false),
  error: z.string(),
  details: z.array(z.string()).optional(),
});
export type ErrorWire = z.infer<typeof ErrorWire>;
