import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships CJS and ESM builds; Node (and every dependency) loads the CJS one, so tests
    // must too, or schema objects from two copies of graphql meet and refuse each other.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Sandboxes listen on OS-chosen loopback ports, so files can run in parallel safely.
    pool: 'forks',
  },
});
