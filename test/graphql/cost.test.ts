import { getOperationAST, parse, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { actualCost } from '../../src/graphql/cost/actual.ts';
import { CostBuckets } from '../../src/graphql/cost/bucket.ts';
import { requestedCost } from '../../src/graphql/cost/estimate.ts';
import { DEFAULT_QUERY_COST } from '../../src/graphql/cost/options.ts';
import { buildGatewaySchema } from '../../src/graphql/schema.ts';

const schema = buildGatewaySchema();
const requested = (query: string, variables?: Record<string, unknown>) => requestedCost(schema, parse(query), undefined, variables);
const actual = (query: string, data: Record<string, unknown>, variables?: Record<string, unknown>) => {
  const document = parse(query);
  return actualCost(schema, document, getOperationAST(document)!, variables, data);
};

describe('the requested cost of an operation, before it runs', () => {
  it('charges nothing for scalars and enums, and 1 for each object', () => {
    expect(requested('{ supplier(code: CENTRE) { code name capabilities } }')).toBe(1);
    expect(requested('{ supplier(code: CENTRE) { code wallet { id balance { amount } } } }')).toBe(3);
  });

  it('charges a connection 2 plus first times one item, pageInfo and edges included in the 2', () => {
    expect(requested('{ orders(first: 10) { nodes { id status } pageInfo { hasNextPage endCursor } } }')).toBe(12);
    expect(requested('{ orders(first: 10) { edges { cursor node { id supplier { code } } } } }')).toBe(2 + 10 * 2);
  });

  it('computes one document again for other variables, and the same for the same ones', () => {
    const document = parse('query ($n: Int) { products(first: $n) { nodes { id } } }');
    const of = (n: number) => requestedCost(schema, document, undefined, { n });
    expect([of(5), of(50), of(5), of(50)]).toEqual([7, 52, 7, 52]);
  });

  it('takes first from the variables, and the documented default of 20 when it is absent', () => {
    expect(requested('query ($n: Int) { products(first: $n) { nodes { id } } }', { n: 5 })).toBe(7);
    expect(requested('{ products { nodes { id } } }')).toBe(22);
    expect(requested('query ($n: Int = 7) { shipments(first: $n) { nodes { id } } }')).toBe(9);
  });

  it('multiplies nested lists: an order assumes 3 lines and 3 shipments', () => {
    const perOrder = 1 + 3 * (1 + 1) + 3 * 1; // order, lines with their product, shipments
    expect(requested('{ orders(first: 10) { nodes { id lines { sku product { name } } shipments { id } } } }')).toBe(2 + 10 * perOrder);
  });

  it('charges nodes(ids:) one object per id, at the most expensive type its fragments select', () => {
    const query = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Order { lines { sku } } ... on Product { name } } }';
    expect(requested(query, { ids: ['a', 'b', 'c', 'd'] })).toBe(4 * (1 + 3));
  });

  it('caps first and ids at the 100 the resolvers accept, so they refuse the argument by name', () => {
    expect(requested('{ orders(first: 5000) { nodes { id } } }')).toBe(102);
    expect(requested('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 5000 }, (_, i) => `id${i}`) })).toBe(100);
  });

  it('charges 10 for each mutation, whatever its payload selects', () => {
    const cancel = (alias: string) => `${alias}: cancelOrder(input: { orderId: "x" }) { order { id lines { sku } } userErrors { code } }`;
    expect(requested(`mutation { ${cancel('a')} }`)).toBe(10);
    expect(requested(`mutation { ${cancel('a')} ${cancel('b')} }`)).toBe(20);
  });

  it('charges nothing for introspection and honours @skip and @include', () => {
    expect(requested('{ __typename __schema { types { name fields { name args { name } } } } }')).toBe(0);
    expect(requested('query ($no: Boolean!) { orders(first: 10) @include(if: $no) { nodes { id } } suppliers { code } }', { no: false })).toBe(5);
  });

  it('refuses variables that do not fit the operation as BAD_USER_INPUT', () => {
    let error: GraphQLError | undefined;
    try {
      requested('query ($n: Int) { orders(first: $n) { nodes { id } } }', { n: 'ten' });
    } catch (e) {
      error = e as GraphQLError;
    }
    expect(error?.extensions.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toMatch(/\$n/);
  });
});

describe('the actual cost of an operation, from its result', () => {
  it('counts the items a connection returned, not first', () => {
    const query = '{ orders(first: 10) { nodes { id lines { sku product { name } } } pageInfo { hasNextPage } } }';
    const order = (lines: number) => ({ id: 'o', lines: Array.from({ length: lines }, () => ({ sku: 's', product: { name: 'p' } })) });
    expect(actual(query, { orders: { nodes: [order(1), order(2)], pageInfo: { hasNextPage: false } } })).toBe(2 + (1 + 2) + (1 + 4));
  });

  it('charges nothing for a null object or an empty list', () => {
    expect(actual('{ supplier(code: CENTRE) { wallet { id } } }', { supplier: { wallet: null } })).toBe(1);
    expect(actual('{ supplier(code: CENTRE) { wallet { id } } }', { supplier: null })).toBe(0);
    expect(actual('{ orders(first: 10) { nodes { id } } }', { orders: { nodes: [] } })).toBe(2);
  });

  it('tells the types behind an interface apart by the fields each fragment selected', () => {
    const query = 'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Order { lines { sku } } ... on Product { name price { amount } } } }';
    const data = { nodes: [{ lines: [{ sku: 'a' }, { sku: 'b' }] }, { name: 'p', price: null }, {}, null] };
    // an order with two lines, a product without price, a wallet (selected nothing), a miss
    expect(actual(query, data, { ids: ['1', '2', '3', '4'] })).toBe(3 + 1 + 1 + 0);
  });

  it('follows aliases, named fragments and __typename', () => {
    const query = `{ a: orders(first: 5) { nodes { ...O } } b: orders(first: 5) { nodes { __typename } } }
      fragment O on Order { shipments { id } }`;
    const data = { a: { nodes: [{ shipments: [{ id: 's' }] }] }, b: { nodes: [{ __typename: 'Order' }, { __typename: 'Order' }] } };
    expect(actual(query, data)).toBe(2 + 2 + 2 + 2);
  });

  it('charges each executed mutation 10 and nothing when no data came back', () => {
    const query = 'mutation { cancelOrder(input: { orderId: "x" }) { userErrors { code } } }';
    expect(actual(query, { cancelOrder: { userErrors: [{ code: 'NOT_FOUND' }] } })).toBe(10);
    const document = parse(query);
    expect(actualCost(schema, document, getOperationAST(document)!, undefined, undefined)).toBe(0);
  });
});

describe('a key’s budget', () => {
  const clock = () => {
    let now = 0;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };

  it('takes a cost it holds and refuses one it does not, saying when it will hold it', () => {
    const time = clock();
    const buckets = new CostBuckets(100, 10, time.now);
    expect(buckets.take('k', 80)).toEqual({ taken: true });
    expect(buckets.take('k', 50)).toEqual({ taken: false, retryAfterMs: 3_000 });
    expect(buckets.status('k')).toEqual({ maximumAvailable: 100, currentlyAvailable: 20, restoreRate: 10 });
    time.advance(3_000);
    expect(buckets.take('k', 50)).toEqual({ taken: true });
  });

  it('refills at its rate up to its size, and keeps each key apart', () => {
    const time = clock();
    const buckets = new CostBuckets(100, 10, time.now);
    buckets.take('a', 100);
    expect(buckets.status('b').currentlyAvailable).toBe(100);
    time.advance(60_000);
    expect(buckets.status('a').currentlyAvailable).toBe(100);
  });

  it('refunds what was not spent, and takes an overrun down to empty but not below', () => {
    const buckets = new CostBuckets(100, 10, clock().now);
    buckets.take('k', 60);
    buckets.refund('k', 45);
    expect(buckets.status('k').currentlyAvailable).toBe(85);
    buckets.refund('k', -500);
    expect(buckets.status('k').currentlyAvailable).toBe(0);
  });
});

describe('the cost limits’ configuration', () => {
  it('takes the limits from the environment, the defaults when absent, and refuses nonsense by name', () => {
    expect(loadConfig({}).cost).toEqual(DEFAULT_QUERY_COST);
    const env = { SUPPLYGRAPH_MAX_QUERY_COST: '500', SUPPLYGRAPH_COST_BUCKET_SIZE: '4000', SUPPLYGRAPH_COST_RESTORE_PER_SECOND: '50' };
    expect(loadConfig(env).cost).toEqual({ maxQueryCost: 500, bucketSize: 4_000, restorePerSecond: 50 });
    expect(() => loadConfig({ SUPPLYGRAPH_COST_RESTORE_PER_SECOND: '0' })).toThrow(/SUPPLYGRAPH_COST_RESTORE_PER_SECOND/);
  });
});
