import { SupplierContractError, SupplierUnavailableError } from '../../domain/errors.ts';
import type { OrderModel } from '../../domain/models.ts';
import { expectBody } from '../http/expect.ts';
import { mapOrBreach } from '../shared/contract.ts';
import type { PlacementOutcome, PlacementRequest } from '../writes.ts';
import { readData } from './answers.ts';
import type { WhitelabelClient } from './client.ts';
import type { OrderReader } from './orders.ts';
import { toCreateOrderBody, toPlacedFromAnswer, type CreateOrderBody } from './placement.ts';
import { amountRefusals } from './placement-rules.ts';
import { placementRefusals } from './refusals.ts';
import { OrderCreatedResponse, WriteErrorWire, type OrderCreatedWire } from './write-wire.ts';

/**
 * A SKU no catalog can hold (WhiteLabel's SKUs have no colon). findPlacement sends it instead of
 * the request's items: see there.
 */
export const LOOKUP_PROBE_SKU = 'supplygraph:placement-lookup';

/** What one POST /orders did: placed now (201), found placed earlier (200), or refused (400). */
type Sent =
  | { kind: 'created' | 'repeat'; created: OrderCreatedWire }
  | { kind: 'refused'; error: WriteErrorWire };

/**
 * Placement at WhiteLabel, idempotent by `woo_order_id` (the gateway's token): a repeat answers
 * 200 with the order placed first and reserves nothing new.
 */
export class OrderPlacement {
  constructor(
    private readonly upstream: WhitelabelClient,
    private readonly orders: OrderReader,
  ) {}

  /**
   * Places the order, or answers the one placed earlier with this token. Business refusals are
   * `rejected`; an outage or a lost answer throws SupplierUnavailableError (outcome unknown).
   * Cost: one createOrder call and one getOrder (see #placed).
   */
  async create(request: PlacementRequest): Promise<PlacementOutcome> {
    // An amount the wire cannot carry is refused before a body exists, so none is ever sent.
    const invalid = amountRefusals(request);
    if (invalid.length > 0) return { kind: 'rejected', refusals: invalid };
    const sent = await this.#send(toCreateOrderBody(request));
    if (sent.kind === 'refused') return { kind: 'rejected', refusals: placementRefusals(sent.error, request) };
    return { kind: 'placed', orders: [await this.#placed(sent.created, request)], answer: sent.created };
  }

  /**
   * Re-sends the token, WhiteLabel's documented idempotent lookup, but with one item of a SKU no
   * catalog holds, so the lookup itself can never place an order. The spec fixes the order of
   * createOrder's checks: body schema, then the woo_order_id (200 with the order placed first,
   * the rest of the body ignored), then each item (400 UNKNOWN_SKU first). So a 200 is the
   * earlier placement and UNKNOWN_SKU means the token placed nothing. A VALIDATION_ERROR comes
   * from the order's own fields, which the first send carried too, so nothing was placed then
   * either. Cost: one createOrder call, plus one getOrder when found.
   */
  async find(request: PlacementRequest): Promise<PlacementOutcome | null> {
    // create() refuses such a request before sending anything.
    if (amountRefusals(request).length > 0) return null;
    const probe: CreateOrderBody = { ...toCreateOrderBody(request), items: [{ supplier_sku: LOOKUP_PROBE_SKU, qty: 1 }] };
    const sent = await this.#send(probe);
    switch (sent.kind) {
      case 'repeat':
        return { kind: 'placed', orders: [await this.#placed(sent.created, request)], answer: sent.created };
      case 'created':
        throw new SupplierContractError('whitelabel', 'createOrder', `placed an order for the unknown SKU ${LOOKUP_PROBE_SKU}`);
      case 'refused': {
        const { code } = sent.error.error;
        if (code === 'UNKNOWN_SKU' || code === 'VALIDATION_ERROR') return null;
        throw new SupplierContractError('whitelabel', 'createOrder', `answered the placement lookup with ${code}`);
      }
    }
  }

  async #send(body: CreateOrderBody): Promise<Sent> {
    const answer = await this.upstream.call('createOrder', (client, init) => client.POST('/orders', { ...init, body }));
    if (answer.status === 400) return { kind: 'refused', error: expectBody(WriteErrorWire, answer, 'whitelabel', 'createOrder') };
    const created = readData(OrderCreatedResponse, answer, 'createOrder');
    return { kind: answer.status === 201 ? 'created' : 'repeat', created };
  }

  /**
   * The placed order read back with GET /orders/{id}: createOrder's answer carries only the id,
   * status and estimated total, not the lines, the unit prices charged (the catalog's at order
   * time, which the gateway may not have read), the creation time or, for a repeat, the
   * original's lines and shipments. When that read finds the supplier unavailable the order is
   * still placed, so it is answered from the create answer and the request instead of turning a
   * known outcome into an unknown one.
   */
  async #placed(created: OrderCreatedWire, request: PlacementRequest): Promise<OrderModel> {
    let order: OrderModel | null;
    try {
      order = await this.orders.reload(created.supplier_order_id);
    } catch (error) {
      if (!(error instanceof SupplierUnavailableError)) throw error;
      return mapOrBreach('whitelabel', 'createOrder', () => toPlacedFromAnswer(created, request));
    }
    if (!order) throw new SupplierContractError('whitelabel', 'getOrder', 'has no order with the id createOrder answered');
    // The read side's externalReference is woo_order_id, here the gateway's token: the client's is wanted.
    return { ...order, externalReference: request.externalReference };
  }
}
