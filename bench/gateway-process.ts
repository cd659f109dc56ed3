import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Sandboxes } from '../src/sandbox/index.ts';
import { liveEnvironment } from '../src/sandbox/live-environment.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

export interface GatewayProcess {
  url: string;
  /** the process's peak resident set size so far, in MiB (Linux VmHWM) */
  peakRssMiB(): number;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown, nothing flushed, as a crash */
  kill(): Promise<void>;
}

/** The gateway in its own process, in live mode against the sandboxes, so its RSS is its own. */
export async function startGatewayProcess(
  sandboxes: Sandboxes,
  options: { profileDir?: string; env?: Record<string, string> } = {},
): Promise<GatewayProcess> {
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { NODE_ENV: 'production', SUPPLYGRAPH_DATA_DIR: 'memory', ...process.env, ...liveEnvironment(sandboxes), PORT: '0', HOST: '127.0.0.1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Only the last few KiB are kept (for the error if it exits): the gateway logs a line per
  // supplier call, and a growing string rescanned per chunk would cost the benchmark's own CPU.
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8_192));
  const url = await new Promise<string>((resolve, reject) => {
    const lookForUrl = (chunk: Buffer) => {
      keep(chunk);
      const match = /listening on (http:\/\/[^\s"]+)/.exec(output);
      if (!match) return;
      child.stdout!.off('data', lookForUrl).on('data', keep);
      resolve(match[1]!);
    };
    child.stdout!.on('data', lookForUrl);
    child.stderr!.on('data', keep);
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
    kill: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
