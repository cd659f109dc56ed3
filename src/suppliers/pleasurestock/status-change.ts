import { SupplierContractError } from '../../domain/errors.ts';
import type { OrderModel } from '../../domain/models.ts';
import type { OrderStatus } from '../../domain/status.ts';
import { expectBody } from '../http/expect.ts';
import type { ChangeOutcome } from '../writes.ts';
import { readOk } from './answers.ts';
import type { PleasurestockClient } from './client.ts';
import type { PleasurestockOrders } from './orders.ts';
import { forbidden, statusRefusals } from './refusals.ts';
import { SETTABLE_ORDER_STATUS, settableStatus } from './status-map.ts';
import { ErrorWire, UpdateOrderStatusResponseWire } from './write-wire.ts';

const ALLOWED_TARGETS = Object.keys(SETTABLE_ORDER_STATUS).join(', ');

/**
 * PUT /external/orders/{orderNumber}/status (updateOrderStatus), then the order read again
 * (getOrder), since the answer carries only the new status. A target PleasureStock cannot set is
 * refused before any call; the supplier's refused transition is INVALID_TRANSITION, an unknown
 * order NOT_FOUND and a key without the manager role FORBIDDEN. The spec refuses setting the
 * status an order already has; that refusal is read as done (the order read afresh), so a
 * cancel of a cancelled order, or a retry whose first answer was lost, succeeds. `externalOrderId`
 * is never sent: it would replace the token findPlacement looks placements up by.
 */
export async function changeOrderStatus(
  upstream: PleasurestockClient,
  orders: PleasurestockOrders,
  orderNumber: string,
  status: OrderStatus,
  comment: string | null,
): Promise<ChangeOutcome<OrderModel>> {
  const target = settableStatus(status);
  if (!target) {
    const message = `PleasureStock cannot move an order to ${status}; it can set ${ALLOWED_TARGETS}`;
    return { kind: 'rejected', refusals: [{ code: 'INVALID_TRANSITION', message, field: ['status'] }] };
  }
  if (orderNumber.trim() === '') return notFound(orderNumber);
  const body = { status: target, ...(comment != null && comment !== '' && { comment }) };
  const answer = await upstream.call('updateOrderStatus', (client, init) =>
    client.PUT('/external/orders/{orderNumber}/status', { ...init, params: { path: { orderNumber } }, body }),
  );
  if (answer.status === 404) return notFound(orderNumber);
  if (answer.status === 400 || answer.status === 403) {
    const error = expectBody(ErrorWire, answer, 'pleasurestock', 'updateOrderStatus');
    if (answer.status === 403) return { kind: 'rejected', refusals: [forbidden(error)] };
    const refusals = statusRefusals(error);
    const already = refusals[0]?.code === 'INVALID_TRANSITION' ? await orders.fresh(orderNumber) : null;
    return already?.supplierStatus === target ? { kind: 'done', value: already } : { kind: 'rejected', refusals };
  }
  readOk(UpdateOrderStatusResponseWire, answer, 'updateOrderStatus');
  const order = await orders.fresh(orderNumber);
  if (!order) throw new SupplierContractError('pleasurestock', 'getOrder', 'an order whose status just changed has no detail');
  return { kind: 'done', value: order };
}

function notFound(orderNumber: string): ChangeOutcome<OrderModel> {
  return { kind: 'rejected', refusals: [{ code: 'NOT_FOUND', message: `PleasureStock has no order ${JSON.stringify(orderNumber)}` }] };
}
