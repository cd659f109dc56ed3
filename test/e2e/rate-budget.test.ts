import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

describe('client-side rate budgets', () => {
  let gateway: SandboxedGateway;
  beforeAll(async () => {
    // Cenports at a tenth of its documented 60 a minute: the gateway learns the real limit from
    // the X-RateLimit headers of its first answers.
    gateway = await startSandboxedGateway({ rateBudgets: true, sandbox: { rateLimitMode: { scale: 0.1 } } });
  });
  afterAll(() => gateway.close());

  it('asks for more than the supplier allows: the supplier never answers 429 and every request gets data or a retryable error', async () => {
    const answers = [];
    for (let i = 0; i < 15; i++) {
      answers.push(await gateway.query<{ orders: { nodes: unknown[] } }>('{ orders(first: 5, filter: { suppliers: [CENPORTS] }) { nodes { id shipments { id } } } }'));
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    const statuses = gateway.sandboxes.cenports.stats.snapshot().byOperationStatus;
    const tooMany = Object.values(statuses).reduce((n, byStatus) => n + (byStatus['429'] ?? 0), 0);
    expect(tooMany).toBe(0);
    for (const answer of answers) {
      const served = (answer.data?.orders.nodes.length ?? 0) > 0;
      const retryable = answer.errors?.every((e) => e.extensions?.code === 'SUPPLIER_UNAVAILABLE' && e.extensions.retryable === true) ?? false;
      expect(served || retryable).toBe(true);
    }
    expect(answers.some((a) => (a.data?.orders.nodes.length ?? 0) > 0)).toBe(true);
    // The budget, not the supplier, turned the excess away.
    expect(answers.some((a) => a.errors?.some((e) => /rate budget/.test(e.message)))).toBe(true);
  });
});
