import { iso } from './dates.ts';
import { centsToNumber } from './money.ts';
import { orderTotalCents } from './orders.ts';
import type { PleasurestockState } from './state.ts';
import type { Order, OrderStatus } from './types.ts';

/** Webhook payloads (the `data` of each event), in the document's shapes. */

/** order.created: the supplier as its UUID, money as JSON numbers. */
export function orderCreatedData(state: PleasurestockState, order: Order) {
  return {
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    deliveryId: order.deliveryId,
    status: order.status,
    supplierId: state.supplier(order.supplierId).uuid,
    totalAmount: centsToNumber(orderTotalCents(order)),
    currency: order.currency,
    items: order.lines.map((line) => ({
      ps_id: line.psId,
      quantity: line.quantity,
      unitPrice: centsToNumber(line.unitPriceCents),
      totalPrice: centsToNumber(line.unitPriceCents * line.quantity),
    })),
    externalOrderId: order.externalOrderId,
    createdAt: iso(order.createdAt),
  };
}

export function statusChangedData(order: Order, from: OrderStatus, comment: string | null) {
  return {
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    oldStatus: from,
    newStatus: order.status,
    changedBy: 'external_api',
    comment,
    changedAt: iso(order.statusChangedAt),
  };
}

export function cancelledData(order: Order, from: OrderStatus, reason: string | null) {
  return {
    orderId: order.orderId,
    orderNumber: order.orderNumber,
    previousStatus: from,
    cancelledBy: 'external_api',
    reason,
    cancelledAt: iso(order.statusChangedAt),
  };
}
