import { describe, expect, it } from 'vitest';
import { backends, useStore } from './backends.ts';
import { transaction } from './fixtures.ts';

describe.each(backends)('supplier transactions on $name', (backend) => {
  const store = useStore(backend);

  it('stores a transaction and gives it back as the same TransactionModel', async () => {
    const { transactions } = store();
    const model = transaction({ errors: [{ index: 0, message: 'unknown sku' }, { index: null, message: 'late' }], supplierOrderIds: ['CP-1', 'CP-2'] });
    const record = await transactions.upsert({ ...model, nextPollAt: '2025-03-01T10:00:01Z' });
    expect(record).toMatchObject({ ...model, placementId: null, nextPollAt: '2025-03-01T10:00:01.000Z', pollAttempts: 0 });
    const [found, missing] = await transactions.get('cenports', ['tx-1', 'tx-missing']);
    expect(found).toEqual(record);
    expect(missing).toBeNull();
  });

  it('updates the state on upsert and keeps placement and schedule unless given', async () => {
    const { transactions, placements } = store();
    const placement = await placements.ensure({ scope: 's', key: 'k', supplier: 'cenports', token: 't', request: {} });
    await transactions.upsert({ ...transaction(), placementId: placement.id, nextPollAt: '2025-03-01T10:00:05Z' });
    await transactions.schedule('cenports', 'tx-1', '2025-03-01T10:00:09Z', 3);
    const done = await transactions.upsert({ ...transaction({ status: 'COMPLETED', supplierStatus: 'DONE', completedAt: '2025-03-01T12:00:00+02:00' }), placementId: null });
    expect(done).toMatchObject({ status: 'COMPLETED', completedAt: '2025-03-01T10:00:00.000Z', placementId: placement.id, nextPollAt: '2025-03-01T10:00:09.000Z', pollAttempts: 3 });
  });

  it('claims the unfinished transactions due a poll, earliest first, up to the limit', async () => {
    const { transactions } = store();
    await transactions.upsert({ ...transaction({ handle: 'late' }), nextPollAt: '2025-03-01T10:10:00Z' });
    await transactions.upsert({ ...transaction({ handle: 'second' }), nextPollAt: '2025-03-01T10:02:00Z' });
    await transactions.upsert({ ...transaction({ handle: 'first', status: 'PROCESSING' }), nextPollAt: '2025-03-01T10:01:00Z' });
    await transactions.upsert({ ...transaction({ handle: 'final', status: 'FAILED' }), nextPollAt: '2025-03-01T10:00:00Z' });
    await transactions.upsert({ ...transaction({ handle: 'never' }), nextPollAt: '2025-03-01T10:00:00Z' });
    await transactions.schedule('cenports', 'never', null, 9);
    const now = new Date('2025-03-01T10:05:00Z');
    expect((await transactions.claimDue(now.getTime(), 1, 60_000)).map((t) => t.handle)).toEqual(['first']);
    expect((await transactions.claimDue(now, 10, 60_000)).map((t) => t.handle)).toEqual(['second']);
    expect(await transactions.schedule('cenports', 'missing', now, 1)).toBe(false);
  });

  it('gives a claimed transaction to no one else until its claim lapses', async () => {
    const { transactions } = store();
    for (const handle of ['a', 'b', 'c', 'd']) await transactions.upsert({ ...transaction({ handle }), nextPollAt: '2025-03-01T10:00:00Z' });
    const now = Date.parse('2025-03-01T10:05:00Z');
    const [one, two] = await Promise.all([transactions.claimDue(now, 2, 30_000), transactions.claimDue(now, 10, 30_000)]);
    const handles = [...one!, ...two!].map((t) => t.handle).sort();
    expect(handles).toEqual(['a', 'b', 'c', 'd']);
    expect(await transactions.claimDue(now + 29_000, 10, 30_000)).toEqual([]);
    expect((await transactions.claimDue(now + 30_000, 10, 30_000)).map((t) => t.handle)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('makes a new transaction without a schedule due at once', async () => {
    const { transactions } = store();
    await transactions.upsert(transaction());
    expect((await transactions.claimDue(new Date(Date.now() + 1_000), 10, 1_000)).map((t) => t.handle)).toEqual(['tx-1']);
  });

  it('lists newest first, filtered by supplier and status', async () => {
    const { transactions, database } = store();
    await transactions.upsert(transaction({ handle: 'a', status: 'COMPLETED' }));
    await transactions.upsert(transaction({ handle: 'b' }));
    await transactions.upsert(transaction({ handle: 'c', supplier: 'whitelabel', status: 'FAILED' }));
    // distinct creation times, so the order does not rest on the clock's resolution
    await database.query(`UPDATE supplier_transactions SET created_at = $2 WHERE handle = $1`, ['a', '2025-03-01T10:00:00Z']);
    await database.query(`UPDATE supplier_transactions SET created_at = $2 WHERE handle = $1`, ['b', '2025-03-02T10:00:00Z']);
    await database.query(`UPDATE supplier_transactions SET created_at = $2 WHERE handle = $1`, ['c', '2025-03-03T10:00:00Z']);
    const handles = (list: { handle: string }[]) => list.map((t) => t.handle);
    expect(handles(await transactions.list({ offset: 0, limit: 10 }))).toEqual(['c', 'b', 'a']);
    expect(handles(await transactions.list({ supplier: 'cenports', offset: 0, limit: 10 }))).toEqual(['b', 'a']);
    expect(handles(await transactions.list({ suppliers: ['whitelabel'], offset: 0, limit: 10 }))).toEqual(['c']);
    expect(handles(await transactions.list({ statuses: ['COMPLETED', 'FAILED'], offset: 0, limit: 10 }))).toEqual(['c', 'a']);
    expect(handles(await transactions.list({ offset: 1, limit: 1 }))).toEqual(['b']);
  });
});
