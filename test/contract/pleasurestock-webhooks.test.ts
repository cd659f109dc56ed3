import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPleasurestockSandbox, type PleasurestockSandbox } from '../../src/sandbox/pleasurestock/index.ts';
import { call, Contract } from '../support/contract.ts';
import { psClient, type CreateAnswer, type OrderDetail } from './pleasurestock-support.ts';

interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A partner's webhook endpoint: records every POST and answers from a script of statuses. */
class Receiver {
  readonly received: Received[] = [];
  /** statuses for the next requests; "hang" never answers; 200 once the script is spent */
  script: (number | 'hang')[] = [];
  #server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      this.received.push({ at: Date.now(), headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const next = this.script.shift() ?? 200;
      if (next !== 'hang') response.writeHead(next).end();
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/hooks/pleasurestock`;
  }
  reset(): void {
    this.received.length = 0;
    this.script = [];
  }
  events(): { event: string; data: Record<string, unknown> }[] {
    return this.received.map((r) => JSON.parse(r.body) as { event: string; data: Record<string, unknown> });
  }
  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

/** The partner's own check: sha256= + hex HMAC-SHA256(secret, timestamp + "." + raw body), compared in constant time. */
function signatureIsValid(secret: string, received: Received): boolean {
  const timestamp = String(received.headers['x-webhook-timestamp']);
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${received.body}`).digest('hex')}`);
  const given = Buffer.from(String(received.headers['x-webhook-signature']));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

let contract: Contract;
let sandbox: PleasurestockSandbox;
let api: ReturnType<typeof psClient>;
let receiver: Receiver;
let validatePayload: (name: string, payload: unknown) => string[];

beforeAll(async () => {
  contract = await Contract.load('pleasurestock');
  receiver = new Receiver();
  await receiver.start();
  sandbox = await startPleasurestockSandbox({ seed: 11, webhookRetryDelaysMs: [100, 200, 400], webhookTimeoutMs: 300 });
  api = psClient(sandbox, contract);
  const spec = parse(await readFile(new URL('../../openapi/pleasurestock.yaml', import.meta.url), 'utf8')) as { components: unknown };
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'pleasurestock.json', components: spec.components });
  validatePayload = (name, payload) => {
    const validate = ajv.getSchema(`pleasurestock.json#/components/schemas/${name}`)!;
    return validate(payload) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
});
afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});
beforeEach(async () => {
  await sandbox.webhooks.idle();
  receiver.reset();
});

const pricedOfTwoSuppliers = () => {
  const first = sandbox.state.products.find((p) => p.priceCents !== null)!;
  return [first, sandbox.state.products.find((p) => p.priceCents !== null && p.supplierId !== first.supplierId)!] as const;
};
async function createOrder(items = [pricedOfTwoSuppliers()[0]]): Promise<string[]> {
  const res = await api.ext('createOrder', 'POST', '/external/orders', {
    body: { items: items.map((p) => ({ ps_id: p.internalId, quantity: 2 })), externalOrderId: 'ERP-HOOK-1' },
  });
  return (res.body as CreateAnswer).data.orders.map((o) => o.orderNumber);
}
const setStatus = (orderNumber: string, status: string, comment?: string) =>
  api.ext('updateOrderStatus', 'PUT', `/external/orders/${orderNumber}/status`, { body: { status, comment } });

