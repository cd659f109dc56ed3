import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeGlobalId, encodeGlobalId } from '../../src/domain/global-id.ts';
import { cart, CREATE_ORDER, freshKey } from '../support/carts.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

const WALLET = '{ wallets { balance { minorUnits } reserved { minorUnits } available { minorUnits } } }';
type Wallets = { wallets: { balance: { minorUnits: number }; reserved: { minorUnits: number }; available: { minorUnits: number } }[] };
const pause = () => new Promise((resolve) => setTimeout(resolve, 2_100)); // wallets are never staler than 2 s

const CREATE_SHIPMENT = `mutation ($input: CreateShipmentInput!) {
  createShipment(input: $input) { shipment { id status trackingNumber } userErrors { field code message } }
}`;
const MARK_SHIPPED = `mutation ($input: MarkShipmentShippedInput!) {
  markShipmentShipped(input: $input) { shipment { id status trackingNumber } userErrors { field code message } }
}`;
const UPDATE = `mutation ($input: UpdateOrderStatusInput!) {
  updateOrderStatus(input: $input) { order { id status supplierStatus shipments { status } } userErrors { field code message } }
}`;
interface ShipmentPayload {
  shipment: { id: string; status: string; trackingNumber: string | null } | null;
  userErrors: { field: string[] | null; code: string; message: string }[];
}

