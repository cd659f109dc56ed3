import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('what the gateway sends a browser at /graphql', () => {
  let gateway: SandboxedGateway;
  let page: Response;
  let html: string;
  beforeAll(async () => {
    // As `npm start` in sandbox mode.
    gateway = await startSandboxedGateway({ playground: { defaultApiKey: 'sg_test_reader' } });
    page = await fetch(gateway.url, { headers: { accept: BROWSER_ACCEPT } });
    html = await page.text();
  });
  afterAll(() => gateway.close());
  const assetPaths = () => [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);

  it('answers a page view with the playground under a policy that allows only its own origin', () => {
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('loads only its own files and no inline script', () => {
    expect(assetPaths().length).toBe(6);
    for (const path of assetPaths()) expect(path).toMatch(/^\/playground\/assets\/[\w-]+\.[0-9a-f]{12}\.(js|css)$/);
    expect(html).not.toMatch(/<script(?![^>]*(\bsrc=|type="application\/json"))/);
  });

  it('pre-fills the sandbox reader key and carries every saved example', () => {
    expect(html).toContain('Bearer sg_test_reader');
    for (const name of ['OpenOrdersAcrossSuppliers', 'StockForSku', 'WalletBalances', 'FailedTransactions', 'ShipmentsInTransit']) {
      expect(html).toContain(`query ${name}`);
    }
  });

  it('serves its files for good caching, gzipped when asked', async () => {
    for (const path of assetPaths()) {
      const plain = await fetch(new URL(path, gateway.url), { headers: { 'accept-encoding': 'identity' } });
      expect(plain.status).toBe(200);
      expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(plain.headers.get('content-type')).toMatch(path.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
      expect(plain.headers.get('content-encoding')).toBeNull();
      const bytes = (await plain.arrayBuffer()).byteLength;
      const zipped = await fetch(new URL(path, gateway.url), { headers: { 'accept-encoding': 'gzip' } });
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      expect((await zipped.arrayBuffer()).byteLength).toBe(bytes); // fetch unzips: the same file
    }
  });

  it('answers an unknown playground file with 404', async () => {
    const response = await fetch(new URL('/playground/assets/graphiql.000000000000.js', gateway.url));
    expect(response.status).toBe(404);
  });

  it('leaves a GET with a query to Apollo, its CSRF rule included', async () => {
    const url = new URL(gateway.url);
    url.searchParams.set('query', '{ suppliers { code } }');
    const refused = await fetch(url, { headers: { accept: BROWSER_ACCEPT, authorization: 'Bearer sg_test_reader' } });
    expect(refused.status).toBe(400);
    expect(await refused.text()).not.toContain('<!doctype html>');
    const answered = await fetch(url, { headers: { authorization: 'Bearer sg_test_reader', 'apollo-require-preflight': 'true' } });
    expect(((await answered.json()) as { data: { suppliers: unknown[] } }).data.suppliers.length).toBe(5);
  });

  it('leaves a POST and a non-browser GET to Apollo', async () => {
    const post = await fetch(gateway.url, {
      method: 'POST',
      headers: { accept: BROWSER_ACCEPT, 'content-type': 'application/json', authorization: 'Bearer sg_test_reader' },
      body: JSON.stringify({ query: '{ suppliers { code } }' }),
    });
    expect(post.headers.get('content-type')).toMatch(/json/);
    expect(((await post.json()) as { data: { suppliers: unknown[] } }).data.suppliers.length).toBe(5);
    const api = await fetch(gateway.url, { headers: { accept: 'application/json' } });
    expect(api.headers.get('content-type')).not.toMatch(/html/);
  });
});
