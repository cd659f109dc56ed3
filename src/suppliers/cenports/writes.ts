import type { components } from '../../generated/openapi/cenports.ts';
import type { PlacementOutcome, PlacementRequest } from '../writes.ts';
import type { CenportsClient } from './client.ts';
import { losslessJsonBody } from './json-body.ts';
import type { createOrderReads } from './orders.ts';
import { toCreateOrdersBody, utcDate } from './placement.ts';
import { validatePlacement } from './placement-rules.ts';
import { businessRefusals, placementFieldOf, validationRefusals } from './refusals.ts';
import { submittedTransaction } from './submitted.ts';

type Schemas = components['schemas'];
type OrderReads = ReturnType<typeof createOrderReads>;

/**
 * Placing orders at Cenports: POST /orders (createOrders) submits a transaction, GET /orders
 * finds what a token placed. The token is the orderNo, Cenports' idempotency key per channel.
 */
export function createPlacementWrites(client: CenportsClient, orders: OrderReads, now: () => number) {
  return {
    validatePlacement,

    /**
     * Submits the order; `submitted` with its transaction (PENDING), `rejected` on Cenports'
     * synchronous refusals (422 fields, 400). A timeout, reset, 429 or 5xx throws
     * SupplierUnavailableError: the order may or may not be queued, so findPlacement comes next.
     */
    async createOrder(request: PlacementRequest): Promise<PlacementOutcome> {
      const refusals = validatePlacement(request);
      if (refusals.length > 0) return { kind: 'rejected', refusals };
      const body = toCreateOrdersBody(request, { partnerId: client.partnerId, channelId: client.channelId, orderDate: utcDate(now()) });
      const answer = await client.call('createOrders', (api, init) =>
        api.POST('/orders', {
          ...init,
          // Amounts are LosslessNumbers, typed `number` by the spec; the serializer writes their exact text.
          body: body as unknown as Schemas['CreateOrdersRequest'],
          bodySerializer: losslessJsonBody,
        }),
      );
      if (answer.status === 422) return { kind: 'rejected', refusals: validationRefusals(answer, 'createOrders', placementFieldOf) };
      if (answer.status === 400) return { kind: 'rejected', refusals: businessRefusals(answer, 'createOrders', 'VALIDATION') };
      return { kind: 'submitted', transaction: submittedTransaction(answer, 'createOrders', 'createOrder', [request.token]), answer: answer.body };
    },

    /**
     * The order this token placed, read with one GET /orders?orders=<token> in the channel and
     * never from a cache; null when Cenports has none. A submission still QUEUED or PROCESSING
     * is not an order yet and this adapter keeps no handle, so it is null too: the gateway
     * follows the handles it recorded, and a re-send of the token cannot place a second order
     * (it fails as a duplicate, see isDuplicateOrderFailure).
     */
    async findPlacement(request: PlacementRequest): Promise<PlacementOutcome | null> {
      const [order] = await orders.reload([request.token]);
      return order ? { kind: 'placed', orders: [order] } : null;
    },
  };
}
