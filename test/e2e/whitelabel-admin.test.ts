import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cart, CREATE_ORDER } from '../support/carts.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

const WALLET = '{ wallets { balance { minorUnits } reserved { minorUnits } available { minorUnits } } }';
type Wallets = { wallets: { balance: { minorUnits: number }; reserved: { minorUnits: number }; available: { minorUnits: number } }[] };
const pause = () => new Promise((resolve) => setTimeout(resolve, 2_100)); // wallets are never staler than 2 s

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
});
