import { z } from 'zod';
import { parseYmd } from './dates.ts';
import { validationError } from './errors.ts';

/**
 * Parses a request part with a zod schema, or throws Cenports' 422 with Laravel-style messages
 * keyed by dotted field path ("orders.0.lineItems.1.quantity").
 */
export function parseOrRefuse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || 'request';
    const message = describe(issue, field, valueAt(input, issue.path));
    (errors[field] ??= []).includes(message) || errors[field].push(message);
  }
  throw validationError(errors);
}

function describe(issue: z.core.$ZodIssue, field: string, value: unknown): string {
  if (issue.code === 'invalid_type' && (value === undefined || value === null)) return `The ${field} field is required.`;
  // Schemas below phrase their own messages as "must …"; zod's defaults are not client-facing.
  if (issue.message.startsWith('must ')) return `The ${field} field ${issue.message}.`;
  return `The ${field} field is invalid.`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export const requiredString = (max: number) =>
  z.string({ error: 'must be a string' }).trim().min(1, { error: 'must not be empty' }).max(max, { error: `must not be longer than ${max} characters` });

export const optionalString = (max: number) =>
  z.string({ error: 'must be a string' }).max(max, { error: `must not be longer than ${max} characters` }).nullish();

/** Query booleans as Laravel reads them. */
export const queryBoolean = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

export const queryInt = (min: number, max: number) =>
  z
    .string({ error: 'must be an integer' })
    .regex(/^\d+$/, { error: 'must be an integer' })
    .transform(Number)
    .pipe(z.number().min(min, { error: `must be at least ${min}` }).max(max, { error: `must not be greater than ${max}` }));

/** A Y-m-d date, kept as its text. */
export const ymdDate = z
  .string({ error: 'must be a date (Y-m-d)' })
  .refine((text) => parseYmd(text) !== undefined, { error: 'must be a date (Y-m-d)' });

/** Comma-separated values, trimmed, empty entries dropped. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Laravel's required_with both ways, plus an end that is not before the start. */
export function checkDateRange(
  range: { startDate?: string | undefined; endDate?: string | undefined },
  ctx: z.core.$RefinementCtx,
): void {
  if (range.startDate !== undefined && range.endDate === undefined) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must be present when startDate is present' });
  } else if (range.endDate !== undefined && range.startDate === undefined) {
    ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'must be present when endDate is present' });
  } else if (range.startDate !== undefined && range.endDate !== undefined && range.endDate < range.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must be a date after or equal to startDate' });
  }
}
