import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Starts the gateway exactly as `npm start` does, on a free port, and waits for its URL. */
async function startGatewayProcess(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', SUPPLYGRAPH_DATA_DIR: 'memory' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${output}`)), 25_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output };
}

describe('npm start', () => {
  let gateway: { child: ChildProcess; url: string; output: () => string };
  beforeAll(async () => {
    gateway = await startGatewayProcess();
  }, 30_000);
  afterAll(async () => {
    gateway.child.kill('SIGTERM');
    await once(gateway.child, 'exit');
  });

  it('says on its start line which suppliers it serves', () => {
    const line = gateway.output().split('\n').find((text) => text.includes('listening on'))!;
    expect(JSON.parse(line)).toMatchObject({ mode: 'sandbox', suppliers: ['centre', 'whitelabel', 'pleasurestock', 'ordersapi', 'cenports'], notServed: [] });
  });

  it('serves the five suppliers with their capabilities over GraphQL', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sg_test_reader' },
      body: JSON.stringify({ query: '{ suppliers { id code name capabilities rateLimits { scope limit windowSeconds } } }' }),
    });
    expect(response.status).toBe(200);
    const { data, errors } = (await response.json()) as {
      data: { suppliers: { id: string; code: string; name: string; capabilities: string[]; rateLimits: { limit: number }[] }[] };
      errors?: unknown;
    };
    expect(errors).toBeUndefined();
    expect(data.suppliers.map((s) => s.code)).toEqual(['CENTRE', 'WHITELABEL', 'PLEASURESTOCK', 'ORDERSAPI', 'CENPORTS']);
    const byCode = Object.fromEntries(data.suppliers.map((s) => [s.code, s]));
    expect(byCode.CENTRE!.capabilities).toEqual(['listProducts', 'getProducts', 'listOrders', 'getOrders', 'createOrder']);
    expect(byCode.PLEASURESTOCK!.capabilities).toEqual(expect.arrayContaining(['getProducts', 'listOrders']));
    expect(byCode.ORDERSAPI!.capabilities).not.toContain('cancelOrder');
    expect(byCode.CENPORTS!.rateLimits).toEqual([{ scope: 'all', limit: 60, windowSeconds: 60 }]);
    expect(new Set(data.suppliers.map((s) => s.id)).size).toBe(5);
  });

  it('answers one supplier by code, and null-free errors for an unknown code', async () => {
    const post = (query: string) =>
      fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sg_test_reader' }, body: JSON.stringify({ query }) });
    const found = (await (await post('{ supplier(code: WHITELABEL) { name } }')).json()) as { data: { supplier: { name: string } } };
    expect(found.data.supplier.name).toBe('WhiteLabel Peptides');
    const refused = await post('{ supplier(code: ACME) { name } }');
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toMatch(/ACME/);
  });

  it('answers /healthz and serves Prometheus metrics on /metrics', async () => {
    const origin = new URL(gateway.url).origin;
    const health = await fetch(`${origin}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const metrics = await (await fetch(`${origin}/metrics`)).text();
    expect(metrics).toContain('# TYPE supplygraph_upstream_requests_total counter');
  });
});
