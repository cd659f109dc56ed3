import { z } from 'zod';
import { MalformedJson } from './json-body.ts';

/** One problem in FastAPI's 422 body, in pydantic's words. */
export interface ValidationProblem {
  loc: (string | number)[];
  msg: string;
  type: string;
  input?: unknown;
  ctx?: Record<string, unknown>;
}

const createOrderBody = z.object({
  partner_name: z.string(),
  customer_reference: z.string().nullish(),
  items: z.array(z.object({ product_id: z.string(), quantity: z.int32().gt(0) })),
});

export type CreateOrderBody = z.infer<typeof createOrderBody>;

// pydantic's type and message for each JSON type zod expected. quantity is the only number in the
// body, so zod's "number" (not a number at all) and "int" (a fraction) are both about an integer.
const EXPECTED: Record<string, { type: string; msg: string }> = {
  string: { type: 'string_type', msg: 'Input should be a valid string' },
  number: { type: 'int_type', msg: 'Input should be a valid integer' },
  int: { type: 'int_from_float', msg: 'Input should be a valid integer, got a number with a fractional part' },
  array: { type: 'list_type', msg: 'Input should be a valid list' },
  object: { type: 'model_attributes_type', msg: 'Input should be a valid dictionary or object to extract fields from' },
};

function toProblem(issue: z.core.$ZodIssue): ValidationProblem {
  const loc = ['body', ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))];
  const input = (issue as { input?: unknown }).input;
  const withInput = (problem: Omit<ValidationProblem, 'loc' | 'input'>): ValidationProblem =>
    input === undefined ? { loc, ...problem } : { loc, ...problem, input };
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return { loc, msg: 'Field required', type: 'missing' };
      return withInput(EXPECTED[issue.expected] ?? { type: `${issue.expected}_type`, msg: issue.message });
    case 'too_small':
      return withInput({ type: 'greater_than', msg: `Input should be greater than ${issue.minimum}`, ctx: { gt: Number(issue.minimum) } });
    case 'too_big':
      return withInput({ type: 'less_than_equal', msg: `Input should be less than or equal to ${issue.maximum}`, ctx: { le: Number(issue.maximum) } });
    default:
      return withInput({ type: 'value_error', msg: issue.message });
  }
}

/** Checks a createOrder body as the supplier's FastAPI model would, naming every problem at once. */
export function parseCreateOrder(body: unknown): { ok: true; value: CreateOrderBody } | { ok: false; problems: ValidationProblem[] } {
  if (body instanceof MalformedJson) return { ok: false, problems: [jsonInvalidProblem(body.message)] };
  const result = createOrderBody.safeParse(body, { reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: result.error.issues.map(toProblem) };
}

/** FastAPI's problem for a body that is not JSON at all. */
export function jsonInvalidProblem(parserMessage: string): ValidationProblem {
  return { loc: ['body', 0], msg: 'JSON decode error', type: 'json_invalid', ctx: { error: parserMessage } };
}
