import type { z } from 'zod';
import { SupplierContractError } from '../../domain/errors.ts';
import type { SupplierId } from '../../domain/supplier.ts';
import type { UpstreamAnswer } from './upstream.ts';

/**
 * Validates a supplier body with its zod schema. Throws SupplierContractError naming the paths
 * that broke (never the values, which may be personal data).
 */
export function expectBody<S extends z.ZodType>(
  schema: S,
  answer: Pick<UpstreamAnswer, 'body'>,
  supplier: SupplierId,
  operation: string,
): z.output<S> {
  const parsed = schema.safeParse(answer.body);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
  throw new SupplierContractError(supplier, operation, problems);
}
