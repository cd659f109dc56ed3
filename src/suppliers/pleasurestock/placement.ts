import { SupplierContractError } from '../../domain/errors.ts';
import type { OrderModel } from '../../domain/models.ts';
import { expectBody } from '../http/expect.ts';
import type { PlacementOutcome, PlacementRequest } from '../writes.ts';
import { mapped, readOk } from './answers.ts';
import type { PleasurestockClient } from './client.ts';
import type { PleasurestockOrders } from './orders.ts';
import { linesFromRequest, toPlacedOrder } from './placement-mapping.ts';
import { forbidden, placementRefusals } from './refusals.ts';
import { CreateOrderResponseWire, ErrorWire } from './write-wire.ts';

/**
 * The orders a placement made, each read from its detail (lines, exact prices, creation instant),
 * in the order given, with the client's reference. Throws SupplierContractError when the supplier
 * has no detail for an order it has just named, SupplierUnavailableError when it cannot answer.
 */
export async function readPlacedOrders(orders: PleasurestockOrders, orderNumbers: readonly string[], request: PlacementRequest): Promise<OrderModel[]> {
  const read = await Promise.all(orderNumbers.map((orderNumber) => orders.fresh(orderNumber)));
  return read.map((order) => {
    if (!order) throw new SupplierContractError('pleasurestock', 'getOrder', 'an order the supplier named has no detail');
    return { ...order, externalReference: request.externalReference };
  });
}

/**
 * POST /external/orders (createOrder). The request's token is sent as `externalOrderId`, the only
 * reference PleasureStock stores, and the note as `comment`; the customer and addresses are not
 * sent, since the External API has no fields for them (PleasureStock delivers to the partner).
 *
 * No customPrice is sent, so no amount travels on this call: the spec defines customPrice as a
 * replacement of the price the merchant pays, and nothing in the spec or the request asks the
 * gateway to set its own purchase price. The line's unitPrice is the gateway's possibly stale copy
 * of the catalog price, and its retailPrice is the end customer's price, neither of which may
 * override what the supplier charges. A product with no price is therefore refused
 * (PRICE_NOT_CONFIGURED), as validatePlacement says up front when it can.
 *
 * The answer splits the cart into one order per PleasureStock supplier, with only a line count per
 * order. A single order whose lines the request fully explains costs nothing more; otherwise (a
 * split cart: the answer does not say which line went where) each order's detail is read, one
 * getOrder call per order. The request is not re-validated here: the gateway calls
 * validatePlacement first, and a line it let through is the supplier's to judge.
 */
export async function placeOrder(upstream: PleasurestockClient, orders: PleasurestockOrders, request: PlacementRequest): Promise<PlacementOutcome> {
  const body = {
    items: request.lines.map((line) => ({ ps_id: line.supplierProductId, quantity: line.quantity })),
    externalOrderId: request.token,
    ...(request.note != null && request.note !== '' && { comment: request.note }),
  };
  const answer = await upstream.call('createOrder', (client, init) => client.POST('/external/orders', { ...init, body }));
  if (answer.status === 400) {
    // The spec: a refused create creates nothing.
    const error = expectBody(ErrorWire, answer, 'pleasurestock', 'createOrder');
    return { kind: 'rejected', refusals: placementRefusals(error, request.lines.length) };
  }
  if (answer.status === 403) {
    return { kind: 'rejected', refusals: [forbidden(expectBody(ErrorWire, answer, 'pleasurestock', 'createOrder'))] };
  }
  const created = readOk(CreateOrderResponseWire, answer, 'createOrder').data.orders;
  const only = created.length === 1 ? created[0]! : null;
  const lines = only && mapped('createOrder', () => linesFromRequest(request, only));
  if (only && lines) return { kind: 'placed', orders: [mapped('createOrder', () => toPlacedOrder(only, request, lines))], answer: answer.body };
  return { kind: 'placed', orders: await readPlacedOrders(orders, created.map((order) => order.orderNumber), request), answer: answer.body };
}