describe('WhiteLabel wallet, cancellation and shipment admin over HTTP', () => {
  let gateway: SandboxedGateway;
  const place = async () => {
    const { data } = await gateway.query<{ createOrder: { orders: { id: string; total: { amount: string } }[] } }>(CREATE_ORDER, {
      input: cart(gateway.sandboxes, ['WHITELABEL']),
    });
    return data!.createOrder.orders[0]!.id;
  };
  beforeAll(async () => {
    gateway = await startSandboxedGateway();
  });
  afterAll(() => gateway.close());

  it('reserves on placement and refunds the reservation to the wallet on cancel', async () => {
    const before = (await gateway.query<Wallets>(WALLET)).data!.wallets[0]!;
    const orderId = await place();
    await pause();
    const reserved = (await gateway.query<Wallets>(WALLET)).data!.wallets[0]!;
    expect(reserved.reserved.minorUnits).toBeGreaterThan(before.reserved.minorUnits);
    const cancel = await gateway.query<{ cancelOrder: { order: { status: string; supplierStatus: string }; userErrors: unknown[] } }>(
      'mutation ($id: ID!) { cancelOrder(input: { orderId: $id, reason: "duplicate" }) { order { status supplierStatus } userErrors { code } } }',
      { id: orderId },
    );
    expect(cancel.data!.cancelOrder.userErrors).toEqual([]);
    expect(['CANCELLED', 'REFUNDED']).toContain(cancel.data!.cancelOrder.order.status);
    await pause();
    const after = (await gateway.query<Wallets>(WALLET)).data!.wallets[0]!;
    expect(after.reserved.minorUnits).toBe(before.reserved.minorUnits);
    expect(after.balance.minorUnits).toBe(before.balance.minorUnits);
  });

  it('creates a shipment and marks it shipped with the admin credential', async () => {
    const orderId = await place();
    const created = await gateway.query<{ createShipment: { shipment: { id: string; status: string } | null; userErrors: unknown[] } }>(
      'mutation ($id: ID!) { createShipment(input: { orderId: $id, carrier: "usps", service: "usps_priority_mail", weightOz: 16 }) { shipment { id status } userErrors { code message } } }',
      { id: orderId },
    );
    expect(created.data!.createShipment.userErrors).toEqual([]);
    expect(created.data!.createShipment.shipment!.status).toBe('LABEL_CREATED');
    const shipped = await gateway.query<{ markShipmentShipped: { shipment: { status: string; trackingNumber: string } | null; userErrors: unknown[] } }>(
      'mutation ($id: ID!) { markShipmentShipped(input: { shipmentId: $id, trackingNumber: "9400111899223100000001" }) { shipment { status trackingNumber } userErrors { code message } } }',
      { id: created.data!.createShipment.shipment!.id },
    );
    expect(shipped.data!.markShipmentShipped.userErrors).toEqual([]);
    expect(shipped.data!.markShipmentShipped.shipment).toMatchObject({ status: 'IN_TRANSIT', trackingNumber: '9400111899223100000001' });
    const order = await gateway.query<{ node: { status: string; shipments: { status: string }[] } }>(
      'query ($id: ID!) { node(id: $id) { ... on Order { status shipments { status } } } }',
      { id: orderId },
    );
    expect(order.data!.node.status).toBe('SHIPPED');
    expect(order.data!.node.shipments.map((s) => s.status)).toContain('IN_TRANSIT');
  });
  const wl = () => gateway.sandboxes.whitelabel;
  const nativeOf = (globalId: string) => decodeGlobalId(globalId)!.nativeId;
  const createShipment = (input: Record<string, unknown>) => gateway.query<{ createShipment: ShipmentPayload }>(CREATE_SHIPMENT, { input });
  const markShipped = (input: Record<string, unknown>) => gateway.query<{ markShipmentShipped: ShipmentPayload }>(MARK_SHIPPED, { input });
  const update = (input: Record<string, unknown>) =>
    gateway.query<{ updateOrderStatus: { order: { status: string; shipments: { status: string }[] } | null; userErrors: { code: string }[] } }>(UPDATE, { input });

  it('ships an order through updateOrderStatus SHIPPED by marking its labelled shipment shipped, once', async () => {
    const orderId = await place();
    const label = await createShipment({ orderId, carrier: 'usps', service: 'usps_priority_mail' });
    expect(label.data!.createShipment.userErrors).toEqual([]);
    wl().stats.reset();
    const shipped = await update({ orderId, status: 'SHIPPED', comment: 'out the door' });
    expect(shipped.data!.updateOrderStatus).toEqual({ order: expect.objectContaining({ status: 'SHIPPED', supplierStatus: 'SHIPPED' }), userErrors: [] });
    expect(shipped.data!.updateOrderStatus.order!.shipments.map((s) => s.status)).toEqual(['IN_TRANSIT']);
    const sandboxOrder = wl().state.findOrder(nativeOf(orderId))!;
    expect(sandboxOrder.shipments[0]!.trackingNumber).toBe(label.data!.createShipment.shipment!.trackingNumber);
    // Asking again is a success with no second settlement.
    const again = await update({ orderId, status: 'SHIPPED' });
    expect(again.data!.updateOrderStatus).toMatchObject({ order: { status: 'SHIPPED' }, userErrors: [] });
    expect(wl().stats.count('markShipmentShipped')).toBe(1);
  });

  it('refuses SHIPPED for an order without a labelled shipment, and any status WhiteLabel moves itself, calling no shipment admin', async () => {
    const orderId = await place();
    wl().stats.reset();
    const unlabelled = await update({ orderId, status: 'SHIPPED' });
    expect(unlabelled.data!.updateOrderStatus).toEqual({ order: null, userErrors: [expect.objectContaining({ code: 'INVALID_TRANSITION' })] });
    const delivered = await update({ orderId, status: 'DELIVERED' });
    expect(delivered.data!.updateOrderStatus).toEqual({ order: null, userErrors: [expect.objectContaining({ code: 'UNSUPPORTED_BY_SUPPLIER' })] });
    expect(wl().stats.count('markShipmentShipped') + wl().stats.count('createShipment')).toBe(0);
    expect(wl().state.findOrder(nativeOf(orderId))!.status).toBe('FUNDED');
  });

  it('replays createShipment and markShipmentShipped under their keys with no call, and refuses a key reused with another input', async () => {
    const orderId = await place();
    const create = { orderId, carrier: 'usps', service: 'usps_priority_mail', weightOz: 16, idempotencyKey: freshKey('ship') };
    const first = await createShipment(create);
    expect(first.data!.createShipment.userErrors).toEqual([]);
    const shipmentId = first.data!.createShipment.shipment!.id;
    const mark = { shipmentId, trackingNumber: '9400111899223100000002', idempotencyKey: freshKey('mark') };
    const marked = await markShipped(mark);
    expect(marked.data!.markShipmentShipped).toMatchObject({ shipment: { status: 'IN_TRANSIT' }, userErrors: [] });
    const balance = wl().state.wallet.balanceCents;

    wl().stats.reset();
    expect((await createShipment(create)).data!.createShipment).toEqual(first.data!.createShipment);
    expect((await markShipped(mark)).data!.markShipmentShipped).toEqual(marked.data!.markShipmentShipped);
    const reusedCreate = await createShipment({ ...create, carrier: 'ups' });
    const reusedMark = await markShipped({ ...mark, trackingNumber: '9400111899223100000003' });
    for (const payload of [reusedCreate.data!.createShipment, reusedMark.data!.markShipmentShipped]) {
      expect(payload).toEqual({ shipment: null, userErrors: [expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] })] });
    }
    expect(wl().stats.count(), 'no call to WhiteLabel').toBe(0);
    expect(wl().state.wallet.balanceCents, 'the wallet was settled once').toBe(balance);
  });

  it('answers a retried createShipment whose answer was lost with the shipment it made, and makes no second', async () => {
    const orderId = await place();
    wl().faults.set([{ kind: 'resetAfterWrite', operations: ['createShipment'], times: 1 }]);
    const input = { orderId, carrier: 'usps', service: 'usps_priority_mail', idempotencyKey: freshKey('lost-ship') };
    const first = await createShipment(input);
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'SUPPLIER_UNAVAILABLE', retryable: true });
    const retry = await createShipment(input);
    const shipments = wl().state.findOrder(nativeOf(orderId))!.shipments;
    expect(shipments).toHaveLength(1);
    expect(retry.data!.createShipment).toEqual({
      shipment: expect.objectContaining({ status: 'LABEL_CREATED', trackingNumber: shipments[0]!.trackingNumber }),
      userErrors: [],
    });
    wl().faults.clear();
  });

  it('answers a retried markShipmentShipped whose answer was lost with the shipment on its way, settling the wallet once', async () => {
    const orderId = await place();
    const label = await createShipment({ orderId, carrier: 'usps', service: 'usps_priority_mail' });
    const shipmentId = label.data!.createShipment.shipment!.id;
    wl().stats.reset();
    wl().faults.set([{ kind: 'resetAfterWrite', operations: ['markShipmentShipped'], times: 1 }]);
    const input = { shipmentId, trackingNumber: '9400111899223100000004', idempotencyKey: freshKey('lost-mark') };
    expect((await markShipped(input)).errors?.[0]?.extensions).toMatchObject({ code: 'SUPPLIER_UNAVAILABLE' });
    const balance = wl().state.wallet.balanceCents;
    const retry = await markShipped(input);
    expect(retry.data!.markShipmentShipped).toEqual({
      shipment: expect.objectContaining({ id: shipmentId, status: 'IN_TRANSIT', trackingNumber: '9400111899223100000004' }),
      userErrors: [],
    });
    expect(wl().stats.snapshot().byOperationStatus.markShipmentShipped?.[200] ?? 0, 'no second settlement').toBe(0);
    expect(wl().state.wallet.balanceCents).toBe(balance);
    wl().faults.clear();
  });
});

