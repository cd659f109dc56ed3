import { mkdirSync, writeFileSync } from 'node:fs';
import { setTimeout } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { startSandboxes, type Sandboxes } from '../src/sandbox/index.ts';
import { LIVE_TEST_ADMIN_KEY } from '../src/sandbox/live-environment.ts';
import { longestCallChain } from './call-chain.ts';
import { startGatewayProcess } from './gateway-process.ts';

/**
 * `npm run bench`: the sandboxes with a fixed added latency per call, the gateway in its own
 * process on them, and each scenario measured for upstream calls, latency and throughput.
 */
const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '20' },
    iterations: { type: 'string', default: '40' },
    // writes the gateway process's CPU profile (.cpuprofile) into this folder
    profile: { type: 'string' },
    // runs only the scenarios whose name contains this text
    only: { type: 'string' },
  },
});
const latencyMs = Number(values.latency);
const iterations = Number(values.iterations);

interface Scenario {
  name: string;
  query: string;
  variables?: (s: Sandboxes) => Record<string, unknown>;
}

const ORDER = `id status supplierStatus createdAt total { amount currencyCode }
  lines { sku quantity unitPrice { amount } product { id name price { amount currencyCode } } }
  shipments { status carrier trackingNumber }`;

let cartNumber = 0;
const CREATE_ORDER = `mutation ($input: CreateOrderInput!) { createOrder(input: $input) {
  orders { id supplier { code } status total { amount currencyCode } } userErrors { code field } } }`;

/** A three-supplier cart under a key no earlier run used. */
function threeSupplierCart(s: Sandboxes): Record<string, unknown> {
  const key = `bench-${process.pid}-${++cartNumber}`;
  const address = { firstName: 'Ada', lastName: 'Lovelace', address1: '1 Analytical Way', city: 'Los Angeles', state: 'CA', postalCode: '90001', country: 'US' };
  return {
    input: {
      idempotencyKey: key,
      externalReference: key,
      customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
      shippingAddress: address,
      lines: [
        { supplier: 'CENTRE', sku: s.centre.priceList.find((p) => p.priceCents !== null)!.sku, quantity: 1 },
        { supplier: 'PLEASURESTOCK', sku: s.pleasurestock.state.products.find((p) => p.priceCents !== null)!.sku, quantity: 2 },
        { supplier: 'ORDERSAPI', sku: 'BR-4001', quantity: 1 },
      ],
    },
  };
}

const scenarios: Scenario[] = [
  {
    name: 'catalog page of 50 products',
    query: '{ products(first: 50, filter: { suppliers: [PLEASURESTOCK] }) { nodes { id sku name price { amount currencyCode } } pageInfo { endCursor } } }',
  },
  {
    name: '100 orders across suppliers with lines, products and shipments',
    query: `{ orders(first: 100) { nodes { ${ORDER} } } }`,
  },
  {
    name: 'one order by id',
    query: `query ($id: ID!) { node(id: $id) { ... on Order { ${ORDER} } } }`,
    variables: (s) => ({ id: Buffer.from(`Order:cenports:${s.cenports.state.orders.find((o) => o.channelId === s.cenports.credentials.channelId)!.orderNo}`).toString('base64url') }),
  },
  {
    name: 'createOrder, three-supplier cart',
    query: CREATE_ORDER,
    variables: threeSupplierCart,
  },
];

