import { startRuntime } from './app/runtime.ts';
import { ApiKeys } from './auth/api-keys.ts';
import { loadConfig, type SuppliersConfig } from './config.ts';
import { SUPPLIER_IDS } from './domain/supplier.ts';
import { createMetrics } from './http/metrics.ts';
import { createGateway } from './http/server.ts';
import { createLogger } from './logging/logger.ts';

/**
 * `npm start`. In sandbox mode (the default) it first starts the five simulated suppliers
 * in-process on loopback ports, so a newcomer can query everything at once; in live mode it uses
 * the suppliers named in the environment.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel });
  let suppliers: SuppliersConfig;
  let stopSandboxes = async () => {};
  let pointWebhooksAt = (_origin: string) => {};
  if (config.mode === 'sandbox') {
    // Imported only here, at the composition root: production modules never import the sandbox.
    const { startSandboxes } = await import('./sandbox/index.ts');
    const { sandboxSuppliersConfig } = await import('./sandbox/gateway-config.ts');
    const sandboxes = await startSandboxes();
    suppliers = sandboxSuppliersConfig(sandboxes);
    stopSandboxes = sandboxes.close;
    // The PleasureStock sandbox sends its signed webhooks to this gateway once it listens.
    pointWebhooksAt = (origin) =>
      sandboxes.pleasurestock.setWebhookTarget(`${origin}/webhooks/pleasurestock`, sandboxes.pleasurestock.credentials.webhookSecret);
    for (const sandbox of [sandboxes.centre, sandboxes.whitelabel, sandboxes.pleasurestock, sandboxes.ordersapi, sandboxes.cenports]) {
      logger.info({ supplier: sandbox.supplier, baseUrl: sandbox.baseUrl }, `sandbox ${sandbox.supplier} at ${sandbox.baseUrl}`);
    }
  } else {
    suppliers = config.suppliers!;
  }

  const metrics = createMetrics();
  const runtime = await startRuntime({
    suppliers,
    metrics,
    logger,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    leaseMs: config.leaseMs,
    unansweredSettleMs: config.unansweredSettleMs,
    polling: config.polling,
  });
  // The sg_test_ keys of DESIGN.md open the sandbox; live mode knows only its configured hashes.
  const apiKeys = config.mode === 'sandbox' ? ApiKeys.sandbox() : new ApiKeys(config.apiKeys);
  const webhookSecret = suppliers.pleasurestock?.webhookSecret;
  const webhooks = webhookSecret ? { pleasurestock: { secret: webhookSecret } } : undefined;
  // The playground pre-fills the reader test key in sandbox mode only: a live key is never put in a page.
  const playground = config.mode === 'sandbox' ? { defaultApiKey: 'sg_test_reader' } : {};
  const gateway = await createGateway({ orders: runtime.orders, metrics, logger, apiKeys, webhooks, playground, cost: config.cost, live: runtime.live });
  const url = await gateway.listen(config.port, config.host);
  pointWebhooksAt(new URL(url).origin);
  // A supplier with no variables at all is simply not served (the merchant may not buy from it):
  // the start line says which are, so one forgotten entirely is seen at once.
  const served = SUPPLIER_IDS.filter((id) => suppliers[id] !== undefined);
  const notServed = SUPPLIER_IDS.filter((id) => suppliers[id] === undefined);
  logger.info(
    { url, mode: config.mode, suppliers: served, notServed },
    `supplygraph listening on ${url} (${config.mode} mode; suppliers: ${served.join(', ')}${notServed.length > 0 ? `; not configured: ${notServed.join(', ')}` : ''})`,
  );

  const stop = async (signal: string) => {
    logger.info({ signal }, `supplygraph stopping (${signal})`);
    await gateway.close();
    await runtime.close();
    await stopSandboxes();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
