import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/auth/api-keys.ts';
import type { ShipmentModel } from '../../src/domain/models.ts';
import { moneyFromMinor } from '../../src/domain/money.ts';
import { startLiveUpdates, type LiveUpdates } from '../../src/live/index.ts';
import { createNotifyBus } from '../../src/live/notify-bus.ts';
import { LiveHub } from '../../src/live/hub.ts';
import { startPoller } from '../../src/live/pollers/poller.ts';
import type { OrderEventInput, Store } from '../../src/store/index.ts';
import { SupplierRegistry } from '../../src/suppliers/registry.ts';
import { backends, postgres, type OpenedStore } from './backends.ts';

const ADMIN: Caller = { name: 'sandbox-admin', role: 'admin' };
let sequence = 0;
const event = (overrides: Partial<OrderEventInput> = {}): OrderEventInput => ({
  supplier: 'pleasurestock',
  supplierOrderId: `PS-${++sequence}`,
  status: 'SHIPPED',
  supplierStatus: 'on_the_way',
  previousSupplierStatus: 'paid',
  source: 'WEBHOOK',
  occurredAt: '2031-01-01T00:00:00.000Z',
  dedupeKey: `live-bus-${process.pid}-${sequence}`,
  ...overrides,
});

/** The next value, or 'nothing' when none comes within ms. */
function nextWithin<T>(feed: AsyncIterator<T>, ms: number): Promise<T | 'nothing'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'nothing'>((resolve) => (timer = setTimeout(() => resolve('nothing'), ms)));
  return Promise.race([feed.next().then((r) => (r.done ? 'nothing' : r.value)), timeout]).finally(() => clearTimeout(timer));
}

const live = (store: Store) => startLiveUpdates({ store, suppliers: new SupplierRegistry([]), now: Date.now, logError: () => {} });

