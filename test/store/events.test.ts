import { describe, expect, it } from 'vitest';
import type { OrderEventInput } from '../../src/store/events.ts';
import { backends, useStore } from './backends.ts';

function event(overrides: Partial<OrderEventInput>): OrderEventInput {
  return {
    supplier: 'pleasurestock',
    supplierOrderId: 'PS-1',
    status: 'PROCESSING',
    supplierStatus: 'processing',
    previousSupplierStatus: 'pending',
    source: 'WEBHOOK',
    comment: null,
    occurredAt: '2025-03-01T10:00:00Z',
    dedupeKey: 'wh-1',
    ...overrides,
  };
}

describe.each(backends)('order events on $name', (backend) => {
  const store = useStore(backend);

  it('appends an event once per dedupe key', async () => {
    const { events } = store();
    expect(await events.append(event({}))).toBe(true);
    expect(await events.append(event({ status: 'SHIPPED' }))).toBe(false);
    const [list] = await events.forOrders([{ supplier: 'pleasurestock', supplierOrderId: 'PS-1' }]);
    expect(list).toHaveLength(1);
    expect(list?.[0]).toMatchObject({ status: 'PROCESSING', source: 'WEBHOOK', occurredAt: '2025-03-01T10:00:00.000Z', dedupeKey: 'wh-1', comment: null });
    expect(list?.[0]?.id).toMatch(/^\d+$/);
  });

  it('answers each order its events, oldest first, in the order of the keys, in one batch', async () => {
    const { events } = store();
    await events.append(event({ dedupeKey: 'a', occurredAt: '2025-03-01T12:00:00Z', status: 'SHIPPED', supplierStatus: 'shipped' }));
    await events.append(event({ dedupeKey: 'b', occurredAt: new Date('2025-03-01T11:00:00Z') }));
    await events.append(event({ dedupeKey: 'c', supplierOrderId: 'PS-2', source: 'POLLING', comment: 'poll' }));
    await events.append(event({ dedupeKey: 'd', supplier: 'whitelabel', source: 'MUTATION' }));
    const found = await events.forOrders([
      { supplier: 'pleasurestock', supplierOrderId: 'PS-2' },
      { supplier: 'cenports', supplierOrderId: 'none' },
      { supplier: 'pleasurestock', supplierOrderId: 'PS-1' },
      { supplier: 'pleasurestock', supplierOrderId: 'PS-2' },
    ]);
    expect(found.map((list) => list.map((e) => e.dedupeKey))).toEqual([['c'], [], ['b', 'a'], ['c']]);
    expect(found[0]?.[0]).toMatchObject({ source: 'POLLING', comment: 'poll' });
    expect(await events.forOrders([])).toEqual([]);
  });

  it('refuses a source outside MUTATION, WEBHOOK and POLLING', async () => {
    await expect(store().events.append(event({ source: 'EMAIL' as never }))).rejects.toThrow();
  });
});