describe('WhiteLabel shipment admin at a merchant with no ops credential', () => {
  let merchant: SandboxedGateway;
  beforeAll(async () => {
    merchant = await startSandboxedGateway({ whitelabelOps: false });
  });
  afterAll(() => merchant.close());

  it('answers FORBIDDEN to createShipment, markShipmentShipped and SHIPPED, sending nothing and changing nothing', async () => {
    const wl = merchant.sandboxes.whitelabel;
    // A seeded order with a labelled shipment: the one thing SHIPPED needs besides the credential.
    const labelled = wl.state.orders().find((o) => o.shipments.some((s) => s.status === 'LABEL_CREATED' && s.trackingNumber))!;
    expect(labelled).toBeDefined();
    const orderId = encodeGlobalId({ type: 'Order', supplier: 'whitelabel', nativeId: labelled.id });
    const read = await merchant.query<{ node: { shipments: { id: string; status: string }[] } }>('query ($id: ID!) { node(id: $id) { ... on Order { shipments { id status } } } }', { id: orderId });
    const shipmentId = read.data!.node.shipments.find((s) => s.status === 'LABEL_CREATED')!.id;
    const before = JSON.stringify(wl.state.findOrder(labelled.id));
    wl.stats.reset();

    const forbidden = [expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('ops') })];
    const label = await merchant.query<{ createShipment: ShipmentPayload }>(CREATE_SHIPMENT, { input: { orderId, carrier: 'usps', service: 'usps_priority_mail' } });
    expect(label.data!.createShipment).toEqual({ shipment: null, userErrors: forbidden });
    const mark = await merchant.query<{ markShipmentShipped: ShipmentPayload }>(MARK_SHIPPED, { input: { shipmentId, trackingNumber: '9400111899223100000099' } });
    expect(mark.data!.markShipmentShipped).toEqual({ shipment: null, userErrors: forbidden });
    const shipped = await merchant.query<{ updateOrderStatus: { order: unknown; userErrors: unknown[] } }>(UPDATE, { input: { orderId, status: 'SHIPPED' } });
    expect(shipped.data!.updateOrderStatus).toEqual({ order: null, userErrors: forbidden });

    expect(wl.stats.count('createShipment') + wl.stats.count('markShipmentShipped')).toBe(0);
    expect(JSON.stringify(wl.state.findOrder(labelled.id))).toBe(before);
  });
});
