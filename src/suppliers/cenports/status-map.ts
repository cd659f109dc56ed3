import type { OrderStatus, ShipmentStatus, TransactionStatus } from '../../domain/status.ts';
import type { components } from '../../generated/openapi/cenports.ts';

type Schemas = components['schemas'];

/**
 * Every order status the spec documents. Incompleted is "some lines shipped, some not" (see
 * OrderStatus in the spec): fulfilment is still under way, so PROCESSING, not SHIPPED.
 */
export const CENPORTS_ORDER_STATUS = {
  Pending: 'PENDING',
  Processing: 'PROCESSING',
  Incompleted: 'PROCESSING',
  Shipped: 'SHIPPED',
  Delivered: 'DELIVERED',
  Cancelled: 'CANCELLED',
} as const satisfies Record<Schemas['OrderStatus'], OrderStatus>;

/** "shipped" means handed to the carrier: picked up, no transit scan yet. */
export const CENPORTS_SHIPMENT_STATUS = {
  shipped: 'PICKED_UP',
  in_transit: 'IN_TRANSIT',
  delivered: 'DELIVERED',
  returned: 'RETURNED',
} as const satisfies Record<Schemas['ShipmentStatus'], ShipmentStatus>;

/** QUEUED and PROCESSING are both "not finished"; only QUEUED has not started. */
export const CENPORTS_TRANSACTION_STATUS = {
  QUEUED: 'PENDING',
  PROCESSING: 'PROCESSING',
  COMPLETED: 'COMPLETED',
  FAILED: 'FAILED',
} as const satisfies Record<Schemas['TransactionStatus'], TransactionStatus>;

/** Whether any of the wanted statuses is one this supplier can produce; true when none is wanted. */
export function canProduce<T extends string>(map: Record<string, T>, wanted: readonly T[] | null | undefined): boolean {
  if (!wanted?.length) return true;
  const produced = new Set<string>(Object.values(map));
  return wanted.some((status) => produced.has(status));
}
