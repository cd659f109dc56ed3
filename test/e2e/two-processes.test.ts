import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayProcess, type GatewayProcess } from '../../bench/gateway-process.ts';
import { placementToken } from '../../src/orders/tokens.ts';
import { startSandboxes, type Sandboxes } from '../../src/sandbox/index.ts';
import { LIVE_TEST_ADMIN_KEY } from '../../src/sandbox/live-environment.ts';
import { cart, CREATE_ORDER } from '../support/carts.ts';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
// Defined only where a PostgreSQL is at hand (CI sets TEST_DATABASE_URL), so nothing shows as skipped.
const onPostgres = TEST_DATABASE_URL ? describe : () => undefined;

onPostgres('two gateway processes on one PostgreSQL', () => {
  let sandboxes: Sandboxes;
  let gateways: GatewayProcess[];
  beforeAll(async () => {
    sandboxes = await startSandboxes({ rateLimitMode: 'off' });
    const env = { DATABASE_URL: TEST_DATABASE_URL! };
    gateways = await Promise.all([startGatewayProcess(sandboxes, { env }), startGatewayProcess(sandboxes, { env })]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await sandboxes.close();
  });

  it('places one supplier order for 50 concurrent createOrder with one key spread over both', async () => {
    const input = cart(sandboxes, ['ORDERSAPI', 'PLEASURESTOCK']);
    const answers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const response = await fetch(gateways[i % 2]!.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${LIVE_TEST_ADMIN_KEY}` },
          body: JSON.stringify({ query: CREATE_ORDER, variables: { input } }),
        });
        return (await response.json()) as { data?: { createOrder: { orders: { id: string }[] } }; errors?: unknown[] };
      }),
    );
    const ids = new Set(answers.flatMap((a) => a.data?.createOrder.orders.map((o) => o.id) ?? []));
    expect(ids.size).toBe(2);
    expect(answers.filter((a) => a.data?.createOrder.orders.length === 2).length).toBe(50);
    const ordersapiToken = placementToken('live-test-admin', input.idempotencyKey, 'ordersapi');
    const pleasurestockToken = placementToken('live-test-admin', input.idempotencyKey, 'pleasurestock');
    expect(sandboxes.ordersapi.state.orders().filter((o) => o.customerReference === ordersapiToken)).toHaveLength(1);
    expect(sandboxes.pleasurestock.state.orders.filter((o) => o.externalOrderId === pleasurestockToken)).toHaveLength(1);
  }, 60_000);
});
