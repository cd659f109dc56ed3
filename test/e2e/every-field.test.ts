import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  getNamedType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cart, CREATE_ORDER } from '../support/carts.ts';
import { eventually } from '../support/eventually.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

type Code = 'CENTRE' | 'WHITELABEL' | 'PLEASURESTOCK' | 'ORDERSAPI' | 'CENPORTS';
const ALL: Code[] = ['CENTRE', 'WHITELABEL', 'PLEASURESTOCK', 'ORDERSAPI', 'CENPORTS'];

/** Who holds each kind of data, by the capability that reads it; the first test checks the gateway declares exactly this. */
const READERS = {
  listProducts: ALL,
  listOrders: ALL,
  getShipmentsByOrder: ['WHITELABEL', 'CENPORTS'],
  listShipments: ['WHITELABEL', 'CENPORTS'],
  getInventory: ['WHITELABEL', 'CENPORTS'],
  getWallet: ['WHITELABEL'],
  getTransactions: ['CENPORTS'],
} satisfies Record<string, Code[]>;
const reads = (capability: keyof typeof READERS, code: Code) => (READERS[capability] as readonly Code[]).includes(code);

// The schema as clients see it, read from its source so that a field added there is asked for here.
const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));
const schema = buildSchema(
  readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.graphql'))
    .map((name) => readFileSync(`${SCHEMA_DIR}${name}`, 'utf8'))
    .join('\n'),
);

const isNode = (type: GraphQLNamedType) => isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node');
/** An object that is only data (Money, Address, OrderEvent…): no node and no field taking arguments anywhere inside. */
const isValue = (type: GraphQLNamedType): boolean =>
  isObjectType(type) &&
  !isNode(type) &&
  Object.values(type.getFields()).every((f) => f.args.length === 0 && (isLeafType(getNamedType(f.type)) || isValue(getNamedType(f.type))));

/**
 * Every field of `typeName`: scalars and enums by name, value objects with all of theirs, a
 * supplier by its code, and each other field as `links` selects it. Throws for a field that is
 * none of these and not in `omit`, so no field of the schema is left out unnoticed.
 */
function everyField(typeName: string, links: Record<string, string> = {}, omit: string[] = []): string {
  const type = schema.getType(typeName) as GraphQLObjectType;
  const fields = type.getFields();
  for (const name of [...Object.keys(links), ...omit]) if (!fields[name]) throw new Error(`${typeName} has no field ${name}`);
  return Object.values(fields)
    .filter((field) => !omit.includes(field.name))
    .map((field) => {
      const named = getNamedType(field.type);
      if (field.name in links) return `${field.name} { ${links[field.name]} }`;
      if (field.args.length > 0) throw new Error(`${typeName}.${field.name} takes arguments: link or omit it`);
      if (isLeafType(named)) return field.name;
      if (named.name === 'Supplier') return `${field.name} { code }`;
      if (isValue(named)) return `${field.name} { ${everyField(named.name)} }`;
      throw new Error(`${typeName}.${field.name} leads to ${named.name}: link or omit it`);
    })
    .join(' ');
}

const PRODUCT = everyField('Product', { inventory: everyField('InventoryLevel', { product: 'id sku' }) });
const ORDER = everyField('Order', {
  lines: everyField('OrderLine', { product: PRODUCT }),
  shipments: everyField('Shipment', { order: 'id' }),
  transaction: 'id status',
});
const SHIPMENT = everyField('Shipment', { order: 'id supplierOrderId shipments { id }' });
const INVENTORY_LEVEL = everyField('InventoryLevel', { product: everyField('Product', { inventory: 'warehouse { code } available onHand' }) });
const WALLET = everyField('Wallet');
const TRANSACTION = everyField('Transaction', { orders: 'id supplierOrderId externalReference transaction { id }' });

interface Money {
  amount: string;
  currencyCode: string;
  minorUnits: number;
}
type Node = Record<string, unknown> & { id: string };

