import type { ProductModel } from '../../domain/models.ts';
import type { PlacementRequest, SupplierRefusal } from '../writes.ts';
import { centsProblem } from './cents.ts';
import { shipTo, storePrice } from './placement.ts';

/** CreateOrderRequest.items: 1 to 100. */
const MAX_ITEMS = 100;
/** ShippingAddress: what the spec requires (no label can be bought without them). */
const REQUIRED_SHIPPING = ['firstName', 'lastName', 'address1', 'city', 'postalCode', 'country'] as const;
/** AddressFields.country: ISO 3166-1 alpha-2. */
const COUNTRY = /^[A-Z]{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Refuse = (code: string, message: string, field?: string[], line?: number) => void;

/**
 * WhiteLabel's documented createOrder rules, checked with no call: 1 to 100 lines, a whole
 * quantity of at least 1 and, when the catalog is already loaded, within the product's
 * min_qty..max_qty; prices in USD cents; the shipping address fields the spec requires and
 * 2-letter country codes; a well-formed customer email. `catalog` is the cached catalog by SKU,
 * or null when none is loaded (nothing is loaded for this). Every problem is reported at once.
 */
export function checkPlacement(request: PlacementRequest, catalog: ReadonlyMap<string, ProductModel> | null): SupplierRefusal[] {
  const refusals: SupplierRefusal[] = [];
  const refuse: Refuse = (code, message, field, line) =>
    refusals.push({ code, message, ...(field ? { field } : {}), ...(line === undefined ? {} : { line }) });

  if (request.lines.length === 0 || request.lines.length > MAX_ITEMS) {
    refuse('VALIDATION', `an order takes 1 to ${MAX_ITEMS} lines, got ${request.lines.length}`, ['lines']);
  }
  request.lines.forEach((line, i) => checkQuantity(refuse, line.quantity, catalog?.get(line.supplierProductId), i));
  refusals.push(...amountRefusals(request));
  checkAddresses(refuse, request);
  const email = request.customer.email;
  if (email && email.trim() !== '' && !EMAIL.test(email)) refuse('VALIDATION', 'customer.email must be an email address', ['customer', 'email']);
  return refusals;
}

function checkQuantity(refuse: Refuse, quantity: number, product: ProductModel | undefined, i: number): void {
  const field = ['lines', String(i), 'quantity'];
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    refuse('INVALID_QUANTITY', `quantity must be a whole number of at least 1, got ${quantity}`, field, i);
    return;
  }
  // A catalog read a while ago may be out of date; the supplier checks again anyway.
  const min = product?.minQuantity ?? 1;
  const max = product?.maxQuantity ?? Number.POSITIVE_INFINITY;
  if (quantity < min || quantity > max) {
    refuse('INVALID_QUANTITY', `WhiteLabel takes ${min} to ${max} of ${product!.sku} per order, got ${quantity}`, field, i);
  }
}

function checkAddresses(refuse: Refuse, request: PlacementRequest): void {
  const ship = shipTo(request);
  for (const name of REQUIRED_SHIPPING) {
    const value = ship[name];
    if (value == null || value.trim() === '') refuse('VALIDATION', `shippingAddress.${name} is required`, ['shippingAddress', name]);
  }
  for (const which of ['shippingAddress', 'billingAddress'] as const) {
    const country = request[which]?.country;
    if (country != null && country.trim() !== '' && !COUNTRY.test(country)) {
      refuse('VALIDATION', `${which}.country must be a 2-letter ISO country code, e.g. US`, [which, 'country']);
    }
  }
}

/**
 * The lines whose price cannot be sent as USD cents. createOrder checks these itself before it
 * builds a body, since an amount in another currency must never reach the wire.
 */
export function amountRefusals(request: PlacementRequest): SupplierRefusal[] {
  return request.lines.flatMap((line, i) => {
    const sent = storePrice(line);
    const problem = sent && centsProblem(sent.price);
    return problem ? [{ code: 'VALIDATION', message: `${sent.field}: ${problem}`, line: i, field: ['lines', String(i), sent.field] }] : [];
  });
}
