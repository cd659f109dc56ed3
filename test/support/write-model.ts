import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { placementToken } from '../../src/orders/tokens.ts';
import type { Sandboxes } from '../../src/sandbox/index.ts';
import { PLEASURESTOCK_ORDER_STATUS } from '../../src/suppliers/pleasurestock/status-map.ts';
import { cart, CREATE_ORDER } from './carts.ts';
import type { GraphQLAnswer, SandboxedGateway } from './gateway.ts';

/** The suppliers that answer createOrder synchronously, so one call decides a placement. */
export const SYNC_SUPPLIERS = ['ORDERSAPI', 'PLEASURESTOCK', 'WHITELABEL', 'CENTRE'] as const;
export type SyncSupplier = (typeof SYNC_SUPPLIERS)[number];
type SupplierId = 'ordersapi' | 'pleasurestock' | 'whitelabel' | 'centre';

/** The idempotency scope of the sandbox admin key (src/auth/api-keys.ts), which the tokens derive from. */
export const ADMIN_SCOPE = 'sandbox-admin';

export type CartInput = ReturnType<typeof cart>;

/** What the model knows of one idempotency key. */
export interface KeyRecord {
  key: string;
  input: CartInput;
  suppliers: SyncSupplier[];
  /** succeeded: every part placed; unknown: a retryable error left a part open; refused: userErrors before any claim */
  outcome: 'succeeded' | 'unknown' | 'refused';
  /** the order each supplier answered for this key, once one was seen */
  orders: Map<SyncSupplier, string>;
  /** the user error codes of a refused key */
  refusal: string[];
}

/** What the model expects of one order the gateway placed. */
export interface OrderRecord {
  id: string;
  supplier: SyncSupplier;
  supplierOrderId: string;
  key: string;
  /** the supplier statuses the order went through, oldest first: what Order.events must show */
  history: string[];
}

export type FaultKind = 'resetAfterWrite' | 'hangAfterWrite' | 'error503' | 'latencyPastTimeout';

export interface WriteModel {
  keys: KeyRecord[];
  orders: OrderRecord[];
  /** the fault set on a supplier's next createOrder and not yet used up */
  pendingFault: { supplier: SyncSupplier; kind: FaultKind } | null;
  /** a write delayed past the gateway's timeout may still land at its supplier until then (epoch ms) */
  quietAt: number;
}

export interface WriteReal {
  gateway: SandboxedGateway;
}

export const newModel = (): WriteModel => ({ keys: [], orders: [], pendingFault: null, quietAt: 0 });

export const lowerCase = (supplier: SyncSupplier): SupplierId => supplier.toLowerCase() as SupplierId;
export const current = (order: OrderRecord): string => order.history.at(-1)!;

// ---------------------------------------------------------------------------------------------
// The oracle, written from the suppliers' documents (openapi/*.yaml), not from the sandboxes' code.

/** The status each supplier gives an order it has just taken. */
export const INITIAL_SUPPLIER_STATUS: Record<SyncSupplier, string> = {
  ORDERSAPI: 'created',
  PLEASURESTOCK: 'created',
  WHITELABEL: 'FUNDED',
  CENTRE: 'PENDING',
};

/** PleasureStock's lifecycle (openapi/pleasurestock.yaml, updateOrderStatus). */
export const PS_FORWARD = ['created', 'part_paid', 'paid', 'on_the_way', 'delivered', 'accepted'];
const PS_FINAL = new Set(['accepted', 'cancelled']);
// The native → unified mapping itself is checked against the spec in pleasurestock-orders.test.ts.
export const PS_UNIFIED: Record<string, string> = PLEASURESTOCK_ORDER_STATUS;
/** The unified statuses updateOrderStatus can ask PleasureStock for, as its native status. */
export const PS_SETTABLE: Record<string, string> = Object.fromEntries(
  Object.entries(PS_UNIFIED).filter(([native]) => native !== 'created').map(([native, unified]) => [unified, native]),
);

/** Whether PleasureStock moves an order from one status to another: one step on, created → paid, or a cancel. */
export function pleasurestockAllows(from: string, to: string): boolean {
  if (PS_FINAL.has(from)) return false;
  if (to === 'cancelled') return true;
  const gap = PS_FORWARD.indexOf(to) - PS_FORWARD.indexOf(from);
  return PS_FORWARD.includes(to) && (gap === 1 || (from === 'created' && to === 'paid'));
}

