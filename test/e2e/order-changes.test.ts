import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cart, CREATE_ORDER, freshKey } from '../support/carts.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

const UPDATE = `mutation ($input: UpdateOrderStatusInput!) {
  updateOrderStatus(input: $input) { order { id status supplierStatus events { status supplierStatus source } } userErrors { field code message } }
}`;
const CANCEL = `mutation ($input: CancelOrderInput!) {
  cancelOrder(input: $input) { order { id status supplierStatus } userErrors { field code message } }
}`;

interface Change {
  order: { id: string; status: string; supplierStatus: string; events?: { status: string; source: string }[] } | null;
  userErrors: { field: string[] | null; code: string; message: string }[];
}

describe('cancelOrder and updateOrderStatus over HTTP', () => {
  let gateway: SandboxedGateway;
  const place = async (supplier: 'PLEASURESTOCK' | 'ORDERSAPI' | 'WHITELABEL') => {
    const { data } = await gateway.query<{ createOrder: { orders: { id: string }[] } }>(CREATE_ORDER, { input: cart(gateway.sandboxes, [supplier]) });
    return data!.createOrder.orders[0]!.id;
  };
  beforeAll(async () => {
    gateway = await startSandboxedGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.resetSandboxes());

  it('moves a PleasureStock order along its lifecycle and records each step as an event', async () => {
    const orderId = await place('PLEASURESTOCK');
    const paid = await gateway.query<{ updateOrderStatus: Change }>(UPDATE, { input: { orderId, status: 'PAID', comment: 'wire received' } });
    expect(paid.data!.updateOrderStatus.userErrors).toEqual([]);
    expect(paid.data!.updateOrderStatus.order).toMatchObject({ status: 'PAID', supplierStatus: 'paid' });
    const shipped = await gateway.query<{ updateOrderStatus: Change }>(UPDATE, { input: { orderId, status: 'SHIPPED' } });
    expect(shipped.data!.updateOrderStatus.order!.events!.map((e) => `${e.source}:${e.status}`)).toEqual([
      'MUTATION:AWAITING_PAYMENT',
      'MUTATION:PAID',
      'MUTATION:SHIPPED',
    ]);
  });

  it('refuses a transition PleasureStock does not allow, and changes nothing', async () => {
    const orderId = await place('PLEASURESTOCK');
    const refused = await gateway.query<{ updateOrderStatus: Change }>(UPDATE, { input: { orderId, status: 'DELIVERED' } });
    expect(refused.data!.updateOrderStatus.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
    const read = await gateway.query<{ node: { status: string } }>('query ($id: ID!) { node(id: $id) { ... on Order { status } } }', { id: orderId });
    expect(read.data!.node.status).toBe('AWAITING_PAYMENT');
  });

  it('cancels once under a key: the replay answers without calling the supplier again', async () => {
    const orderId = await place('PLEASURESTOCK');
    const input = { orderId, reason: 'customer changed their mind', idempotencyKey: freshKey('cancel') };
    const first = await gateway.query<{ cancelOrder: Change }>(CANCEL, { input });
    expect(first.data!.cancelOrder.order).toMatchObject({ status: 'CANCELLED' });
    const calls = gateway.sandboxes.pleasurestock.stats.count('updateOrderStatus');
    const again = await gateway.query<{ cancelOrder: Change }>(CANCEL, { input });
    expect(again.data!.cancelOrder).toMatchObject({ order: { id: orderId, status: 'CANCELLED' }, userErrors: [] });
    expect(gateway.sandboxes.pleasurestock.stats.count('updateOrderStatus')).toBe(calls);
  });

  it('answers UNSUPPORTED_BY_SUPPLIER for a supplier that cannot cancel, and calls nothing', async () => {
    const orderId = await place('ORDERSAPI');
    gateway.resetSandboxes();
    const { data } = await gateway.query<{ cancelOrder: Change }>(CANCEL, { input: { orderId } });
    expect(data!.cancelOrder.userErrors).toEqual([expect.objectContaining({ code: 'UNSUPPORTED_BY_SUPPLIER', field: ['input', 'orderId'] })]);
    expect(gateway.upstreamCalls().ordersapi).toBe(0);
  });

  it('answers NOT_FOUND for an id that is not an order', async () => {
    const { data } = await gateway.query<{ cancelOrder: Change }>(CANCEL, { input: { orderId: 'bm9wZQ' } });
    expect(data!.cancelOrder.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'orderId'] })]);
  });
});
