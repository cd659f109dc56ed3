import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { ErrorCode } from '../../domain/errors.ts';

/** The query asks for more than one query may cost: it never will run as it is, so not retryable. */
export function maxCostExceeded(cost: number, limit: number): GraphQLError {
  return new GraphQLError(
    `this query would cost ${cost} points, above the limit of ${limit} per query; ask for fewer items (a smaller first) or split it`,
    { extensions: { code: ErrorCode.MaxCostExceeded, cost, maxCost: limit, retryable: false, http: { status: 400 } } },
  );
}

/** The key's budget holds less than the query would cost: it will after `retryAfterMs`. */
export function throttled(cost: number, available: number, retryAfterMs: number): GraphQLError {
  return new GraphQLError(
    `this query would cost ${cost} points and this key's budget holds ${available}; retry in ${retryAfterMs} ms`,
    {
      extensions: {
        code: ErrorCode.Throttled,
        cost,
        retryable: true,
        retryAfterMs,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(Math.ceil(retryAfterMs / 1000))]]) },
      },
    },
  );
}
