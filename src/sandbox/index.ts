import type { CommonSandboxOptions } from './kit/index.ts';
import { startCenportsSandbox, type CenportsSandbox } from './cenports/index.ts';
import { startCentreSandbox, type CentreSandbox } from './centre/index.ts';
import { startOrdersapiSandbox, type OrdersapiSandbox } from './ordersapi/index.ts';
import { startPleasurestockSandbox, type PleasurestockSandbox } from './pleasurestock/index.ts';
import { startWhitelabelSandbox, type WhitelabelSandbox } from './whitelabel/index.ts';

/** The five simulated suppliers, each a real HTTP server on its own loopback port. */
export interface Sandboxes {
  centre: CentreSandbox;
  whitelabel: WhitelabelSandbox;
  pleasurestock: PleasurestockSandbox;
  ordersapi: OrdersapiSandbox;
  cenports: CenportsSandbox;
  /** closes all five */
  close(): Promise<void>;
}

/**
 * Starts all five sandboxes in-process on OS-chosen ports: for tests, the benchmark and
 * `npm start`. Options apply to every sandbox (e.g. a fixed added latency for the benchmark).
 */
export async function startSandboxes(options: CommonSandboxOptions = {}): Promise<Sandboxes> {
  const common = { ...options, port: undefined };
  const [centre, whitelabel, pleasurestock, ordersapi, cenports] = await Promise.all([
    startCentreSandbox(common),
    startWhitelabelSandbox(common),
    startPleasurestockSandbox(common),
    startOrdersapiSandbox(common),
    startCenportsSandbox(common),
  ]);
  const all = [centre, whitelabel, pleasurestock, ordersapi, cenports];
  return {
    centre,
    whitelabel,
    pleasurestock,
    ordersapi,
    cenports,
    close: async () => {
      await Promise.all(all.map((sandbox) => sandbox.close()));
    },
  };
}
