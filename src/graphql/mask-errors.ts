import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../domain/errors.ts';

const KNOWN_CODES = new Set<string>([...Object.values(ErrorCode), 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * Known errors (ours, with a code, and GraphQL's own) pass through; anything else becomes
 * "Unexpected error." with its detail only in the log, so no stack, URL or secret leaks.
 */
export function maskUnexpectedErrors(log: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (original instanceof GraphQLError && typeof code === 'string' && KNOWN_CODES.has(code) && code !== ErrorCode.InternalServerError) {
      return formatted;
    }
    log(original);
    return { message: 'Unexpected error.', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.InternalServerError } };
  };
}
