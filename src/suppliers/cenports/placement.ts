import { moneyFromMinor } from '../../domain/money.ts';
import type { PlacementRequest } from '../writes.ts';
import { jsonDecimal, type JsonDecimal } from './json-body.ts';

/** POST /orders as this adapter sends it: the spec's CreateOrdersRequest with exact amounts. */
export interface CreateOrdersWire {
  partnerId: string;
  channelId: string;
  orders: NewOrderWire[];
}

interface NewOrderWire {
  orderNo: string;
  customerOrderNo?: string;
  orderDate: string;
  customerName: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
  shipTo: { address1: string; address2?: string; city: string; state: string; country: string; postalCode: string };
  shippingInfo: { carrierCode: string; serviceLevel: string };
  lineItems: { sku: string; quantity: number; lineNumber: number; consumerPrice: JsonDecimal; subTotal: JsonDecimal }[];
  subTotal: JsonDecimal;
  shippingCost: JsonDecimal;
  grandTotal: JsonDecimal;
}

/** Cenports sells in US dollars only (see mapping.ts). */
export const CENPORTS_CURRENCY = 'USD';

const fullName = (first: string | null | undefined, last: string | null | undefined) => [first, last].filter(Boolean).join(' ').trim();
const present = (text: string | null | undefined): string | undefined => (text?.trim() ? text.trim() : undefined);

/** Y-m-d of an instant in UTC: Cenports' order date has no time, and its date filters are UTC. */
export function utcDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/**
 * One Cenports order for a placement that passed validatePlacement (retail prices present, a
 * shipping method, an address). The token is the orderNo, Cenports' idempotency key per channel.
 * Lines are numbered 1…n so a transaction error naming "line item k" points at request line k−1.
 */
export function toCreateOrdersBody(
  request: PlacementRequest,
  target: { partnerId: string; channelId: string; orderDate: string },
): CreateOrdersWire {
  const address = request.shippingAddress;
  const method = request.shippingMethod!;
  const customerName = fullName(request.customer.firstName, request.customer.lastName);
  const recipient = fullName(address.firstName, address.lastName);
  let subTotalCents = 0n;
  const lineItems = request.lines.map((line, index) => {
    const price = line.retailPrice!;
    const lineCents = price.minor * BigInt(line.quantity);
    subTotalCents += lineCents;
    return {
      sku: line.sku,
      quantity: line.quantity,
      lineNumber: index + 1,
      consumerPrice: jsonDecimal(price),
      subTotal: jsonDecimal(moneyFromMinor(lineCents, CENPORTS_CURRENCY)),
    };
  });
  const subTotal = jsonDecimal(moneyFromMinor(subTotalCents, CENPORTS_CURRENCY));
  const order: NewOrderWire = {
    orderNo: request.token,
    // The merchant's reference is Cenports' "alternative order number", which the read side maps
    // back to externalReference. Cenports keeps it unique per channel too: a reused reference
    // fails the transaction (see transaction-errors.ts), which is a real duplicate to report.
    ...(present(request.externalReference) && { customerOrderNo: present(request.externalReference)! }),
    orderDate: target.orderDate,
    customerName,
    // contactName is "the recipient when it differs from the buyer" (spec).
    ...(recipient && recipient !== customerName && { contactName: recipient }),
    ...(present(request.customer.email) && { contactEmail: present(request.customer.email)! }),
    ...(present(request.customer.phone ?? address.phone) && { contactPhone: present(request.customer.phone ?? address.phone)! }),
    shipTo: {
      address1: address.address1!.trim(),
      ...(present(address.address2) && { address2: present(address.address2)! }),
      city: address.city!.trim(),
      state: address.state!.trim(),
      country: address.country!.trim(),
      postalCode: address.postalCode!.trim(),
    },
    // Carrier codes are matched without regard to case (spec), so the client's spelling is kept.
    shippingInfo: { carrierCode: method.carrier.trim(), serviceLevel: method.service.trim() },
    lineItems,
    // The gateway charges no shipping through Cenports: the consumer's shipping is the merchant's.
    subTotal,
    shippingCost: jsonDecimal(moneyFromMinor(0n, CENPORTS_CURRENCY)),
    grandTotal: subTotal,
  };
  // Not sent, for want of a field in NewOrder: the billing address (the spec: API orders bill the
  // ship-to address) and the note.
  return { partnerId: target.partnerId, channelId: target.channelId, orders: [order] };
}
