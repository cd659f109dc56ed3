import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';
import { eventually } from '../support/eventually.ts';

type UserErrors = { code: string; message: string; field: string[] | null }[];

const CENPORTS_ORDERS = `{ orders(first: 50, filter: { suppliers: [CENPORTS] }) { nodes { id supplierOrderId acknowledged } } }`;
const CENPORTS_SHIPMENTS = `query ($acknowledged: Boolean) {
  shipments(first: 100, filter: { suppliers: [CENPORTS], acknowledged: $acknowledged }) { nodes { id acknowledged order { supplierOrderId } } }
}`;
const TRACKING_UPDATES = '{ trackingUpdates { order { id supplierOrderId } trackingNumber } }';

describe('acknowledgements change what the supplier answers afterwards', () => {
  let gateway: SandboxedGateway;
  beforeAll(async () => {
    gateway = await startSandboxedGateway();
  });
  afterAll(() => gateway.close());

  it('acknowledgeOrders marks a Cenports order acknowledged, at the supplier and in what the gateway reads back', async () => {
    const before = await gateway.query<{ orders: { nodes: { id: string; supplierOrderId: string; acknowledged: boolean }[] } }>(CENPORTS_ORDERS);
    const target = before.data!.orders.nodes.find((o) => o.acknowledged === false)!;
    expect(target).toBeDefined();

    const { data } = await gateway.query<{ acknowledgeOrders: { orders: { id: string; acknowledged: boolean }[]; userErrors: UserErrors } }>(
      'mutation ($ids: [ID!]!) { acknowledgeOrders(input: { orderIds: $ids }) { orders { id acknowledged } userErrors { code message field } } }',
      { ids: [target.id] },
    );
    expect(data!.acknowledgeOrders.userErrors).toEqual([]);
    expect(data!.acknowledgeOrders.orders).toEqual([{ id: target.id, acknowledged: true }]);
    expect(gateway.sandboxes.cenports.state.ordersNumbered(target.supplierOrderId).every((o) => o.acknowledged)).toBe(true);

    const read = await gateway.query<{ node: { acknowledged: boolean } }>('query ($id: ID!) { node(id: $id) { ... on Order { acknowledged } } }', { id: target.id });
    expect(read.data!.node.acknowledged).toBe(true);
  });

  it('acknowledgeShipments submits a transaction, after which the shipment is no longer among the unacknowledged', async () => {
    type Shipments = { shipments: { nodes: { id: string; acknowledged: boolean; order: { supplierOrderId: string } | null }[] } };
    const open = await gateway.query<Shipments>(CENPORTS_SHIPMENTS, { acknowledged: false });
    const target = open.data!.shipments.nodes.find((s) => s.order !== null)!;
    expect(target).toMatchObject({ acknowledged: false });

    const { data } = await gateway.query<{ acknowledgeShipments: { transaction: { id: string; kind: string; status: string } | null; userErrors: UserErrors } }>(
      'mutation ($ids: [ID!]!) { acknowledgeShipments(input: { shipmentIds: $ids }) { transaction { id kind status } userErrors { code message field } } }',
      { ids: [target.id] },
    );
    expect(data!.acknowledgeShipments.userErrors).toEqual([]);
    const transaction = data!.acknowledgeShipments.transaction!;
    expect(transaction.kind).toBe('acknowledgeShipments');

    // The gateway follows the transaction; the supplier applies the acknowledgement when it completes.
    const followed = await eventually(
      async () => (await gateway.query<{ node: { status: string } }>('query ($id: ID!) { node(id: $id) { ... on Transaction { status } } }', { id: transaction.id })).data!.node,
      (node) => node.status === 'COMPLETED' || node.status === 'FAILED',
    );
    expect(followed.status).toBe('COMPLETED');
    const stillOpen = await gateway.query<Shipments>(CENPORTS_SHIPMENTS, { acknowledged: false });
    expect(stillOpen.data!.shipments.nodes.map((s) => s.id)).not.toContain(target.id);
    const acknowledged = await gateway.query<Shipments>(CENPORTS_SHIPMENTS, { acknowledged: true });
    expect(acknowledged.data!.shipments.nodes.find((s) => s.id === target.id)).toMatchObject({ acknowledged: true });
  });

  it('acknowledgeTrackingUpdates takes the order off WhiteLabel\'s pending tracking list', async () => {
    type Updates = { trackingUpdates: { order: { id: string; supplierOrderId: string }; trackingNumber: string | null }[] };
    const pending = await gateway.query<Updates>(TRACKING_UPDATES);
    const target = pending.data!.trackingUpdates[0]!;
    expect(target).toBeDefined();
    expect(gateway.sandboxes.whitelabel.state.findOrder(target.order.supplierOrderId)?.trackingPending).toBe(true);

    const { data } = await gateway.query<{ acknowledgeTrackingUpdates: { acknowledgedCount: number; userErrors: UserErrors } }>(
      'mutation ($ids: [ID!]!) { acknowledgeTrackingUpdates(input: { orderIds: $ids }) { acknowledgedCount userErrors { code message field } } }',
      { ids: [target.order.id] },
    );
    expect(data!.acknowledgeTrackingUpdates).toEqual({ acknowledgedCount: 1, userErrors: [] });
    expect(gateway.sandboxes.whitelabel.state.findOrder(target.order.supplierOrderId)?.trackingPending).toBe(false);
    const after = await gateway.query<Updates>(TRACKING_UPDATES);
    expect(after.data!.trackingUpdates.map((u) => u.order.id)).not.toContain(target.order.id);
  });
});
