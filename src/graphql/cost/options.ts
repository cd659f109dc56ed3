/** The limits of the query cost model (model.ts), in points. */
export interface QueryCostOptions {
  /** the most one operation may request; above it the operation is refused (MAX_COST_EXCEEDED) */
  maxQueryCost: number;
  /** the most a key's budget holds */
  bucketSize: number;
  /** points a key's budget regains each second */
  restorePerSecond: number;
}

/**
 * Shopify's 1,000 points a query. Its standard bucket (2,000 refilling at 100 a second) is made
 * for many apps sharing one shop; a key here is one merchant app or partner, so it may read a
 * 1,000-point page every 2 seconds for as long as it likes, or ten of them at once.
 */
export const DEFAULT_QUERY_COST: QueryCostOptions = { maxQueryCost: 2_000, bucketSize: 10_000, restorePerSecond: 500 };
