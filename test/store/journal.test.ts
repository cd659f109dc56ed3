import { describe, expect, it } from 'vitest';
import type { OrderModel } from '../../src/domain/models.ts';
import type { JournalWrite } from '../../src/store/journal.ts';
import { backends, useStore } from './backends.ts';
import { BEYOND_FLOAT, order } from './fixtures.ts';

function entry(snapshot: OrderModel, extra: Partial<JournalWrite> = {}): JournalWrite {
  return {
    supplier: snapshot.supplier,
    supplierOrderId: snapshot.supplierOrderId,
    scope: 'partner-1',
    externalReference: snapshot.externalReference,
    status: snapshot.status,
    supplierStatus: snapshot.supplierStatus,
    order: snapshot,
    request: { partnerOrderId: 'sg-abc' },
    response: { orderId: snapshot.supplierOrderId },
    ...extra,
  };
}

describe.each(backends)('order journal on $name', (backend) => {
  const store = useStore(backend);

  it('stores an order and its money exactly (2^53 + 1 minor units)', async () => {
    const { journal } = store();
    const snapshot = order();
    await journal.upsert(entry(snapshot));
    const [found] = await journal.getMany('centre', ['C-1001']);
    expect(found?.order).toEqual(snapshot);
    expect(found?.order.lines[0]?.unitPrice?.minor).toBe(BEYOND_FLOAT);
    expect(found).toMatchObject({ scope: 'partner-1', externalReference: 'shop-42', status: 'PENDING', supplierStatus: 'received', placementId: null, request: { partnerOrderId: 'sg-abc' } });
  });

  it('answers one entry per id in the order asked, null for unknown ids', async () => {
    const { journal } = store();
    await journal.upsert(entry(order({ supplierOrderId: 'C-1' })));
    await journal.upsert(entry(order({ supplierOrderId: 'C-2' })));
    await journal.upsert(entry(order({ supplier: 'ordersapi', supplierOrderId: 'C-3' })));
    const found = await journal.getMany('centre', ['C-2', 'missing', 'C-1', 'C-3', 'C-2']);
    expect(found.map((e) => e?.supplierOrderId ?? null)).toEqual(['C-2', null, 'C-1', null, 'C-2']);
    expect(await journal.getMany('centre', [])).toEqual([]);
  });

  it('replaces an entry on upsert but keeps when it was first recorded and its placement', async () => {
    const { journal, placements } = store();
    const placement = await placements.ensure({ scope: 'partner-1', key: 'k', supplier: 'centre', token: 't', request: {} });
    const first = await journal.upsert(entry(order(), { placementId: placement.id, createdAt: '2025-03-01T10:00:00Z' }));
    const again = await journal.upsert(entry(order({ status: 'PAID', supplierStatus: 'paid' }), { createdAt: '2025-04-01T00:00:00Z' }));
    expect(again).toMatchObject({ status: 'PAID', placementId: placement.id, createdAt: first.createdAt });
    expect(first.createdAt).toBe('2025-03-01T10:00:00.000Z');
  });

  it('lists newest first, per supplier or all, a page at a time', async () => {
    const { journal } = store();
    const write = (supplier: OrderModel['supplier'], id: string, createdAt: string) =>
      journal.upsert(entry(order({ supplier, supplierOrderId: id }), { createdAt }));
    await write('centre', 'A', '2025-03-01T10:00:00Z');
    await write('centre', 'B', '2025-03-03T10:00:00Z');
    await write('ordersapi', 'C', '2025-03-02T10:00:00Z');
    await write('centre', 'D', '2025-03-03T10:00:00Z');
    const ids = (entries: { supplierOrderId: string }[]) => entries.map((e) => e.supplierOrderId);
    expect(ids(await journal.list({ offset: 0, limit: 10 }))).toEqual(['D', 'B', 'C', 'A']);
    expect(ids(await journal.list({ supplier: 'centre', offset: 1, limit: 1 }))).toEqual(['B']);
    expect(ids(await journal.list({ supplier: 'centre', offset: 2, limit: 5 }))).toEqual(['A']);
  });

  it('updates the status in the entry and its order, answering what it was', async () => {
    const { journal } = store();
    await journal.upsert(entry(order()));
    expect(await journal.updateStatus('centre', 'C-1001', 'CANCELLED', 'cancelled')).toEqual({ previousStatus: 'PENDING', previousSupplierStatus: 'received' });
    const [found] = await journal.getMany('centre', ['C-1001']);
    expect(found).toMatchObject({ status: 'CANCELLED', supplierStatus: 'cancelled', order: { status: 'CANCELLED', supplierStatus: 'cancelled' } });
    expect(found?.order.total?.minor).toBe(BEYOND_FLOAT * 3n);
    expect(await journal.updateStatus('centre', 'missing', 'CANCELLED', 'cancelled')).toBeNull();
  });

  it('tells whether a scope placed an order', async () => {
    const { journal } = store();
    await journal.upsert(entry(order()));
    expect(await journal.placedBy('partner-1', 'centre', 'C-1001')).toBe(true);
    expect(await journal.placedBy('partner-2', 'centre', 'C-1001')).toBe(false);
    expect(await journal.placedBy('partner-1', 'ordersapi', 'C-1001')).toBe(false);
  });
});
