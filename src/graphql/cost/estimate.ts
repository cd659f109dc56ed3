import { getNamedType, GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../../domain/errors.ts';
import { chargeOf, COST, listEstimateOf, objectCost, pageSizeOf } from './model.ts';

/**
 * One field's requested cost under the model of model.ts: a connection counts `first` items, a
 * list without `first` its estimate, an object 1 plus what is selected in it.
 */
function shopifyEstimator(schema: GraphQLSchema): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const charge = chargeOf(schema, type, field);
    const item = () => objectCost(getNamedType(field.type)) + childComplexity;
    switch (charge) {
      case 'free':
        return 0;
      case 'mutation':
        return COST.mutation;
      case 'object':
      case 'connectionItems':
        return item();
      case 'connection':
        return COST.connection + pageSizeOf(field, args) * childComplexity;
      case 'list':
        return listEstimateOf(type, field, args) * item();
    }
  };
}

/** Costs already computed per schema and parsed document (Apollo hands the same one back for the same text). */
const known = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();
/** per document: a mutation with a fresh idempotency key each time would otherwise grow its map without end */
const KNOWN_PER_DOCUMENT = 64;

/**
 * What an operation may cost at most, computed before it runs from the document and its
 * variables (once per document, operation and variables). Throws BAD_USER_INPUT when the variables
 * do not fit the operation.
 */
export function requestedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): number {
  const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? null)}`;
  const bySchema = known.get(schema) ?? known.set(schema, new WeakMap()).get(schema)!;
  const costs = bySchema.get(document) ?? new Map<string, number>();
  const cached = costs.get(key);
  if (cached !== undefined) return cached;
  const cost = computeCost(schema, document, operationName, variables);
  if (costs.size >= KNOWN_PER_DOCUMENT) costs.delete(costs.keys().next().value!);
  bySchema.set(document, costs.set(key, cost));
  return cost;
}

function computeCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): number {
  try {
    return getComplexity({ schema, query: document, operationName, variables, estimators: [shopifyEstimator(schema)] });
  } catch (error) {
    // Execution would refuse the same variables with the same message; say it before, at 400.
    // Anything else is a bug of ours and is masked as one.
    if (!(error instanceof GraphQLError)) throw error;
    throw new GraphQLError(error.message, { extensions: { code: ErrorCode.BadUserInput, http: { status: 400 } } });
  }
}
