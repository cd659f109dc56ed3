import type { Caller } from '../auth/api-keys.ts';
import type { LiveUpdates } from '../live/index.ts';
import type { OrderServiceDeps } from '../orders/place-cart.ts';
import type { Store } from '../store/open.ts';
import type { SupplierRegistry } from '../suppliers/registry.ts';
import { Loaders } from './loaders.ts';
import { RequestSuppliers } from './request-suppliers.ts';
import { PartialErrors } from './partial-errors.ts';

/** What every resolver receives: built fresh for each request. */
export interface GatewayContext {
  suppliers: SupplierRegistry;
  store: Store;
  /** what the write side needs (suppliers, store, lease owner, clock) */
  orders: OrderServiceDeps;
  /** the authenticated caller */
  caller: Caller;
  /** whose idempotency keys and orders these are: the caller's key name */
  scope: string;
  loaders: Loaders;
  partialErrors: PartialErrors;
  /** this request's id: in the x-request-id header, every error and every log line about it */
  requestId: string;
  /** the stream subscriptions read; absent where the gateway runs without live updates */
  live?: LiveUpdates;
}

export function createContext(orders: OrderServiceDeps, caller: Caller): Omit<GatewayContext, 'requestId'> {
  const loaders = new Loaders(orders.suppliers, orders.store, orders.now);
  return {
    // The request's own view: a list read asked twice (aliased fields) reaches the supplier once.
    suppliers: new RequestSuppliers(orders.suppliers),
    store: orders.store,
    orders,
    caller,
    scope: caller.name,
    loaders,
    partialErrors: new PartialErrors(),
  };
}
