import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startWhitelabelSandbox, type WhitelabelSandbox } from '../../src/sandbox/whitelabel/index.ts';

/**
 * One WhiteLabel sandbox (no rate limits) for the describe block that calls this, with its faults
 * cleared and its counters reset before each test. Read it as `wl.sandbox` inside hooks and tests.
 */
export function useWhitelabelSandbox(): { readonly sandbox: WhitelabelSandbox } {
  const held: { sandbox?: WhitelabelSandbox } = {};
  beforeAll(async () => {
    held.sandbox = await startWhitelabelSandbox({ rateLimitMode: 'off' });
  });
  afterAll(() => held.sandbox?.close());
  beforeEach(() => {
    held.sandbox!.faults.clear();
    held.sandbox!.stats.reset();
  });
  return {
    get sandbox() {
      return held.sandbox!;
    },
  };
}
