import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sandboxSuppliersConfig } from '../src/sandbox/gateway-config.ts';
import type { Sandboxes } from '../src/sandbox/index.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

/** The environment that points a live-mode gateway at the running sandboxes. */
function liveEnvironment(sandboxes: Sandboxes): Record<string, string> {
  const config = sandboxSuppliersConfig(sandboxes);
  const dir = mkdtempSync(join(tmpdir(), 'supplygraph-bench-'));
  writeFileSync(join(dir, 'centre.json'), JSON.stringify(config.centre!.priceList));
  writeFileSync(join(dir, 'ordersapi.json'), JSON.stringify(config.ordersapi!.catalog));
  return {
    SUPPLYGRAPH_MODE: 'live',
    CENTRE_BASE_URL: config.centre!.baseUrl,
    CENTRE_API_KEY: config.centre!.apiKey,
    CENTRE_PRICE_LIST_FILE: join(dir, 'centre.json'),
    WHITELABEL_BASE_URL: config.whitelabel!.baseUrl,
    WHITELABEL_STORE_ID: config.whitelabel!.store.storeId,
    WHITELABEL_STORE_SECRET: config.whitelabel!.store.storeSecret,
    PLEASURESTOCK_BASE_URL: config.pleasurestock!.baseUrl,
    PLEASURESTOCK_API_KEY: config.pleasurestock!.apiKey,
    ORDERSAPI_BASE_URL: config.ordersapi!.baseUrl,
    ORDERSAPI_API_KEY: config.ordersapi!.apiKey,
    ORDERSAPI_CATALOG_FILE: join(dir, 'ordersapi.json'),
    CENPORTS_BASE_URL: config.cenports!.baseUrl,
    CENPORTS_CLIENT_ID: config.cenports!.clientId,
    CENPORTS_CLIENT_SECRET: config.cenports!.clientSecret,
    CENPORTS_PARTNER_ID: config.cenports!.partnerId,
    CENPORTS_CHANNEL_ID: config.cenports!.channelId,
  };
}

export interface GatewayProcess {
  url: string;
  /** the process's peak resident set size so far, in MiB (Linux VmHWM) */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

/** The gateway in its own process, in live mode against the sandboxes, so its RSS is its own. */
export async function startGatewayProcess(sandboxes: Sandboxes, options: { profileDir?: string } = {}): Promise<GatewayProcess> {
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { NODE_ENV: 'production', ...process.env, ...liveEnvironment(sandboxes), PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}:\n${output}`)));
  });
  return {
    url,
    peakRssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kib / 102.4) / 10;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
