import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../domain/errors.ts';

const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'IDEMPOTENCY_KEY_IN_USE',
]);

/** Ours or GraphQL's own, with a code a client can act on: safe to show as it is. */
export function isExpected(error: unknown, code: unknown): boolean {
  return unwrapResolverError(error) instanceof GraphQLError && typeof code === 'string' && KNOWN_CODES.has(code) && code !== ErrorCode.InternalServerError;
}

const codeOf = (error: unknown) => {
  const original = unwrapResolverError(error);
  return original instanceof GraphQLError ? (original.extensions.code ?? (error as GraphQLError).extensions?.code) : undefined;
};

/**
 * Known errors pass through; anything else becomes "Unexpected error." so no stack, URL or
 * secret leaks (the detail goes to the log with the request id, see requestIdPlugin).
 */
export function maskUnexpectedErrors(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isExpected(error, formatted.extensions?.code)) return formatted;
  return { message: 'Unexpected error.', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.InternalServerError } };
}

/**
 * Gives every answer an `x-request-id` header and every error `extensions.requestId`, and logs
 * each unexpected error's detail with that id, so a caller's report leads to the log line.
 */
export function requestIdPlugin<C extends { requestId: string }>(log: (entry: { requestId: string; error: unknown }) => void): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (!isExpected(error, codeOf(error))) log({ requestId: contextValue.requestId, error: unwrapResolverError(error) });
          }
        },
        async willSendResponse({ response, contextValue }) {
          response.http.headers.set('x-request-id', contextValue.requestId);
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => ({
            ...error,
            extensions: { ...error.extensions, requestId: contextValue.requestId },
          }));
        },
      };
    },
  };
}
