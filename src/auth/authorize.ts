import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type OperationDefinitionNode } from 'graphql';
import type { Caller, Role } from './api-keys.ts';

/** Mutations a partner may send; every other mutation needs an admin key. */
const PARTNER_MUTATIONS = new Set(['createOrder', 'cancelOrder', 'updateOrderStatus']);
const RANK: Record<Role, number> = { reader: 0, partner: 1, admin: 2 };

/** The role an operation needs: reader for queries and subscriptions, partner or admin for mutations. */
export function requiredRole(operation: OperationDefinitionNode): Role {
  if (operation.operation !== 'mutation') return 'reader';
  const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : []));
  return fields.every((name) => PARTNER_MUTATIONS.has(name) || name === '__typename') ? 'partner' : 'admin';
}

export function unauthenticated(): GraphQLError {
  return new GraphQLError('an API key is required: send Authorization: Bearer <key>', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/** FORBIDDEN when the caller's role may not run the operation (HTTP and WebSocket alike); null when it may. */
export function forbidden(caller: Caller, operation: OperationDefinitionNode): GraphQLError | null {
  const needed = requiredRole(operation);
  if (RANK[caller.role] >= RANK[needed]) return null;
  return new GraphQLError(`this operation needs ${withArticle(needed)} key; yours is ${withArticle(caller.role)} key`, {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  });
}

/**
 * Refuses, before anything executes, an operation the caller's role does not allow (FORBIDDEN).
 * The caller itself was established when the context was built (UNAUTHENTICATED otherwise).
 */
export function authorizationPlugin<C extends { caller: Caller }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const refused = operation && forbidden(contextValue.caller, operation);
          if (refused) throw refused;
        },
      };
    },
  };
}

/** "an admin", "a partner", "a reader". */
const withArticle = (role: Role) => (/^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`);
