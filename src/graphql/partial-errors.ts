import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Errors of suppliers whose part of a list was left out. A list field cannot both return data
 * and throw, so resolvers record the failure here and the plugin adds it to the response.
 */
export class PartialErrors {
  readonly #errors = new Map<string, GraphQLError>();

  record(error: GraphQLError): void {
    const { supplier, operation, code } = error.extensions as { supplier?: string; operation?: string; code?: string };
    this.#errors.set(`${code}:${supplier}:${operation}`, error);
  }

  /**
   * Records a supplier failure and answers `fallback` for its part; rethrows anything else,
   * which is a bug of ours rather than a supplier's.
   */
  recordOrRethrow<T>(error: unknown, fallback: T): T {
    if (!(error instanceof GraphQLError)) throw error;
    this.record(error);
    return fallback;
  }

  list(): GraphQLError[] {
    return [...this.#errors.values()];
  }
}

/** Adds each request's recorded partial errors to its response's `errors`. */
export function partialErrorsPlugin<C extends { partialErrors: PartialErrors }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const recorded = contextValue.partialErrors.list();
          if (recorded.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...recorded.map((e) => e.toJSON())];
        },
      };
    },
  };
}
