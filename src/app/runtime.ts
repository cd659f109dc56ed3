import { randomUUID } from 'node:crypto';
import type { SuppliersConfig } from '../config.ts';
import type { GatewayMetrics } from '../http/metrics.ts';
import { startLiveUpdates, type LiveUpdates, type PollingOptions } from '../live/index.ts';
import type { Logger } from '../logging/logger.ts';
import { currentRequestId } from '../logging/request-scope.ts';
import { withJournalReads } from '../orders/journal-reads.ts';
import type { OrderServiceDeps } from '../orders/place-cart.ts';
import { startTransactionFollower } from '../orders/transaction-follower.ts';
import { openStore } from '../store/open.ts';
import { SupplierRegistry } from '../suppliers/registry.ts';
import { createSupplierRegistry } from './adapters.ts';

export interface RuntimeOptions {
  suppliers: SuppliersConfig;
  metrics: GatewayMetrics;
  /** PostgreSQL when set; otherwise PGlite in `dataDir` ('memory' for tests) */
  databaseUrl?: string;
  /** PostgreSQL only: the schema to keep the tables in (default public) */
  schema?: string;
  dataDir?: string;
  /** how long a process may hold an idempotency key without renewing it */
  leaseMs?: number;
  /** see OrderServiceDeps.unansweredSettleMs (default 30 s) */
  unansweredSettleMs?: number;
  /** poll WhiteLabel and Cenports for live updates; off when absent (tests count upstream calls) */
  polling?: PollingOptions | false;
  /** one info line per supplier call, and background failures when logError is absent */
  logger?: Logger;
  /** where the detail of a background failure (a poll round) goes; default logger.error, else stderr */
  logError?: (error: unknown) => void;
  now?: () => number;
}

/** Everything one gateway process runs on: adapters, its store, the transaction follower and live updates. */
export interface Runtime {
  orders: OrderServiceDeps;
  live: LiveUpdates;
  close(): Promise<void>;
}

export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const now = options.now ?? Date.now;
  const store = await openStore({ databaseUrl: options.databaseUrl, schema: options.schema, dataDir: options.dataDir ?? 'data' });
  const adapters = createSupplierRegistry(options.suppliers, (call) => {
    options.metrics.recordUpstreamCall(call);
    // Only what identifies the call: never its URL, headers or body, where credentials travel.
    options.logger?.info(
      { requestId: currentRequestId(), supplier: call.supplier, operation: call.operation, status: call.status, durationMs: Math.round(call.durationMs) },
      'upstream call',
    );
  }).list();
  // Suppliers without an order read API (Centre) are read back from the journal.
  const suppliers = new SupplierRegistry(adapters.map((adapter) => withJournalReads(adapter, store)));
  const orders: OrderServiceDeps = {
    suppliers,
    store,
    owner: `gateway-${randomUUID()}`,
    leaseMs: options.leaseMs ?? 15_000,
    unansweredSettleMs: options.unansweredSettleMs,
    now,
  };
  const logger = options.logger;
  const logError =
    options.logError ?? (logger ? (error: unknown) => logger.error({ err: error }, 'background work failed') : (error: unknown) => console.error(error));
  const follower = startTransactionFollower({ suppliers, store, now, logError });
  const live = await startLiveUpdates({ store, suppliers, polling: options.polling, now, logError });
  return {
    orders,
    live,
    close: async () => {
      follower.stop();
      await live.close();
      await store.close();
    },
  };
}