/** "-4.50" → { units: -450n, scale: 2 }: decimal strings as integers, so no float touches money here either. */
function parseDecimal(text: string): { units: bigint; scale: number } {
  const [whole, fraction = ''] = text.split('.');
  return { units: BigInt(`${whole}${fraction}`), scale: fraction.length };
}
function formatDecimal(units: bigint, scale: number): string {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
  const sign = units < 0n ? '-' : '';
  return scale === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
const times = (amount: string, quantity: number) => {
  const { units, scale } = parseDecimal(amount);
  return formatDecimal(units * BigInt(quantity), scale);
};
const minus = (a: string, b: string) => {
  const [x, y] = [parseDecimal(a), parseDecimal(b)];
  expect(x.scale, `${a} and ${b} are written to the same decimals`).toBe(y.scale);
  return formatDecimal(x.units - y.units, x.scale);
};

/** The currency's decimals as ISO 4217 (through Intl) has them, independently of the gateway. */
const currencyDecimals = (code: string) => new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits;

function expectMoney(money: Money, path: string) {
  expect(money.amount, path).toMatch(/^-?\d+(\.\d+)?$/);
  expect(money.currencyCode, path).toMatch(/^[A-Z]{3}$/);
  expect(parseDecimal(money.amount).scale, `${path}: ${money.amount} ${money.currencyCode} has its currency's decimals`).toBe(
    currencyDecimals(money.currencyCode),
  );
  expect(BigInt(money.minorUnits), `${path}.minorUnits`).toBe(parseDecimal(money.amount).units);
}

const decodeId = (id: string) => {
  const [type, supplier, ...rest] = Buffer.from(id, 'base64url').toString('utf8').split(':');
  return { type, supplier, nativeId: rest.join(':') };
};

/**
 * Walks an answer along its schema type and checks every value by its type: each Money, each
 * DateTime and Decimal, each node's global id (its type, this supplier, a native id), and that
 * every supplier named is `code`: a supplier's answer holds only its own data.
 */
function expectWellFormed(type: GraphQLOutputType, value: unknown, code: Code, path: string): void {
  if (value === null) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    (value as unknown[]).forEach((item, i) => expectWellFormed(inner.ofType, item, code, `${path}[${i}]`));
  } else if (isObjectType(inner)) {
    const object = value as Record<string, unknown>;
    if (inner.name === 'Money') expectMoney(object as unknown as Money, path);
    if (inner.name === 'Supplier') expect(object.code, path).toBe(code);
    if (isNode(inner) && 'id' in object) {
      expect(decodeId(object.id as string), `${path}.id`).toEqual({ type: inner.name, supplier: code.toLowerCase(), nativeId: expect.stringMatching(/.+/) });
    }
    for (const [key, child] of Object.entries(object)) expectWellFormed(inner.getFields()[key]!.type, child, code, `${path}.${key}`);
  } else if (inner.name === 'DateTime') {
    expect(value, path).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(Number.isNaN(Date.parse(value as string)), path).toBe(false);
  } else if (inner.name === 'Decimal') {
    expect(value, path).toMatch(/^-?\d+(\.\d+)?$/);
  }
}
const fieldType = (parent: string, field: string) => (schema.getType(parent) as GraphQLObjectType).getFields()[field]!.type;

let gateway: SandboxedGateway;
/** The orders this file places, so that Centre (whose orders are the gateway's journal) has one and Cenports a transaction. */
let placed: { externalReference: string; centreOrderId: string; cenportsTransactionId: string };

beforeAll(async () => {
  gateway = await startSandboxedGateway();
  const input = cart(gateway.sandboxes, ['CENTRE', 'CENPORTS']);
  const answer = await gateway.query<{
    createOrder: { orders: { id: string; supplier: { code: Code } }[]; transactions: { id: string }[]; userErrors: unknown[] };
  }>(CREATE_ORDER, { input });
  expect(answer.data?.createOrder.userErrors).toEqual([]);
  placed = {
    externalReference: input.externalReference,
    centreOrderId: answer.data!.createOrder.orders.find((o) => o.supplier.code === 'CENTRE')!.id,
    cenportsTransactionId: answer.data!.createOrder.transactions[0]!.id,
  };
  // Completed, and its order journaled by the follower, which is when the order names it back.
  await eventually(
    () =>
      gateway.query<{ node: { status: string; orders: { transaction: { id: string } | null }[] } }>(
        'query ($id: ID!) { node(id: $id) { ... on Transaction { status orders { transaction { id } } } } }',
        { id: placed.cenportsTransactionId },
      ),
    (read) => read.data?.node.status === 'COMPLETED' && read.data.node.orders[0]?.transaction?.id === placed.cenportsTransactionId,
  );
});
afterAll(() => gateway.close());

