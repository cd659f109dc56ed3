import { createSandboxApp, type CommonSandboxOptions, type SandboxHandle } from '../kit/index.ts';
import { PLEASURESTOCK_SANDBOX_CREDENTIALS } from './auth.ts';
import { registerControlRoutes } from './control.ts';
import { errorBody } from './errors.ts';
import { registerCatalogRoutes } from './routes-catalog.ts';
import { registerOrderRoutes } from './routes-orders.ts';
import { registerReportingRoutes } from './routes-reporting.ts';
import { PleasurestockState } from './state.ts';
import { WEBHOOK_EVENTS } from './types.ts';
import { WebhookDispatcher, signWebhook } from './webhooks.ts';

export { PLEASURESTOCK_SANDBOX_CREDENTIALS, PleasurestockState, WebhookDispatcher, signWebhook };
export type { Order, OrderStatus, Product, Supplier } from './types.ts';
export type { WebhookDelivery } from './webhooks.ts';

const HOUR_MS = 3_600_000;

export interface PleasurestockSandboxOptions extends CommonSandboxOptions {
  /** where webhooks go from the start (also settable by POST /external/webhook or setWebhookTarget) */
  webhookUrl?: string;
  /** the company's signing secret (default PLEASURESTOCK_SANDBOX_CREDENTIALS.webhookSecret) */
  webhookSecret?: string;
  /** waits before each retry (default the documented 2000, 4000, 8000) */
  webhookRetryDelaysMs?: number[];
  /** per-delivery timeout (default the documented 10 000) */
  webhookTimeoutMs?: number;
}

export interface PleasurestockSandbox extends SandboxHandle {
  credentials: { apiKey: string; viewerApiKey: string; webhookSecret: string };
  state: PleasurestockState;
  webhooks: WebhookDispatcher;
  /** Sends every event to `url` signed with `secret` (default: the current secret); null stops deliveries. */
  setWebhookTarget(url: string | null, secret?: string): void;
}

/** Starts the PleasureStock simulator on loopback; rejects when the port cannot be bound. */
export async function startPleasurestockSandbox(options: PleasurestockSandboxOptions = {}): Promise<PleasurestockSandbox> {
  const app = createSandboxApp({
    supplier: 'pleasurestock',
    basePath: '/api/v1',
    errorBody,
    rateLimits: {
      standard: [{ limit: 1000, windowMs: HOUR_MS }],
      external: [{ limit: 5000, windowMs: HOUR_MS }],
      smartReordering: [{ limit: 100, windowMs: HOUR_MS }],
    },
    ...(options.rateLimitMode !== undefined && { rateLimitMode: options.rateLimitMode }),
    ...(options.latencyMs !== undefined && { latencyMs: options.latencyMs }),
    ...(options.now !== undefined && { now: options.now }),
    ...(options.faults !== undefined && { faults: options.faults }),
    seed: options.seed ?? 1,
  });
  const state = new PleasurestockState(options.seed ?? 1, options.webhookSecret ?? PLEASURESTOCK_SANDBOX_CREDENTIALS.webhookSecret);
  const webhooks = new WebhookDispatcher(state, {
    retryDelaysMs: options.webhookRetryDelaysMs ?? [2000, 4000, 8000],
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    now: app.now,
  });
  const setWebhookTarget = (url: string | null, secret?: string): void => {
    if (secret !== undefined) state.webhookSecret = secret;
    state.webhook = url === null ? null : { url, events: [...WEBHOOK_EVENTS], updatedAt: app.now() };
  };
  if (options.webhookUrl) setWebhookTarget(options.webhookUrl);

  registerCatalogRoutes(app, state);
  registerReportingRoutes(app, state);
  registerOrderRoutes(app, state, webhooks);
  registerControlRoutes(app.fastify, setWebhookTarget);

  const handle = await app.listen(options.port);
  return {
    ...handle,
    credentials: { ...PLEASURESTOCK_SANDBOX_CREDENTIALS, webhookSecret: state.webhookSecret },
    state,
    webhooks,
    setWebhookTarget,
    close: async () => {
      webhooks.close();
      await handle.close();
    },
  };
}
