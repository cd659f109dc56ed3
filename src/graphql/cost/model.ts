import { getNamedType, isLeafType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../cursor.ts';
import { MAX_NODES } from '../resolvers/node.ts';

/**
 * The Shopify cost model, shared by the estimate before execution and the count after it:
 * a scalar or enum costs 0, an object 1, a connection 2 plus its items, a mutation 10.
 * Fields of introspection (`__schema`, `__type`, `__typename`) cost 0: they are answered from
 * the schema in memory and never reach a supplier.
 */
export const COST = { object: 1, connection: 2, mutation: 10 } as const;

/**
 * How many items a list without `first` is assumed to hold before it is read (the actual count
 * settles the budget afterwards, up or down). One per supplier for the per-supplier lists; 50 or
 * 100 for the open root lists that take no page size; DEFAULT_LIST_ESTIMATE for the lists inside
 * one object (an order's lines, shipments and events, a product's stock per warehouse), which
 * hold one to three items in every supplier's data.
 */
const LIST_ESTIMATES: Record<string, number> = {
  'Query.suppliers': 5,
  'Query.wallets': 5,
  'Query.inventory': 100,
  'Query.trackingUpdates': 50,
  'Query.reorderRecommendations': 50,
};
const DEFAULT_LIST_ESTIMATE = 3;

const isIntrospection = (name: string) => name.startsWith('__');

/** A Relay connection type: the field returning it pays 2 plus `first` times one item. */
function isConnectionType(type: GraphQLNamedType): type is GraphQLObjectType {
  return isObjectType(type) && type.name.endsWith('Connection') && 'pageInfo' in type.getFields();
}

/**
 * What one object of this type costs by itself: 1, except the connection's own wrappers
 * (the connection, its edges and its pageInfo), which the connection's 2 already pays for.
 */
export function objectCost(type: GraphQLNamedType): number {
  if (isIntrospection(type.name) || isConnectionType(type) || type.name === 'PageInfo') return 0;
  if (isObjectType(type) && type.name.endsWith('Edge') && 'node' in type.getFields() && 'cursor' in type.getFields()) return 0;
  return COST.object;
}

/** How a field is charged: by the kind of thing it returns and where it sits. */
export type FieldCharge =
  | 'free'
  | 'mutation'
  | 'object'
  | 'connection'
  /** `nodes` or `edges` of a connection: one item, which the connection multiplies by `first` */
  | 'connectionItems'
  | 'list';

/** How a field of `parent` is charged; the estimate and the count after execution both follow it. */
export function chargeOf(schema: GraphQLSchema, parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): FieldCharge {
  if (parent === schema.getMutationType()) return 'mutation';
  const named = getNamedType(field.type);
  if (isIntrospection(field.name) || isIntrospection(parent.name) || isLeafType(named)) return 'free';
  if (isConnectionType(named)) return 'connection';
  if (!isList(field)) return 'object';
  return isConnectionType(parent) ? 'connectionItems' : 'list';
}

/**
 * The page size a connection field will be asked for: `first`, its schema default, or the API's
 * default. Outside 1..100 the resolver refuses `first` by name, a clearer answer than a cost.
 */
export function pageSizeOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const first = args.first ?? field.args.find((a) => a.name === 'first')?.defaultValue ?? DEFAULT_PAGE_SIZE;
  return typeof first === 'number' ? Math.min(Math.max(first, 0), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}

/**
 * The items a list without `first` is assumed to hold: `nodes(ids:)` holds one per id (past 100
 * the resolver refuses `ids` by name).
 */
export function listEstimateOf(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (Array.isArray(args.ids)) return Math.min(args.ids.length, MAX_NODES);
  return LIST_ESTIMATES[`${parent.name}.${field.name}`] ?? DEFAULT_LIST_ESTIMATE;
}

function isList(field: GraphQLField<unknown, unknown>): boolean {
  return isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
}