/** Longer than any supplier's order cache (each adapter caps its own at 2 s). */
const ORDER_CACHE_LAPSE_MS = 2_100;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  // Latency is injected as a fault, so the same warm gateway can be timed with and without it.
  const sandboxes = await startSandboxes({ rateLimitMode: 'off' });
  const all = [sandboxes.centre, sandboxes.whitelabel, sandboxes.pleasurestock, sandboxes.ordersapi, sandboxes.cenports];
  const setLatency = (ms: number) => all.forEach((s) => (ms > 0 ? s.faults.set([{ kind: 'latency', ms }]) : s.faults.clear()));
  const resetStats = () => all.forEach((s) => s.stats.reset());
  const upstreamCalls = () => all.reduce((sum, s) => sum + s.stats.count(), 0);
  /** Sequential requests; each one's duration and the upstream calls made while it ran. */
  const timeSequential = async (scenario: Scenario): Promise<{ times: number[]; trips: number[]; ownTimes: number[] }> => {
    const windows: { startMs: number; endMs: number }[] = [];
    resetStats();
    for (let i = 0; i < iterations; i++) {
      const startMs = performance.now();
      await post(scenario);
      windows.push({ startMs, endMs: performance.now() });
    }
    const spans = all.flatMap((s) => s.stats.spans());
    const chains = windows.map((w) => longestCallChain(spans.filter((span) => span.startMs >= w.startMs && span.endMs <= w.endMs)));
    const sorted = (values: number[]) => values.sort((a, b) => a - b);
    return {
      times: sorted(windows.map((w) => w.endMs - w.startMs)),
      trips: sorted(chains.map((c) => c.trips)),
      // what each request spent beyond waiting for its suppliers: the gateway's own time
      ownTimes: sorted(windows.map((w, i) => w.endMs - w.startMs - chains[i]!.upstreamMs)),
    };
  };
  // The bench measures the gateway's own speed: its 100-order page costs about 1,700 points and
  // runs 32 at a time, so the per-key cost budget is lifted here.
  const unmetered = { SUPPLYGRAPH_MAX_QUERY_COST: '1000000', SUPPLYGRAPH_COST_BUCKET_SIZE: '1000000000', SUPPLYGRAPH_COST_RESTORE_PER_SECOND: '1000000000' };
  const gateway = await startGatewayProcess(sandboxes, { profileDir: values.profile, env: unmetered });
  /** The gateway process's CPU seconds so far, as its /metrics tells. */
  const gatewayCpuSeconds = async (): Promise<number> => {
    const text = await (await fetch(new URL('/metrics', gateway.url))).text();
    const line = /^supplygraph_process_cpu_seconds_total (\S+)$/m.exec(text);
    if (!line) throw new Error('the gateway\'s /metrics has no supplygraph_process_cpu_seconds_total');
    return Number(line[1]);
  };
  const post = async (scenario: Scenario): Promise<number> => {
    const started = performance.now();
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${LIVE_TEST_ADMIN_KEY}` },
      body: JSON.stringify({ query: scenario.query, variables: scenario.variables?.(sandboxes) }),
    });
    const body = (await response.json()) as { errors?: unknown[]; data?: { createOrder?: { userErrors: unknown[] } } };
    if (body.errors || body.data?.createOrder?.userErrors.length) {
      throw new Error(`${scenario.name}: ${JSON.stringify(body.errors ?? body.data).slice(0, 300)}`);
    }
    return performance.now() - started;
  };
  const results = [];
  const pageSizes: { first: number; upstreamCallsPerQuery: number }[] = [];
  try {
    for (const scenario of scenarios.filter((s) => !values.only || s.name.includes(values.only))) {
      setLatency(latencyMs);
      // The first request meets cold caches (catalog, tokens): its calls are reported apart.
      resetStats();
      await post(scenario);
      const coldUpstreamCalls = upstreamCalls();
      for (let i = 0; i < 2; i++) await post(scenario);
      const sequential = await timeSequential(scenario);
      const calls = upstreamCalls() / iterations;
      setLatency(0);
      const cpuBefore = await gatewayCpuSeconds();
      const withoutLatency = await timeSequential(scenario);
      const cpuMsPerRequest = ((await gatewayCpuSeconds()) - cpuBefore) * 1000 / iterations;
      setLatency(latencyMs);
      const p50 = percentile(sequential.times, 50);
      const dependentRoundTrips = percentile(sequential.trips, 50);
      const concurrent: number[] = [];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 32 }, async () => {
          for (let i = 0; i < Math.max(2, Math.floor(iterations / 4)); i++) concurrent.push(await post(scenario));
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      concurrent.sort((a, b) => a - b);
      const criticalPathMs = dependentRoundTrips * latencyMs;
      results.push({
        scenario: scenario.name,
        coldUpstreamCalls,
        upstreamCallsPerQuery: round(calls),
        dependentRoundTrips,
        gatewayOnlyP50Ms: round(percentile(withoutLatency.times, 50)),
        // the gateway process's CPU (user + system) per request, from its own metrics: its work
        // alone, whatever the sandboxes (in this process) or the host were doing meanwhile
        gatewayCpuMsPerRequest: round(cpuMsPerRequest),
        // the request's time beyond its suppliers' critical path (their latency and their own
        // work, which shares this machine's CPUs), at concurrency 1 with latency
        gatewayOwnP50Ms: round(percentile(sequential.ownTimes, 50)),
        concurrency1: { p50Ms: round(p50), p99Ms: round(percentile(sequential.times, 99)), requestsPerSecond: round(1000 / (sequential.times.reduce((a, b) => a + b, 0) / sequential.times.length)) },
        concurrency32: { p50Ms: round(percentile(concurrent, 50)), p99Ms: round(percentile(concurrent, 99)), requestsPerSecond: round(concurrent.length / seconds) },
        criticalPathMs,
        p50ToCriticalPath: criticalPathMs > 0 ? Math.round((p50 / criticalPathMs) * 100) / 100 : null,
      });
    }
    // Upstream calls must not grow with the page: the order page at three sizes, each request
    // after the gateway's few seconds of order caching have lapsed, so every one reads afresh.
    if (!values.only) {
      setLatency(0);
      // Orders first seen here (the createOrder scenario's) cost PleasureStock one detail call
      // each, once: that cold cost is the scenarios' `coldUpstreamCalls`, not the page's.
      await post({ name: 'warm', query: `{ orders(first: 100) { nodes { ${ORDER} } } }` });
      for (const first of [10, 50, 100]) {
        const scenario = { name: `${first} orders`, query: `{ orders(first: ${first}) { nodes { ${ORDER} } } }` };
        let calls = 0;
        for (let i = 0; i < 3; i++) {
          await setTimeout(ORDER_CACHE_LAPSE_MS);
          resetStats();
          await post(scenario);
          calls += upstreamCalls();
        }
        pageSizes.push({ first, upstreamCallsPerQuery: round(calls / 3) });
      }
    }
    const report = { at: new Date().toISOString(), addedLatencyMs: latencyMs, iterations, gatewayPeakRssMiB: gateway.peakRssMiB(), results, ordersUpstreamCallsByPageSize: pageSizes };
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`added latency ${latencyMs} ms per upstream call; gateway peak RSS ${report.gatewayPeakRssMiB} MiB`);
    console.table(
      results.map((r) => ({
        scenario: r.scenario,
        'cold calls': r.coldUpstreamCalls,
        'calls/query': r.upstreamCallsPerQuery,
        'dependent trips': r.dependentRoundTrips,
        'p50 no latency': r.gatewayOnlyP50Ms,
        'own p50': r.gatewayOwnP50Ms,
        'cpu/req': r.gatewayCpuMsPerRequest,
        'p50 c1': r.concurrency1.p50Ms,
        'p99 c1': r.concurrency1.p99Ms,
        'p50 c32': r.concurrency32.p50Ms,
        'p99 c32': r.concurrency32.p99Ms,
        'rps c32': r.concurrency32.requestsPerSecond,
        'critical path': r.criticalPathMs,
        'p50/critical': r.p50ToCriticalPath,
      })),
    );
    if (pageSizes.length > 0) console.table(pageSizes);
  } finally {
    await gateway.stop();
    await sandboxes.close();
  }
}

await main();
