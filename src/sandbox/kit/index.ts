export { createSandboxApp, SandboxHttpError } from './app.ts';
export type {
  CommonSandboxOptions,
  RateLimitMode,
  SandboxApp,
  SandboxAppOptions,
  SandboxHandle,
  SandboxRoute,
} from './app.ts';
export { FaultController } from './faults.ts';
export type { FaultRule, FaultKind } from './faults.ts';
export { RequestStats } from './stats.ts';
export type { StatsSnapshot } from './stats.ts';
export { seededRandom } from './random.ts';
export type { Random } from './random.ts';
export type { RateWindow } from './rate-limit.ts';
