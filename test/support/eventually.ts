import { vi } from 'vitest';

/**
 * Reads until `done` holds of what it read, every 100 ms, and answers that value; fails the test
 * with the last value read when it does not hold within `timeoutMs`.
 */
export function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await read();
      if (!done(value)) throw new Error(`not yet, after ${timeoutMs} ms: ${JSON.stringify(value)?.slice(0, 500)}`);
      return value;
    },
    { timeout: timeoutMs, interval: 100 },
  );
}
