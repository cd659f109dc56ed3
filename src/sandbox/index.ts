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

export interface SandboxesOptions extends CommonSandboxOptions {
  /** how long Cenports takes to finish an asynchronous write (its default 1.5 s) */
  transactionDelayMs?: number;
  /** the WhiteLabel wallet's starting balance in cents */
  walletBalanceCents?: number;
}

/**
 * Starts all five sandboxes in-process on OS-chosen ports: for tests, the benchmark and
 * `npm start`. Options apply to every sandbox (e.g. a fixed added latency for the benchmark).
 */
export async function startSandboxes(options: SandboxesOptions = {}): Promise<Sandboxes> {
  const { transactionDelayMs, walletBalanceCents, ...rest } = options;
  const common = { ...rest, port: undefined };
  const [centre, whitelabel, pleasurestock, ordersapi, cenports] = await Promise.all([
    startCentreSandbox(common),
    startWhitelabelSandbox({ ...common, walletBalanceCents }),
    startPleasurestockSandbox(common),
    startOrdersapiSandbox(common),
    startCenportsSandbox({ ...common, transactionDelayMs }),
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
