import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CENTRE_SANDBOX_PRICE_LIST, startCentreSandbox, type CentreSandbox } from '../../src/sandbox/centre/index.ts';
import { Contract } from '../support/contract.ts';
import { listOrders, orderBody, postOrder, uniquePartnerOrderId } from './centre-support.ts';

type Created = { success: true; data: { orderId: string; orderNumber: string; status: string } };
type Failed = { success: false; error: string; orderId?: string; orderNumber?: string };

const FIXED_NOW = Date.UTC(2026, 9, 15, 12, 0, 0);
let sandbox: CentreSandbox;
let contract: Contract;

beforeAll(async () => {
  contract = await Contract.load('centre');
  sandbox = await startCentreSandbox({ now: () => FIXED_NOW });
});
afterAll(async () => sandbox?.close());
beforeEach(() => sandbox.resetRateLimits());

async function placed(partnerOrderId: string) {
  return (await listOrders(sandbox, { partnerOrderId })).orders;
}

describe('centre createOrder: creating', () => {
  it('answers 201 with a CUID-like orderId, an ORD-<unix seconds>-<6> number and status PENDING', async () => {
    const response = await postOrder(sandbox, contract, { body: orderBody() });
    expect(response.status).toBe(201);
    const { data } = response.body as Created;
    expect(data.orderId).toMatch(/^cl[a-z0-9]{23}$/);
    expect(data.orderNumber).toMatch(new RegExp(`^ORD-${FIXED_NOW / 1000}-[A-Z0-9]{6}$`));
    expect(data.status).toBe('PENDING');
  });

  it('sends X-RateLimit headers for the per-minute window of 100', async () => {
    const response = await postOrder(sandbox, contract, { body: orderBody() });
    expect(response.headers.get('x-ratelimit-limit')).toBe('100');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('99');
    expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(FIXED_NOW / 1000);
  });

  it('finds a variant by its id and by its SKU, and both land on the same variant', async () => {
    const byId = orderBody({ items: [{ variantId: 'clxyz123abc456def789', quantity: 1 }] });
    const bySku = orderBody({ items: [{ variantId: 'BPC-157-5MG', quantity: 1 }] });
    expect((await postOrder(sandbox, contract, { body: byId })).status).toBe(201);
    expect((await postOrder(sandbox, contract, { body: bySku })).status).toBe(201);
    const [first] = await placed(byId.partnerOrderId as string);
    const [second] = await placed(bySku.partnerOrderId as string);
    expect(first?.items[0]).toMatchObject({ variantId: 'clxyz123abc456def789', sku: 'BPC-157-5MG', requested: 'clxyz123abc456def789' });
    expect(second?.items[0]).toMatchObject({ variantId: 'clxyz123abc456def789', sku: 'BPC-157-5MG', requested: 'BPC-157-5MG' });
  });

  it('accepts the document example of mixed ids and SKUs with several items', async () => {
    const body = orderBody({
      items: [
        { variantId: 'clxyz789ghi012jkl345', quantity: 1 },
        { variantId: 'COLLAGEN-50G', quantity: 2 },
        { variantId: 'TB500-10MG', quantity: 3 },
      ],
    });
    expect((await postOrder(sandbox, contract, { body })).status).toBe(201);
    const [order] = await placed(body.partnerOrderId as string);
    expect(order?.items.map((item) => [item.sku, item.quantity])).toEqual([
      ['GHK-CU-50MG', 1],
      ['COLLAGEN-50G', 2],
      ['TB500-10MG', 3],
    ]);
  });

  it('ignores prices sent in the payload and applies the channel price list, rendered without float drift', async () => {
    const body = orderBody({
      items: [
        { variantId: 'BAC-WATER-10ML', quantity: 3, price: 0.01, unitPrice: '0.01' },
        { variantId: 'FOLLISTATIN-1MG', quantity: 1, price: 1 },
        { variantId: 'BPC-157-5MG', quantity: 3 },
      ],
    });
    expect((await postOrder(sandbox, contract, { body })).status).toBe(201);
    const [order] = await placed(body.partnerOrderId as string);
    expect(order?.items.map((item) => [item.unitPriceCents, item.unitPrice, item.lineTotal])).toEqual([
      [505, '5.05', '15.15'],
      [12000, '120.00', '120.00'],
      [2999, '29.99', '89.97'],
    ]);
    expect(order?.totalCents).toBe(1515 + 12000 + 8997);
    expect(order?.total).toBe('225.12');
  });

  it('uses the shipping address as billing address when none is sent, and keeps a sent one', async () => {
    const without = orderBody();
    const billing = { firstName: 'Jane', lastName: 'Smith', address1: '789 Business Park Drive', city: 'New York', state: 'NY', zip: '10002', country: 'US' };
    const withBilling = orderBody({ billingAddress: billing });
    await postOrder(sandbox, contract, { body: without });
    await postOrder(sandbox, contract, { body: withBilling });
    const [first] = await placed(without.partnerOrderId as string);
    const [second] = await placed(withBilling.partnerOrderId as string);
    expect(first?.billingAddress).toEqual(first?.shippingAddress);
    expect(second?.billingAddress).toEqual(billing);
  });

  it('defaults a missing shipping country to US', async () => {
    const body = orderBody();
    delete (body.shippingAddress as Record<string, unknown>).country;
    expect((await postOrder(sandbox, contract, { body })).status).toBe(201);
    const [order] = await placed(body.partnerOrderId as string);
    expect(order?.shippingAddress.country).toBe('US');
  });

  it('matches an existing customer by email, ignoring case, instead of creating another', async () => {
    const first = orderBody({ customer: { firstName: 'Ann', lastName: 'Lee', email: 'ann.lee@example.com' } });
    const second = orderBody({ customer: { firstName: 'Annie', lastName: 'Lee', email: 'ANN.LEE@example.com' } });
    await postOrder(sandbox, contract, { body: first });
    await postOrder(sandbox, contract, { body: second });
    const [a] = await placed(first.partnerOrderId as string);
    const [b] = await placed(second.partnerOrderId as string);
    expect(b?.customer.customerId).toBe(a?.customer.customerId);
    expect(b?.customer.firstName).toBe('Ann');
  });
});

