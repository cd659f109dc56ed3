import { SupplierContractError, SupplierUnavailableError } from '../../domain/errors.ts';
import type { OrderModel } from '../../domain/models.ts';
import type { components } from '../../generated/openapi/centre.ts';
import { expectBody } from '../http/expect.ts';
import { mapOrBreach } from '../shared/contract.ts';
import type { PlacementOutcome, PlacementRequest, SupplierRefusal, SupplierWrites } from '../writes.ts';
import type { CentreClient } from './client.ts';
import { toCreateOrderBody, toPlacedOrder } from './placement.ts';
import type { CentrePriceListEntry } from './price-list.ts';
import { centreRefusals } from './refusals.ts';
import { validateCentrePlacement } from './validation.ts';
import { DuplicateOrderWire, ErrorWire, OrderCreatedWire } from './wire.ts';

type CreateOrderBody = components['schemas']['CreateOrderRequest'];

/** What one createOrder call did at Centre. */
type Sent =
  | { kind: 'created'; order: OrderModel; answer: unknown }
  | { kind: 'duplicate'; order: OrderModel; answer: unknown }
  | { kind: 'refused'; status: number; refusals: SupplierRefusal[] };

// The duplicate answer carries no status. Centre has no read API, so the spec records that
// clients only ever see PENDING, the status every order is created in: the found order is PENDING.
const STATUS_OF_FOUND_ORDER = 'PENDING';

/**
 * A variantId no price list can hold (Centre's ids are CUID-like and its SKUs have no colon).
 * findPlacement sends it instead of the request's items: see there.
 */
export const LOOKUP_PROBE_VARIANT = 'supplygraph:placement-lookup';

/**
 * Centre's write side: createOrder, idempotent at Centre by partnerOrderId (a used one answers
 * 400 with the order created first and creates nothing), and findPlacement built on that.
 */
export function createCentreWrites(
  upstream: CentreClient,
  priceList: readonly CentrePriceListEntry[],
  now: () => Date = () => new Date(),
): Required<Pick<SupplierWrites, 'validatePlacement' | 'createOrder' | 'findPlacement'>> {
  const send = async (body: CreateOrderBody, request: PlacementRequest): Promise<Sent> => {
    const answer = await upstream.call('createOrder', (client, init) =>
      client.POST('/sales-channels/integration/orders', { ...init, body }),
    );
    if (answer.status >= 200 && answer.status < 300) {
      const { data } = expectBody(OrderCreatedWire, answer, 'centre', 'createOrder');
      // Centre's answer has no timestamp; the order was created just now.
      const order = mapOrBreach('centre', 'createOrder', () => toPlacedOrder(data, request, priceList, now().toISOString()));
      return { kind: 'created', order, answer: answer.body };
    }
    if (answer.status === 401) throw new SupplierUnavailableError('centre', 'createOrder', 'the API key was refused', false);
    if (answer.status === 400) {
      const duplicate = DuplicateOrderWire.safeParse(answer.body);
      if (duplicate.success) {
        // Created by an earlier call whose answer was lost. When is not said, so createdAt stays
        // unknown (the gateway's journal dates it); its lines are this request's, which the
        // gateway has checked is the request that first used the token.
        const found = { orderId: duplicate.data.orderId, status: STATUS_OF_FOUND_ORDER };
        const order = mapOrBreach('centre', 'createOrder', () => toPlacedOrder(found, request, priceList, null));
        return { kind: 'duplicate', order, answer: answer.body };
      }
    }
    if (answer.status === 400 || answer.status === 403) {
      const error = expectBody(ErrorWire, answer, 'centre', 'createOrder');
      return { kind: 'refused', status: answer.status, refusals: centreRefusals(answer.status, error, request) };
    }
    throw new SupplierContractError('centre', 'createOrder', `HTTP ${answer.status} is not a documented answer`);
  };

  return {
    validatePlacement: (request) => validateCentrePlacement(request, priceList),

    /** A duplicate answer is the order placed earlier with this token: placed, not refused. */
    async createOrder(request): Promise<PlacementOutcome> {
      const sent = await send(toCreateOrderBody(request), request);
      return sent.kind === 'refused' ? { kind: 'rejected', refusals: sent.refusals } : { kind: 'placed', orders: [sent.order], answer: sent.answer };
    },

    /**
     * Re-sends the partnerOrderId, Centre's documented idempotent lookup, but with one item no
     * price list holds, so the lookup itself can never place an order: Centre checks a used
     * partnerOrderId before it prices the items (its spec fixes that order so a retry finds its
     * order), hence a duplicate answer is the earlier order and "Price not configured" means none.
     * Were the real Centre to price first, a placed token would read as none and the gateway's
     * re-sent createOrder would still get the duplicate answer: never a second order.
     * Other refusals come from the request's own fields, which the first send carried too, so
     * nothing was placed; except the paused channel's 403, checked before the partnerOrderId,
     * after which the outcome stays unknown and is thrown. Cost: one createOrder call.
     */
    async findPlacement(request): Promise<PlacementOutcome | null> {
      const probe = { ...toCreateOrderBody(request), items: [{ variantId: LOOKUP_PROBE_VARIANT, quantity: 1 }] };
      const sent = await send(probe, request);
      switch (sent.kind) {
        case 'duplicate':
          return { kind: 'placed', orders: [sent.order], answer: sent.answer };
        case 'created':
          throw new SupplierContractError('centre', 'createOrder', `placed an order for the unpriceable variant ${LOOKUP_PROBE_VARIANT}`);
        case 'refused':
          if (sent.status === 403) {
            throw new SupplierUnavailableError('centre', 'createOrder', 'the sales channel is not active, so the placement cannot be looked up', false);
          }
          return null;
      }
    },
  };
}