/** WhiteLabel: cancel before shipping; a funded order's reservation goes back to the wallet (REFUNDED). */
const WL_CANCELLABLE = new Set(['RECEIVED', 'AWAITING_FUNDS', 'FUNDED', 'RELEASED_TO_FULFILLMENT', 'PICKING', 'PACKED', 'ON_HOLD_PAYMENT', 'ON_HOLD_COMPLIANCE']);

/** Every status change the gateway may cause or report, per supplier, on supplier statuses. */
export function allowedChange(supplier: SyncSupplier, from: string, to: string): boolean {
  switch (supplier) {
    case 'PLEASURESTOCK':
      return pleasurestockAllows(from, to);
    case 'WHITELABEL':
      return WL_CANCELLABLE.has(from) && (to === 'CANCELLED' || to === 'REFUNDED');
    // neither lets a partner change an order, and nothing else moves these in the sandbox
    case 'ORDERSAPI':
    case 'CENTRE':
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// The suppliers' own records, read straight from the sandboxes' state.

/** The orders a supplier holds under this placement token, with their supplier status. */
export function supplierOrders(sandboxes: Sandboxes, supplier: SyncSupplier, token: string): { id: string; status: string }[] {
  switch (supplier) {
    case 'ORDERSAPI':
      return sandboxes.ordersapi.state.orders().filter((o) => o.customerReference === token).map((o) => ({ id: o.orderId, status: o.status }));
    case 'PLEASURESTOCK':
      return sandboxes.pleasurestock.state.orders.filter((o) => o.externalOrderId === token).map((o) => ({ id: o.orderNumber, status: o.status }));
    case 'WHITELABEL':
      return sandboxes.whitelabel.state.orders().filter((o) => o.wooOrderId === token).map((o) => ({ id: o.id, status: o.status }));
    case 'CENTRE':
      return sandboxes.centre.state.orders().filter((o) => o.partnerOrderId === token).map((o) => ({ id: o.orderId, status: o.status }));
  }
}

export const tokenOf = (key: string, supplier: SyncSupplier) => placementToken(ADMIN_SCOPE, key, lowerCase(supplier));

/** Requests that create, look up or change orders, per sandbox: what "nothing was sent" compares. */
const WRITE_SIDE_OPERATIONS = ['createOrder', 'listOrders', 'getOrder', 'cancelOrder', 'updateOrderStatus'];
export function writeSideCalls(sandboxes: Sandboxes): Record<SupplierId, number> {
  const count = (id: SupplierId) => WRITE_SIDE_OPERATIONS.reduce((sum, op) => sum + sandboxes[id].stats.count(op), 0);
  return { ordersapi: count('ordersapi'), pleasurestock: count('pleasurestock'), whitelabel: count('whitelabel'), centre: count('centre') };
}

/**
 * Supplier orders against the model: at most one per key and supplier, exactly the one the gateway
 * answered for a key that succeeded, none for a refused key, and each in the status the model
 * expects. With `settled`, also exactly one for every key that was not refused.
 */
export function checkSupplierOrders(model: WriteModel, sandboxes: Sandboxes, settled = false): void {
  for (const record of model.keys) {
    for (const supplier of record.suppliers) {
      const held = supplierOrders(sandboxes, supplier, tokenOf(record.key, supplier));
      const where = `${supplier} orders for key ${record.key} (${record.outcome})`;
      expect(held.length, where).toBeLessThanOrEqual(1);
      if (record.outcome === 'refused') expect(held, where).toEqual([]);
      if (record.outcome === 'succeeded' || (settled && record.outcome !== 'refused')) expect(held, where).toHaveLength(1);
      const answered = record.orders.get(supplier);
      if (held.length === 1 && answered) {
        const order = model.orders.find((o) => o.id === answered)!;
        expect(held[0]!.id, `${where}: the order the gateway answered`).toBe(order.supplierOrderId);
        expect(held[0]!.status, `${where}: supplier status`).toBe(current(order));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// What the gateway answers.

export interface AnsweredOrder {
  id: string;
  supplier: { code: SyncSupplier };
  supplierOrderId: string;
  status: string;
  supplierStatus: string;
}
export interface CreatePayload {
  createOrder: { orders: AnsweredOrder[]; transactions: unknown[]; userErrors: { code: string; field: string[] | null }[] };
}

/** Sends createOrder and checks what every answer must be: no unexpected error, one order per supplier at most. */
export async function sendCreate(gateway: SandboxedGateway, input: CartInput): Promise<GraphQLAnswer<CreatePayload>> {
  const answer = await gateway.query<CreatePayload>(CREATE_ORDER, { input });
  expect(answer.status, JSON.stringify(answer.errors)).toBe(200);
  expect(answer.data?.createOrder, JSON.stringify(answer.errors)).toBeTruthy();
  // An outage is a retryable GraphQL error beside the parts that were placed; anything else is a bug.
  for (const error of answer.errors ?? []) {
    expect(error.extensions, error.message).toMatchObject({ code: 'SUPPLIER_UNAVAILABLE', retryable: true });
  }
  const codes = answer.data!.createOrder.orders.map((o) => o.supplier.code);
  expect(new Set(codes).size, `one order per supplier: ${codes.join(', ')}`).toBe(codes.length);
  expect(answer.data!.createOrder.transactions).toEqual([]);
  return answer;
}

/**
 * Folds a createOrder answer for this key into the model: new orders are recorded (in the status
 * a new order has), an order already known for a supplier must come back with the same id.
 */
export function recordAnswer(model: WriteModel, record: KeyRecord, answer: GraphQLAnswer<CreatePayload>): void {
  const { orders, userErrors } = answer.data!.createOrder;
  if (record.outcome === 'refused') {
    expect(orders).toEqual([]);
    expect(userErrors.map((e) => e.code)).toEqual(record.refusal);
    return;
  }
  expect(userErrors, 'a valid cart is never refused').toEqual([]);
  for (const order of orders) {
    const supplier = order.supplier.code;
    expect(record.suppliers).toContain(supplier);
    const known = record.orders.get(supplier);
    if (known) {
      expect(order.id, `${supplier} order of key ${record.key}`).toBe(known);
      continue;
    }
    expect(order.supplierStatus, `a new ${supplier} order`).toBe(INITIAL_SUPPLIER_STATUS[supplier]);
    record.orders.set(supplier, order.id);
    model.orders.push({ id: order.id, supplier, supplierOrderId: order.supplierOrderId, key: record.key, history: [order.supplierStatus] });
  }
  const complete = (answer.errors ?? []).length === 0 && record.suppliers.every((s) => record.orders.has(s));
  if (complete) record.outcome = 'succeeded';
  else expect(record.outcome, `key ${record.key} succeeded before; a replay must too`).toBe('unknown');
}

const NODES = `query ($ids: [ID!]!) {
  nodes(ids: $ids) { ... on Order { id status supplierStatus events { status supplierStatus previousSupplierStatus source } } }
}`;
interface SeenOrder {
  id: string;
  status: string;
  supplierStatus: string;
  events: { status: string; supplierStatus: string; previousSupplierStatus: string | null; source: string }[];
}

/**
 * Every order as the gateway shows it: the supplier status the model expects, and events that are
 * exactly the model's history, each step an allowed transition from the one before.
 */
export async function checkOrdersAsSeen(model: WriteModel, gateway: SandboxedGateway): Promise<void> {
  if (model.orders.length === 0) return;
  const answer = await gateway.query<{ nodes: (SeenOrder | null)[] }>(NODES, { ids: model.orders.map((o) => o.id) });
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  model.orders.forEach((order, i) => {
    const seen = answer.data!.nodes[i]!;
    const where = `${order.supplier} order ${order.supplierOrderId}`;
    expect(seen, where).toBeTruthy();
    expect(seen.supplierStatus, `${where}: status`).toBe(current(order));
    if (order.supplier === 'PLEASURESTOCK') expect(seen.status, `${where}: unified status`).toBe(PS_UNIFIED[current(order)]);
    const events = seen.events;
    expect(events.map((e) => e.supplierStatus), `${where}: events`).toEqual(order.history);
    expect(events.every((e) => e.source === 'MUTATION')).toBe(true);
    expect(events[0]!.previousSupplierStatus, `${where}: first event`).toBeNull();
    for (let step = 1; step < events.length; step++) {
      const from = events[step - 1]!.supplierStatus;
      const to = events[step]!.supplierStatus;
      expect(events[step]!.previousSupplierStatus, `${where}: event ${step}`).toBe(from);
      expect(allowedChange(order.supplier, from, to), `${where}: ${from} → ${to} is not an allowed transition`).toBe(true);
    }
  });
}

/** Both invariants, as checked after every command. */
export async function checkInvariants(model: WriteModel, real: WriteReal, settled = false): Promise<void> {
  checkSupplierOrders(model, real.gateway.sandboxes, settled);
  await checkOrdersAsSeen(model, real.gateway);
}


/** Waits until no write delayed at a supplier can still land (see WriteModel.quietAt). */
export async function waitForQuiet(model: WriteModel): Promise<void> {
  const left = model.quietAt - Date.now();
  if (left > 0) await sleep(left);
}
