import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxedGateway, type GraphQLAnswer, type SandboxedGateway } from '../support/gateway.ts';

interface OrdersAnswer {
  orders: { nodes: { id: string }[] };
}

/**
 * A bounded load run on loopback: clients ask through the gateway for ten times what two suppliers
 * allow in their window, at a steady arrival rate (open loop: a slow answer does not slow the
 * arrivals). The sandboxes enforce a tenth of the documented limits (WhiteLabel 10 reads a minute,
 * Cenports 6 calls a minute); the gateway learns that from X-RateLimit-* on its first answers.
 */
describe('a load run at ten times the suppliers’ rate', () => {
  let gateway: SandboxedGateway;
  beforeAll(async () => {
    gateway = await startSandboxedGateway({ rateBudgets: true, sandbox: { rateLimitMode: { scale: 0.1 } } });
  });
  afterAll(() => gateway.close());

  it('earns no 429 from either supplier and loses no request: each gets data or a retryable error', async () => {
    const suppliers = [
      { code: 'WHITELABEL', sandbox: gateway.sandboxes.whitelabel, allowed: 10 },
      { code: 'CENPORTS', sandbox: gateway.sandboxes.cenports, allowed: 6 },
    ];
    // One call each first, so the gateway has seen the suppliers' real headers.
    for (const { code } of suppliers) await gateway.query(`{ orders(first: 1, filter: { suppliers: [${code}] }) { nodes { id } } }`);

    const pending: Promise<{ code: string; answer: GraphQLAnswer<OrdersAnswer> }>[] = [];
    const runMs = 3_000;
    const total = suppliers.reduce((n, s) => n + s.allowed * 10, 0);
    for (let i = 0; i < total; i++) {
      const { code } = suppliers[i % suppliers.length]!;
      // A different page size each time, so no answer comes from the gateway's short-lived caches.
      const query = `{ orders(first: ${1 + (i % 97)}, filter: { suppliers: [${code}] }) { nodes { id } } }`;
      pending.push(gateway.query<OrdersAnswer>(query).then((answer) => ({ code, answer })));
      await sleep(runMs / total);
    }
    const results = await Promise.all(pending);

    expect(results).toHaveLength(total);
    let served = 0;
    for (const { answer } of results) {
      expect(answer.status).toBe(200);
      const hasData = (answer.data?.orders.nodes.length ?? 0) > 0;
      const retryable = (answer.errors ?? []).every((e) => e.extensions?.code === 'SUPPLIER_UNAVAILABLE' && e.extensions.retryable === true);
      expect(hasData || (answer.errors !== undefined && retryable), JSON.stringify(answer)).toBe(true);
      if (hasData) served += 1;
    }
    for (const { sandbox } of suppliers) {
      const statuses = sandbox.stats.snapshot().byOperationStatus;
      const tooMany = Object.values(statuses).reduce((n, byStatus) => n + (byStatus['429'] ?? 0), 0);
      expect(tooMany).toBe(0);
    }
    console.info(`load run: ${total} requests in ${runMs} ms, ${served} served, ${total - served} turned away as retryable`);
    // Some of the load was served, and the budget turned the rest away before the suppliers did.
    expect(served).toBeGreaterThan(0);
    expect(served).toBeLessThan(total);
  }, 30_000);
});
