import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';

export type FieldsByKey = Map<string, FieldNode[]>;

/** What field collection needs of a request: its fragments and its coerced variables. */
export interface Selection {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/**
 * The fields a selection asks of an object of `type`, by response key, as execution collects them
 * (graphql-js keeps its own collectFields internal).
 */
export function collectFields(
  request: Selection,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  fields: FieldsByKey = new Map(),
  visited = new Set<string>(),
): FieldsByKey {
  for (const selection of selectionSets.flatMap((set) => set.selections)) {
    if (!included(request, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      fields.set(key, [...(fields.get(key) ?? []), selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (applies(request, selection.typeCondition?.name.value, type)) collectFields(request, type, [selection.selectionSet], fields, visited);
    } else {
      const fragment = request.fragments[selection.name.value];
      if (!fragment || visited.has(selection.name.value)) continue;
      visited.add(selection.name.value);
      if (applies(request, fragment.typeCondition.name.value, type)) collectFields(request, type, [fragment.selectionSet], fields, visited);
    }
  }
  return fields;
}

function included(request: Selection, node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, request.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, request.variables)?.if !== false;
}

function applies(request: Selection, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (condition === undefined || condition === type.name) return true;
  const conditionType = request.schema.getType(condition);
  return !!conditionType && isAbstractType(conditionType) && request.schema.isSubType(conditionType, type);
}
