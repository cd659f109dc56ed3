import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { ASSETS_PREFIX, loadPlaygroundAssets, type PlaygroundAsset } from './assets.ts';
import { EXAMPLE_OPERATIONS } from './examples.ts';
import { PLAYGROUND_CSP, pageConfig, renderPage } from './page.ts';

export interface PlaygroundOptions {
  /** the GraphQL endpoint the page answers on and posts to */
  endpoint: string;
  /** a key to pre-fill in the headers editor: the sandbox's reader test key, never a live secret */
  defaultApiKey?: string;
}

/**
 * The analysts' playground: GraphiQL at GET `endpoint` for a browser (Accept text/html and no
 * `query` parameter), its files under /playground/assets/ from node_modules, nothing from a CDN.
 * Every other request to `endpoint` goes on to Apollo untouched. Register it before Apollo's
 * route; the page's files are read at the first page view and a missing one answers 500.
 */
export function playground(options: PlaygroundOptions): FastifyPluginAsync {
  const plugin: FastifyPluginAsync = async (app) => {
    let loaded: { page: string; byPath: Map<string, PlaygroundAsset> } | undefined;
    const load = () => {
      if (loaded) return loaded;
      const assets = loadPlaygroundAssets();
      const config = pageConfig(options.endpoint, EXAMPLE_OPERATIONS, options.defaultApiKey);
      const page = renderPage(config, assets, options.defaultApiKey !== undefined);
      return (loaded = { page, byPath: new Map(Object.values(assets).map((asset) => [asset.path, asset])) });
    };

    // A hook, not a route: Apollo owns GET /graphql, and a browser's page view is one case of it.
    app.addHook('onRequest', async (request, reply) => {
      if (!isPageView(request, options.endpoint)) return;
      return reply
        .header('content-security-policy', PLAYGROUND_CSP)
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .type('text/html; charset=utf-8')
        .send(load().page);
    });

    app.get(`${ASSETS_PREFIX}:file`, async (request, reply) => {
      const asset = load().byPath.get(request.url.split('?')[0]!);
      if (!asset) return reply.code(404).send({ error: 'no such playground file' });
      return sendAsset(request, reply, asset);
    });
  };
  // Not encapsulated: the hook must reach Apollo's route, which lives outside this plugin.
  return fastifyPlugin(plugin, { name: 'supplygraph-playground' });
}

function isPageView(request: FastifyRequest, endpoint: string): boolean {
  if (request.method !== 'GET' || request.url.split('?')[0] !== endpoint) return false;
  // A WebSocket handshake on the same path (subscriptions) is never a page view.
  if (request.headers.upgrade !== undefined) return false;
  const query = request.query as Record<string, unknown> | undefined;
  return query?.query === undefined && (request.headers.accept ?? '').includes('text/html');
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: PlaygroundAsset) {
  // Names carry a content hash, so a cached copy is never stale.
  void reply
    .header('cache-control', 'public, max-age=31536000, immutable')
    .header('vary', 'accept-encoding')
    .header('x-content-type-options', 'nosniff')
    .type(asset.contentType);
  if (!/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.send(asset.body);
  return reply.header('content-encoding', 'gzip').send(asset.gzipped());
}
