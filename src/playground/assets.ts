import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Where the playground's files are served from; each name carries its content hash. */
export const ASSETS_PREFIX = '/playground/assets/';

/** One static file of the playground, read once. */
export interface PlaygroundAsset {
  /** the URL path, e.g. `/playground/assets/graphiql.3f9a1c2b.js` */
  path: string;
  contentType: string;
  body: Buffer;
  /** gzipped on first demand: the GraphiQL bundle is 3.5 MB, about 0.7 MB gzipped */
  gzipped(): Buffer;
}

const require = createRequire(import.meta.url);
// Packages whose exports hide their UMD builds are found by their package.json.
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const own = (file: string) => join(dirname(fileURLToPath(import.meta.url)), 'browser', file);

/** In load order: React first, GraphiQL needs its globals, the page script needs all three. */
const SOURCES = {
  react: { file: () => join(packageDir('react'), 'umd/react.production.min.js'), type: 'js' },
  reactDom: { file: () => join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), type: 'js' },
  graphiql: { file: () => join(packageDir('graphiql'), 'graphiql.min.js'), type: 'js' },
  graphiqlCss: { file: () => join(packageDir('graphiql'), 'graphiql.min.css'), type: 'css' },
  page: { file: () => own('playground.js'), type: 'js' },
  pageCss: { file: () => own('playground.css'), type: 'css' },
} as const;

export type AssetName = keyof typeof SOURCES;

const CONTENT_TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

/**
 * Reads the playground's files from node_modules and src/playground/browser. Throws when a
 * package is missing, so a broken install fails at the first page view rather than in a browser.
 */
export function loadPlaygroundAssets(): Record<AssetName, PlaygroundAsset> {
  const entries = Object.entries(SOURCES).map(([name, source]) => {
    const body = readFileSync(source.file());
    // The hash in the name lets browsers cache each file for good and still see a new version.
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    let gzipped: Buffer | undefined;
    const asset: PlaygroundAsset = {
      path: `${ASSETS_PREFIX}${name}.${hash}.${source.type}`,
      contentType: CONTENT_TYPES[source.type],
      body,
      gzipped: () => (gzipped ??= gzipSync(body)),
    };
    return [name, asset] as const;
  });
  return Object.fromEntries(entries) as Record<AssetName, PlaygroundAsset>;
}