it('declares each read capability for exactly the suppliers this file reads that data from', async () => {
  const { data, errors } = await gateway.query<{ suppliers: { code: Code; capabilities: string[] }[] }>('{ suppliers { code capabilities } }');
  expect(errors).toBeUndefined();
  for (const [capability, readers] of Object.entries(READERS)) {
    expect(data!.suppliers.filter((s) => s.capabilities.includes(capability)).map((s) => s.code), capability).toEqual(readers);
  }
});

describe.each(READERS.listProducts)('every Product field of %s', (code) => {
  it('answers products whose stock entries name the product they count', async () => {
    const { data, errors } = await gateway.query<{ products: { nodes: Node[] } }>(
      `{ products(first: 3, filter: { suppliers: [${code}] }) { nodes { ${PRODUCT} } } }`,
    );
    expect(errors).toBeUndefined();
    const products = data!.products.nodes;
    expect(products.length).toBeGreaterThan(0);
    expectWellFormed(fieldType('ProductConnection', 'nodes'), products, code, 'products');
    for (const product of products) {
      expect(decodeId(product.id).nativeId).toBe(product.supplierProductId);
      expect(product.sku).not.toBe('');
      expect(product.name).not.toBe('');
      if (product.minQuantity !== null && product.maxQuantity !== null) expect(product.minQuantity).toBeLessThanOrEqual(product.maxQuantity as number);
      for (const level of product.inventory as { sku: string; product: { id: string }; available: number; onHand: number | null }[]) {
        expect(level.sku).toBe(product.sku);
        expect(level.product.id).toBe(product.id);
        if (level.onHand !== null) expect(level.available).toBeLessThanOrEqual(level.onHand);
      }
    }
    const stocked = products.filter((p) => (p.inventory as unknown[]).length > 0);
    if (reads('getInventory', code)) expect(stocked.length).toBeGreaterThan(0);
    else expect(stocked).toEqual([]);
  });
});

interface OrderLine {
  sku: string;
  quantity: number;
  unitPrice: Money | null;
  lineTotal: Money | null;
  product: { id: string; sku: string } | null;
}
interface OrderNode extends Node {
  supplierOrderId: string;
  externalReference: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  acknowledged: boolean | null;
  total: Money | null;
  lines: OrderLine[];
  shipments: { id: string; order: { id: string } | null }[];
  events: { occurredAt: string; source: string }[];
  customer: { email: string | null } | null;
}

