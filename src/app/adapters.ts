import type { SuppliersConfig } from '../config.ts';
import type { SupplierAdapter } from '../suppliers/adapter.ts';
import { cenports, createCenportsAdapter } from '../suppliers/cenports/index.ts';
import { centre, createCentreAdapter } from '../suppliers/centre/index.ts';
import type { UpstreamCallEvent } from '../suppliers/http/upstream.ts';
import type { SupplierDescriptor } from '../suppliers/operations.ts';
import { createOrdersapiAdapter, ordersapi } from '../suppliers/ordersapi/index.ts';
import { createPleasurestockAdapter, pleasurestock } from '../suppliers/pleasurestock/index.ts';
import { SupplierRegistry } from '../suppliers/registry.ts';
import { createWhitelabelAdapter, whitelabel } from '../suppliers/whitelabel/index.ts';

/** One adapter per configured supplier, in the order clients see them. */
export function createSupplierRegistry(config: SuppliersConfig, onCall?: (event: UpstreamCallEvent) => void): SupplierRegistry {
  // Each supplier's documented limits become a client-side budget, so the gateway's own load
  // never earns a 429 (off only where the suppliers themselves enforce none, as in tests).
  const common = (descriptor: SupplierDescriptor) => ({
    timeoutMs: config.timeoutMs,
    onCall,
    rateLimits: config.rateBudgets === false ? undefined : descriptor.rateLimits,
    // Reads only: the exactly-once lookup, never a blind resend, answers a write's unknown outcome.
    retry: config.readRetries === false ? undefined : (config.readRetries ?? {}),
    breaker: config.breaker,
  });
  const adapters: SupplierAdapter[] = [];
  if (config.centre) adapters.push(createCentreAdapter({ ...common(centre), ...config.centre }));
  if (config.whitelabel) adapters.push(createWhitelabelAdapter({ ...common(whitelabel), ...config.whitelabel }));
  if (config.pleasurestock) adapters.push(createPleasurestockAdapter({ ...common(pleasurestock), ...config.pleasurestock }));
  if (config.ordersapi) adapters.push(createOrdersapiAdapter({ ...common(ordersapi), ...config.ordersapi }));
  if (config.cenports) adapters.push(createCenportsAdapter({ ...common(cenports), ...config.cenports }));
  return new SupplierRegistry(adapters);
}
