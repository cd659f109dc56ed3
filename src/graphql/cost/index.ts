import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller } from '../../auth/api-keys.ts';
import { actualCost } from './actual.ts';
import { CostBuckets } from './bucket.ts';
import { requestedCost } from './estimate.ts';
import type { QueryCostOptions } from './options.ts';
import { maxCostExceeded, throttled } from './refusals.ts';

export { DEFAULT_QUERY_COST, type QueryCostOptions } from './options.ts';

/**
 * Charges each operation its cost against its caller's budget, Shopify's way: the requested
 * cost is computed and taken before execution (refused with MAX_COST_EXCEEDED above the
 * per-query limit, with THROTTLED when the budget holds less, and then nothing executes); after
 * execution the actual cost is counted from the result and the difference refunded. Every answer
 * that got as far as a requested cost carries `extensions.cost`.
 */
export function queryCostPlugin<C extends { caller: Caller }>(
  options: QueryCostOptions,
  /** where a failure to count the actual cost goes; the answer is sent regardless */
  logError: (error: unknown) => void,
): ApolloServerPlugin<C> {
  const buckets = new CostBuckets(options.bucketSize, options.restorePerSecond);
  // A query above the bucket's size could never run; refuse it as too costly rather than throttle it forever.
  const limit = Math.min(options.maxQueryCost, options.bucketSize);
  return {
    async requestDidStart() {
      let requested: number | null = null;
      let taken = false;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          requested = requestedCost(schema, document, operation.name?.value, request.variables);
          if (requested > limit) throw maxCostExceeded(requested, limit);
          const key = contextValue.caller.name;
          const take = buckets.take(key, requested);
          if (!take.taken) throw throttled(requested, buckets.status(key).currentlyAvailable, take.retryAfterMs);
          taken = true;
        },
        async willSendResponse({ schema, document, operation, request, response, contextValue }) {
          if (requested === null || response.body.kind !== 'single') return;
          const key = contextValue.caller.name;
          const result = response.body.singleResult;
          let actual = 0;
          try {
            // Refused by another plugin (FORBIDDEN) or by execution: no data, so all is refunded.
            if (taken && document && operation) actual = actualCost(schema, document, operation, request.variables, result.data);
          } catch (error) {
            // The answer (perhaps of a write) matters more than the refund: charge what was asked.
            logError(error);
            actual = requested;
          }
          if (taken) buckets.refund(key, requested - actual);
          const cost = { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: buckets.status(key) };
          result.extensions = { ...result.extensions, cost };
        },
      };
    },
  };
}
