import {
  getVariableValues,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { collectFields, type FieldsByKey, type Selection } from './collect-fields.ts';
import { chargeOf, COST, objectCost as ownCost, type FieldCharge } from './model.ts';

type ResultObject = Record<string, unknown>;

/** How to charge one object of a runtime type for a selection: worked out once, applied to every item of a list. */
interface Plan {
  ownCost: number;
  fields: { key: string; type: GraphQLOutputType; nodes: readonly FieldNode[]; charge: FieldCharge }[];
  /** every response key the selection asks of this type */
  keys: ReadonlySet<string>;
  /** the response key of a selected __typename */
  typenameKey?: string;
}

interface Walk extends Selection {
  plans: WeakMap<readonly FieldNode[], Map<string, Plan>>;
}

/**
 * What an operation actually cost, from its result under the model of model.ts: connections and
 * lists count the items they returned, a null object costs nothing. 0 when nothing executed.
 */
export function actualCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  data: ResultObject | null | undefined,
): number {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!data || !root) return 0;
  // Coerced as execution did, for @skip and @include with variables; a refusal means nothing ran.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).coerced;
  if (!coerced) return 0;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const walk: Walk = { schema, fragments, variables: coerced, plans: new WeakMap() };
  // The root object itself is free: only what is asked of it costs.
  return objectCost(walk, { ...makePlan(walk, root, collectFields(walk, root, [operation.selectionSet])), ownCost: 0 }, data);
}

function objectCost(walk: Walk, plan: Plan, object: ResultObject): number {
  let cost = plan.ownCost;
  for (const { key, type, nodes, charge } of plan.fields) {
    if (!(key in object)) continue;
    if (charge === 'mutation') cost += COST.mutation;
    else if (charge === 'connection' && object[key] != null) cost += COST.connection + valueCost(walk, type, nodes, object[key]);
    else cost += valueCost(walk, type, nodes, object[key]);
  }
  return cost;
}

function valueCost(walk: Walk, type: GraphQLOutputType, nodes: readonly FieldNode[], value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (isNonNullType(type)) return valueCost(walk, type.ofType, nodes, value);
  if (isListType(type)) {
    if (!Array.isArray(value)) return 0;
    let sum = 0;
    for (const item of value) sum += valueCost(walk, type.ofType, nodes, item);
    return sum;
  }
  if (isObjectType(type)) return objectCost(walk, planFor(walk, type, nodes), value as ResultObject);
  if (!isAbstractType(type)) return 0;
  const plan = runtimePlan(walk, walk.schema.getPossibleTypes(type), nodes, value as ResultObject);
  return plan ? objectCost(walk, plan, value as ResultObject) : ownCost(type);
}

/**
 * The plan for the object type behind an interface's value: the type a selected __typename
 * names, or else the one whose selected fields are exactly the keys the result holds (execution
 * writes every field it collected for the runtime type, and no other).
 */
function runtimePlan(walk: Walk, candidates: readonly GraphQLObjectType[], nodes: readonly FieldNode[], object: ResultObject): Plan | undefined {
  const keys = Object.keys(object);
  for (const candidate of candidates) {
    const plan = planFor(walk, candidate, nodes);
    const typename = plan.typenameKey === undefined ? undefined : object[plan.typenameKey];
    if (typeof typename === 'string') {
      if (typename === candidate.name) return plan;
    } else if (plan.keys.size === keys.length && keys.every((key) => plan.keys.has(key))) {
      return plan;
    }
  }
  return undefined;
}

function planFor(walk: Walk, type: GraphQLObjectType, nodes: readonly FieldNode[]): Plan {
  let byType = walk.plans.get(nodes);
  if (!byType) walk.plans.set(nodes, (byType = new Map()));
  let plan = byType.get(type.name);
  if (!plan) {
    plan = makePlan(walk, type, collectFields(walk, type, nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []))));
    byType.set(type.name, plan);
  }
  return plan;
}

function makePlan(walk: Walk, type: GraphQLObjectType, collected: FieldsByKey): Plan {
  const plan: Plan = { ownCost: ownCost(type), fields: [], keys: new Set(collected.keys()) };
  for (const [key, nodes] of collected) {
    const name = nodes[0]!.name.value;
    if (name === '__typename') plan.typenameKey = key;
    const field = type.getFields()[name];
    const charge = field ? chargeOf(walk.schema, type, field) : 'free';
    if (field && charge !== 'free') plan.fields.push({ key, type: field.type, nodes, charge });
  }
  return plan;
}
