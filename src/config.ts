import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseApiKeyList } from './auth/api-keys.ts';
import { DEFAULT_UNANSWERED_SETTLE_MS } from './orders/place-cart.ts';
import { DEFAULT_QUERY_COST, type QueryCostOptions } from './graphql/cost/options.ts';
import type { BreakerOptions, RetryOptions } from './suppliers/http/resilience.ts';
import { CentrePriceList, type CentrePriceListEntry } from './suppliers/centre/price-list.ts';
import { OrdersapiCatalog, type OrdersapiCatalogEntry } from './suppliers/ordersapi/catalog.ts';
import { DEFAULT_DATA_DIR } from './store/open.ts';

/** How to reach each supplier; a supplier left out is not served by this gateway. */
export interface SuppliersConfig {
  timeoutMs: number;
  /** keep client-side budgets from each supplier's documented limits (default true) */
  rateBudgets?: boolean;
  /** read retries with jittered exponential backoff (default on, 3 attempts); false for none */
  readRetries?: RetryOptions | false;
  /** the breaker per supplier (default: open after 5 consecutive failures, for 5 s) */
  breaker?: BreakerOptions;
  centre?: { baseUrl: string; apiKey: string; priceList: readonly CentrePriceListEntry[] };
  whitelabel?: {
    baseUrl: string;
    store: { storeId: string; storeSecret: string };
    ops?: { storeId: string; storeSecret: string };
  };
  pleasurestock?: { baseUrl: string; apiKey: string; webhookSecret?: string };
  ordersapi?: { baseUrl: string; apiKey: string; catalog: readonly OrdersapiCatalogEntry[] };
  cenports?: { baseUrl: string; clientId: string; clientSecret: string; partnerId: string; channelId: string };
}

export interface GatewayConfig {
  port: number;
  host: string;
  /** sandbox: start the five simulators and use them; live: the suppliers named in the environment */
  mode: 'sandbox' | 'live';
  /** present in live mode only: sandbox mode takes it from the running simulators */
  suppliers?: SuppliersConfig;
  /** PostgreSQL for the gateway's own state; PGlite in dataDir when absent */
  databaseUrl?: string;
  dataDir: string;
  leaseMs: number;
  /** after a create that got no answer, how long a retry that finds nothing waits before resending */
  unansweredSettleMs: number;
  /** polling of WhiteLabel and Cenports for subscriptions: false when off, else the interval (each supplier's default when absent) */
  polling: { intervalMs?: number } | false;
  /** live mode: who may call, as `name:role:sha256hex` entries (sandbox mode uses the test keys) */
  apiKeys: { name: string; role: 'reader' | 'partner' | 'admin'; sha256: string }[];
  /** the per-query cost limit and each key's budget, in points */
  cost: QueryCostOptions;
  /** pino level of the JSON logs on stdout */
  logLevel: LogLevel;
}

/** pino's levels; silent turns logging off. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const url = z.url({ protocol: /^https?$/ });
const secret = z.string().min(1);
const jsonFile = <T>(schema: z.ZodType<T>) =>
  z.string().min(1).transform((path, ctx): T => {
    try {
      return schema.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `cannot be read as the expected JSON (${error instanceof z.ZodError ? 'wrong shape' : 'unreadable'})` });
      return z.NEVER;
    }
  });

/** Each supplier's variables and the config they make; a supplier is configured when any is set. */
const SUPPLIER_VARIABLES = {
  centre: z
    .object({ CENTRE_BASE_URL: url, CENTRE_API_KEY: secret, CENTRE_PRICE_LIST_FILE: jsonFile(CentrePriceList) })
    .transform((v): Partial<SuppliersConfig> => ({
      centre: { baseUrl: v.CENTRE_BASE_URL, apiKey: v.CENTRE_API_KEY, priceList: v.CENTRE_PRICE_LIST_FILE },
    })),
  whitelabel: z
    .object({
      WHITELABEL_BASE_URL: url,
      WHITELABEL_STORE_ID: secret,
      WHITELABEL_STORE_SECRET: secret,
      WHITELABEL_OPS_STORE_ID: secret.optional(),
      WHITELABEL_OPS_STORE_SECRET: secret.optional(),
    })
    .transform((v): Partial<SuppliersConfig> => ({
      whitelabel: {
        baseUrl: v.WHITELABEL_BASE_URL,
        store: { storeId: v.WHITELABEL_STORE_ID, storeSecret: v.WHITELABEL_STORE_SECRET },
        ops:
          v.WHITELABEL_OPS_STORE_ID && v.WHITELABEL_OPS_STORE_SECRET
            ? { storeId: v.WHITELABEL_OPS_STORE_ID, storeSecret: v.WHITELABEL_OPS_STORE_SECRET }
            : undefined,
      },
    })),
  pleasurestock: z
    .object({ PLEASURESTOCK_BASE_URL: url, PLEASURESTOCK_API_KEY: secret, PLEASURESTOCK_WEBHOOK_SECRET: secret.optional() })
    .transform((v): Partial<SuppliersConfig> => ({
      pleasurestock: { baseUrl: v.PLEASURESTOCK_BASE_URL, apiKey: v.PLEASURESTOCK_API_KEY, webhookSecret: v.PLEASURESTOCK_WEBHOOK_SECRET },
    })),
  ordersapi: z
    .object({ ORDERSAPI_BASE_URL: url, ORDERSAPI_API_KEY: secret, ORDERSAPI_CATALOG_FILE: jsonFile(OrdersapiCatalog) })
    .transform((v): Partial<SuppliersConfig> => ({
      ordersapi: { baseUrl: v.ORDERSAPI_BASE_URL, apiKey: v.ORDERSAPI_API_KEY, catalog: v.ORDERSAPI_CATALOG_FILE },
    })),
  cenports: z
    .object({
      CENPORTS_BASE_URL: url,
      CENPORTS_CLIENT_ID: secret,
      CENPORTS_CLIENT_SECRET: secret,
      CENPORTS_PARTNER_ID: secret,
      CENPORTS_CHANNEL_ID: secret,
    })
    .transform((v): Partial<SuppliersConfig> => ({
      cenports: {
        baseUrl: v.CENPORTS_BASE_URL,
        clientId: v.CENPORTS_CLIENT_ID,
        clientSecret: v.CENPORTS_CLIENT_SECRET,
        partnerId: v.CENPORTS_PARTNER_ID,
        channelId: v.CENPORTS_CHANNEL_ID,
      },
    })),
};

