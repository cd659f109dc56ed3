import { existsSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';

// The browser test drives Debian's Chromium, which .ci/run installs and requires. A developer's
// machine without one runs every other test, as one without TEST_DATABASE_URL runs every test
// but the PostgreSQL suites, and is told why the browser test did not run.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runBrowserTest = existsSync(chromium) || process.env.SUPPLYGRAPH_REQUIRE_BROWSER === '1';
if (!runBrowserTest) {
  console.warn(`test/browser/playground.test.ts not run: no Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
}

export default defineConfig({
  resolve: {
    // graphql ships CJS and ESM builds; Node (and every dependency) loads the CJS one, so tests
    // must too, or schema objects from two copies of graphql meet and refuse each other.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(runBrowserTest ? [] : ['test/browser/playground.test.ts'])],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Sandboxes listen on OS-chosen loopback ports, so files can run in parallel safely.
    pool: 'forks',
  },
});
