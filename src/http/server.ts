import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { ApiKeys } from '../auth/api-keys.ts';
import { authorizationPlugin, unauthenticated } from '../auth/authorize.ts';
import { createContext, type GatewayContext } from '../graphql/context.ts';
import { DEFAULT_QUERY_COST, queryCostPlugin, type QueryCostOptions } from '../graphql/cost/index.ts';
import { maskUnexpectedErrors, requestIdPlugin } from '../graphql/mask-errors.ts';
import { operationMetricsPlugin } from '../graphql/operation-metrics.ts';
import { partialErrorsPlugin } from '../graphql/partial-errors.ts';
import { buildGatewaySchema } from '../graphql/schema.ts';
import type { LiveUpdates } from '../live/index.ts';
import { graphqlWebsocketRoute } from '../live/websocket.ts';
import { createLogger, type Logger } from '../logging/logger.ts';
import { currentRequestId, runInRequestScope } from '../logging/request-scope.ts';
import type { OrderServiceDeps } from '../orders/place-cart.ts';
import { playground } from '../playground/index.ts';
import { pleasurestockWebhookRoute } from '../webhooks/pleasurestock.ts';
import { createMetrics, type GatewayMetrics } from './metrics.ts';
import { readinessRoute } from './readiness.ts';

export interface GatewayOptions {
  /** the suppliers, the store and what writes need */
  orders: OrderServiceDeps;
  metrics?: GatewayMetrics;
  /** structured JSON logs (default: silent, so tests stay quiet unless they pass one) */
  logger?: Logger;
  /** who may call, by key hash; the sandbox's test keys when absent */
  apiKeys?: ApiKeys;
  /** where the detail of a masked error goes (default: logger.error with the request id) */
  logError?: (error: unknown) => void;
  /** signed supplier webhooks to accept; a supplier without a secret gets no route */
  webhooks?: { pleasurestock?: { secret: string } };
  /** what subscriptions (graphql-ws on /graphql) read; they fail as unexpected errors without it */
  live?: LiveUpdates;
  /** the per-query cost limit and each key's budget (default DEFAULT_QUERY_COST) */
  cost?: QueryCostOptions;
  /** GraphiQL for a browser's GET /graphql (on by default); defaultApiKey only ever a sandbox key */
  playground?: { defaultApiKey?: string } | false;
}

export interface Gateway {
  app: FastifyInstance;
  metrics: GatewayMetrics;
  /** starts listening; resolves to the GraphQL endpoint's URL */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Limits on what one operation may ask, checked before it runs: depth (orders → lines → product
 * → inventory → warehouse → address is 7), aliases, tokens, directives, and no field suggestions
 * in errors (they would map the schema for a caller without introspection). Cost is not armor's
 * static count but queryCostPlugin's, charged to each key's budget.
 */
const QUERY_LIMITS = {
  maxDepth: { n: 10 },
  maxAliases: { n: 15 },
  maxTokens: { n: 4_000 },
  maxDirectives: { n: 20 },
  costLimit: { enabled: false },
  blockFieldSuggestion: { enabled: true },
};

/**
 * The gateway's HTTP surface: /graphql (with the playground for browsers), /healthz, /readyz,
 * /metrics and, when configured, /webhooks/pleasurestock on one Fastify server.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const logger = options.logger ?? createLogger({ level: 'silent' });
  // Widened to Fastify's logger type, so Gateway.app stays the plain FastifyInstance others use.
  const fastifyLogger: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance: fastifyLogger,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    // Request ids are UUIDs so they stay unique across replicas and restarts.
    genReqId: () => randomUUID(),
  });
  // Everything done for a request (resolvers, loaders, supplier calls) can then name it in its logs.
  app.addHook('onRequest', (request, _reply, done) => runInRequestScope({ requestId: String(request.id) }, done));
  const metrics = options.metrics ?? createMetrics();
  metrics.watchSuppliers(options.orders.suppliers);
  const logError =
    options.logError ??
    ((error: unknown) => logger.error({ err: error, requestId: requestIdOf(error) ?? currentRequestId() }, 'request failed'));
  const apiKeys = options.apiKeys ?? ApiKeys.sandbox();
  const armor = new ApolloArmor(QUERY_LIMITS).protect();
  const schema = buildGatewaySchema();
  const apollo = new ApolloServer<GatewayContext>({
    validationRules: armor.validationRules,
    // One operation per request: a batch would multiply every limit below.
    allowBatchedHttpRequests: false,
    schema,
    // The playground is served from npm packages by the gateway itself; Apollo's default page
    // would load from a CDN, which a machine without internet cannot reach.
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<GatewayContext>[]),
      fastifyApolloDrainPlugin(app),
      ApolloServerPluginLandingPageDisabled(),
      // Answers are computed live per caller; HTTP cache hints would only cost time per field.
      ApolloServerPluginCacheControlDisabled(),
      partialErrorsPlugin(),
      authorizationPlugin(),
      operationMetricsPlugin(metrics),
      // After authorization: both refuse in didResolveOperation, and a FORBIDDEN should win.
      queryCostPlugin(options.cost ?? DEFAULT_QUERY_COST, logError),
      requestIdPlugin(({ requestId, error }) => logError(Object.assign(new Error(`request ${requestId} failed`), { cause: error, requestId }))),
    ],
    // Analysts explore the schema in the playground (and the gateway may run with NODE_ENV=production).
    introspection: true,
    // Compact JSON: Apollo's default pretty-printing doubles the bytes of large pages.
    stringifyResult: (result) => JSON.stringify(result),
    includeStacktraceInErrorResponses: false,
    formatError: maskUnexpectedErrors,
  });
  await apollo.start();

  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.register(readinessRoute({ database: options.orders.store.database, logError }));
  app.get('/metrics', async (_request, reply) => {
    void reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  const pleasurestockHooks = options.webhooks?.pleasurestock;
  if (pleasurestockHooks) {
    // Its own encapsulated scope: the raw-body parser there does not reach /graphql.
    await app.register(
      pleasurestockWebhookRoute({ secret: pleasurestockHooks.secret, store: options.orders.store, now: options.orders.now, logError }),
    );
  }
  if (options.playground !== false) {
    await app.register(playground({ endpoint: '/graphql', defaultApiKey: options.playground?.defaultApiKey }));
  }
  const context = async (request: FastifyRequest): Promise<GatewayContext> => {
    const caller = apiKeys.callerOfAuthorization(request.headers.authorization);
    if (!caller) throw unauthenticated();
    return { ...createContext(options.orders, caller), requestId: String(request.id), live: options.live };
  };
  // GET /graphql is the WebSocket route's, which hands every GET that is not an upgrade to Apollo.
  await app.register(fastifyApollo(apollo), { path: '/graphql', method: ['POST', 'OPTIONS'], context });
  await app.register(
    graphqlWebsocketRoute({
      path: '/graphql',
      schema,
      validationRules: armor.validationRules,
      apollo,
      httpContext: context,
      callerOfAuthorization: (value) => apiKeys.callerOfAuthorization(value),
      maxTokens: QUERY_LIMITS.maxTokens.n,
      context: (caller) => ({ ...createContext(options.orders, caller), live: options.live }),
      logError,
    }),
  );

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

/** The request id an error was tagged with (requestIdPlugin's wrapper carries one). */
function requestIdOf(error: unknown): string | undefined {
  const id = (error as { requestId?: unknown } | null)?.requestId;
  return typeof id === 'string' ? id : undefined;
}
