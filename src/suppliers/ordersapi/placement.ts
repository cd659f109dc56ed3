import type { OrderModel } from '../../domain/models.ts';
import type { components } from '../../generated/openapi/ordersapi.ts';
import type { PlacementRequest } from '../writes.ts';
import { toOrder } from './mapping.ts';
import type { OrderWire } from './wire.ts';

type CreateOrderBody = components['schemas']['CreateOrderRequest'];

/**
 * The createOrder body. The supplier has no idempotency key, so the gateway's token goes in
 * `customer_reference`, the only reference it stores and echoes, for findPlacement to search.
 * The supplier takes no customer, address, note or price: it prices from its own catalog.
 */
export function toCreateOrderBody(request: PlacementRequest, partnerName: string): CreateOrderBody {
  return {
    partner_name: partnerName,
    customer_reference: request.token,
    items: request.lines.map((line) => ({ product_id: line.supplierProductId, quantity: line.quantity })),
  };
}

/**
 * An order the gateway placed, as the unified model has it: the supplier's answer mapped as the
 * read side maps it, except that its customer_reference is the gateway's token, so the
 * externalReference is the client's, and that createdAt is when the gateway saw it placed (null
 * when found later: the supplier keeps no timestamps). Throws RangeError like toOrder.
 */
export function toPlacedOrder(order: OrderWire, request: PlacementRequest, createdAt: string | null): OrderModel {
  return { ...toOrder(order), externalReference: request.externalReference, createdAt };
}
