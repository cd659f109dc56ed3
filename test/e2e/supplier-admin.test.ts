import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/domain/global-id.ts';
import { startSandboxedGateway, type SandboxedGateway } from '../support/gateway.ts';

const CREATE_CHANNEL = `mutation ($input: CreateSalesChannelInput!) {
  createSalesChannel(input: $input) {
    salesChannel { channelId name email phone location supplier { code } }
    userErrors { field code message }
  }
}`;
const SUBMIT_REORDER = `mutation ($input: SubmitSmartReorderDataInput!) {
  submitSmartReorderData(input: $input) {
    smartReorder { smartReorderId lastUpdated isActive supplier { code } }
    userErrors { field code message }
  }
}`;

type UserErrors = { field: string[] | null; code: string; message: string }[];
type ChannelAnswer = { createSalesChannel: { salesChannel: Record<string, unknown> | null; userErrors: UserErrors } };
type ReorderAnswer = { submitSmartReorderData: { smartReorder: Record<string, unknown> | null; userErrors: UserErrors } };

const address = { address: '31474 Hayman St', city: 'Hayward', state: 'CA', country: 'US', postalCode: '94545' };
const channel = (overrides: Record<string, unknown> = {}) => ({ supplier: 'CENPORTS', name: 'Wholesale', email: 'ops@example.com', address, ...overrides });
const WEEK = [5, 8, 12, 6, 9, 11, 7];

