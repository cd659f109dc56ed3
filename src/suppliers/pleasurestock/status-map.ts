import type { OrderStatus } from '../../domain/status.ts';
import type { components } from '../../generated/openapi/pleasurestock.ts';

export type PleasurestockOrderStatus = components['schemas']['OrderStatus'];

/**
 * Every status of PleasureStock's lifecycle (created → part_paid → paid → on_the_way → delivered →
 * accepted; cancelled from any non-final one). `created` waits for the partner's payment;
 * `accepted` is the buyer's final acceptance of the goods, so the order is complete.
 */
export const PLEASURESTOCK_ORDER_STATUS = {
  created: 'AWAITING_PAYMENT',
  part_paid: 'PARTIALLY_PAID',
  paid: 'PAID',
  on_the_way: 'SHIPPED',
  delivered: 'DELIVERED',
  accepted: 'COMPLETED',
  cancelled: 'CANCELLED',
} as const satisfies Record<PleasurestockOrderStatus, OrderStatus>;

/** What GET /external/orders can be asked for a set of unified statuses. */
export type StatusPushdown =
  | { kind: 'all' }
  | { kind: 'one'; status: PleasurestockOrderStatus }
  /** no PleasureStock status maps onto the filter: the list is empty without asking */
  | { kind: 'none' };

/** The list's `status` parameter takes one status, so only a filter that maps onto one is pushed. */
export function statusPushdown(statuses: readonly OrderStatus[] | null | undefined): StatusPushdown {
  // An empty list is read as no filter: pushing down must never lose an item the gateway keeps.
  if (!statuses || statuses.length === 0) return { kind: 'all' };
  const matching = (Object.keys(PLEASURESTOCK_ORDER_STATUS) as PleasurestockOrderStatus[]).filter((status) =>
    statuses.includes(PLEASURESTOCK_ORDER_STATUS[status]),
  );
  if (matching.length === 0) return { kind: 'none' };
  if (matching.length === 1) return { kind: 'one', status: matching[0]! };
  return { kind: 'all' };
}

export type SettableOrderStatus = components['schemas']['UpdatableOrderStatus'];

/**
 * The unified statuses PUT /external/orders/{orderNumber}/status can set: the inverse of
 * PLEASURESTOCK_ORDER_STATUS over the statuses the spec lets a partner set (`created` is the
 * system's own). Any other target is refused before a call.
 */
export const SETTABLE_ORDER_STATUS = {
  PARTIALLY_PAID: 'part_paid',
  PAID: 'paid',
  SHIPPED: 'on_the_way',
  DELIVERED: 'delivered',
  COMPLETED: 'accepted',
  CANCELLED: 'cancelled',
} as const satisfies Partial<Record<OrderStatus, SettableOrderStatus>>;

export function settableStatus(status: OrderStatus): SettableOrderStatus | null {
  return (SETTABLE_ORDER_STATUS as Partial<Record<OrderStatus, SettableOrderStatus>>)[status] ?? null;
}
