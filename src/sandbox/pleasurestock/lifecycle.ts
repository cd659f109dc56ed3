import type { Order, OrderStatus } from './types.ts';

/** The forward chain; cancelled may follow any non-final status. */
export const FORWARD: readonly OrderStatus[] = ['created', 'part_paid', 'paid', 'on_the_way', 'delivered', 'accepted'];
const FINAL: ReadonlySet<OrderStatus> = new Set(['accepted', 'cancelled']);

/**
 * One step forward, or created → paid (full payment at once, as the document's own examples do),
 * or cancellation from a non-final status. Repeating the current status is not a transition.
 */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  if (FINAL.has(from)) return false;
  if (to === 'cancelled') return true;
  const gap = FORWARD.indexOf(to) - FORWARD.indexOf(from);
  return gap === 1 || (from === 'created' && to === 'paid');
}

/** Moves the order and stamps the timestamp its detail shows for that status. */
export function applyStatus(order: Order, to: OrderStatus, at: number): void {
  order.status = to;
  order.statusChangedAt = at;
  if (to === 'part_paid' || to === 'paid') order.confirmedAt ??= at;
  if (to === 'paid') order.paidAt = at;
  if (to === 'on_the_way') order.shippedAt = at;
  if (to === 'delivered') order.deliveredAt = at;
  if (to === 'accepted') order.acceptedAt = at;
}
