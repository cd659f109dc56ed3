import type { SupplierRegistry } from '../suppliers/registry.ts';

/** What every resolver receives: built fresh for each request. */
export interface GatewayContext {
  suppliers: SupplierRegistry;
}
