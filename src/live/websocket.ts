import { randomUUID } from 'node:crypto';
import fastifyWebsocket from '@fastify/websocket';
import type { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyPluginAsync, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type GraphQLSchema, type ValidationRule } from 'graphql';
import { makeHandler } from 'graphql-ws/use/@fastify/websocket';
import type { Caller } from '../auth/api-keys.ts';
import { forbidden } from '../auth/authorize.ts';
import type { GatewayContext } from '../graphql/context.ts';
import { isExpected, maskUnexpectedErrors } from '../graphql/mask-errors.ts';

/** Subscriptions one socket may hold at once: each costs a listener and a queue. */
const MAX_SUBSCRIPTIONS_PER_SOCKET = 25;
/** The largest message a client may send (an operation and its variables). */
const MAX_MESSAGE_BYTES = 64 * 1024;

export interface GraphqlWebsocketOptions {
  path: string;
  schema: GraphQLSchema;
  /** the same limits HTTP operations get (depth, aliases, cost...) */
  validationRules: readonly ValidationRule[];
  /** answers plain (not upgraded) GET requests on the path, with the context HTTP requests get */
  apollo: ApolloServer<GatewayContext>;
  httpContext: (request: FastifyRequest) => Promise<GatewayContext>;
  /** the caller of an `Authorization: Bearer <key>` value, or null */
  callerOfAuthorization(value: unknown): Caller | null;
  /** the most tokens an operation may have, as over HTTP */
  maxTokens: number;
  /** a fresh context for one operation of the caller */
  context(caller: Caller): Omit<GatewayContext, 'requestId'>;
  logError: (error: unknown) => void;
}

type Extra = { caller: Caller };

/**
 * graphql-ws on the GraphQL path: an upgraded GET speaks WebSocket, any other GET goes on to
 * `httpHandler`. The key comes in `connection_init` (`Authorization` or `authorization`:
 * `Bearer <key>`), or else in the upgrade request's own Authorization header; without a known
 * key the socket is closed 4403 Forbidden. Only subscriptions are served here: queries and
 * mutations keep to HTTP POST, with its request ids and limits. Errors are masked as on HTTP.
 * Open sockets are closed when the server closes.
 */
export function graphqlWebsocketRoute(options: GraphqlWebsocketOptions): FastifyPluginAsync {
  const rules = [...specifiedRules, ...options.validationRules];
  const wsHandler = makeHandler<Record<string, unknown> | undefined, Extra>({
    schema: options.schema,
    onConnect(ctx) {
      const caller = callerOf(ctx.connectionParams, ctx.extra.request, options);
      if (!caller) return false;
      ctx.extra.caller = caller;
      return true;
    },
    onSubscribe(ctx, _id, payload) {
      const caller = ctx.extra.caller;
      if (!caller) return [new GraphQLError('an API key is required', { extensions: { code: 'UNAUTHENTICATED' } })];
      if (Object.keys(ctx.subscriptions).length >= MAX_SUBSCRIPTIONS_PER_SOCKET) {
        return [new GraphQLError(`a socket may hold at most ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions`, { extensions: { code: 'BAD_REQUEST' } })];
      }
      let document;
      try {
        document = parse(payload.query, { maxTokens: options.maxTokens });
      } catch (error) {
        return [error instanceof GraphQLError ? withCode(error, 'GRAPHQL_PARSE_FAILED') : new GraphQLError('the query cannot be parsed')];
      }
      const errors = validate(options.schema, document, rules);
      if (errors.length > 0) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
      const operation = getOperationAST(document, payload.operationName);
      if (!operation) return [new GraphQLError('name the operation to run', { extensions: { code: 'BAD_REQUEST' } })];
      if (operation.operation !== 'subscription') {
        return [new GraphQLError('only subscriptions are served over WebSocket; send queries and mutations with HTTP POST', { extensions: { code: 'BAD_REQUEST' } })];
      }
      const refused = forbidden(caller, operation);
      if (refused) return [refused];
      const contextValue: GatewayContext = { ...options.context(caller), requestId: randomUUID() };
      return { schema: options.schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue };
    },
    onNext(_ctx, _id, _payload, args, result) {
      const context = args.contextValue as GatewayContext;
      const errors = [...(result.errors ?? []), ...context.partialErrors.list()];
      if (errors.length === 0) return;
      return { ...result, errors: errors.map((error) => masked(error, context.requestId, options.logError)) };
    },
    onError(_ctx, _id, _payload, errors) {
      return errors.map((error) => masked(error, null, options.logError));
    },
  });

  return async (scope) => {
    await scope.register(fastifyWebsocket, { options: { maxPayload: MAX_MESSAGE_BYTES } });
    const handler = fastifyApolloHandler(options.apollo, { context: options.httpContext });
    // Apollo types its handler for its own route generics; at run time it is any GET handler.
    scope.route({ method: 'GET', url: options.path, handler: handler as RouteHandlerMethod, wsHandler });
  };
}

/** The caller of the key in the connection_init payload, else in the upgrade request's header. */
function callerOf(params: Record<string, unknown> | undefined, request: FastifyRequest, keys: Pick<GraphqlWebsocketOptions, 'callerOfAuthorization'>): Caller | null {
  return keys.callerOfAuthorization(params?.Authorization ?? params?.authorization ?? request.headers.authorization);
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

/** As HTTP answers: known errors pass, anything else is "Unexpected error." with its detail logged. */
function masked(error: GraphQLError, requestId: string | null, logError: (error: unknown) => void) {
  const formatted = maskUnexpectedErrors(error.toJSON(), error);
  if (!isExpected(error, error.extensions.code)) logError(Object.assign(new Error(`subscription ${requestId ?? ''} failed`), { cause: error, ...(requestId && { requestId }) }));
  return requestId ? { ...formatted, extensions: { ...formatted.extensions, requestId } } : formatted;
}