describe.each(READERS.listOrders)('every Order field of %s', (code) => {
  let recent: OrderNode[];
  let shipped: OrderNode[];
  beforeAll(async () => {
    // The newest orders, and the newest shipped ones, which carry shipments where the supplier has them.
    const { data, errors } = await gateway.query<{ recent: { nodes: OrderNode[] }; shipped: { nodes: OrderNode[] } }>(
      `{ recent: orders(first: 3, filter: { suppliers: [${code}] }) { nodes { ${ORDER} } }
         shipped: orders(first: 3, filter: { suppliers: [${code}], statuses: [SHIPPED, DELIVERED] }) { nodes { ${ORDER} } } }`,
    );
    expect(errors).toBeUndefined();
    ({ recent, shipped } = { recent: data!.recent.nodes, shipped: data!.shipped.nodes });
  });

  it('answers orders whose every value is well formed and whose lines, events and shipments agree with the order', () => {
    expect(recent.length).toBeGreaterThan(0);
    const orders = [...recent, ...shipped];
    expectWellFormed(fieldType('OrderConnection', 'nodes'), orders, code, 'orders');
    for (const order of orders) {
      expect(decodeId(order.id).nativeId).toBe(order.supplierOrderId);
      expect(order.acknowledged === null, 'acknowledged is Cenports’ alone').toBe(code !== 'CENPORTS');
      if (order.createdAt && order.updatedAt) expect(Date.parse(order.updatedAt)).toBeGreaterThanOrEqual(Date.parse(order.createdAt));
      const occurred = order.events.map((e) => Date.parse(e.occurredAt));
      expect(occurred, 'events oldest first').toEqual([...occurred].sort((a, b) => a - b));
      expect(order.lines.length).toBeGreaterThan(0);
      const moneys = [order.total, ...order.lines.flatMap((l) => [l.unitPrice, l.lineTotal])].filter((m) => m !== null);
      expect(new Set(moneys.map((m) => m.currencyCode)).size, `${order.supplierOrderId} is in one currency`).toBe(1);
      for (const line of order.lines) {
        expect(line.quantity).toBeGreaterThanOrEqual(1);
        if (line.product) expect(line.product.sku).toBe(line.sku);
      }
      for (const shipment of order.shipments) expect(shipment.order?.id).toBe(order.id);
    }
    expect(orders.flatMap((o) => o.lines).filter((l) => l.product).length, 'some line resolves its product').toBeGreaterThan(0);
  });

  it('states each line’s total as unit price × quantity, to the cent', () => {
    const priced = [...recent, ...shipped].flatMap((o) => o.lines).filter((l) => l.unitPrice && l.lineTotal);
    expect(priced.length).toBeGreaterThan(0);
    for (const line of priced) {
      expect(line.lineTotal!.amount, `${line.sku}: ${line.quantity} × ${line.unitPrice!.amount}`).toBe(times(line.unitPrice!.amount, line.quantity));
      expect(line.lineTotal!.currencyCode).toBe(line.unitPrice!.currencyCode);
    }
  });

  if (reads('getShipmentsByOrder', code)) {
    it('gives every shipped order its shipments', () => {
      expect(shipped.length).toBeGreaterThan(0);
      for (const order of shipped) expect(order.shipments.length, order.supplierOrderId).toBeGreaterThan(0);
    });
  }

  if (code === 'CENTRE' || code === 'CENPORTS') {
    it('lists the order this file placed first, as it was placed, with the mutation among its events', () => {
      const [newest] = recent;
      expect(newest!.externalReference).toBe(placed.externalReference);
      expect(newest!.customer?.email).toBe('ada@example.com');
      expect(newest!.events.map((e) => e.source)).toContain('MUTATION');
      if (code === 'CENTRE') expect(newest!.id).toBe(placed.centreOrderId);
      // Centre takes orders at once; Cenports through the transaction that made it.
      expect(newest!.transaction).toEqual(code === 'CENPORTS' ? { id: placed.cenportsTransactionId, status: 'COMPLETED' } : null);
    });
  }
});

describe.each(READERS.listShipments)('every Shipment field of %s', (code) => {
  it('answers shipments that their own order lists', async () => {
    const { data, errors } = await gateway.query<{
      shipments: { nodes: (Node & { order: { id: string; supplierOrderId: string; shipments: { id: string }[] } | null; acknowledged: boolean | null })[] };
    }>(`{ shipments(first: 3, filter: { suppliers: [${code}] }) { nodes { ${SHIPMENT} } } }`);
    expect(errors).toBeUndefined();
    const shipments = data!.shipments.nodes;
    expect(shipments.length).toBeGreaterThan(0);
    expectWellFormed(fieldType('ShipmentConnection', 'nodes'), shipments, code, 'shipments');
    for (const shipment of shipments) {
      expect(shipment.order?.shipments.map((s) => s.id)).toContain(shipment.id);
      expect(shipment.acknowledged === null, 'acknowledged is Cenports’ alone').toBe(code !== 'CENPORTS');
    }
  });
});

