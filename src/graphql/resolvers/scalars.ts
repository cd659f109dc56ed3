import { GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

const DECIMAL = /^-?\d+(\.\d+)?$/;

function parseDecimal(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    throw new TypeError(`Decimal must be a string such as "29.99", got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Decimal: a string on the wire both ways, so a float never carries money. */
export const Decimal = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'A decimal number written as a string so that no precision is lost, e.g. "29.99".',
  serialize: (value) => parseDecimal(value),
  parseValue: (value) => parseDecimal(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new TypeError('Decimal must be written as a string, e.g. "29.99"');
    return parseDecimal(ast.value);
  },
});

export const DateTime = DateTimeResolver;
export const Date = new GraphQLScalarType({ ...LocalDateResolver.toConfig(), name: 'Date' });
