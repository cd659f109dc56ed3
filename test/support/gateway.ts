import { startRuntime, type RuntimeOptions } from '../../src/app/runtime.ts';
import type { SuppliersConfig } from '../../src/config.ts';
import { createMetrics, type GatewayMetrics } from '../../src/http/metrics.ts';
import { createGateway, type GatewayOptions } from '../../src/http/server.ts';
import type { Logger } from '../../src/logging/logger.ts';
import { sandboxSuppliersConfig } from '../../src/sandbox/gateway-config.ts';
import { startSandboxes, type Sandboxes, type SandboxesOptions } from '../../src/sandbox/index.ts';
import { dropSchema } from './postgres-schema.ts';

export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  extensions?: Record<string, unknown>;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface SandboxedGateway {
  url: string;
  sandboxes: Sandboxes;
  metrics: GatewayMetrics;
  /** POSTs one operation like a client would (with the sandbox admin key unless told another) */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, key?: string | null): Promise<GraphQLAnswer<T>>;
  /** every sandbox's request counter back to zero and every fault cleared */
  resetSandboxes(): void;
  /** requests each sandbox served since the last reset */
  upstreamCalls(): Record<string, number>;
  close(): Promise<void>;
}

/** POSTs one operation to a gateway at `url` as a client would (no Authorization when `key` is null). */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  key: string | null = 'sg_test_admin',
): Promise<GraphQLAnswer<T> & { headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
}

/** The five sandboxes and a gateway over them, on loopback ports, as `npm start` wires them. */
export async function startSandboxedGateway(
  options: {
    sandbox?: SandboxesOptions;
    timeoutMs?: number;
    logError?: (error: unknown) => void;
    /** structured logs of the runtime and gateway (silent when absent) */
    logger?: Logger;
    databaseUrl?: string;
    /** keep the documented client-side budgets (default off, as the test sandboxes have none) */
    rateBudgets?: boolean;
    /** read retries and breaker settings (default: as in production) */
    resilience?: Pick<SuppliersConfig, 'readRetries' | 'breaker'>;
    /**
     * Points the PleasureStock sandbox's signed webhooks at this gateway, as `npm start` does.
     * Off by default: tests that list an order's events expect only the gateway's own.
     */
    webhooks?: boolean;
    /** the browser playground's settings, as `npm start` passes them */
    playground?: GatewayOptions['playground'];
    /** the per-query cost limit and each key's budget (default as in production) */
    cost?: GatewayOptions['cost'];
    /** poll WhiteLabel and Cenports for subscriptions (off by default: it would add upstream calls) */
    polling?: RuntimeOptions['polling'];
    /** configure WhiteLabel's ops (shipment admin) credential, as a merchant may not (default on) */
    whitelabelOps?: boolean;
  } = {},
): Promise<SandboxedGateway> {
  const sandboxes = await startSandboxes({ rateLimitMode: 'off', transactionDelayMs: 50, ...options.sandbox });
  const metrics = createMetrics();
  const database = e2eDatabase(options.databaseUrl);
  const runtime = await startRuntime({
    // Test sandboxes enforce no limits unless told to, so neither does the gateway by default.
    suppliers: { ...suppliersConfig(sandboxes, options), ...options.resilience },
    metrics,
    dataDir: 'memory',
    ...database,
    polling: options.polling,
    logger: options.logger,
    // With a logger, failures go to it; without, nowhere (tests stay quiet).
    logError: options.logError ?? (options.logger ? undefined : () => {}),
  });
  const webhookSecret = sandboxes.pleasurestock.credentials.webhookSecret;
  const gateway = await createGateway({
    orders: runtime.orders,
    metrics,
    logger: options.logger,
    logError: options.logError ?? (options.logger ? undefined : () => {}),
    webhooks: { pleasurestock: { secret: webhookSecret } },
    live: runtime.live,
    playground: options.playground,
    cost: options.cost,
  });
  const url = await gateway.listen(0, '127.0.0.1');
  if (options.webhooks) sandboxes.pleasurestock.setWebhookTarget(`${new URL(url).origin}/webhooks/pleasurestock`, webhookSecret);
  const all = () => [sandboxes.centre, sandboxes.whitelabel, sandboxes.pleasurestock, sandboxes.ordersapi, sandboxes.cenports];
  return {
    url,
    sandboxes,
    metrics,
    async query<T>(query: string, variables?: Record<string, unknown>, key?: string | null) {
      const { headers: _headers, ...answer } = await postGraphQL<T>(url, query, variables, key);
      return answer;
    },
    resetSandboxes() {
      for (const sandbox of all()) {
        sandbox.stats.reset();
        sandbox.faults.clear();
      }
    },
    upstreamCalls() {
      return Object.fromEntries(all().map((s) => [s.supplier, s.stats.count()]));
    },
    async close() {
      sandboxes.pleasurestock.setWebhookTarget(null);
      await gateway.close();
      await runtime.close();
      await sandboxes.close();
      if (database.schema) await dropSchema(database.databaseUrl!, database.schema);
    },
  };
}

function suppliersConfig(sandboxes: Sandboxes, options: { timeoutMs?: number; rateBudgets?: boolean; whitelabelOps?: boolean }): SuppliersConfig {
  const config = sandboxSuppliersConfig(sandboxes, options.timeoutMs ?? 2_000, options.rateBudgets ?? false);
  if (options.whitelabelOps === false) delete config.whitelabel!.ops;
  return config;
}

/**
 * PGlite in memory by default; with SUPPLYGRAPH_E2E_DATABASE=postgres (CI sets it for a second
 * run of the write tests) the PostgreSQL at TEST_DATABASE_URL, in a schema of this gateway's own.
 */
function e2eDatabase(databaseUrl?: string): { databaseUrl?: string; schema?: string } {
  const url = databaseUrl ?? (process.env.SUPPLYGRAPH_E2E_DATABASE === 'postgres' ? process.env.TEST_DATABASE_URL : undefined);
  if (!url) return {};
  return { databaseUrl: url, schema: `e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}` };
}
