import type { AddressInput, CreateOrderInput } from '../generated/graphql.ts';
import { decodeGlobalId } from '../domain/global-id.ts';
import { moneyFromDecimal } from '../domain/money.ts';
import { userError, type UserErrorValue } from './user-errors.ts';

// The email check Centre documents; the strictest any supplier applies.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const STATE = /^[A-Z]{2}$/;
const COUNTRY = /^[A-Z]{2}$/;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;
const MAX_LINES = 100;
const MAX_QUANTITY = 10_000;
const MAX_TEXT = 1_000;

const blank = (value: string | null | undefined) => value === null || value === undefined || value.trim() === '';

/** The idempotency key's own rules, checked before anything else happens. */
export function validateIdempotencyKey(key: string | null | undefined, field: string[]): UserErrorValue[] {
  if (blank(key)) return [userError('INVALID_IDEMPOTENCY_KEY', 'idempotencyKey must not be empty', field)];
  if (key!.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    return [userError('INVALID_IDEMPOTENCY_KEY', `idempotencyKey must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`, field)];
  }
  return [];
}

function validateAddress(address: AddressInput, path: string[]): UserErrorValue[] {
  const errors: UserErrorValue[] = [];
  for (const name of ['firstName', 'lastName', 'address1', 'city', 'postalCode'] as const) {
    if (blank(address[name])) errors.push(userError('REQUIRED', `${path.at(-1)}.${name} is required`, [...path, name]));
    else if (address[name].length > MAX_TEXT) errors.push(userError('TOO_LONG', `${path.at(-1)}.${name} is too long`, [...path, name]));
  }
  if (!STATE.test(address.state ?? '')) {
    errors.push(userError('INVALID_STATE', `${path.at(-1)}.state must be a 2-letter code such as CA, got ${JSON.stringify(address.state)}`, [...path, 'state']));
  }
  if (address.country != null && !COUNTRY.test(address.country)) {
    errors.push(userError('INVALID_COUNTRY', `${path.at(-1)}.country must be a 2-letter ISO code such as US`, [...path, 'country']));
  }
  return errors;
}

/**
 * Everything about a cart that can be checked without asking anyone: each failure is a user
 * error naming its field, and any failure means no supplier is called.
 */
export function validateCart(input: CreateOrderInput): UserErrorValue[] {
  const errors = validateIdempotencyKey(input.idempotencyKey, ['input', 'idempotencyKey']);
  if (blank(input.externalReference) || input.externalReference.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    errors.push(userError('INVALID_REFERENCE', 'externalReference must be 1 to 255 characters', ['input', 'externalReference']));
  }
  const { customer } = input;
  if (blank(customer.firstName)) errors.push(userError('REQUIRED', 'customer.firstName is required', ['input', 'customer', 'firstName']));
  if (blank(customer.lastName)) errors.push(userError('REQUIRED', 'customer.lastName is required', ['input', 'customer', 'lastName']));
  if (!EMAIL.test(customer.email) || customer.email.length > 254) {
    errors.push(userError('INVALID_EMAIL', `customer.email is not a valid email address`, ['input', 'customer', 'email']));
  }
  errors.push(...validateAddress(input.shippingAddress, ['input', 'shippingAddress']));
  if (input.billingAddress) errors.push(...validateAddress(input.billingAddress, ['input', 'billingAddress']));
  if (input.note && input.note.length > MAX_TEXT) errors.push(userError('TOO_LONG', 'note is too long', ['input', 'note']));
  if (input.lines.length === 0) errors.push(userError('EMPTY_CART', 'lines must name at least one product', ['input', 'lines']));
  if (input.lines.length > MAX_LINES) errors.push(userError('TOO_MANY_LINES', `a cart has at most ${MAX_LINES} lines`, ['input', 'lines']));
  input.lines.slice(0, MAX_LINES).forEach((line, i) => {
    const path = ['input', 'lines', String(i)];
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
      errors.push(userError('INVALID_QUANTITY', `lines[${i}].quantity must be a whole number from 1 to ${MAX_QUANTITY}`, [...path, 'quantity']));
    }
    const bySku = line.supplier != null || line.sku != null;
    if (line.productId != null && bySku) {
      errors.push(userError('INVALID_LINE', `lines[${i}] names a product by productId or by supplier and sku, not both`, path));
    } else if (line.productId != null) {
      const id = decodeGlobalId(line.productId);
      if (!id || id.type !== 'Product') errors.push(userError('UNKNOWN_PRODUCT', `lines[${i}].productId is not a product id`, [...path, 'productId']));
    } else if (line.supplier == null || blank(line.sku)) {
      errors.push(userError('INVALID_LINE', `lines[${i}] needs a productId, or a supplier and a sku`, path));
    }
    if (line.retailPrice) {
      try {
        moneyFromDecimal(line.retailPrice.amount, line.retailPrice.currencyCode);
        if (!/^[A-Z]{3}$/.test(line.retailPrice.currencyCode)) throw new RangeError('currency');
        if (line.retailPrice.amount.startsWith('-')) throw new RangeError('negative');
      } catch {
        errors.push(userError('INVALID_MONEY', `lines[${i}].retailPrice must be a non-negative amount in a 3-letter currency`, [...path, 'retailPrice']));
      }
    }
  });
  return errors;
}
