import type { z } from 'zod';
import { SupplierContractError } from '../../domain/errors.ts';
import { expectBody } from '../http/expect.ts';
import type { UpstreamAnswer } from '../http/upstream.ts';
import { ErrorCodeWire } from './wire.ts';

/**
 * The `data` of a 2xx success envelope. Any other answer that reached here (401, 403, 400: the
 * caller has already handled the statuses it expects, and upstream.call the 429s and 5xx) is a
 * SupplierContractError naming the status and the supplier's error code, never the body.
 */
export function readData<S extends z.ZodType<{ success: true; data: unknown }>>(
  envelope: S,
  answer: UpstreamAnswer,
  operation: string,
): z.output<S>['data'] {
  if (answer.status < 200 || answer.status > 299) {
    const code = ErrorCodeWire.safeParse(answer.body);
    const suffix = code.success ? ` ${code.data.error.code}` : '';
    throw new SupplierContractError('whitelabel', operation, `answered HTTP ${answer.status}${suffix}`);
  }
  return expectBody(envelope, answer, 'whitelabel', operation).data;
}
