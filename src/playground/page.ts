import type { AssetName, PlaygroundAsset } from './assets.ts';
import type { ExampleOperation } from './examples.ts';

/** What the page script reads from the page (a JSON block, so no inline script is needed). */
export interface PlaygroundPageConfig {
  endpoint: string;
  /** the headers editor's starting content for every tab */
  defaultHeaders: string;
  /** the Authorization value that means "no key pasted yet" */
  placeholderAuthorization: string;
  tabs: { query: string; variables?: string; headers: string }[];
}

export const PLACEHOLDER_AUTHORIZATION = 'Bearer <paste your API key>';

/**
 * Only the gateway's own origin. Styles allow 'unsafe-inline' because GraphiQL's components
 * (emotion, CodeMirror) write style elements and attributes at run time; scripts do not.
 */
export const PLAYGROUND_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  // GraphiQL's fonts and icons are inlined into its CSS as data: URLs.
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The page's settings: every example as a tab, each with the key header ready to fill. */
export function pageConfig(endpoint: string, examples: readonly ExampleOperation[], defaultApiKey?: string): PlaygroundPageConfig {
  const authorization = defaultApiKey ? `Bearer ${defaultApiKey}` : PLACEHOLDER_AUTHORIZATION;
  const defaultHeaders = JSON.stringify({ Authorization: authorization }, null, 2);
  return {
    endpoint,
    defaultHeaders,
    placeholderAuthorization: PLACEHOLDER_AUTHORIZATION,
    tabs: examples.map((example) => ({
      query: example.query,
      ...(example.variables ? { variables: JSON.stringify(example.variables, null, 2) } : {}),
      headers: defaultHeaders,
    })),
  };
}

/** The HTML of GET /graphql for a browser: a title bar with the key hint, and GraphiQL below. */
export function renderPage(config: PlaygroundPageConfig, assets: Record<AssetName, PlaygroundAsset>, sandboxKey: boolean): string {
  const hint = sandboxKey
    ? 'Sandbox mode: the Headers tab below carries the reader test key; sg_test_partner and sg_test_admin work too.'
    : 'Queries and the schema docs need an API key: paste it into the Headers tab below, in place of &lt;paste your API key&gt;' +
      ' (this browser keeps it), then re-fetch the schema with the ↻ button on the left.';
  const scripts = (['react', 'reactDom', 'graphiql', 'page'] as const)
    .map((name) => `<script src="${assets[name].path}" defer></script>`)
    .join('\n    ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>supplygraph playground</title>
    <link rel="stylesheet" href="${assets.graphiqlCss.path}">
    <link rel="stylesheet" href="${assets.pageCss.path}">
    <script type="application/json" id="playground-config">${jsonForHtml(config)}</script>
    ${scripts}
  </head>
  <body>
    <header class="playground-bar">
      <strong>supplygraph</strong>
      <span class="playground-hint" id="playground-hint">${hint}</span>
    </header>
    <main id="graphiql">Loading the playground…</main>
  </body>
</html>
`;
}

// A JSON block ends at the first "</script": escaping "<" keeps any text inside it.
const jsonForHtml = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
