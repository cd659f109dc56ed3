import type { PlacementRequest, SupplierRefusal } from '../writes.ts';
import { lookupVariant, type CentrePriceListEntry } from './price-list.ts';

// The document's own client-side rules, which its spec adopts (Customer.email, ShippingAddress.state).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const STATE = /^[A-Z]{2}$/;

const REQUIRED_CUSTOMER = ['firstName', 'lastName', 'email'] as const;
const REQUIRED_SHIPPING = ['firstName', 'lastName', 'address1', 'city', 'state', 'postalCode'] as const;

/**
 * Centre's documented rules, checked with no call: the required customer and shipping fields, the
 * email and 2-letter uppercase state rules (billing state too, when given), a whole quantity of at
 * least 1, and a channel price for every line's variant in the configured price list. Every
 * problem is reported at once; an empty answer means the request may be sent.
 */
export function validateCentrePlacement(
  request: PlacementRequest,
  priceList: readonly CentrePriceListEntry[],
): SupplierRefusal[] {
  const refusals: SupplierRefusal[] = [];
  const refuse = (code: string, message: string, field?: string[], line?: number) =>
    refusals.push({ code, message, ...(field ? { field } : {}), ...(line === undefined ? {} : { line }) });

  for (const name of REQUIRED_CUSTOMER) {
    if (blank(request.customer[name])) refuse('VALIDATION', `customer.${name} is required`, ['customer', name]);
  }
  if (!blank(request.customer.email) && !EMAIL.test(request.customer.email)) {
    refuse('VALIDATION', 'customer.email must be a valid email', ['customer', 'email']);
  }
  for (const name of REQUIRED_SHIPPING) {
    if (blank(request.shippingAddress[name])) refuse('VALIDATION', `shippingAddress.${name} is required`, ['shippingAddress', name]);
  }
  for (const address of ['shippingAddress', 'billingAddress'] as const) {
    const state = request[address]?.state;
    if (!blank(state) && !STATE.test(state!)) {
      refuse('VALIDATION', `${address}.state must be a 2-letter uppercase state code, e.g. CA`, [address, 'state']);
    }
  }
  if (request.lines.length === 0) refuse('VALIDATION', 'at least one line is required', ['lines']);
  request.lines.forEach((line, i) => {
    if (!(Number.isSafeInteger(line.quantity) && line.quantity >= 1)) {
      refuse('INVALID_QUANTITY', `quantity must be a whole number of at least 1, got ${line.quantity}`, ['lines', String(i), 'quantity'], i);
    }
    const entry = lookupVariant(priceList, line.supplierProductId);
    if (!entry || entry.priceCents === null) {
      refuse('PRICE_NOT_CONFIGURED', `Centre has no price for ${line.sku} on this sales channel`, undefined, i);
    }
  });
  return refusals;
}

function blank(value: string | null | undefined): boolean {
  return value == null || value.trim() === '';
}
