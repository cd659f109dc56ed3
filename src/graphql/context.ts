import type { SupplierRegistry } from '../suppliers/registry.ts';
import { Loaders } from './loaders.ts';
import { PartialErrors } from './partial-errors.ts';

/** What every resolver receives: built fresh for each request. */
export interface GatewayContext {
  suppliers: SupplierRegistry;
  loaders: Loaders;
  partialErrors: PartialErrors;
}

export function createContext(suppliers: SupplierRegistry): GatewayContext {
  return { suppliers, loaders: new Loaders(suppliers), partialErrors: new PartialErrors() };
}
