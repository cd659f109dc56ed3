import { z } from 'zod';
import { refuse } from './errors.ts';
import { numberToCents } from './money.ts';
import { ORDER_STATUSES, WEBHOOK_EVENTS } from './types.ts';

export const PS_ID = /^ps_[a-z0-9]{10}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isProductId = (id: string): boolean => PS_ID.test(id) || UUID.test(id);

const psId = z.string('must be a string').regex(PS_ID, 'must be "ps_" followed by 10 lowercase letters or digits');
const nonNegative = z.number('must be a number').min(0, 'must not be negative');

/** Renders zod issues as the error body's `details`: `items[0].quantity: must be ...`. */
function describe(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.reduce<string>(
      (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
      '',
    );
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** Parses a body or query with zod, or answers 400 "Invalid request" listing every problem. */
export function parse<T extends z.ZodType>(schema: T, value: unknown, what: 'body' | 'query'): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const message = what === 'body' ? 'The request payload is invalid' : 'The query parameters are invalid';
  return refuse(400, 'Invalid request', message, describe(result.error.issues));
}

const intParam = (min: number, max: number) =>
  z
    .string('must be given once')
    .regex(/^\d+$/, 'must be an integer')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
const boolParam = z.enum(['true', 'false'], 'must be true or false').transform((v) => v === 'true');

const includeFlags = {
  includeCategory: boolParam.default(false),
  includeTcc: boolParam.default(false),
  includeTsp: boolParam.default(false),
};

export const productListQuery = z.object({
  page: intParam(1, Number.MAX_SAFE_INTEGER).default(1),
  limit: intParam(1, 1000).default(100),
  supplier_id: intParam(0, Number.MAX_SAFE_INTEGER).optional(),
  search: z.string('must be given once').optional(),
  withImages: boolParam.default(false),
  ids: z.string('must be given once').optional(),
  ...includeFlags,
});

export const productQuery = z.object({ withImages: boolParam.default(true), ...includeFlags });

export const smartReorderingQuery = z.object({
  date: z.string('must be given once').regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').optional(),
});

export const convertQuery = z.object({
  amount: z.string('is required').regex(/^\d+(\.\d{1,2})?$/, 'must be a non-negative amount with at most two decimals'),
  currency: z.enum(['EUR', 'USD', 'GBP'], 'must be EUR, USD or GBP'),
});

export const salesBody = z.object({
  sales: z.array(z.unknown(), 'must be an array').min(1, 'must hold at least one record').max(1000, 'must hold at most 1000 records'),
});

export const smartReorderBody = z.object({
  products: z
    .array(
      z.object({
        ps_id: psId,
        quantity: nonNegative,
        current_stock: nonNegative,
        sales_history: z.array(nonNegative, 'must be an array of numbers').min(7, 'must contain at least 7 days of data'),
      }),
      'must be an array',
    )
    .min(1, 'must not be empty'),
});

const money = z
  .number('must be a number')
  .positive('must be greater than 0')
  .refine((n) => numberToCents(n) !== null, 'must have at most two decimals');

export const createOrderBody = z.object({
  items: z
    .array(
      z.object({
        ps_id: psId,
        quantity: z.number('must be an integer of at least 1').int('must be an integer of at least 1').min(1, 'must be an integer of at least 1'),
        customPrice: money.nullish(),
      }),
      'must be an array',
    )
    .min(1, 'must not be empty'),
  externalOrderId: z.string('must be a string').max(255, 'must be at most 255 characters').nullish(),
  comment: z.string('must be a string').nullish(),
});

export const listOrdersQuery = z.object({
  status: z.enum(ORDER_STATUSES, `must be one of ${ORDER_STATUSES.join(', ')}`).optional(),
  limit: intParam(1, 100).default(20),
  offset: intParam(0, Number.MAX_SAFE_INTEGER).default(0),
});

export const updateStatusBody = z.object({
  status: z.enum(['part_paid', 'paid', 'on_the_way', 'delivered', 'accepted', 'cancelled'], 'must be one of part_paid, paid, on_the_way, delivered, accepted, cancelled'),
  externalOrderId: z.string('must be a string').max(255, 'must be at most 255 characters').nullish(),
  comment: z.string('must be a string').nullish(),
});

export const registerWebhookBody = z.object({
  url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }),
  events: z.array(z.enum(WEBHOOK_EVENTS, `must be one of ${WEBHOOK_EVENTS.join(', ')}`), 'must be an array').min(1, 'must not be empty').optional(),
});
