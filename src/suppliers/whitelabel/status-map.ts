import type { OrderStatus, ShipmentStatus } from '../../domain/status.ts';
import type { components } from '../../generated/openapi/whitelabel.ts';

export type WhitelabelOrderStatus = components['schemas']['OrderStatus'];
export type WhitelabelShipmentStatus = components['schemas']['ShipmentStatus'];

/** Every order status the spec documents (see OrderStatus there); anything else is a contract error. */
export const WHITELABEL_ORDER_STATUS = {
  RECEIVED: 'PENDING',
  // funding lapsed, nothing reserved: the merchant must top up the wallet
  AWAITING_FUNDS: 'AWAITING_PAYMENT',
  // the estimated total is reserved from the prepaid wallet
  FUNDED: 'PAID',
  RELEASED_TO_FULFILLMENT: 'PROCESSING',
  PICKING: 'PROCESSING',
  PACKED: 'PROCESSING',
  SHIPPED: 'SHIPPED',
  // the spec: "COMPLETE delivered"; the ShipStation DELIVERED event is what moves an order here
  COMPLETE: 'DELIVERED',
  ON_HOLD_PAYMENT: 'ON_HOLD',
  ON_HOLD_COMPLIANCE: 'ON_HOLD',
  CANCELLED: 'CANCELLED',
  REFUNDED: 'REFUNDED',
} as const satisfies Record<WhitelabelOrderStatus, OrderStatus>;

/** Every shipment status the spec documents; the names already agree with the unified ones. */
export const WHITELABEL_SHIPMENT_STATUS = {
  PENDING: 'PENDING',
  LABEL_CREATED: 'LABEL_CREATED',
  PICKED_UP: 'PICKED_UP',
  IN_TRANSIT: 'IN_TRANSIT',
  DELIVERED: 'DELIVERED',
  FAILED: 'FAILED',
  RETURNED: 'RETURNED',
} as const satisfies Record<WhitelabelShipmentStatus, ShipmentStatus>;

/**
 * The one WhiteLabel status to ask listOrders for when a filter's statuses cover exactly one;
 * `none` when they cover no WhiteLabel status (nothing can match); undefined when the filter
 * cannot be pushed down (no statuses, or several WhiteLabel statuses).
 */
export function statusPushdown(statuses: readonly OrderStatus[] | null | undefined): WhitelabelOrderStatus | 'none' | undefined {
  if (!statuses || statuses.length === 0) return undefined;
  const wanted = new Set<OrderStatus>(statuses);
  const matching = (Object.keys(WHITELABEL_ORDER_STATUS) as WhitelabelOrderStatus[]).filter((status) =>
    wanted.has(WHITELABEL_ORDER_STATUS[status]),
  );
  if (matching.length === 0) return 'none';
  return matching.length === 1 ? matching[0] : undefined;
}
