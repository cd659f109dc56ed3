import { parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selects } from '../../src/graphql/selection.ts';

/** The resolve info of the operation's first root field, as far as selects() reads it. */
function infoOf(document: string) {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selects', () => {
  it('finds a field along a path of fields', () => {
    expect(selects(infoOf('{ orders { nodes { id shipments { id } } } }'), ['nodes', 'shipments'])).toBe(true);
    expect(selects(infoOf('{ orders { edges { node { shipments { id } } } } }'), ['edges', 'node', 'shipments'])).toBe(true);
  });

  it('finds it through inline fragments and named fragments, nested', () => {
    expect(selects(infoOf('{ node { ... on Order { shipments { id } } } }'), ['shipments'])).toBe(true);
    expect(selects(infoOf('{ orders { ...Page } } fragment Page on OrderConnection { nodes { ...O } } fragment O on Order { shipments { id } }'), ['nodes', 'shipments'])).toBe(true);
  });

  it('answers no when the path is not asked for, or only part of it', () => {
    expect(selects(infoOf('{ orders { nodes { id } } }'), ['nodes', 'shipments'])).toBe(false);
    expect(selects(infoOf('{ orders { edges { node { id } } } }'), ['nodes', 'shipments'])).toBe(false);
    expect(selects(infoOf('{ node { ... on Order { id } } }'), ['shipments'])).toBe(false);
    expect(selects(infoOf('{ orders { nodes { shipments { id } } } }'), ['shipments'])).toBe(false);
  });
});
