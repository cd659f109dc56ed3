import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { openStore } from '../../src/store/open.ts';
import { SupplierRegistry } from '../../src/suppliers/registry.ts';
import { CREATE_ORDER, cart } from '../support/carts.ts';
import { postGraphQL, startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

type LogLine = Record<string, unknown>;

/** Every string anywhere in a credentials object (nested ones included). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

describe('logs, metrics and probes', () => {
  const lines: string[] = [];
  let gateway: SandboxedGateway;
  const parsed = () => lines.map((line) => JSON.parse(line) as LogLine);

  /** POSTs like gateway.query, but keeps the x-request-id header. */
  async function post(query: string, variables?: Record<string, unknown>) {
    const { headers, status: _status, ...body } = await postGraphQL(gateway.url, query, variables);
    return { requestId: headers.get('x-request-id'), ...body };
  }

  /** The log lines written while `work` ran. */
  async function linesDuring(work: () => Promise<unknown>): Promise<LogLine[]> {
    const before = lines.length;
    await work();
    return parsed().slice(before);
  }

  beforeAll(async () => {
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
    gateway = await startSandboxedGateway({ logger, rateBudgets: true });
  });
  afterAll(() => gateway.close());

  it('logs one JSON line per upstream call, each carrying the request id of the answer', async () => {
    let answer!: Awaited<ReturnType<typeof post>>;
    const logged = await linesDuring(async () => {
      answer = await post('{ orders(first: 10, filter: { suppliers: [WHITELABEL, ORDERSAPI, CENPORTS] }) { nodes { id } } }');
    });
    expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line.requestId).toBe(answer.requestId);
    const upstream = logged.filter((line) => line.msg === 'upstream call');
    expect(new Set(upstream.map((line) => line.supplier))).toEqual(new Set(['whitelabel', 'ordersapi', 'cenports']));
    for (const line of upstream) {
      expect(line).toMatchObject({ level: 'info', operation: expect.any(String), status: expect.any(String), durationMs: expect.any(Number) });
      expect(Number.isInteger(line.durationMs)).toBe(true);
    }
  });

  it('logs a failing supplier call with its status and the request id, and counts the error by code', async () => {
    gateway.sandboxes.pleasurestock.faults.set([{ kind: 'error', status: 503, operations: ['listOrders'] }]);
    let answer!: Awaited<ReturnType<typeof post>>;
    const logged = await linesDuring(async () => {
      answer = await post('{ orders(first: 5, filter: { suppliers: [PLEASURESTOCK, ORDERSAPI] }) { nodes { id } } }');
    });
    gateway.sandboxes.pleasurestock.faults.clear();
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'SUPPLIER_UNAVAILABLE', requestId: answer.requestId });
    for (const line of logged) expect(line.requestId).toBe(answer.requestId);
    expect(logged).toContainEqual(expect.objectContaining({ msg: 'upstream call', supplier: 'pleasurestock', operation: 'listOrders', status: '503' }));
    const metrics = await (await fetch(new URL('/metrics', gateway.url))).text();
    expect(metrics).toMatch(/^supplygraph_graphql_errors_total\{code="SUPPLIER_UNAVAILABLE"\} [1-9]/m);
    expect(metrics).toMatch(/^supplygraph_graphql_operations_total\{type="query",outcome="error"\} [1-9]/m);
  });

  it('logs an order placement with the request id on every line', async () => {
    let answer!: Awaited<ReturnType<typeof post>>;
    const logged = await linesDuring(async () => {
      answer = await post(CREATE_ORDER, { input: cart(gateway.sandboxes, ['ORDERSAPI', 'CENTRE']) });
    });
    expect(answer.errors).toBeUndefined();
    for (const line of logged) expect(line.requestId).toBe(answer.requestId);
    expect(logged).toContainEqual(expect.objectContaining({ msg: 'upstream call', supplier: 'ordersapi', operation: 'createOrder' }));
  });

  it('exposes upstream latency, breaker state, rate budget, cache hit ratio and operation counts on /metrics', async () => {
    for (let i = 0; i < 2; i += 1) await post('{ products(first: 5, filter: { suppliers: [WHITELABEL, PLEASURESTOCK] }) { nodes { id } } }');
    const response = await fetch(new URL('/metrics', gateway.url));
    expect(response.status).toBe(200);
    const metrics = await response.text();
    expect(metrics).toMatch(/^supplygraph_upstream_request_duration_seconds_bucket\{le="[^"]+",supplier="ordersapi",operation="listOrders",status="200"\} [1-9]/m);
    expect(metrics).toMatch(/^supplygraph_breaker_state\{supplier="pleasurestock"\} [012]$/m);
    expect(metrics).toMatch(/^supplygraph_rate_budget_remaining\{supplier="[a-z]+",scope="[^"]+"\} \d+/m);
    expect(metrics).toMatch(/^supplygraph_cache_hit_ratio\{cache="whitelabel\.catalog"\} (0\.\d+|1)$/m);
    expect(metrics).toMatch(/^supplygraph_graphql_operations_total\{type="query",outcome="ok"\} [1-9]/m);
    expect(metrics).toMatch(/^supplygraph_graphql_operations_total\{type="mutation",outcome="ok"\} [1-9]/m);
  });

  it('never writes an API key, a supplier credential or a bearer token to the log', () => {
    const secrets = [
      'sg_test_admin',
      ...[gateway.sandboxes.centre, gateway.sandboxes.whitelabel, gateway.sandboxes.pleasurestock, gateway.sandboxes.ordersapi, gateway.sandboxes.cenports].flatMap(
        (sandbox) => stringsIn(sandbox.credentials),
      ),
    ];
    expect(lines.length).toBeGreaterThan(10);
    const all = lines.join('');
    for (const secret of secrets) expect(all).not.toContain(secret);
    expect(all).not.toContain('Bearer');
  });

  it('answers /readyz and /healthz while the store is reachable', async () => {
    const ready = await fetch(new URL('/readyz', gateway.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const live = await fetch(new URL('/healthz', gateway.url));
    expect(await live.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 503 without detail once the store is gone', async () => {
    const store = await openStore({ dataDir: 'memory' });
    const orders = { suppliers: new SupplierRegistry([]), store, owner: 'readyz-test', leaseMs: 15_000, now: Date.now };
    const failures: unknown[] = [];
    const lonely = await createGateway({ orders, playground: false, logError: (error) => failures.push(error) });
    const url = await lonely.listen(0, '127.0.0.1');
    try {
      expect((await fetch(new URL('/readyz', url))).status).toBe(200);
      await store.close();
      const answer = await fetch(new URL('/readyz', url));
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual({ status: 'unavailable' });
      expect(failures).toHaveLength(1);
    } finally {
      await lonely.close();
    }
  });

  it('writes every log line as one JSON object', () => {
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