describe('pleasurestock webhooks', () => {
  it('registers the partner URL through POST /external/webhook and returns the signing secret', async () => {
    const res = await api.ext('registerWebhook', 'POST', '/external/webhook', { body: { url: receiver.url } });
    expect(res.status).toBe(200);
    expect((res.body as { data: { url: string; secret: string; events: string[] } }).data).toMatchObject({
      url: receiver.url,
      secret: sandbox.credentials.webhookSecret,
      events: ['order.created', 'order.status_changed', 'order.cancelled'],
    });
  });

  it('sends one signed order.created per order of a split create, matching the spec', async () => {
    const numbers = await createOrder([...pricedOfTwoSuppliers()]);
    await sandbox.webhooks.idle();
    expect(receiver.received).toHaveLength(2);
    for (const received of receiver.received) {
      expect(signatureIsValid(sandbox.credentials.webhookSecret, received)).toBe(true);
      expect(Math.abs(Number(received.headers['x-webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
      expect(validatePayload('OrderCreatedEvent', JSON.parse(received.body))).toEqual([]);
    }
    const events = receiver.events();
    expect(events.map((e) => e.data.orderNumber)).toEqual(numbers);
    const detail = (await api.ext('getOrder', 'GET', `/external/orders/${numbers[0]}`)).body as OrderDetail;
    expect(events[0]!.data).toMatchObject({ supplierId: detail.data.supplier.id, externalOrderId: 'ERP-HOOK-1', status: 'created' });
  });

  it('rejects a tampered body or a wrong secret under the same signature check', async () => {
    await createOrder();
    await sandbox.webhooks.idle();
    const [received] = receiver.received as [Received];
    expect(signatureIsValid(sandbox.credentials.webhookSecret, { ...received, body: received.body.replace('created', 'paid') })).toBe(false);
    expect(signatureIsValid('whsec_other', received)).toBe(false);
  });

  it('sends order.status_changed with old and new status and the comment', async () => {
    const [number] = await createOrder();
    await setStatus(number!, 'paid', 'Payment confirmed via bank transfer');
    await sandbox.webhooks.idle();
    const changed = receiver.events().filter((e) => e.event === 'order.status_changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.data).toMatchObject({ orderNumber: number, oldStatus: 'created', newStatus: 'paid', changedBy: 'external_api', comment: 'Payment confirmed via bank transfer' });
    expect(validatePayload('OrderStatusChangedEvent', changed[0])).toEqual([]);
  });

  it('sends order.status_changed and then order.cancelled on a cancellation', async () => {
    const [number] = await createOrder();
    await setStatus(number!, 'part_paid');
    await sandbox.webhooks.idle();
    receiver.reset();
    await setStatus(number!, 'cancelled', 'Out of budget');
    await sandbox.webhooks.idle();
    const events = receiver.events();
    expect(events.map((e) => e.event)).toEqual(['order.status_changed', 'order.cancelled']);
    expect(events[1]!.data).toMatchObject({ orderNumber: number, previousStatus: 'part_paid', reason: 'Out of budget' });
    expect(validatePayload('OrderCancelledEvent', events[1])).toEqual([]);
    expect(receiver.received.every((r) => signatureIsValid(sandbox.credentials.webhookSecret, r))).toBe(true);
  });

  it('retries a failed delivery after the configured delays, signing each attempt afresh', async () => {
    receiver.script = [500, 503];
    await createOrder();
    await sandbox.webhooks.idle();
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    expect(receiver.received.every((r) => signatureIsValid(sandbox.credentials.webhookSecret, r))).toBe(true);
    const gaps = receiver.received.slice(1).map((r, i) => r.at - receiver.received[i]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(90);
    expect(gaps[1]).toBeGreaterThanOrEqual(190);
    expect(sandbox.webhooks.deliveries.at(-1)).toMatchObject({ attempts: [500, 503, 200], state: 'delivered' });
  });

  it('gives up after three retries and keeps the event for manual retry', async () => {
    receiver.script = [500, 500, 500, 500];
    await createOrder();
    await sandbox.webhooks.idle();
    expect(receiver.received).toHaveLength(4);
    expect(sandbox.webhooks.failed.at(-1)).toMatchObject({ event: 'order.created', attempts: [500, 500, 500, 500], state: 'failed' });
  });

  it('treats an answer slower than the timeout as failed and retries it', async () => {
    receiver.script = ['hang'];
    await createOrder();
    await sandbox.webhooks.idle();
    expect(receiver.received).toHaveLength(2);
    expect(sandbox.webhooks.deliveries.at(-1)).toMatchObject({ attempts: [0, 200], state: 'delivered' });
  });

  it('delivers only the events a registration names', async () => {
    await api.ext('registerWebhook', 'POST', '/external/webhook', { body: { url: receiver.url, events: ['order.cancelled'] } });
    const [number] = await createOrder();
    await setStatus(number!, 'cancelled');
    await sandbox.webhooks.idle();
    expect(receiver.events().map((e) => e.event)).toEqual(['order.cancelled']);
  });

  it('lets tests point deliveries elsewhere with setWebhookTarget and the control route', async () => {
    const other = new Receiver();
    await other.start();
    try {
      sandbox.setWebhookTarget(other.url, 'whsec_rotated');
      await createOrder();
      await sandbox.webhooks.idle();
      expect(other.received).toHaveLength(1);
      expect(signatureIsValid('whsec_rotated', other.received[0]!)).toBe(true);
      const control = await call(sandbox.url, 'PUT', '/__sandbox/pleasurestock/webhook', { body: { url: receiver.url } });
      expect(control.status).toBe(200);
      await createOrder();
      await sandbox.webhooks.idle();
      expect(receiver.received).toHaveLength(1);
      expect(signatureIsValid('whsec_rotated', receiver.received[0]!)).toBe(true);
      expect((await call(sandbox.url, 'PUT', '/__sandbox/pleasurestock/webhook', { body: { url: 'not a url' } })).status).toBe(400);
    } finally {
      await other.close();
    }
  });

  it('delivers from the start when webhookUrl and webhookSecret are options', async () => {
    const configured = await startPleasurestockSandbox({ seed: 11, webhookUrl: receiver.url, webhookSecret: 'whsec_configured' });
    try {
      const product = configured.state.products.find((p) => p.priceCents !== null)!;
      await psClient(configured, contract).ext('createOrder', 'POST', '/external/orders', { body: { items: [{ ps_id: product.internalId, quantity: 1 }] } });
      await configured.webhooks.idle();
      expect(receiver.received).toHaveLength(1);
      expect(signatureIsValid('whsec_configured', receiver.received[0]!)).toBe(true);
      expect(configured.credentials.webhookSecret).toBe('whsec_configured');
    } finally {
      await configured.close();
    }
  });
});