describe('supplier admin writes over HTTP', () => {
  let gateway: SandboxedGateway;
  let productIds: string[];

  beforeAll(async () => {
    gateway = await startSandboxedGateway();
    const { data } = await gateway.query<{ products: { nodes: { id: string }[] } }>(
      '{ products(filter: { suppliers: [PLEASURESTOCK] }, first: 2) { nodes { id } } }',
    );
    productIds = data!.products.nodes.map((p) => p.id);
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.resetSandboxes());

  it('shows each write in the capabilities of the supplier that offers it, and only there', async () => {
    const { data } = await gateway.query<{ suppliers: { code: string; capabilities: string[] }[] }>('{ suppliers { code capabilities } }');
    const offering = (capability: string) => data!.suppliers.filter((s) => s.capabilities.includes(capability)).map((s) => s.code);
    expect(offering('createSalesChannel')).toEqual(['CENPORTS']);
    expect(offering('submitSmartReorderData')).toEqual(['PLEASURESTOCK']);
  });

  it('creates a Cenports sales channel that the supplier keeps and the channel list shows at once', async () => {
    // Read the list first, so a kept copy exists that the create must drop.
    await gateway.query('{ suppliers { salesChannels { channelId } } }');
    const { data } = await gateway.query<ChannelAnswer>(CREATE_CHANNEL, { input: channel({ channelId: 'SGE2E1', phone: '+1 510 555 0100' }) });
    expect(data!.createSalesChannel.userErrors).toEqual([]);
    expect(data!.createSalesChannel.salesChannel).toEqual({
      channelId: 'SGE2E1',
      name: 'Wholesale',
      email: 'ops@example.com',
      phone: '+1 510 555 0100',
      location: 'Hayward, CA, US, 94545',
      supplier: { code: 'CENPORTS' },
    });
    expect(gateway.sandboxes.cenports.state.channels.get('SGE2E1')).toMatchObject({ channelName: 'Wholesale' });
    const listed = await gateway.query<{ suppliers: { code: string; salesChannels: { channelId: string }[] }[] }>('{ suppliers { code salesChannels { channelId } } }');
    const cenports = listed.data!.suppliers.find((s) => s.code === 'CENPORTS')!;
    expect(cenports.salesChannels.map((c) => c.channelId)).toContain('SGE2E1');
  });

  it('refuses a channel id already taken as CHANNEL_ID_TAKEN and creates nothing', async () => {
    const before = gateway.sandboxes.cenports.state.channels.size;
    const { data } = await gateway.query<ChannelAnswer>(CREATE_CHANNEL, { input: channel({ channelId: 'SGSHOP' }) });
    expect(data!.createSalesChannel.salesChannel).toBeNull();
    expect(data!.createSalesChannel.userErrors).toMatchObject([{ code: 'CHANNEL_ID_TAKEN', field: ['input', 'channelId'] }]);
    expect(gateway.sandboxes.cenports.state.channels.size).toBe(before);
  });

  it('refuses a channel without email or phone, or with a bad country, naming the field', async () => {
    const contactless = await gateway.query<ChannelAnswer>(CREATE_CHANNEL, { input: channel({ email: null }) });
    expect(contactless.data!.createSalesChannel.userErrors).toMatchObject([{ code: 'VALIDATION', field: ['input', 'email'] }]);
    expect(gateway.sandboxes.cenports.stats.count('createChannel')).toBe(0);
    const country = await gateway.query<ChannelAnswer>(CREATE_CHANNEL, { input: channel({ address: { ...address, country: 'USA' } }) });
    expect(country.data!.createSalesChannel.userErrors).toMatchObject([{ code: 'VALIDATION', field: ['input', 'address', 'country'] }]);
  });

  it('answers UNSUPPORTED_BY_SUPPLIER for a supplier without sales channels and calls nobody', async () => {
    const { data } = await gateway.query<ChannelAnswer>(CREATE_CHANNEL, { input: channel({ supplier: 'WHITELABEL' }) });
    expect(data!.createSalesChannel.userErrors).toMatchObject([{ code: 'UNSUPPORTED_BY_SUPPLIER', field: ['input', 'supplier'] }]);
    expect(Object.values(gateway.upstreamCalls()).reduce((sum, n) => sum + n, 0)).toBe(0);
  });

  it('submits smart reorder data that PleasureStock then keeps', async () => {
    const products = productIds.map((productId, i) => ({ productId, quantity: 15 + i, currentStock: 85, salesHistory: WEEK }));
    const { data } = await gateway.query<ReorderAnswer>(SUBMIT_REORDER, { input: { products } });
    expect(data!.submitSmartReorderData.userErrors).toEqual([]);
    expect(data!.submitSmartReorderData.smartReorder).toMatchObject({ smartReorderId: expect.any(String), isActive: true, supplier: { code: 'PLEASURESTOCK' } });
    expect(Date.parse(data!.submitSmartReorderData.smartReorder!.lastUpdated as string)).not.toBeNaN();
    expect(gateway.sandboxes.pleasurestock.state.smartReorder?.products.size).toBe(productIds.length);
  });

  it('refuses a history under 7 days before calling PleasureStock, naming the product', async () => {
    const products = [{ productId: productIds[0], quantity: 1, currentStock: 1, salesHistory: [1, 2, 3] }];
    const { data } = await gateway.query<ReorderAnswer>(SUBMIT_REORDER, { input: { products } });
    expect(data!.submitSmartReorderData.userErrors).toMatchObject([{ code: 'VALIDATION', field: ['input', 'products', '0', 'salesHistory'] }]);
    expect(gateway.sandboxes.pleasurestock.stats.count('submitSmartReorder')).toBe(0);
  });

  it('refuses a product PleasureStock does not know as UNKNOWN_PRODUCT', async () => {
    const unknown = encodeGlobalId({ type: 'Product', supplier: 'pleasurestock', nativeId: 'ps_zzzzzzzzzz' });
    const products = [{ productId: productIds[0], quantity: 1, currentStock: 1, salesHistory: WEEK }, { productId: unknown, quantity: 1, currentStock: 1, salesHistory: WEEK }];
    const { data } = await gateway.query<ReorderAnswer>(SUBMIT_REORDER, { input: { products } });
    expect(data!.submitSmartReorderData.smartReorder).toBeNull();
    expect(data!.submitSmartReorderData.userErrors).toMatchObject([{ code: 'UNKNOWN_PRODUCT', field: ['input', 'products', '1', 'productId'] }]);
  });

  it('refuses both writes to partner and reader keys before anything runs', async () => {
    const products = [{ productId: productIds[0], quantity: 1, currentStock: 1, salesHistory: WEEK }];
    for (const key of ['sg_test_partner', 'sg_test_reader']) {
      const created = await gateway.query(CREATE_CHANNEL, { input: channel() }, key);
      const submitted = await gateway.query(SUBMIT_REORDER, { input: { products } }, key);
      expect([created.status, submitted.status], key).toEqual([403, 403]);
      expect(created.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(Object.values(gateway.upstreamCalls()).reduce((sum, n) => sum + n, 0)).toBe(0);
  });
});
