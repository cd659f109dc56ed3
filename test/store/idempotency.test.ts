import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.ts';
import { backends, useStore } from './backends.ts';

const T0 = new Date('2025-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
/** Opens 20 pool connections first (PostgreSQL), so the claims that follow really run side by side. */
async function warmPool(database: Database): Promise<void> {
  if (database.backend !== 'postgres') return;
  await Promise.all(Array.from({ length: 20 }, () => database.query('SELECT pg_sleep(0.05)')));
}

const key = { scope: 'partner-1', operation: 'createOrder', key: 'k-1', requestHash: 'h-1' };

describe.each(backends)('idempotency keys on $name', (backend) => {
  const store = useStore(backend, { maxConnections: 20 });

  it('claims a new key and reports the lease to a second owner as busy', async () => {
    const { idempotency } = store();
    expect(await idempotency.claim({ ...key, owner: 'a', leaseMs: 5_000, now: T0 })).toEqual({ status: 'claimed', resumed: false, response: null });
    expect(await idempotency.claim({ ...key, owner: 'b', leaseMs: 5_000, now: at(1_000) })).toEqual({ status: 'busy', leaseUntil: '2025-03-01T10:00:05.000Z' });
    const record = await idempotency.get(key.scope, key.operation, key.key);
    expect(record).toMatchObject({ state: 'pending', leaseOwner: 'a', leaseUntil: '2025-03-01T10:00:05.000Z', requestHash: 'h-1' });
  });

  it('answers mismatch for the same key with another request, and changes nothing', async () => {
    const { idempotency } = store();
    await idempotency.claim({ ...key, owner: 'a', leaseMs: 5_000, now: T0 });
    expect(await idempotency.claim({ ...key, requestHash: 'other', owner: 'b', leaseMs: 5_000, now: at(60_000) })).toEqual({ status: 'mismatch' });
    expect(await idempotency.get(key.scope, key.operation, key.key)).toMatchObject({ requestHash: 'h-1', leaseOwner: 'a' });
  });

  it('replays the response of a finished key, bigints included, to every later claim', async () => {
    const { idempotency } = store();
    await idempotency.claim({ ...key, owner: 'a', leaseMs: 5_000, now: T0 });
    const response = { orders: ['O-1'], total: { minor: 9007199254740993n, currency: 'USD' } };
    expect(await idempotency.finish(key.scope, key.operation, key.key, 'a', 'done', response)).toBe(true);
    expect(await idempotency.claim({ ...key, owner: 'b', leaseMs: 5_000, now: at(1) })).toEqual({ status: 'done', response });
    expect(await idempotency.claim({ ...key, requestHash: 'other', owner: 'b', leaseMs: 5_000, now: at(1) })).toEqual({ status: 'mismatch' });
    expect(await idempotency.get(key.scope, key.operation, key.key)).toMatchObject({ state: 'done', leaseOwner: null, leaseUntil: null, response });
  });

  it('lets another owner take over once the lease has lapsed, and the first owner then loses it', async () => {
    const { idempotency } = store();
    await idempotency.claim({ ...key, owner: 'a', leaseMs: 5_000, now: T0 });
    expect(await idempotency.claim({ ...key, owner: 'b', leaseMs: 5_000, now: at(5_000) })).toEqual({ status: 'claimed', resumed: true, response: null });
    expect(await idempotency.renew(key.scope, key.operation, key.key, 'a', 5_000, at(5_001))).toBe(false);
    expect(await idempotency.finish(key.scope, key.operation, key.key, 'a', 'done', { late: true })).toBe(false);
    expect(await idempotency.get(key.scope, key.operation, key.key)).toMatchObject({ state: 'pending', leaseOwner: 'b', response: null });
  });

  it('extends a lease on renew, keeping other owners out', async () => {
    const { idempotency } = store();
    await idempotency.claim({ ...key, owner: 'a', leaseMs: 5_000, now: T0 });
    expect(await idempotency.renew(key.scope, key.operation, key.key, 'a', 5_000, at(4_000))).toBe(true);
    expect(await idempotency.claim({ ...key, owner: 'b', leaseMs: 5_000, now: at(6_000) })).toEqual({ status: 'busy', leaseUntil: '2025-03-01T10:00:09.000Z' });
  });

  it('hands a partial key, with what was recorded, to the next claim', async () => {
    const { idempotency } = store();
    await idempotency.claim({ ...key, owner: 'a', leaseMs: 5_000, now: T0 });
    await idempotency.finish(key.scope, key.operation, key.key, 'a', 'partial', { done: ['centre'] });
    expect(await idempotency.claim({ ...key, owner: 'b', leaseMs: 5_000, now: at(10) })).toEqual({ status: 'claimed', resumed: true, response: { done: ['centre'] } });
    expect(await idempotency.claim({ ...key, owner: 'c', leaseMs: 5_000, now: at(20) })).toMatchObject({ status: 'busy' });
    expect(await idempotency.get(key.scope, key.operation, key.key)).toMatchObject({ state: 'partial', leaseOwner: 'b' });
    expect(await idempotency.finish(key.scope, key.operation, key.key, 'b', 'done', { done: ['centre', 'cenports'] })).toBe(true);
    expect(await idempotency.claim({ ...key, owner: 'c', leaseMs: 5_000, now: at(30) })).toEqual({ status: 'done', response: { done: ['centre', 'cenports'] } });
  });

  it('keeps keys apart by scope and operation', async () => {
    const { idempotency } = store();
    await idempotency.claim({ ...key, owner: 'a', leaseMs: 5_000, now: T0 });
    expect(await idempotency.claim({ ...key, scope: 'partner-2', owner: 'b', leaseMs: 5_000, now: T0 })).toMatchObject({ status: 'claimed' });
    expect(await idempotency.claim({ ...key, operation: 'cancelOrder', owner: 'b', leaseMs: 5_000, now: T0 })).toMatchObject({ status: 'claimed' });
    expect(await idempotency.get('partner-3', key.operation, key.key)).toBeNull();
  });

  it('gives exactly one of 20 concurrent claims of one key the key', async () => {
    const { idempotency, database } = store();
    await warmPool(database);
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) => idempotency.claim({ ...key, owner: `owner-${i}`, leaseMs: 30_000, now: T0 })),
    );
    expect(claims.filter((c) => c.status === 'claimed')).toHaveLength(1);
    expect(claims.filter((c) => c.status === 'busy')).toHaveLength(19);
  });

  it('gives exactly one of 20 concurrent claims of a lapsed key the key', async () => {
    const { idempotency, database } = store();
    await idempotency.claim({ ...key, owner: 'crashed', leaseMs: 1_000, now: T0 });
    await warmPool(database);
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) => idempotency.claim({ ...key, owner: `owner-${i}`, leaseMs: 30_000, now: at(2_000) })),
    );
    const won = claims.flatMap((c, i) => (c.status === 'claimed' ? [`owner-${i}`] : []));
    expect(won).toHaveLength(1);
    expect((await idempotency.get(key.scope, key.operation, key.key))?.leaseOwner).toBe(won[0]);
  });
});
