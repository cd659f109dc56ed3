import { readFileSync } from 'node:fs';
import {
  GraphQLString,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  print,
  type GraphQLArgument,
  type GraphQLSchema,
  type InputValueDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../src/graphql/schema.ts';

/** The core SDL of /work/shared/DESIGN.md, copied verbatim: names outside clients rely on. */
const CORE = parse(readFileSync(new URL('./fixtures/core.graphql', import.meta.url), 'utf8'));

/** Where the built schema differs from the core: missing types, fields, arguments or enum values, or other types. */
function coreDifferences(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const compareArgs = (where: string, expected: readonly InputValueDefinitionNode[], actual: readonly GraphQLArgument[]) => {
    for (const arg of expected) {
      const found = actual.find((a) => a.name === arg.name.value);
      if (!found) problems.push(`${where}(${arg.name.value}) is missing`);
      else if (String(found.type) !== print(arg.type)) problems.push(`${where}(${arg.name.value}): ${print(arg.type)} in the core, ${String(found.type)} here`);
    }
  };
  for (const definition of CORE.definitions) {
    if (!('name' in definition) || !definition.name) continue;
    const name = definition.name.value;
    const type = schema.getType(name);
    if (!type) {
      problems.push(`${name} is missing`);
      continue;
    }
    switch (definition.kind) {
      case Kind.SCALAR_TYPE_DEFINITION:
        if (!isScalarType(type)) problems.push(`${name} is not a scalar`);
        break;
      case Kind.ENUM_TYPE_DEFINITION: {
        if (!isEnumType(type)) {
          problems.push(`${name} is not an enum`);
          break;
        }
        const values = new Set(type.getValues().map((v) => v.name));
        for (const value of definition.values ?? []) if (!values.has(value.name.value)) problems.push(`${name}.${value.name.value} is missing`);
        break;
      }
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_DEFINITION: {
        const kindMatches = definition.kind === Kind.OBJECT_TYPE_DEFINITION ? isObjectType(type) : isInterfaceType(type);
        if (!kindMatches || !(isObjectType(type) || isInterfaceType(type))) {
          problems.push(`${name} is not an ${definition.kind === Kind.OBJECT_TYPE_DEFINITION ? 'object type' : 'interface'}`);
          break;
        }
        const implemented = new Set(type.getInterfaces().map((i) => i.name));
        for (const i of definition.interfaces ?? []) if (!implemented.has(i.name.value)) problems.push(`${name} does not implement ${i.name.value}`);
        const fields = type.getFields();
        for (const field of definition.fields ?? []) {
          const actual = fields[field.name.value];
          const where = `${name}.${field.name.value}`;
          if (!actual) problems.push(`${where} is missing`);
          else {
            if (String(actual.type) !== print(field.type)) problems.push(`${where}: ${print(field.type)} in the core, ${String(actual.type)} here`);
            compareArgs(where, field.arguments ?? [], actual.args);
          }
        }
        break;
      }
      case Kind.INPUT_OBJECT_TYPE_DEFINITION: {
        if (!isInputObjectType(type)) {
          problems.push(`${name} is not an input type`);
          break;
        }
        const fields = type.getFields();
        for (const field of definition.fields ?? []) {
          const actual = fields[field.name.value];
          if (!actual) problems.push(`${name}.${field.name.value} is missing`);
          else if (String(actual.type) !== print(field.type)) problems.push(`${name}.${field.name.value}: ${print(field.type)} in the core, ${String(actual.type)} here`);
        }
        break;
      }
      default:
        problems.push(`${name}: the test does not compare ${definition.kind}`);
    }
  }
  return problems;
}

/** Every type, field, argument, input field and enum value of ours that has no description. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    } else if (!isScalarType(type)) {
      continue;
    }
  }
  return missing;
}

describe('the unified schema', () => {
  const schema = buildGatewaySchema();

  it('describes every type, field, argument and enum value for the playground', () => {
    expect(undescribed(schema)).toEqual([]);
  });

  it('keeps every type, field, field type, argument and enum value of the core SDL in DESIGN.md', () => {
    expect(coreDifferences(schema)).toEqual([]);
  });

  it('notices a core field whose type changed', () => {
    const changed = buildGatewaySchema();
    const order = changed.getType('Order');
    if (!isObjectType(order)) throw new Error('Order is not an object type');
    const field = order.getFields().supplierOrderId!;
    Object.assign(field, { type: GraphQLString });
    expect(coreDifferences(changed)).toContain('Order.supplierOrderId: String! in the core, String here');
  });
});
