import { SupplierContractError } from '../../domain/errors.ts';
import type { OrderModel } from '../../domain/models.ts';
import { UNSHIPPED, type OrderStatus } from '../../domain/status.ts';
import { expectBody } from '../http/expect.ts';
import type { UpstreamAnswer } from '../http/upstream.ts';
import type { ChangeOutcome, SupplierRefusal } from '../writes.ts';
import { readData } from './answers.ts';
import type { WhitelabelClient } from './client.ts';
import type { OrderReader } from './orders.ts';
import { changeRefusals } from './refusals.ts';
import type { ShipmentAdmin } from './shipment-admin.ts';
import { AcknowledgedResponse, OrderCancelledResponse, WriteErrorWire } from './write-wire.ts';

/** CancelOrderRequest.reason: at most 500 characters. */
const MAX_REASON = 500;
/** AcknowledgeTrackingRequest.order_ids: 1 to 100. */
const ACKNOWLEDGE_BATCH = 100;

/** Shipments that can still be marked shipped. */

/**
 * The merchant's changes to its orders: cancel (the one status a store sets), shipping through
 * shipment admin, and tracking acknowledgement.
 */
export class OrderChanges {
  constructor(
    private readonly upstream: WhitelabelClient,
    private readonly orders: OrderReader,
    private readonly shipments: ShipmentAdmin,
  ) {}

  /**
   * Cancels an order before it ships, releasing its reservation back to the wallet
   * (`refund_to_wallet`, so a funded order ends REFUNDED), and answers the order read afresh.
   * Refusals: NOT_FOUND, INVALID_TRANSITION (shipped or delivered), VALIDATION. Cancelling an
   * order already cancelled answers it as it is, so a retry after a lost answer is safe; that is
   * also why a failed read-back is simply thrown.
   */
  async cancel(id: string, reason: string | null): Promise<ChangeOutcome<OrderModel>> {
    if (reason !== null && reason.length > MAX_REASON) {
      return rejected([{ code: 'VALIDATION', message: `reason must be at most ${MAX_REASON} characters`, field: ['reason'] }]);
    }
    const answer = await this.upstream.call('cancelOrder', (client, init) =>
      client.POST('/orders/{id}/cancel', {
        ...init,
        params: { path: { id } },
        body: { ...(reason ? { reason } : {}), refund_to_wallet: true },
      }),
    );
    if (isRefusal(answer)) return rejected(changeRefusals(errorOf(answer, 'cancelOrder'), { reason: ['reason'] }));
    readData(OrderCancelledResponse, answer, 'cancelOrder');
    const order = await this.orders.reload(id);
    if (!order) throw new SupplierContractError('whitelabel', 'getOrder', 'has no order it has just cancelled');
    return { kind: 'done', value: order };
  }

  /**
   * CANCELLED cancels; SHIPPED marks the order's labelled shipment shipped with its label's
   * tracking number (shipment admin, so FORBIDDEN without the ops credential; the shipment is
   * made first with createShipment, whose carrier and service nothing here could guess). An order
   * already SHIPPED is answered as it is. Every other status moves with WhiteLabel's fulfilment:
   * UNSUPPORTED_BY_SUPPLIER. The comment is a cancel's reason; a shipment keeps none.
   */
  updateStatus(id: string, status: OrderStatus, comment: string | null): Promise<ChangeOutcome<OrderModel>> {
    if (status === 'CANCELLED') return this.cancel(id, comment);
    if (status === 'SHIPPED') return this.ship(id);
    return Promise.resolve(
      rejected([
        {
          code: 'UNSUPPORTED_BY_SUPPLIER',
          message: `WhiteLabel lets a store set only CANCELLED, or SHIPPED once createShipment has labelled the order; ${status} follows its fulfilment and markShipmentShipped`,
          field: ['status'],
        },
      ]),
    );
  }

  private async ship(id: string): Promise<ChangeOutcome<OrderModel>> {
    const order = await this.orders.reload(id);
    if (!order) return rejected([{ code: 'NOT_FOUND', message: `WhiteLabel has no order ${JSON.stringify(id)}` }]);
    if (order.status === 'SHIPPED') return { kind: 'done', value: order };
    const shipment = order.shipments?.find((s) => UNSHIPPED.has(s.status) && s.trackingNumber);
    if (!shipment) {
      const message = `WhiteLabel ships an order through its labelled shipment, and this ${order.supplierStatus} order has none: create it with createShipment first`;
      return rejected([{ code: 'INVALID_TRANSITION', message, field: ['status'] }]);
    }
    const shipped = await this.shipments.markShipped(shipment.supplierShipmentId, { trackingNumber: shipment.trackingNumber! });
    if (shipped.kind === 'rejected') return shipped;
    const after = await this.orders.reload(id);
    if (!after) throw new SupplierContractError('whitelabel', 'getOrder', 'has no order it has just shipped');
    return { kind: 'done', value: after };
  }

  /**
   * Acknowledges the tracking of these orders, 100 ids a call, and counts those acknowledged.
   * Ids WhiteLabel ignores (unknown, or no tracking yet) are not refusals: its spec makes the
   * call partial. Acknowledging is idempotent, so a batch failing after others is safe to retry.
   */
  async acknowledgeTracking(ids: readonly string[]): Promise<ChangeOutcome<number>> {
    const unique = [...new Set(ids)];
    let acknowledged = 0;
    for (let start = 0; start < unique.length; start += ACKNOWLEDGE_BATCH) {
      const order_ids = unique.slice(start, start + ACKNOWLEDGE_BATCH);
      const answer = await this.upstream.call('acknowledgeTracking', (client, init) =>
        client.POST('/tracking/acknowledge', { ...init, body: { order_ids } }),
      );
      if (isRefusal(answer)) return rejected(changeRefusals(errorOf(answer, 'acknowledgeTracking'), { order_ids: ['orderIds'] }));
      acknowledged += readData(AcknowledgedResponse, answer, 'acknowledgeTracking').acknowledged.length;
    }
    return { kind: 'done', value: acknowledged };
  }
}

/** The answers a change documents as refusals: 400, 403, 404, 409. */
export const isRefusal = (answer: UpstreamAnswer): boolean => [400, 403, 404, 409].includes(answer.status);

export const errorOf = (answer: UpstreamAnswer, operation: string): WriteErrorWire =>
  expectBody(WriteErrorWire, answer, 'whitelabel', operation);

export const rejected = (refusals: SupplierRefusal[]): { kind: 'rejected'; refusals: SupplierRefusal[] } => ({ kind: 'rejected', refusals });