describe.each(READERS.getInventory)('every InventoryLevel field of %s', (code) => {
  it('answers stock levels that their product’s own stock repeats', async () => {
    const skus = await gateway.query<{ products: { nodes: { sku: string }[] } }>(`{ products(first: 3, filter: { suppliers: [${code}] }) { nodes { sku } } }`);
    const asked = skus.data!.products.nodes.map((p) => p.sku);
    const { data, errors } = await gateway.query<{
      inventory: {
        sku: string;
        warehouse: { code: string } | null;
        available: number;
        onHand: number | null;
        product: { sku: string; inventory: { warehouse: { code: string } | null; available: number; onHand: number | null }[] } | null;
      }[];
    }>(`query ($skus: [String!]) { inventory(filter: { suppliers: [${code}], skus: $skus }) { ${INVENTORY_LEVEL} } }`, { skus: asked });
    expect(errors).toBeUndefined();
    const levels = data!.inventory;
    expect(new Set(levels.map((l) => l.sku))).toEqual(new Set(asked));
    expectWellFormed(fieldType('Query', 'inventory'), levels, code, 'inventory');
    for (const level of levels) {
      expect(level.product?.sku).toBe(level.sku);
      const warehouse = level.warehouse && { code: level.warehouse.code };
      expect(level.product?.inventory).toContainEqual({ warehouse, available: level.available, onHand: level.onHand });
      if (level.onHand !== null) expect(level.available).toBeLessThanOrEqual(level.onHand);
    }
    // One level per SKU and warehouse: Cenports names its warehouses, WhiteLabel reports one total.
    const places = levels.map((l) => `${l.sku}@${l.warehouse?.code ?? '-'}`);
    expect(new Set(places).size).toBe(places.length);
    expect(levels.every((l) => (l.warehouse === null) === (code === 'WHITELABEL'))).toBe(true);
  });
});

describe.each(READERS.getWallet)('every Wallet field of %s', (code) => {
  it('answers one wallet whose available money is its balance less what is reserved', async () => {
    const { data, errors } = await gateway.query<{
      wallets: (Node & { supplier: { code: Code }; balance: Money; reserved: Money; available: Money; pendingPayments: number | null })[];
    }>(`{ wallets { ${WALLET} } }`);
    expect(errors).toBeUndefined();
    expect(data!.wallets.map((w) => w.supplier.code)).toEqual(READERS.getWallet);
    const wallet = data!.wallets.find((w) => w.supplier.code === code)!;
    expectWellFormed(fieldType('Query', 'wallets'), [wallet], code, 'wallets');
    expect(wallet.available.amount).toBe(minus(wallet.balance.amount, wallet.reserved.amount));
    expect(new Set([wallet.balance, wallet.reserved, wallet.available].map((m) => m.currencyCode)).size).toBe(1);
    if (wallet.pendingPayments !== null) expect(wallet.pendingPayments).toBeGreaterThanOrEqual(0);
  });
});

describe.each(READERS.getTransactions)('every Transaction field of %s', (code) => {
  it('answers the transaction that placed this file’s order, completed after it was submitted, with that order', async () => {
    const { data, errors } = await gateway.query<{
      transactions: {
        nodes: (Node & {
          kind: string;
          status: string;
          submittedAt: string | null;
          completedAt: string | null;
          errors: unknown[];
          orders: { externalReference: string | null }[];
        })[];
      };
    }>(`{ transactions(first: 3, filter: { suppliers: [${code}] }) { nodes { ${TRANSACTION} } } }`);
    expect(errors).toBeUndefined();
    const transactions = data!.transactions.nodes;
    expectWellFormed(fieldType('TransactionConnection', 'nodes'), transactions, code, 'transactions');
    for (const transaction of transactions) {
      expect(['createOrder', 'acknowledgeShipments', 'updateInventory']).toContain(transaction.kind);
      if (transaction.status === 'COMPLETED') expect(transaction.completedAt).not.toBeNull();
      if (transaction.status === 'PENDING' || transaction.status === 'PROCESSING') expect(transaction.completedAt).toBeNull();
      if (transaction.status !== 'FAILED') expect(transaction.errors).toEqual([]);
    }
    const mine = transactions.find((t) => t.id === placed.cenportsTransactionId);
    expect(mine).toMatchObject({ kind: 'createOrder', status: 'COMPLETED', errors: [], orders: [{ externalReference: placed.externalReference, transaction: { id: placed.cenportsTransactionId } }] });
    expect(Date.parse(mine!.completedAt!)).toBeGreaterThanOrEqual(Date.parse(mine!.submittedAt!));
  });
});
