import type { PlacementRequest, SupplierRefusal } from '../writes.ts';
import { CENPORTS_CURRENCY } from './placement.ts';

/**
 * Cenports' documented rules for a new order (openapi/cenports.yaml, NewOrder), checked with no
 * I/O so an order that would answer 422 or fail its transaction is never sent.
 */

/** The carriers the spec names (NewShippingInfo); matched without regard to case. */
export const CENPORTS_CARRIERS = ['UPS', 'UPSN', 'FEDEX', 'USPS', 'DHL', 'ONTRAC'] as const;
const MAX_QUANTITY = 99_999; // int(5)
const MAX_LINES = 999; // lineNumber is int(3)
const MAX_AMOUNT_CENTS = 999_999n; // decimal(6,2): consumerPrice, line and order totals
const MAX_TEXT = 255;
const MAX_POSTAL_CODE = 10;
const MAX_COUNTRY = 10;
// The spec types state as a "state or province code"; the gateway requires the 2-letter form
// (US states, Canadian provinces) that carriers print and the sandbox's own data uses.
const STATE_CODE = /^[A-Za-z]{2}$/;

type Refuse = (code: string, message: string, field: string[], line?: number) => void;

const blank = (text: string | null | undefined) => !text?.trim();

function checkText(refuse: Refuse, text: string | null | undefined, field: string[], label: string, required: boolean, max = MAX_TEXT): void {
  if (blank(text)) {
    if (required) refuse('VALIDATION', `${label} is required by Cenports.`, field);
  } else if (text!.trim().length > max) {
    refuse('VALIDATION', `${label} must be at most ${max} characters for Cenports.`, field);
  }
}

function checkParties(request: PlacementRequest, refuse: Refuse): void {
  const { customer, shippingAddress: address } = request;
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ').trim();
  checkText(refuse, name, ['customer'], "The customer's name", true);
  checkText(refuse, customer.email, ['customer', 'email'], "The customer's email", false);
  checkText(refuse, customer.phone, ['customer', 'phone'], "The customer's phone", false);
  checkText(refuse, request.externalReference, ['externalReference'], 'The external reference', false);
  checkText(refuse, address.address1, ['shippingAddress', 'address1'], 'The street address', true);
  checkText(refuse, address.address2, ['shippingAddress', 'address2'], 'The second address line', false);
  checkText(refuse, address.city, ['shippingAddress', 'city'], 'The city', true);
  checkText(refuse, address.country, ['shippingAddress', 'country'], 'The country', true, MAX_COUNTRY);
  checkText(refuse, address.postalCode, ['shippingAddress', 'postalCode'], 'The postal code', true, MAX_POSTAL_CODE);
  if (blank(address.state)) refuse('VALIDATION', 'The state is required by Cenports.', ['shippingAddress', 'state']);
  else if (!STATE_CODE.test(address.state!.trim())) refuse('VALIDATION', 'The state must be a 2-letter code.', ['shippingAddress', 'state']);
}

function checkShipping(request: PlacementRequest, refuse: Refuse): void {
  const method = request.shippingMethod;
  if (!method) {
    refuse('VALIDATION', 'Cenports needs a shipping method (carrier and service).', ['shippingMethod']);
    return;
  }
  if (!CENPORTS_CARRIERS.includes(method.carrier.trim().toUpperCase() as (typeof CENPORTS_CARRIERS)[number])) {
    refuse('VALIDATION', `Cenports ships with ${CENPORTS_CARRIERS.join(', ')}; not ${JSON.stringify(method.carrier)}.`, ['shippingMethod', 'carrier']);
  }
  checkText(refuse, method.service, ['shippingMethod', 'service'], 'The service level', true);
}

/** Each line's subtotal in cents, or null when the line cannot be priced. */
function checkLine(request: PlacementRequest, index: number, refuse: Refuse): bigint | null {
  const line = request.lines[index]!;
  const at = (name: string) => ['lines', String(index), name];
  checkText((code, message, field) => refuse(code, message, field, index), line.sku, at('sku'), 'The sku', true);
  const quantityOk = Number.isInteger(line.quantity) && line.quantity >= 1 && line.quantity <= MAX_QUANTITY;
  if (!quantityOk) refuse('INVALID_QUANTITY', `Cenports takes 1 to ${MAX_QUANTITY} units per line.`, at('quantity'), index);
  const price = line.retailPrice;
  if (!price) {
    refuse('VALIDATION', 'Cenports requires the consumer price (retailPrice) of every line.', at('retailPrice'), index);
    return null;
  }
  if (price.currency !== CENPORTS_CURRENCY) {
    refuse('VALIDATION', `Cenports prices are in ${CENPORTS_CURRENCY}, not ${price.currency}.`, at('retailPrice'), index);
    return null;
  }
  if (price.minor < 0n || price.minor > MAX_AMOUNT_CENTS) {
    refuse('VALIDATION', 'The retail price must be between 0 and 9999.99 for Cenports.', at('retailPrice'), index);
    return null;
  }
  if (!quantityOk) return null;
  const lineCents = price.minor * BigInt(line.quantity);
  if (lineCents > MAX_AMOUNT_CENTS) {
    refuse('VALIDATION', 'A line may total at most 9999.99 at Cenports.', ['lines', String(index)], index);
    return null;
  }
  return lineCents;
}

/** The refusals for a placement Cenports would not take; empty when it may be sent. */
export function validatePlacement(request: PlacementRequest): SupplierRefusal[] {
  const refusals: SupplierRefusal[] = [];
  const refuse: Refuse = (code, message, field, line) => refusals.push({ code, message, field, ...(line === undefined ? {} : { line }) });
  checkText(refuse, request.token, ['token'], 'The order number', true);
  checkParties(request, refuse);
  checkShipping(request, refuse);
  if (request.lines.length === 0) refuse('VALIDATION', 'A Cenports order needs at least one line.', ['lines']);
  if (request.lines.length > MAX_LINES) refuse('VALIDATION', `A Cenports order has at most ${MAX_LINES} lines.`, ['lines']);
  const totals = request.lines.map((_, index) => checkLine(request, index, refuse));
  if (totals.every((cents) => cents !== null) && totals.reduce((sum, cents) => sum + cents!, 0n) > MAX_AMOUNT_CENTS) {
    refuse('VALIDATION', 'A Cenports order may total at most 9999.99.', ['lines']);
  }
  return refusals;
}
