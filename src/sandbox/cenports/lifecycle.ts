import type { CenportsState } from './state.ts';
import type { Order, OrderStatus } from './types.ts';

/** Forward moves only; Delivered and Cancelled are final. */
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  Pending: ['Processing', 'Cancelled'],
  Processing: ['Incompleted', 'Shipped', 'Cancelled'],
  Incompleted: ['Shipped'],
  Shipped: ['Delivered'],
  Delivered: [],
  Cancelled: [],
};

export const ORDER_STATUSES = Object.keys(ORDER_TRANSITIONS) as OrderStatus[];

/**
 * Moves an order along its lifecycle with the side effects Cenports would show: shipping lines
 * creates shipments and takes stock off the shelf. Returns why the move is refused, if it is.
 */
export function moveOrder(state: CenportsState, order: Order, to: OrderStatus): string | undefined {
  if (!ORDER_TRANSITIONS[order.status].includes(to)) {
    return `The order ${order.orderNo} cannot move from ${order.status} to ${to}.`;
  }
  const pending = order.lines.filter((line) => line.status === 'pending');
  switch (to) {
    case 'Processing':
      break;
    case 'Incompleted':
      // Partly shipped: the first half of the lines leave, at least one stays behind.
      if (pending.length < 2) return `The order ${order.orderNo} has a single line and cannot ship partly.`;
      state.shipLines(order, pending.slice(0, Math.floor(pending.length / 2)));
      break;
    case 'Shipped':
      state.shipLines(order, pending);
      break;
    case 'Delivered':
      for (const line of order.lines) if (line.status === 'shipped') line.status = 'delivered';
      for (const shipment of state.shipmentsOf(order)) shipment.status = 'delivered';
      break;
    case 'Cancelled':
      for (const line of pending) line.status = 'cancelled';
      break;
    case 'Pending':
      break;
  }
  order.status = to;
  return undefined;
}
