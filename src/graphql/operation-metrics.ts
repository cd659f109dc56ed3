import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayMetrics } from '../http/metrics.ts';

/**
 * Counts each GraphQL operation by type and outcome, and each error in its answer by code.
 * Operation names are left out of the labels: callers choose them, so they would grow without bound.
 */
export function operationMetricsPlugin<C extends object>(metrics: Pick<GatewayMetrics, 'operations' | 'graphqlErrors'>): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operation }) {
          // Answers that never parsed or validated have no operation: counted as "invalid".
          const type = operation?.operation ?? 'invalid';
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          metrics.operations.inc({ type, outcome: errors.length > 0 ? 'error' : 'ok' });
          for (const error of errors) metrics.graphqlErrors.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
        },
      };
    },
  };
}
