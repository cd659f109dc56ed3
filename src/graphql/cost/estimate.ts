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

/**
 * What an operation may cost at most, computed before it runs from the document and its
 * variables. Throws BAD_USER_INPUT when the variables do not fit the operation.
 */
export function requestedCost(
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