for (const backend of backends) {
  describe(`order updates announced by the store on ${backend.name}`, () => {
    let opened: OpenedStore;
    let updates: LiveUpdates;
    beforeAll(async () => {
      opened = await backend.open();
      updates = await live(opened.store);
    });
    afterAll(async () => {
      await updates.close();
      await opened.dispose();
    });

    it('hands a new event to each subscriber once and a repeated dedupe key not at all', async () => {
      const first = updates.orderUpdates({}, ADMIN);
      const second = updates.orderUpdates({}, ADMIN);
      const appended = event();
      expect(await opened.store.events.append(appended)).toBe(true);
      expect(await opened.store.events.append({ ...appended, status: 'DELIVERED' })).toBe(false);
      for (const feed of [first, second]) {
        expect(await nextWithin(feed, 1_000)).toMatchObject({ supplierOrderId: appended.supplierOrderId, status: 'SHIPPED', source: 'WEBHOOK' });
        expect(await nextWithin(feed, 300)).toBe('nothing');
        await feed.return!();
      }
    });

    it('announces nothing when the append is rolled back', async () => {
      const feed = updates.orderUpdates({}, ADMIN);
      await expect(
        opened.store.transaction(async ({ events }) => {
          await events.append(event());
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await nextWithin(feed, 300)).toBe('nothing');
      await feed.return!();
    });

    it('keeps to the subscriber filter and ends a feed at once on return', async () => {
      const feed = updates.orderUpdates({ suppliers: ['whitelabel'] }, ADMIN);
      await opened.store.events.append(event());
      const wanted = event({ supplier: 'whitelabel', supplierStatus: 'SHIPPED', source: 'POLLING' });
      await opened.store.events.append(wanted);
      expect(await nextWithin(feed, 1_000)).toMatchObject({ supplier: 'whitelabel', supplierOrderId: wanted.supplierOrderId });
      const waiting = feed.next();
      await feed.return!();
      expect(await waiting).toEqual({ value: undefined, done: true });
    });
  });
}

const onPostgres = process.env.TEST_DATABASE_URL ? describe : () => undefined;

onPostgres('live updates across gateway processes on PostgreSQL', () => {
  let one: OpenedStore;
  let other: OpenedStore;
  let elsewhere: OpenedStore;
  let oneLive: LiveUpdates;
  let otherLive: LiveUpdates;
  let elsewhereLive: LiveUpdates;
  beforeAll(async () => {
    one = await postgres.open();
    // a second process's store: the same schema through its own pool and LISTEN connection
    other = await postgres.open({ schema: one.schema });
    elsewhere = await postgres.open();
    [oneLive, otherLive, elsewhereLive] = await Promise.all([live(one.store), live(other.store), live(elsewhere.store)]);
  });
  afterAll(async () => {
    await Promise.all([oneLive, otherLive, elsewhereLive].map((l) => l.close()));
    await other.store.close();
    await Promise.all([one.dispose(), elsewhere.dispose()]);
  });

  it('hands an event appended through one store to the subscribers of another, and not to another schema', async () => {
    const here = oneLive.orderUpdates({}, ADMIN);
    const there = otherLive.orderUpdates({}, ADMIN);
    const apart = elsewhereLive.orderUpdates({}, ADMIN);
    const appended = event();
    await one.store.events.append(appended);
    expect(await nextWithin(there, 1_000)).toMatchObject({ supplierOrderId: appended.supplierOrderId });
    expect(await nextWithin(here, 1_000)).toMatchObject({ supplierOrderId: appended.supplierOrderId });
    expect(await nextWithin(apart, 300)).toBe('nothing');
    await Promise.all([here, there, apart].map((feed) => feed.return!()));
  });

  it('reads what was appended while its listening connection was lost, once it is back', async () => {
    const there = otherLive.orderUpdates({}, ADMIN);
    const here = oneLive.orderUpdates({}, ADMIN);
    const [terminated] = await one.store.database.query<{ count: string }>(
      `SELECT count(pg_terminate_backend(pid))::text AS count FROM pg_stat_activity WHERE application_name = $1`,
      [`supplygraph-listen:${one.schema}`],
    );
    expect(Number(terminated?.count)).toBe(2);
    // Appended while both listening connections are down: its NOTIFY reaches nobody.
    const missed = event();
    await one.store.events.append(missed);
    expect(await nextWithin(there, 3_000)).toMatchObject({ supplierOrderId: missed.supplierOrderId });
    expect(await nextWithin(here, 3_000)).toMatchObject({ supplierOrderId: missed.supplierOrderId });
    // Back to announcements, and nothing told twice.
    const after = event();
    await other.store.events.append(after);
    expect(await nextWithin(there, 1_000)).toMatchObject({ supplierOrderId: after.supplierOrderId });
    expect(await nextWithin(there, 300)).toBe('nothing');
    await Promise.all([here, there].map((feed) => feed.return!()));
  });

  it('carries a shipment update, money exact, to every process on the store', async () => {
    const hub = new LiveHub();
    const bus = await createNotifyBus(one.store.database, hub, () => {});
    const there = otherLive.shipmentUpdates({}, ADMIN);
    const shipment: ShipmentModel = {
      supplier: 'cenports',
      supplierShipmentId: 'S-1',
      supplierOrderId: 'A100',
      status: 'IN_TRANSIT',
      supplierStatus: 'in_transit',
      carrier: 'UPS',
      trackingNumber: '1Z999',
      trackingUrl: null,
      cost: moneyFromMinor(9_007_199_254_740_993n, 'USD'),
    };
    await bus.publishShipment({ shipment, previousStatus: 'PICKED_UP', source: 'POLLING', occurredAt: '2031-01-01T00:00:00.000Z' });
    const received = await nextWithin(there, 1_000);
    expect(received).toMatchObject({ previousStatus: 'PICKED_UP', shipment: { supplierShipmentId: 'S-1', cost: { minor: 9_007_199_254_740_993n } } });
    await there.return!();
    await bus.close();
  });

  it('lets one process at a time poll a supplier', async () => {
    let rounds = 0;
    const round = async () => {
      rounds += 1;
      await new Promise((resolve) => setTimeout(resolve, 300));
    };
    const options = { name: 'lock-test', intervalMs: 3_600_000, round, logError: () => {} };
    const pollers = [startPoller({ ...options, store: one.store }), startPoller({ ...options, store: other.store })];
    const outcomes = await Promise.all(pollers.map((poller) => poller.poll()));
    expect(outcomes.sort()).toEqual(['locked', 'ran']);
    expect(rounds).toBe(1);
    expect(await pollers[1]!.poll()).toBe('ran');
    await Promise.all(pollers.map((poller) => poller.stop()));
  });
});
