import { createSandboxApp, seededRandom, type CommonSandboxOptions, type SandboxHandle } from '../kit/index.ts';
import { registerAuthorizeRoute, TokenStore } from './auth.ts';
import { registerControlRoutes } from './control.ts';
import { cenportsErrorBody } from './errors.ts';
import { registerChannelRoutes } from './routes-channels.ts';
import { registerInventoryRoutes } from './routes-inventories.ts';
import { registerOrderRoutes } from './routes-orders.ts';
import { registerShipmentRoutes } from './routes-shipments.ts';
import { registerTransactionRoute } from './routes-transaction.ts';
import { seedData } from './seed.ts';
import { CenportsState } from './state.ts';

export { CenportsState } from './state.ts';
export type * from './types.ts';

export interface CenportsSandboxOptions extends CommonSandboxOptions {
  /** how long an async write stays QUEUED/PROCESSING before it settles (default 1500 ms) */
  transactionDelayMs?: number;
  /** lifetime of issued access tokens in seconds (default 43200: the document's 12 hours) */
  tokenTtlSeconds?: number;
}

/** The fixed test credentials a client needs against the sandbox. */
export interface CenportsCredentials {
  clientId: string;
  clientSecret: string;
  partnerId: string;
  /** the channel to place orders in by default */
  channelId: string;
  /** every seeded channel of the partner */
  channelIds: readonly string[];
}

/** The sandbox's fixed client, partner and channels; the same on every start. */
export const CENPORTS_SANDBOX_CREDENTIALS: CenportsCredentials = Object.freeze({
  clientId: 'sg_cenports_client',
  clientSecret: 'sg_cenports_secret',
  partnerId: 'SGPARTNER',
  channelId: 'SGSHOP',
  channelIds: Object.freeze(['SGSHOP', 'SGAMAZON', 'SGEBAY']),
});

export interface CenportsSandbox extends SandboxHandle {
  credentials: CenportsCredentials;
  /** the live state, for tests that check what was placed */
  state: CenportsState;
}

/** Starts the Cenports simulator on loopback; rejects if the port cannot be bound. */
export async function startCenportsSandbox(options: CenportsSandboxOptions = {}): Promise<CenportsSandbox> {
  const app = createSandboxApp({
    supplier: 'cenports',
    basePath: '/v2',
    errorBody: cenportsErrorBody,
    // FAQ: "default limit of 60 requests per minute", one budget for every endpoint.
    rateLimits: { default: [{ limit: 60, windowMs: 60_000 }] },
    rateLimitMode: options.rateLimitMode,
    latencyMs: options.latencyMs,
    now: options.now,
    faults: options.faults,
    seed: options.seed ?? 1,
  });
  const credentials = CENPORTS_SANDBOX_CREDENTIALS;
  const random = seededRandom(options.seed ?? 1);
  const state = new CenportsState(credentials.partnerId, seedData(random), app.now, random, options.transactionDelayMs ?? 1500);
  const tokens = new TokenStore(app.now, options.tokenTtlSeconds ?? 43_200);
  const context = { state, tokens };

  // Due transactions take effect before anything reads the state.
  app.fastify.addHook('onRequest', async () => state.transactions.settle());
  registerAuthorizeRoute(app, credentials, tokens);
  registerOrderRoutes(app, context);
  registerChannelRoutes(app, context);
  registerShipmentRoutes(app, context);
  registerInventoryRoutes(app, context);
  registerTransactionRoute(app, context);
  registerControlRoutes(app, state);

  const handle = await app.listen(options.port);
  return { ...handle, credentials, state };
}
