import { createSandboxApp, type CommonSandboxOptions, type SandboxHandle } from '../kit/index.ts';
import { ORDERSAPI_SANDBOX_CATALOG } from './catalog.ts';
import { registerControlRoutes } from './control.ts';
import { useFastApiJsonParser } from './json-body.ts';
import { registerOrderRoutes } from './routes.ts';
import { seedOrders } from './seed.ts';
import { OrdersapiState } from './state.ts';

export { ORDERSAPI_SANDBOX_CATALOG, type OrdersapiCatalogProduct } from './catalog.ts';
export type { NewOrder, OrdersapiState, StoredOrder, StoredOrderItem } from './state.ts';

/** The fixed test key: the document's own example key, so its curl examples work unchanged. */
export const ORDERSAPI_SANDBOX_CREDENTIALS = Object.freeze({ apiKey: 'demo-secret-key' });

export interface OrdersapiSandboxOptions extends CommonSandboxOptions {
  /** orders the seed places before the sandbox answers (default 250) */
  seededOrders?: number;
}

export interface OrdersapiSandbox extends SandboxHandle {
  credentials: typeof ORDERSAPI_SANDBOX_CREDENTIALS;
  /** the supplier's orders and catalog, to count exactly what was placed */
  state: OrdersapiState;
}

// The document states no limit; this is our conservative choice, recorded in the spec's headers.
const RATE_LIMITS = { default: [{ limit: 60, windowMs: 60_000 }] };

/** Starts the Orders API simulator on a loopback port; rejects when the port cannot be bound. */
export async function startOrdersapiSandbox(options: OrdersapiSandboxOptions = {}): Promise<OrdersapiSandbox> {
  const app = createSandboxApp({
    supplier: 'ordersapi',
    basePath: '',
    errorBody: (_status, message) => ({ detail: message }),
    rateLimits: RATE_LIMITS,
    rateLimitMode: options.rateLimitMode,
    latencyMs: options.latencyMs,
    now: options.now,
    faults: options.faults,
    seed: options.seed ?? 1,
  });
  const state = new OrdersapiState(ORDERSAPI_SANDBOX_CATALOG, app.now);
  for (const order of seedOrders(options.seed ?? 1, ORDERSAPI_SANDBOX_CATALOG, options.seededOrders ?? 250)) {
    const outcome = state.placeOrder(order, order.createdAt);
    if (!outcome.ok) throw new Error(`ordersapi seed placed an order the rules refuse: ${outcome.detail}`);
  }
  useFastApiJsonParser(app.fastify);
  registerOrderRoutes(app, state, ORDERSAPI_SANDBOX_CREDENTIALS.apiKey);
  registerControlRoutes(app.fastify, state);
  const handle = await app.listen(options.port);
  return { ...handle, credentials: ORDERSAPI_SANDBOX_CREDENTIALS, state };
}
