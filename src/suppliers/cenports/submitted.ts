import type { TransactionModel } from '../../domain/models.ts';
import { expectBody } from '../http/expect.ts';
import type { UpstreamAnswer } from '../http/upstream.ts';
import { mapOrBreach } from '../shared/contract.ts';
import { expectOk } from './client.ts';
import { toTransaction } from './mapping.ts';
import { TransactionWire } from './wire.ts';

/**
 * The transaction a 200 to an asynchronous write carries, labelled with what was submitted (GET
 * /transaction cannot tell later). Throws SupplierContractError for any other status or shape.
 */
export function submittedTransaction(answer: UpstreamAnswer, operation: string, kind: string, supplierOrderIds: readonly string[]): TransactionModel {
  expectOk(answer, operation);
  const wire = expectBody(TransactionWire, answer, 'cenports', operation);
  const transaction = mapOrBreach('cenports', operation, () => toTransaction(wire.handle, wire));
  return { ...transaction, kind, supplierOrderIds: [...supplierOrderIds] };
}
