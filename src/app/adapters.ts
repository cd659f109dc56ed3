import type { SuppliersConfig } from '../config.ts';
import type { SupplierAdapter } from '../suppliers/adapter.ts';
import { createCenportsAdapter } from '../suppliers/cenports/index.ts';
import { createCentreAdapter } from '../suppliers/centre/index.ts';
import type { UpstreamCallEvent } from '../suppliers/http/upstream.ts';
import { createOrdersapiAdapter } from '../suppliers/ordersapi/index.ts';
import { createPleasurestockAdapter } from '../suppliers/pleasurestock/index.ts';
import { SupplierRegistry } from '../suppliers/registry.ts';
import { createWhitelabelAdapter } from '../suppliers/whitelabel/index.ts';

/** One adapter per configured supplier, in the order clients see them. */
export function createSupplierRegistry(config: SuppliersConfig, onCall?: (event: UpstreamCallEvent) => void): SupplierRegistry {
  const common = { timeoutMs: config.timeoutMs, onCall };
  const adapters: SupplierAdapter[] = [];
  if (config.centre) adapters.push(createCentreAdapter({ ...common, ...config.centre }));
  if (config.whitelabel) adapters.push(createWhitelabelAdapter({ ...common, ...config.whitelabel }));
  if (config.pleasurestock) adapters.push(createPleasurestockAdapter({ ...common, ...config.pleasurestock }));
  if (config.ordersapi) adapters.push(createOrdersapiAdapter({ ...common, ...config.ordersapi }));
  if (config.cenports) adapters.push(createCenportsAdapter({ ...common, ...config.cenports }));
  return new SupplierRegistry(adapters);
}
