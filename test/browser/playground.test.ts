import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

// Debian's Chromium, which .ci/run installs; playwright-core downloads no browser of its own.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = fileURLToPath(new URL('../../test-results/playground.png', import.meta.url));

/** The text CodeMirror shows in the result pane (it renders the lines in view). */
const resultText = (page: Page) => page.locator('.result-window').innerText();

/** What CodeMirror 5 hangs on its wrapper element. */
type CodeMirrorHost = { CodeMirror: { setValue(value: string): void } };

/** Replaces the headers editor's text through CodeMirror, as pasting would (typing auto-closes brackets). */
async function pasteHeaders(page: Page, text: string) {
  await page.getByRole('button', { name: 'Headers' }).click();
  // GraphiQL keeps the variables editor in the same place, marked hidden.
  const editor = page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror');
  await editor.evaluate((element, value) => (element as unknown as CodeMirrorHost).CodeMirror.setValue(value), text);
}

describe('the playground in a browser', () => {
  let gateway: SandboxedGateway;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const requested: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's package (apt-get install -y chromium), as .ci/run does`);
    }
    // No default key, as in live mode: the analyst pastes one.
    [gateway, browser] = await Promise.all([
      startSandboxedGateway(),
      chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] }),
    ]);
    origin = new URL(gateway.url).origin;
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (request) => requested.push(request.url()));
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(gateway.url);
    await page.getByRole('tab', { name: 'WalletBalances' }).waitFor({ timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it('tells the analyst where the API key goes before anything runs', async () => {
    expect(await page.locator('#playground-hint').innerText()).toContain('paste it into the Headers tab');
    const headers = await page.locator('.graphiql-editor-tool').innerText();
    expect(headers).toContain('<paste your API key>');
  });

  it('runs the saved wallet-balances example with the pasted key and shows the sandbox’s wallet', async () => {
    await page.getByRole('tab', { name: 'WalletBalances' }).click();
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText()).toContain('query WalletBalances');
    await pasteHeaders(page, '{"Authorization": "Bearer sg_test_reader"}');
    await page.locator('.graphiql-execute-button').click();

    await expect.poll(() => resultText(page), { timeout: 15_000 }).toContain('"WHITELABEL"');
    const result = await resultText(page);
    expect(result).toContain('"currencyCode": "USD"');
    expect(result).not.toContain('"errors"');
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('sends the key pasted once for the other tabs too', async () => {
    await page.getByRole('tab', { name: 'ShipmentsInTransit' }).click();
    await expect.poll(() => page.locator('.graphiql-query-editor').innerText()).toContain('query ShipmentsInTransit');
    expect(await page.locator('.graphiql-editor-tool').innerText()).toContain('<paste your API key>');
    // GraphiQL settles the new tab's operation name a moment after its text; a click in between
    // sends the previous tab's name, which the gateway rightly refuses. Click again then.
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.locator('.graphiql-execute-button').click();
      await expect.poll(() => resultText(page), { timeout: 15_000 }).toMatch(/"status": "(IN_TRANSIT|PICKED_UP)"|OPERATION_RESOLUTION_FAILURE/);
      if (!(await resultText(page)).includes('OPERATION_RESOLUTION_FAILURE')) break;
    }
    expect(await resultText(page)).toMatch(/"status": "(IN_TRANSIT|PICKED_UP)"/);
  });

  it('shows the schema docs, searchable, once the schema is fetched with the key', async () => {
    await page.getByRole('button', { name: 'Re-fetch GraphQL schema' }).click();
    await page.getByRole('button', { name: 'Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await expect.poll(() => docs.innerText(), { timeout: 15_000 }).toContain('Query');
    await docs.locator('input').fill('wallets');
    await expect.poll(() => docs.innerText(), { timeout: 10_000 }).toMatch(/wallets/);
  });

  it('loads nothing from outside the gateway and breaks none of its content security policy', () => {
    const network = requested.filter((url) => !url.startsWith('data:'));
    expect(network.length).toBeGreaterThan(4);
    expect(network.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
