import type { LimitFunction } from 'p-limit';
import type { TransactionModel } from '../../domain/models.ts';
import { expectBody } from '../http/expect.ts';
import { mapOrBreach } from '../shared/contract.ts';
import { expectOk, type CenportsClient } from './client.ts';
import { toTransaction } from './mapping.ts';
import { TransactionWire } from './wire.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET /transaction has no batch form: one call per handle, at most `limit` at a time. */
export function createTransactionReads(client: CenportsClient, limit: LimitFunction) {
  const getTransaction = async (handle: string): Promise<TransactionModel | null> => {
    // Cenports refuses a non-UUID handle with 422; no transaction can have one, so it is simply absent.
    if (!UUID.test(handle)) return null;
    const answer = await client.call('getTransaction', (api, init) =>
      api.GET('/transaction', { ...init, params: { query: { partnerId: client.partnerId, handle } } }),
    );
    if (answer.status === 404) return null;
    expectOk(answer, 'getTransaction');
    const transaction = expectBody(TransactionWire, answer, 'cenports', 'getTransaction');
    return mapOrBreach('cenports', 'getTransaction', () => toTransaction(handle, transaction));
  };

  return {
    get: (handles: readonly string[]): Promise<(TransactionModel | null)[]> =>
      Promise.all(handles.map((handle) => limit(() => getTransaction(handle)))),
  };
}
