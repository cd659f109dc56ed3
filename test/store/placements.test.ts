import { describe, expect, it } from 'vitest';
import { backends, useStore } from './backends.ts';
import { BEYOND_FLOAT } from './fixtures.ts';

const placement = { scope: 'partner-1', key: 'k-1', supplier: 'centre', token: 'sg-abc', request: { lines: [{ sku: 'BPC-157', quantity: 1 }], retail: BEYOND_FLOAT } } as const;

describe.each(backends)('placements on $name', (backend) => {
  const store = useStore(backend);

  it('records a placement as sending on first ensure and counts later attempts', async () => {
    const { placements } = store();
    const first = await placements.ensure(placement);
    expect(first).toMatchObject({ scope: 'partner-1', key: 'k-1', supplier: 'centre', token: 'sg-abc', state: 'sending', outcome: null, attempts: 1 });
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.request).toEqual(placement.request);
    const second = await placements.ensure({ ...placement, request: { changed: true } });
    expect(second).toMatchObject({ id: first.id, attempts: 2, request: placement.request });
  });

  it('starts a new placement with the outcome it is given, which a later ensure leaves alone', async () => {
    const { placements } = store();
    const first = await placements.ensure({ ...placement, outcome: { sentAt: 1 } });
    expect(first).toMatchObject({ state: 'sending', outcome: { sentAt: 1 }, attempts: 1 });
    expect(await placements.ensure({ ...placement, outcome: { sentAt: 2 } })).toMatchObject({ state: 'sending', outcome: { sentAt: 1 }, attempts: 2 });
  });

  it('keeps the recorded state and outcome across later ensures', async () => {
    const { placements } = store();
    const row = await placements.ensure(placement);
    expect(await placements.record(row.id, 'unknown', null)).toBe(true);
    expect(await placements.ensure(placement)).toMatchObject({ state: 'unknown', attempts: 2 });
    await placements.record(row.id, 'placed', { orders: ['C-1'], total: { minor: BEYOND_FLOAT, currency: 'USD' } });
    expect(await placements.ensure(placement)).toMatchObject({ state: 'placed', outcome: { orders: ['C-1'], total: { minor: BEYOND_FLOAT, currency: 'USD' } } });
  });

  it('reads a placement back by id with its scope, request and outcome, and null for an unknown id', async () => {
    const { placements } = store();
    const row = await placements.ensure(placement);
    await placements.record(row.id, 'submitted', { kind: 'submitted', handle: 'tx-1', answer: { handle: 'tx-1', total: BEYOND_FLOAT } });
    expect(await placements.get(row.id)).toMatchObject({
      id: row.id,
      scope: 'partner-1',
      request: placement.request,
      state: 'submitted',
      outcome: { kind: 'submitted', handle: 'tx-1', answer: { handle: 'tx-1', total: BEYOND_FLOAT } },
    });
    expect(await placements.get('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('answers false when recording an unknown placement', async () => {
    expect(await store().placements.record('00000000-0000-4000-8000-000000000000', 'placed', null)).toBe(false);
  });

  it('lists every placement of a key, one per supplier, and no other key', async () => {
    const { placements } = store();
    await placements.ensure(placement);
    await placements.ensure({ ...placement, supplier: 'cenports', token: 'sg-abc-cp' });
    await placements.ensure({ ...placement, key: 'k-2', token: 'sg-other' });
    const rows = await placements.forKey('partner-1', 'k-1');
    expect(rows.map((r) => r.supplier).sort()).toEqual(['cenports', 'centre']);
    expect(await placements.forKey('partner-2', 'k-1')).toEqual([]);
  });

  it('refuses a supplier token already used by another key', async () => {
    const { placements } = store();
    await placements.ensure(placement);
    await expect(placements.ensure({ ...placement, key: 'k-2' })).rejects.toThrow(/unique|duplicate/i);
  });
});
