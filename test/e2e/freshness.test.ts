import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/domain/global-id.ts';
import { changeStatus } from '../../src/sandbox/pleasurestock/orders.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

/** The gateway's promise: orders and wallets are never served staler than this. */
const STALE_AT_MOST_MS = 2_000;
/** A little past it, for timers on a loaded machine. */
const PAST_STALENESS_MS = STALE_AT_MOST_MS + 300;

const WALLETS = '{ wallets { supplier { code } balance { amount currencyCode } } }';
const ORDER_STATUS = 'query ($id: ID!) { node(id: $id) { ... on Order { supplierStatus status } } }';
const ORDER_PAGE = '{ orders(first: 100, filter: { suppliers: [PLEASURESTOCK] }) { nodes { supplierOrderId supplierStatus } } }';

describe('freshness: orders and wallets changed at the supplier', () => {
  let gateway: SandboxedGateway;

  beforeAll(async () => {
    gateway = await startSandboxedGateway();
  });
  afterAll(() => gateway?.close());

  it('shows a WhiteLabel wallet top-up within two seconds', async () => {
    const balance = async () => {
      const answer = await gateway.query<{ wallets: { supplier: { code: string }; balance: { amount: string } }[] }>(WALLETS);
      return answer.data!.wallets.find((w) => w.supplier.code === 'WHITELABEL')!.balance.amount;
    };
    const before = await balance();
    const wallet = gateway.sandboxes.whitelabel.state.wallet;
    wallet.balanceCents += 12_345;
    const changedAt = performance.now();
    await sleep(PAST_STALENESS_MS);
    const after = await balance();
    expect(performance.now() - changedAt).toBeGreaterThanOrEqual(STALE_AT_MOST_MS);
    // exact cents: 123.45 more than before, with no float in the way
    expect(BigInt(after.replace('.', '')) - BigInt(before.replace('.', ''))).toBe(12_345n);
  });

  it('shows a PleasureStock order cancelled at the supplier within two seconds, by id and in lists', async () => {
    const { state } = gateway.sandboxes.pleasurestock;
    type Page = { orders: { nodes: { supplierOrderId: string; supplierStatus: string }[] } };
    const listedFirst = await gateway.query<Page>(ORDER_PAGE);
    const orderNumber = listedFirst.data!.orders.nodes.find((o) => o.supplierStatus === 'created')!.supplierOrderId;
    const id = encodeGlobalId({ type: 'Order', supplier: 'pleasurestock', nativeId: orderNumber });
    const first = await gateway.query<{ node: { supplierStatus: string } }>(ORDER_STATUS, { id });
    expect(first.data!.node.supplierStatus).toBe('created');

    changeStatus(state, orderNumber, 'cancelled', {}, Date.now());
    await sleep(PAST_STALENESS_MS);

    const byId = await gateway.query<{ node: { supplierStatus: string; status: string } }>(ORDER_STATUS, { id });
    expect(byId.data!.node).toEqual({ supplierStatus: 'cancelled', status: 'CANCELLED' });
    const listed = await gateway.query<Page>(ORDER_PAGE);
    expect(listed.data!.orders.nodes.find((o) => o.supplierOrderId === orderNumber)?.supplierStatus).toBe('cancelled');
  });

  it('shows a WhiteLabel order status changed at the supplier within two seconds', async () => {
    const list = '{ orders(first: 100, filter: { suppliers: [WHITELABEL] }) { nodes { supplierOrderId supplierStatus } } }';
    const statusOf = async (supplierOrderId: string) => {
      const page = await gateway.query<{ orders: { nodes: { supplierOrderId: string; supplierStatus: string }[] } }>(list);
      return page.data!.orders.nodes.find((o) => o.supplierOrderId === supplierOrderId)?.supplierStatus;
    };
    const first = await gateway.query<{ orders: { nodes: { supplierOrderId: string; supplierStatus: string }[] } }>(list);
    const shown = first.data!.orders.nodes.find((o) => o.supplierStatus !== 'CANCELLED')!;
    const order = gateway.sandboxes.whitelabel.state.orders().find((o) => o.id === shown.supplierOrderId)!;
    expect(order.status).toBe(shown.supplierStatus);

    order.status = 'CANCELLED';
    await sleep(PAST_STALENESS_MS);
    expect(await statusOf(order.id)).toBe('CANCELLED');
  });
});
