import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the operation asks, below the field being resolved, for the field at `path` (each step a
 * field name, through any fragments). Conditions (@skip, @include, type conditions) are not
 * weighed: a yes may fetch something the answer will not show, never the other way round.
 */
export function selects(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[]): boolean {
  const within = (selectionSet: SelectionSetNode | undefined, depth: number): boolean => {
    if (!selectionSet) return false;
    return selectionSet.selections.some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return selection.name.value === path[depth] && (depth === path.length - 1 || within(selection.selectionSet, depth + 1));
        case Kind.INLINE_FRAGMENT:
          return within(selection.selectionSet, depth);
        case Kind.FRAGMENT_SPREAD:
          return within(info.fragments[selection.name.value]?.selectionSet, depth);
      }
    });
  };
  return info.fieldNodes.some((field: FieldNode) => within(field.selectionSet, 0));
}
