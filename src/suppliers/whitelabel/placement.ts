import { moneyFromMinor, type Money } from '../../domain/money.ts';
import type { AddressModel, OrderLineModel, OrderModel } from '../../domain/models.ts';
import { mapStatus } from '../../domain/status.ts';
import type { components } from '../../generated/openapi/whitelabel.ts';
import type { PlacementLine, PlacementRequest } from '../writes.ts';
import { toWireCents, WIRE_CURRENCY } from './cents.ts';
import { moneyFromCents } from './mapping.ts';
import { WHITELABEL_ORDER_STATUS } from './status-map.ts';
import type { OrderCreatedWire } from './write-wire.ts';

export type CreateOrderBody = components['schemas']['CreateOrderRequest'];
type AddressFields = components['schemas']['AddressFields'];

/**
 * The price a line sends as `unit_price_cents`, and the request field it comes from. The spec
 * records that amount as the store's own price and never charges it (the catalog price is
 * charged), so it is the end customer's price where the client gave one, else the catalog's.
 */
export function storePrice(line: PlacementLine): { price: Money; field: 'retailPrice' | 'unitPrice' } | null {
  if (line.retailPrice) return { price: line.retailPrice, field: 'retailPrice' };
  if (line.unitPrice) return { price: line.unitPrice, field: 'unitPrice' };
  return null;
}

/** The shipping address as sent: the customer's names where the address has none (the label needs them). */
export function shipTo(request: PlacementRequest): AddressModel {
  const { shippingAddress: ship, customer } = request;
  return {
    ...ship,
    firstName: ship.firstName || customer.firstName,
    lastName: ship.lastName || customer.lastName,
    phone: ship.phone || customer.phone || null,
  };
}

/**
 * The createOrder body. `woo_order_id`, WhiteLabel's idempotency key, is the gateway's token; the
 * client's reference is the order number shown to people. Each line is one item named by its SKU
 * (the native id), in line order, so an item index the supplier names is the line index. The
 * shipping method has no place here (the carrier is chosen when the label is bought) and is
 * dropped. Throws RangeError on an amount centsProblem refuses: callers check first.
 */
export function toCreateOrderBody(request: PlacementRequest): CreateOrderBody {
  const ship = address(shipTo(request));
  return {
    woo_order_id: request.token,
    woo_order_number: request.externalReference,
    currency: WIRE_CURRENCY,
    shipping_address: {
      ...ship,
      first_name: ship.first_name ?? '',
      last_name: ship.last_name ?? '',
      address_1: ship.address_1 ?? '',
      city: ship.city ?? '',
      postcode: ship.postcode ?? '',
      country: ship.country ?? '',
    },
    ...(request.billingAddress ? { billing_address: address(request.billingAddress) } : {}),
    ...(filled(request.customer.email) ? { customer_email: request.customer.email } : {}),
    ...(filled(request.note) ? { customer_note: request.note } : {}),
    items: request.lines.map((line) => {
      const sent = storePrice(line);
      return {
        supplier_sku: line.supplierProductId,
        qty: line.quantity,
        ...(sent ? { unit_price_cents: toWireCents(sent.price) } : {}),
        ...(filled(line.name) ? { name: line.name } : {}),
      };
    }),
  };
}

/** The address's fields that have a value: optional fields are absent on the wire, never null or "". */
function address(a: AddressModel): AddressFields {
  const fields: AddressFields = {
    first_name: a.firstName ?? undefined,
    last_name: a.lastName ?? undefined,
    address_1: a.address1 ?? undefined,
    address_2: a.address2 ?? undefined,
    city: a.city ?? undefined,
    state: a.state ?? undefined,
    postcode: a.postalCode ?? undefined,
    country: a.country ?? undefined,
    phone: a.phone ?? undefined,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => filled(value))) as AddressFields;
}

const filled = (value: string | null | undefined): value is string => value != null && value.trim() !== '';

/**
 * The placed order from createOrder's own answer and the request, for when the order cannot be
 * read back (see place-order.ts): status and estimated total are the supplier's; the lines are the
 * request's, priced at the catalog price the gateway read (what the supplier charges), or left
 * unpriced when it read none. createdAt and shipments stay unknown. Throws RangeError on an
 * unknown status or amount.
 */
export function toPlacedFromAnswer(created: OrderCreatedWire, request: PlacementRequest): OrderModel {
  const lines = request.lines.map((line): OrderLineModel => {
    const unit = line.unitPrice?.currency === WIRE_CURRENCY ? line.unitPrice : null;
    return {
      supplier: 'whitelabel',
      sku: line.sku,
      supplierProductId: line.supplierProductId,
      name: line.name ?? null,
      quantity: line.quantity,
      unitPrice: unit,
      lineTotal: unit ? moneyFromMinor(unit.minor * BigInt(line.quantity), WIRE_CURRENCY) : null,
    };
  });
  return {
    supplier: 'whitelabel',
    supplierOrderId: created.supplier_order_id,
    externalReference: request.externalReference,
    status: mapStatus(WHITELABEL_ORDER_STATUS, created.status, 'order status'),
    supplierStatus: created.status,
    createdAt: null,
    lines,
    total: moneyFromCents(created.estimated_total_cents, WIRE_CURRENCY),
    customer: request.customer,
    shippingAddress: shipTo(request),
  };
}
