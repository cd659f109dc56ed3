import { startSandboxes } from './index.ts';

/**
 * `npm run sandbox`: the five simulated suppliers alone, for poking at them with curl. Prints each
 * base URL and its test credentials (sandbox-only values, never real secrets).
 */
const sandboxes = await startSandboxes();
for (const sandbox of [sandboxes.centre, sandboxes.whitelabel, sandboxes.pleasurestock, sandboxes.ordersapi, sandboxes.cenports]) {
  console.log(`${sandbox.supplier.padEnd(13)} ${sandbox.baseUrl}  ${JSON.stringify(sandbox.credentials)}`);
}
console.log('Faults: PUT <origin>/__sandbox/faults with a JSON list of rules; counts: GET <origin>/__sandbox/stats');
process.once('SIGINT', () => void sandboxes.close().then(() => process.exit(0)));
