import { z } from 'zod';
import { Cents, envelope, ShipmentWire } from './wire.ts';

/**
 * The answers of WhiteLabel's writes as its spec allows them (see wire.ts for the reads), and the
 * error envelope's `details`, which the refusals read to name the line or field at fault.
 */

/** createOrder's answer (201 new, 200 the order placed earlier with this woo_order_id). */
export const OrderCreatedWire = z.object({
  supplier_order_id: z.string().min(1),
  woo_order_id: z.string().optional(),
  status: z.string(),
  estimated_total_cents: Cents,
  wallet_balance_cents: Cents,
  is_funded: z.boolean(),
});
export type OrderCreatedWire = z.infer<typeof OrderCreatedWire>;

export const OrderCancelledWire = z.object({
  order_id: z.string(),
  status: z.string(),
  released_cents: Cents,
  available_cents: Cents,
  reason: z.string().nullish(),
});

export const AcknowledgedWire = z.object({ acknowledged: z.array(z.string()), ignored: z.array(z.string()) });

export const OrderCreatedResponse = envelope(OrderCreatedWire);
export const OrderCancelledResponse = envelope(OrderCancelledWire);
export const ShipmentResponse = envelope(ShipmentWire);
export const AcknowledgedResponse = envelope(AcknowledgedWire);

/** One problem of a VALIDATION_ERROR; the spec gives no shape, so the path may be text or a list. */
const IssueWire = z.object({
  path: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]).optional(),
  message: z.string().optional(),
});

/** `details` of the codes the adapter reads; every key optional (it is `{}` when there is none). */
const DetailsWire = z
  .object({
    issues: z.array(IssueWire).optional().catch(undefined),
    index: z.number().int().nonnegative().optional().catch(undefined),
    supplier_sku: z.string().optional().catch(undefined),
    required_cents: z.number().optional().catch(undefined),
    available_cents: z.number().optional().catch(undefined),
    min_qty: z.number().optional().catch(undefined),
    max_qty: z.number().optional().catch(undefined),
    status: z.string().optional().catch(undefined),
  })
  .catch({});

/** The error envelope with what the refusals need. */
export const WriteErrorWire = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().catch(''),
    details: DetailsWire.nullish(),
  }),
});
export type WriteErrorWire = z.infer<typeof WriteErrorWire>;
export type IssueWire = z.infer<typeof IssueWire>;
