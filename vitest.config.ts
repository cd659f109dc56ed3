import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Sandboxes listen on OS-chosen loopback ports, so files can run in parallel safely.
    pool: 'forks',
  },
});
