import { createSandboxApp, type CommonSandboxOptions, type SandboxHandle } from '../kit/index.ts';
import { authenticate } from './auth.ts';
import type { RouteContext } from './context.ts';
import { registerControlRoutes } from './control-routes.ts';
import { WHITELABEL_SANDBOX_CREDENTIALS, type WhitelabelCredentials } from './credentials.ts';
import { kitErrorBody } from './errors.ts';
import { registerOrderRoutes } from './order-routes.ts';
import { seedData } from './seed.ts';
import { registerShipmentRoutes } from './shipment-routes.ts';
import { registerStoreRoutes } from './store-routes.ts';
import { WhitelabelState } from './state.ts';

export { WHITELABEL_SANDBOX_CREDENTIALS } from './credentials.ts';
export type { WhitelabelCredentialPair, WhitelabelCredentials } from './credentials.ts';
export { DEFAULT_WALLET_BALANCE_CENTS, REFERENCE_TIME } from './seed.ts';
export { WhitelabelState } from './state.ts';

/** Options of the WhiteLabel Peptides simulator. */
export interface WhitelabelSandboxOptions extends CommonSandboxOptions {
  /** wallet balance at start in cents (default 500000, USD 5,000.00); seeded open orders reserve part of it */
  walletBalanceCents?: number;
}

/** A running WhiteLabel Peptides simulator. */
export interface WhitelabelSandbox extends SandboxHandle {
  /** the fixed credentials it starts with (a rotation changes the live secret, not these) */
  credentials: WhitelabelCredentials;
  /** the live state, for tests that read what was placed */
  state: WhitelabelState;
}

const MINUTE = 60_000;

/** Starts the simulator on a loopback port; rejects when the port cannot be bound. */
export async function startWhitelabelSandbox(options: WhitelabelSandboxOptions = {}): Promise<WhitelabelSandbox> {
  const app = createSandboxApp({
    supplier: 'whitelabel',
    basePath: '/v1',
    errorBody: kitErrorBody,
    rateLimits: {
      read: [{ limit: 100, windowMs: MINUTE }],
      write: [{ limit: 30, windowMs: MINUTE }],
      webhook: [{ limit: 10, windowMs: MINUTE }],
    },
    rateLimitMode: options.rateLimitMode,
    latencyMs: options.latencyMs,
    now: options.now,
    faults: options.faults,
    seed: options.seed ?? 1,
  });
  const state = new WhitelabelState(seedData(options.seed ?? 1, options.walletBalanceCents), app.now);
  const context: RouteContext = {
    app,
    state,
    auth: (request, scope) => authenticate(request, state.credentials, app.now(), scope),
  };
  registerStoreRoutes(context);
  registerOrderRoutes(context);
  registerShipmentRoutes(context);
  registerControlRoutes(context);
  const handle = await app.listen(options.port);
  return { ...handle, credentials: WHITELABEL_SANDBOX_CREDENTIALS, state };
}
