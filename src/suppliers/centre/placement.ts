import { addMoney, moneyFromMinor, type Money } from '../../domain/money.ts';
import type { AddressModel, OrderLineModel, OrderModel } from '../../domain/models.ts';
import { mapStatus } from '../../domain/status.ts';
import type { components } from '../../generated/openapi/centre.ts';
import type { PlacementRequest } from '../writes.ts';
import { lookupVariant, type CentrePriceListEntry } from './price-list.ts';
import { CENTRE_ORDER_STATUS } from './status-map.ts';

type CreateOrderBody = components['schemas']['CreateOrderRequest'];
type BillingAddress = components['schemas']['BillingAddress'];

/**
 * The createOrder body: the gateway's token is the partnerOrderId (Centre's idempotency key) and
 * each line's native id is the variantId. No price is sent: Centre applies only its channel price
 * list and ignores any sent. The note and shipping method have no place in Centre's API and are
 * dropped; the shipping address's phone too (Centre keeps only the customer's).
 */
export function toCreateOrderBody(request: PlacementRequest): CreateOrderBody {
  const { customer, shippingAddress: ship } = request;
  return {
    partnerOrderId: request.token,
    customer: {
      firstName: customer.firstName,
      lastName: customer.lastName,
      email: customer.email,
      ...present({ phone: customer.phone }),
    },
    shippingAddress: {
      firstName: ship.firstName ?? '',
      lastName: ship.lastName ?? '',
      address1: ship.address1 ?? '',
      ...present({ address2: ship.address2 }),
      city: ship.city ?? '',
      state: ship.state ?? '',
      zip: ship.postalCode ?? '',
      // Centre's own default; its addresses are US ones (2-letter state codes).
      country: ship.country ?? 'US',
    },
    ...(request.billingAddress ? { billingAddress: toBillingAddress(request.billingAddress) } : {}),
    items: request.lines.map((line) => ({ variantId: line.supplierProductId, quantity: line.quantity })),
  };
}

function toBillingAddress(address: AddressModel): BillingAddress {
  return present({
    firstName: address.firstName,
    lastName: address.lastName,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    state: address.state,
    zip: address.postalCode,
    country: address.country,
  });
}

/** The fields that have a value: Centre's optional fields are absent, never null or "". */
function present<T extends Record<string, string | null | undefined>>(fields: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value != null && value !== '')) as {
    [K in keyof T]?: string;
  };
}

/** What Centre said of the order: its id, and its status when the answer carries one. */
export interface CentrePlaced {
  orderId: string;
  status: string;
}

/**
 * The order as the unified model has it. Centre's answer carries only ids and status, and Centre
 * has no read API, so the rest comes from the request, priced from the channel's price list as
 * Centre prices it. A line the configured list cannot price (the list is out of date) gets no
 * price and the order no total, rather than a guess. Throws RangeError on an unknown status.
 */
export function toPlacedOrder(
  placed: CentrePlaced,
  request: PlacementRequest,
  priceList: readonly CentrePriceListEntry[],
  createdAt: string | null,
): OrderModel {
  const lines = request.lines.map((line): OrderLineModel => {
    const entry = lookupVariant(priceList, line.supplierProductId);
    const cents = entry?.priceCents ?? null;
    return {
      supplier: 'centre',
      sku: entry?.sku ?? line.sku,
      supplierProductId: entry?.variantId ?? line.supplierProductId,
      name: entry?.name ?? line.name ?? null,
      quantity: line.quantity,
      unitPrice: cents === null ? null : moneyFromMinor(cents, 'USD'),
      lineTotal: cents === null ? null : moneyFromMinor(BigInt(cents) * BigInt(line.quantity), 'USD'),
    };
  });
  return {
    supplier: 'centre',
    supplierOrderId: placed.orderId,
    externalReference: request.externalReference,
    status: mapStatus(CENTRE_ORDER_STATUS, placed.status, 'order status'),
    supplierStatus: placed.status,
    createdAt,
    lines,
    total: sumLines(lines),
    // Centre has no shipment API: an empty list, so nothing asks for one.
    shipments: [],
    customer: request.customer,
    shippingAddress: request.shippingAddress,
  };
}

function sumLines(lines: readonly OrderLineModel[]): Money | null {
  let total: Money = moneyFromMinor(0, 'USD');
  for (const line of lines) {
    if (!line.lineTotal) return null;
    total = addMoney(total, line.lineTotal);
  }
  return total;
}