const Gateway = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  SUPPLYGRAPH_MODE: z.enum(['sandbox', 'live']).default('sandbox'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SUPPLIER_TIMEOUT_MS: z.coerce.number().int().min(50).max(120_000).default(5_000),
  SUPPLYGRAPH_RATE_BUDGETS: z.enum(['on', 'off']).default('on'),
  // Attempts per read, the first included; 1 turns read retries off. Writes are never resent.
  SUPPLYGRAPH_READ_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  SUPPLYGRAPH_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  SUPPLYGRAPH_LEASE_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  SUPPLYGRAPH_UNANSWERED_SETTLE_MS: z.coerce.number().int().min(0).max(3_600_000).default(DEFAULT_UNANSWERED_SETTLE_MS),
  SUPPLYGRAPH_POLLING: z.enum(['on', 'off']).default('on'),
  // At least 5 s, so no setting can poll a supplier past its documented limits.
  SUPPLYGRAPH_POLL_INTERVAL_MS: z.coerce.number().int().min(5_000).max(3_600_000).optional(),
  SUPPLYGRAPH_MAX_QUERY_COST: z.coerce.number().int().min(1).default(DEFAULT_QUERY_COST.maxQueryCost),
  SUPPLYGRAPH_COST_BUCKET_SIZE: z.coerce.number().int().min(1).default(DEFAULT_QUERY_COST.bucketSize),
  SUPPLYGRAPH_COST_RESTORE_PER_SECOND: z.coerce.number().positive().default(DEFAULT_QUERY_COST.restorePerSecond),
  SUPPLYGRAPH_API_KEYS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      try {
        return parseApiKeyList(text ?? '');
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
});

/**
 * Reads the gateway's configuration from the environment. Throws one error naming every missing
 * or malformed variable, never a value (values may be secrets).
 */
export function loadConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const problems: string[] = [];
  const gateway = Gateway.safeParse(env);
  if (!gateway.success) problems.push(...describe(gateway.error, env));
  const mode = env.SUPPLYGRAPH_MODE === 'live' ? 'live' : 'sandbox';
  let suppliers: SuppliersConfig | undefined;
  if (mode === 'live') {
    const attempts = gateway.data?.SUPPLYGRAPH_READ_ATTEMPTS ?? 3;
    suppliers = {
      timeoutMs: gateway.data?.SUPPLIER_TIMEOUT_MS ?? 5_000,
      rateBudgets: gateway.data?.SUPPLYGRAPH_RATE_BUDGETS !== 'off',
      readRetries: attempts > 1 ? { maxAttempts: attempts } : false,
    };
    for (const schema of Object.values(SUPPLIER_VARIABLES)) {
      if (!Object.keys(schema.in.shape).some((name) => env[name] !== undefined)) continue;
      const parsed = schema.safeParse(env);
      if (!parsed.success) problems.push(...describe(parsed.error, env));
      else Object.assign(suppliers, parsed.data);
    }
    if (problems.length === 0 && !Object.keys(SUPPLIER_VARIABLES).some((id) => id in suppliers!)) {
      problems.push('live mode needs at least one supplier: set e.g. CENPORTS_BASE_URL and its credentials');
    }
    if (gateway.success && gateway.data.SUPPLYGRAPH_API_KEYS.length === 0) {
      problems.push('SUPPLYGRAPH_API_KEYS: is required in live mode (name:role:sha256hex, comma-separated)');
    }
  }
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  const g = gateway.data!;
  return {
    port: g.PORT,
    host: g.HOST,
    mode,
    suppliers,
    databaseUrl: g.DATABASE_URL,
    dataDir: g.SUPPLYGRAPH_DATA_DIR,
    leaseMs: g.SUPPLYGRAPH_LEASE_MS,
    unansweredSettleMs: g.SUPPLYGRAPH_UNANSWERED_SETTLE_MS,
    polling: g.SUPPLYGRAPH_POLLING === 'on' && { intervalMs: g.SUPPLYGRAPH_POLL_INTERVAL_MS },
    apiKeys: g.SUPPLYGRAPH_API_KEYS,
    logLevel: g.LOG_LEVEL,
    cost: {
      maxQueryCost: g.SUPPLYGRAPH_MAX_QUERY_COST,
      bucketSize: g.SUPPLYGRAPH_COST_BUCKET_SIZE,
      restorePerSecond: g.SUPPLYGRAPH_COST_RESTORE_PER_SECOND,
    },
  };
}

function describe(error: z.ZodError, env: NodeJS.ProcessEnv): string[] {
  return error.issues.map((issue) => {
    const name = issue.path.join('.');
    return `${name}: ${env[name] === undefined ? 'is required' : issue.message}`;
  });
}
