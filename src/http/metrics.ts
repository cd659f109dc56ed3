import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

/** The gateway's Prometheus metrics, one registry per gateway so tests can run several. */
export interface GatewayMetrics {
  registry: Registry;
  /** every call made to a supplier, by supplier, OpenAPI operationId and HTTP status ("error" when none) */
  upstreamRequests: Counter<'supplier' | 'operation' | 'status'>;
}

export function createMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'supplygraph_' });
  const upstreamRequests = new Counter({
    name: 'supplygraph_upstream_requests_total',
    help: 'Calls made to a supplier, by supplier, OpenAPI operationId and answered HTTP status.',
    labelNames: ['supplier', 'operation', 'status'] as const,
    registers: [registry],
  });
  return { registry, upstreamRequests };
}
