import type { z } from 'zod';
import { SupplierContractError } from '../../domain/errors.ts';
import { expectBody } from '../http/expect.ts';
import type { UpstreamAnswer } from '../http/upstream.ts';
import { mapOrBreach } from '../shared/contract.ts';

/**
 * The body of a 2xx answer, validated. Any other status that reaches here (upstream.call already
 * turned 429 and 5xx into SupplierUnavailableError) is outside what the adapter sends for, so a
 * SupplierContractError naming only the status: never the URL, the key or the body.
 */
export function readOk<S extends z.ZodType>(schema: S, answer: UpstreamAnswer, operation: string): z.output<S> {
  if (answer.status < 200 || answer.status >= 300) {
    throw new SupplierContractError('pleasurestock', operation, `answered HTTP ${answer.status}`);
  }
  return expectBody(schema, answer, 'pleasurestock', operation);
}

/** mapOrBreach for this supplier. */
export function mapped<T>(operation: string, map: () => T): T {
  return mapOrBreach('pleasurestock', operation, map);
}
