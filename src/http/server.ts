import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { createContext, type GatewayContext } from '../graphql/context.ts';
import { maskUnexpectedErrors } from '../graphql/mask-errors.ts';
import { partialErrorsPlugin } from '../graphql/partial-errors.ts';
import { buildGatewaySchema } from '../graphql/schema.ts';
import type { OrderServiceDeps } from '../orders/place-cart.ts';
import { createMetrics, type GatewayMetrics } from './metrics.ts';

export interface GatewayOptions {
  /** the suppliers, the store and what writes need */
  orders: OrderServiceDeps;
  metrics?: GatewayMetrics;
  /** where the detail of a masked error goes (default: stderr) */
  logError?: (error: unknown) => void;
}

export interface Gateway {
  app: FastifyInstance;
  metrics: GatewayMetrics;
  /** starts listening; resolves to the GraphQL endpoint's URL */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** The gateway's HTTP surface: /graphql, /healthz and /metrics on one Fastify server. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const app = Fastify({ logger: false });
  const metrics = options.metrics ?? createMetrics();
  const apollo = new ApolloServer<GatewayContext>({
    schema: buildGatewaySchema(),
    // The playground is served from npm packages by the gateway itself; Apollo's default page
    // would load from a CDN, which a machine without internet cannot reach.
    plugins: [
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginLandingPageDisabled(),
      // Answers are computed live per caller; HTTP cache hints would only cost time per field.
      ApolloServerPluginCacheControlDisabled(),
      partialErrorsPlugin(),
    ],
    // Analysts explore the schema in the playground (and the gateway may run with NODE_ENV=production).
    introspection: true,
    // Compact JSON: Apollo's default pretty-printing doubles the bytes of large pages.
    stringifyResult: (result) => JSON.stringify(result),
    includeStacktraceInErrorResponses: false,
    formatError: maskUnexpectedErrors(options.logError ?? ((error) => console.error(error))),
  });
  await apollo.start();

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/metrics', async (_request, reply) => {
    void reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    // Until callers authenticate, every caller shares one idempotency scope.
    context: async (): Promise<GatewayContext> => createContext(options.orders, 'public'),
  });

  return {
    app,
    metrics,
    async listen(port, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      const bound = address && typeof address === 'object' ? address.port : port;
      return `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${bound}/graphql`;
    },
    close: () => app.close(),
  };
}
