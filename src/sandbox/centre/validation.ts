import { z } from 'zod';
import { SandboxHttpError } from '../kit/index.ts';
import type { ValidCreateOrder } from './types.ts';

// The document's own client-side rules for email and state.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const STATE = /^[A-Z]{2}$/;

const text = () => z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') });
// Empty counts as missing, as in the document's validateOrder (`!order.shippingAddress?.[field]`).
const required = () => text().refine((value) => value.trim() !== '', { error: 'is required', abort: true });
const optional = () => text().nullish().transform((value) => value ?? undefined);
const object = <T extends z.ZodRawShape>(shape: T) =>
  z.object(shape, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be an object') });
const stateCode = (base: z.ZodType<string | undefined>) =>
  base.refine((value) => value === undefined || STATE.test(value), { error: 'must be a 2-letter state code' });

const envelope = z.object({
  partnerOrderId: required(),
  customer: object({
    firstName: required(),
    lastName: required(),
    email: required().refine((value) => EMAIL.test(value), { error: 'must be a valid email' }),
    phone: optional(),
  }),
  shippingAddress: object({
    firstName: required(),
    lastName: required(),
    address1: required(),
    address2: optional(),
    city: required(),
    state: stateCode(required()),
    zip: required(),
    // "required, default: US": optional with the default, as the spec records.
    country: optional().transform((value) => value ?? 'US'),
  }),
  billingAddress: object({
    firstName: optional(),
    lastName: optional(),
    address1: optional(),
    address2: optional(),
    city: optional(),
    state: stateCode(optional()),
    zip: optional(),
    country: optional(),
  }).nullish().transform((value) => value ?? undefined),
});

/**
 * The createOrder body as the sandbox accepts it; throws the document's 400 answers in the order
 * the spec records: "Validation error" with details, "Items array is required", then per item
 * a missing variantId ("Validation error") and "Invalid quantity for variant <variantId>".
 */
export function parseCreateOrder(body: unknown): ValidCreateOrder {
  // A missing or non-object body is read as {}, so the answer lists every required field.
  const input = isObject(body) ? body : {};
  const parsed = envelope.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues.map((issue) => `${pathOf(issue.path)} ${issue.message}`));
  const items = input['items'];
  if (!Array.isArray(items) || items.length === 0) throw badRequest('Items array is required');
  const missing = items.flatMap((item, i) =>
    isObject(item) && typeof item['variantId'] === 'string' && item['variantId'].trim() !== ''
      ? []
      : [`items[${i}].variantId is required`],
  );
  if (missing.length > 0) throw validationError(missing);
  const lines = (items as Record<string, unknown>[]).map((item) => ({
    variantId: item['variantId'] as string,
    quantity: item['quantity'],
  }));
  // Only a JSON integer of at least 1 is a quantity; "2" and 1.5 are refused, as the spec records.
  const invalid = lines.find((line) => !(Number.isSafeInteger(line.quantity) && (line.quantity as number) >= 1));
  if (invalid) throw badRequest(`Invalid quantity for variant ${invalid.variantId}`);
  return { ...parsed.data, items: lines as ValidCreateOrder['items'] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`),
    '',
  ) || 'body';
}

function validationError(details: string[]): SandboxHttpError {
  return new SandboxHttpError(400, { success: false, error: 'Validation error', details });
}

function badRequest(error: string): SandboxHttpError {
  return new SandboxHttpError(400, { success: false, error });
}
