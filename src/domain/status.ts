/** The normalised statuses of the public schema; every supplier status maps onto one of these. */
export const ORDER_STATUSES = [
  'PENDING',
  'AWAITING_PAYMENT',
  'PARTIALLY_PAID',
  'PAID',
  'PROCESSING',
  'ON_HOLD',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
  'REFUNDED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const SHIPMENT_STATUSES = ['PENDING', 'LABEL_CREATED', 'PICKED_UP', 'IN_TRANSIT', 'DELIVERED', 'FAILED', 'RETURNED'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Shipments not yet handed to the carrier. */
export const UNSHIPPED: ReadonlySet<ShipmentStatus> = new Set(['PENDING', 'LABEL_CREATED']);

export const TRANSACTION_STATUSES = ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/**
 * Looks a supplier status up in a total map. An unknown value is the supplier breaking its
 * contract: it throws (the caller turns it into a SupplierContractError), never a default.
 */
export function mapStatus<S extends string, T extends string>(map: Record<S, T>, value: string, what: string): T {
  if (!Object.hasOwn(map, value)) throw new RangeError(`unknown ${what} ${JSON.stringify(value)}`);
  return map[value as S];
}
