import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { cacheCounts } from '../suppliers/shared/cache-stats.ts';
import type { SupplierRegistry } from '../suppliers/registry.ts';
import type { UpstreamCallEvent } from '../suppliers/http/upstream.ts';

/** The gateway's Prometheus metrics, one registry per gateway so tests can run several. */
export interface GatewayMetrics {
  registry: Registry;
  /** GraphQL operations by type (query, mutation, subscription) and outcome (ok, error) */
  operations: Counter<'type' | 'outcome'>;
  /** errors in GraphQL answers by their extensions.code */
  graphqlErrors: Counter<'code'>;
  /** counts one supplier call */
  recordUpstreamCall(call: UpstreamCallEvent): void;
  /** reports these suppliers' breaker state and remaining rate budget at each scrape */
  watchSuppliers(suppliers: SupplierRegistry): void;
}

const BREAKER_STATES = { closed: 0, halfOpen: 1, open: 2 } as const;

export function createMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'supplygraph_' });
  const upstreamRequests = new Counter({
    name: 'supplygraph_upstream_requests_total',
    help: 'Calls made to a supplier, by supplier, OpenAPI operationId and answered HTTP status.',
    labelNames: ['supplier', 'operation', 'status'] as const,
    registers: [registry],
  });
  const upstreamDuration = new Histogram({
    name: 'supplygraph_upstream_request_duration_seconds',
    help: 'Time from sending a call to a supplier to its full answer (or giving up), in seconds.',
    labelNames: ['supplier', 'operation', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const operations = new Counter({
    name: 'supplygraph_graphql_operations_total',
    help: 'GraphQL operations executed, by operation type and outcome (error when the answer carries any error).',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  const graphqlErrors = new Counter({
    name: 'supplygraph_graphql_errors_total',
    help: 'Errors in GraphQL answers, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });

  let watched: SupplierRegistry | null = null;
  new Gauge({
    name: 'supplygraph_breaker_state',
    help: 'Circuit breaker per supplier: 0 closed, 1 half-open (one trial call), 2 open (failing fast).',
    labelNames: ['supplier'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const adapter of watched?.list() ?? []) {
        const health = adapter.health?.();
        if (health) this.set({ supplier: adapter.descriptor.id }, BREAKER_STATES[health.breaker]);
      }
    },
  });
  new Gauge({
    name: 'supplygraph_rate_budget_remaining',
    help: 'Calls the gateway may still make to a supplier in its current documented rate window, by scope.',
    labelNames: ['supplier', 'scope'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const adapter of watched?.list() ?? []) {
        for (const budget of adapter.health?.().budgets ?? []) {
          this.set({ supplier: adapter.descriptor.id, scope: budget.scope }, budget.remaining);
        }
      }
    },
  });
  new Gauge({
    name: 'supplygraph_cache_hit_ratio',
    help: 'Share of lookups of each supplier cache (catalogs, order lists, inventory) answered without a supplier call, since start.',
    labelNames: ['cache'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [cache, { hits, misses }] of cacheCounts()) {
        if (hits + misses > 0) this.set({ cache }, hits / (hits + misses));
      }
    },
  });

  return {
    registry,
    operations,
    graphqlErrors,
    recordUpstreamCall(call) {
      const labels = { supplier: call.supplier, operation: call.operation, status: call.status };
      upstreamRequests.inc(labels);
      upstreamDuration.observe(labels, call.durationMs / 1_000);
    },
    watchSuppliers(suppliers) {
      watched = suppliers;
    },
  };
}
