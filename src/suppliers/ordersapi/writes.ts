import { SupplierContractError, SupplierUnavailableError } from '../../domain/errors.ts';
import { expectBody } from '../http/expect.ts';
import { mapOrBreach } from '../shared/contract.ts';
import type { PlacementOutcome, PlacementRequest, SupplierWrites } from '../writes.ts';
import type { OrdersapiCatalogEntry } from './catalog.ts';
import type { OrdersapiClient } from './client.ts';
import { toCreateOrderBody, toPlacedOrder } from './placement.ts';
import { ordersapiRefusals, ordersapiValidationRefusals } from './refusals.ts';
import { validateOrdersapiPlacement } from './validation.ts';
import { ErrorWire, OrderListWire, OrderWire, ValidationErrorWire } from './wire.ts';

export interface OrdersapiWritesOptions {
  /** sent as `partner_name` on every order */
  partnerName: string;
  catalog: ReadonlyMap<string, OrdersapiCatalogEntry>;
  now: () => Date;
  /** told after an order is placed, so cached lists that lack it can be dropped */
  onPlaced: () => void;
}

/**
 * The Orders API's write side. The supplier has no idempotency: a repeated POST places a second
 * order, so findPlacement never re-sends; it reads the whole order list and looks for the token
 * in customer_reference, the gateway's only guard against placing twice.
 */
export function createOrdersapiWrites(
  upstream: OrdersapiClient,
  options: OrdersapiWritesOptions,
): Required<Pick<SupplierWrites, 'validatePlacement' | 'createOrder' | 'findPlacement'>> {
  const keyRefused = (operation: string) => new SupplierUnavailableError('ordersapi', operation, 'the API key was refused', false);

  return {
    validatePlacement: (request) => validateOrdersapiPlacement(request, options.catalog),

    async createOrder(request: PlacementRequest): Promise<PlacementOutcome> {
      const body = toCreateOrderBody(request, options.partnerName);
      const answer = await upstream.call('createOrder', (client, init) => client.POST('/orders', { ...init, body }));
      if (answer.status >= 200 && answer.status < 300) {
        options.onPlaced();
        const order = expectBody(OrderWire, answer, 'ordersapi', 'createOrder');
        // The supplier keeps no timestamps: the order was created just now.
        const placed = mapOrBreach('ordersapi', 'createOrder', () => toPlacedOrder(order, request, options.now().toISOString()));
        return { kind: 'placed', orders: [placed], answer: answer.body };
      }
      switch (answer.status) {
        case 400:
        case 404:
        case 409: {
          const error = expectBody(ErrorWire, answer, 'ordersapi', 'createOrder');
          return { kind: 'rejected', refusals: ordersapiRefusals(answer.status, error, request) };
        }
        case 422:
          return { kind: 'rejected', refusals: ordersapiValidationRefusals(expectBody(ValidationErrorWire, answer, 'ordersapi', 'createOrder')) };
        case 401:
          throw keyRefused('createOrder');
        default:
          throw new SupplierContractError('ordersapi', 'createOrder', `HTTP ${answer.status} is not a documented answer`);
      }
    },

    /**
     * One GET /orders, read whole (the supplier has no filter or paging), never a cached copy:
     * the order looked for may be seconds old. Matches on customer_reference alone: the token is
     * the gateway's own ("SG-" and 24 hash characters), while also requiring partner_name would
     * miss the order, and place it twice, if the partner name were reconfigured between tries.
     * Of several matches (only possible if an order was already placed twice) the newest is
     * returned; the list is oldest first. Its createdAt is unknown (no timestamps on the wire).
     */
    async findPlacement(request: PlacementRequest): Promise<PlacementOutcome | null> {
      const answer = await upstream.call('listOrders', (client, init) => client.GET('/orders', init));
      if (answer.status === 401) throw keyRefused('listOrders');
      const list = expectBody(OrderListWire, answer, 'ordersapi', 'listOrders');
      const found = list.items.findLast((order) => order.customer_reference === request.token);
      if (!found) return null;
      return { kind: 'placed', orders: [mapOrBreach('ordersapi', 'listOrders', () => toPlacedOrder(found, request, null))], answer: found };
    },
  };
}
