import { createSandboxApp, seededRandom, type CommonSandboxOptions, type SandboxHandle } from '../kit/index.ts';
import { CENTRE_SANDBOX_CHANNEL_ID, CENTRE_SANDBOX_CREDENTIALS, type CentreSandboxCredentials } from './channels.ts';
import { parseJsonInsideRoutes } from './body.ts';
import { registerCentreControlRoutes } from './control.ts';
import { addRetryAfterToRateLimitBodies, centreErrorBody } from './errors.ts';
import { CENTRE_SANDBOX_PRICE_LIST, type CentrePriceListEntry } from './price-list.ts';
import { registerCentreRoutes } from './routes.ts';
import { seedCentre } from './seed.ts';
import { CentreState } from './state.ts';

export { CENTRE_SANDBOX_CREDENTIALS, CENTRE_SANDBOX_CHANNEL_ID, CENTRE_SANDBOX_PRICE_LIST };
export type { CentreSandboxCredentials, CentrePriceListEntry };
export { CentreState } from './state.ts';
export { CENTRE_ORDER_STATUSES, allowedTransitions, type CentreOrderStatus } from './lifecycle.ts';
export { CENTRE_SEED_REFERENCE_MS } from './seed.ts';
export type { CentreOrder, CentreOrderLine, CentreCustomer, CentreAddress } from './types.ts';

/** Options of the Centre sandbox: the kit's common ones plus the size of the seeded history. */
export interface CentreSandboxOptions extends CommonSandboxOptions {
  /** seeded orders already on the channel (default 300) */
  orderCount?: number;
  /**
   * how long each createOrder spends inside the supplier while holding one of its 10 concurrent
   * slots (default 0); the kit's latencyMs is spent before a slot is taken, so it cannot fill them
   */
  processingMs?: number;
}

/** A running Centre sandbox: the kit's handle, the fixed test keys and the supplier-side state. */
export interface CentreSandbox extends SandboxHandle {
  credentials: CentreSandboxCredentials;
  state: CentreState;
  priceList: readonly CentrePriceListEntry[];
}

/** Starts the Centre simulator on loopback; rejects if the port cannot be bound. */
export async function startCentreSandbox(options: CentreSandboxOptions = {}): Promise<CentreSandbox> {
  const seed = options.seed ?? 1;
  const random = seededRandom(seed);
  const app = createSandboxApp({
    supplier: 'centre',
    basePath: '/api',
    errorBody: centreErrorBody,
    // The document's two windows; the per-minute one comes first so the headers report it.
    rateLimits: {
      orders: [
        { limit: 100, windowMs: 60_000 },
        { limit: 200, windowMs: 10_000 },
      ],
    },
    maxConcurrent: 10,
    rateLimitMode: options.rateLimitMode,
    latencyMs: options.latencyMs,
    now: options.now,
    faults: options.faults,
    seed,
  });
  // Placed orders draw ids from a second stream, so they do not depend on how much was seeded.
  const state = new CentreState(
    seedCentre(random, CENTRE_SANDBOX_CHANNEL_ID, options.orderCount ?? 300),
    seededRandom(seed * 7919 + 1),
    app.now,
  );
  parseJsonInsideRoutes(app.fastify);
  addRetryAfterToRateLimitBodies(app.fastify);
  registerCentreRoutes(app, state, options.processingMs);
  registerCentreControlRoutes(app.fastify, state);
  const handle = await app.listen(options.port);
  return { ...handle, credentials: CENTRE_SANDBOX_CREDENTIALS, state, priceList: CENTRE_SANDBOX_PRICE_LIST };
}
