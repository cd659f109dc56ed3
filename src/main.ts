import { loadConfig } from './config.ts';
import { createGateway } from './http/server.ts';
import { SupplierRegistry } from './suppliers/registry.ts';

/**
 * `npm start`: with no supplier configuration, starts the five sandbox suppliers in-process on
 * loopback ports and the gateway on PORT (4000), so a newcomer can query everything at once.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // Imported only here, at the composition root: production modules never import the sandbox.
  const { startSandboxes } = await import('./sandbox/index.ts');
  const sandboxes = await startSandboxes();
  const gateway = await createGateway({ suppliers: new SupplierRegistry() });
  const url = await gateway.listen(config.port, config.host);

  console.log(`supplygraph listening on ${url}`);
  for (const sandbox of [sandboxes.centre, sandboxes.whitelabel, sandboxes.pleasurestock, sandboxes.ordersapi, sandboxes.cenports]) {
    console.log(`  sandbox ${sandbox.supplier.padEnd(13)} ${sandbox.baseUrl}`);
  }

  const stop = async (signal: string) => {
    console.log(`supplygraph stopping (${signal})`);
    await gateway.close();
    await sandboxes.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