describe('centre createOrder: idempotency by partnerOrderId', () => {
  it('answers 400 with the existing orderId when partnerOrderId repeats, and creates nothing', async () => {
    const body = orderBody();
    const first = await postOrder(sandbox, contract, { body });
    const second = await postOrder(sandbox, contract, { body });
    const created = (first.body as Created).data;
    expect(second.status).toBe(400);
    expect(second.body).toEqual({
      success: false,
      error: 'An order with this partnerOrderId already exists for this channel.',
      orderId: created.orderId,
      orderNumber: created.orderNumber,
    });
    expect(await placed(body.partnerOrderId as string)).toHaveLength(1);
  });

  it('still answers the duplicate 400 when the repeat has a different body, and leaves the order unchanged', async () => {
    const body = orderBody();
    const first = (await postOrder(sandbox, contract, { body })).body as Created;
    const changed = { ...body, customer: { firstName: 'Eve', lastName: 'Other', email: 'eve@example.com' }, items: [{ variantId: 'TB500-10MG', quantity: 9 }] };
    const second = await postOrder(sandbox, contract, { body: changed });
    expect(second.status).toBe(400);
    expect((second.body as Failed).orderId).toBe(first.data.orderId);
    const orders = await placed(body.partnerOrderId as string);
    expect(orders).toHaveLength(1);
    expect(orders[0]?.items[0]).toMatchObject({ sku: 'BPC-157-5MG', quantity: 1 });
  });

  it('refuses a partnerOrderId that the seeded history already used', async () => {
    const seeded = sandbox.state.findByPartnerOrderId('SEED-000123');
    const response = await postOrder(sandbox, contract, { body: orderBody({ partnerOrderId: 'SEED-000123' }) });
    expect(response.status).toBe(400);
    expect((response.body as Failed).orderId).toBe(seeded?.orderId);
    expect((response.body as Failed).orderNumber).toBe(seeded?.orderNumber);
  });

  it('finds the existing order even when the retry now names a variant without a price', async () => {
    const body = orderBody();
    const first = (await postOrder(sandbox, contract, { body })).body as Created;
    const retry = await postOrder(sandbox, contract, { body: { ...body, items: [{ variantId: 'SEMAGLUTIDE-5MG', quantity: 1 }] } });
    expect(retry.status).toBe(400);
    expect((retry.body as Failed).orderId).toBe(first.data.orderId);
  });

  it('treats partnerOrderIds that differ only in case as different orders', async () => {
    const id = uniquePartnerOrderId('case');
    expect((await postOrder(sandbox, contract, { body: orderBody({ partnerOrderId: id }) })).status).toBe(201);
    expect((await postOrder(sandbox, contract, { body: orderBody({ partnerOrderId: id.toUpperCase() }) })).status).toBe(201);
  });

  it('exports a price list of about 40 variants with the document ids, SKUs and some unpriced variants', () => {
    expect(CENTRE_SANDBOX_PRICE_LIST.length).toBeGreaterThanOrEqual(35);
    const ids = CENTRE_SANDBOX_PRICE_LIST.map((entry) => entry.variantId);
    const skus = CENTRE_SANDBOX_PRICE_LIST.map((entry) => entry.sku);
    expect(ids).toEqual(expect.arrayContaining(['clxyz123abc456def789', 'clxyz456def789ghi012', 'clxyz789ghi012jkl345']));
    expect(skus).toEqual(expect.arrayContaining(['BPC-157-5MG', 'TB500-10MG', 'COLLAGEN-50G']));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(skus).size).toBe(skus.length);
    expect(CENTRE_SANDBOX_PRICE_LIST.filter((entry) => entry.priceCents === null).length).toBeGreaterThanOrEqual(2);
    for (const entry of CENTRE_SANDBOX_PRICE_LIST) {
      if (entry.priceCents !== null) expect(Number.isSafeInteger(entry.priceCents) && entry.priceCents > 0).toBe(true);
    }
  });

  it('exercised every documented operation', () => {
    expect(contract.unexercised()).toEqual([]);
  });
});
