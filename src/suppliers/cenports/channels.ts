import { z } from 'zod';
import type { SalesChannelModel } from '../../domain/models.ts';
import type { NewSalesChannel } from '../admin-writes.ts';
import { expectBody } from '../http/expect.ts';
import { RefreshingSnapshot } from '../shared/refreshing-snapshot.ts';
import type { ChangeOutcome } from '../writes.ts';
import { expectOk, type CenportsClient } from './client.ts';
import { toChannel } from './mapping.ts';
import { businessRefusals, validationRefusals, type FieldPlace } from './refusals.ts';
import { ChannelListWire } from './wire.ts';

/** POST /channels' answer; the document spells the name `channalName`, the sandbox sends both (spec). */
const ChannelCreatedWire = z.object({
  data: z.object({ channelId: z.string().min(1), channelName: z.string().optional(), channalName: z.string().optional() }),
});

const ADDRESS_KEYS = new Set(['address', 'city', 'state', 'country', 'postalCode']);

/** Places a 422 path of POST /channels ("contactInfo.city") in NewSalesChannel. */
function channelFieldOf(path: string): FieldPlace {
  const [root, sub] = path.split('.');
  if (root === 'channelId') return { field: ['channelId'] };
  if (root === 'channelName') return { field: ['name'] };
  if (root === 'contactEmail') return { field: ['email'] };
  if (root === 'contactPhone') return { field: ['phone'] };
  if (root === 'contactInfo') return { field: sub && ADDRESS_KEYS.has(sub) ? ['address', sub] : ['address'] };
  if (root === 'billInfo') return { field: sub ? ['billing', sub] : ['billing'] };
  return {};
}

/** Laravel's `unique` rule message, which Cenports answers for a channelId already used. */
const TAKEN = /has already been taken/i;

/**
 * The partner's sales channels: the list (kept for `ttlMs`, refreshed in the background) and
 * POST /channels, which is synchronous and drops the kept list so the new channel shows at once.
 * Creating is not idempotent at Cenports unless the caller names the channelId, whose reuse is a
 * 422 (CHANNEL_ID_TAKEN here).
 */
export function createChannels(client: CenportsClient, options: { ttlMs: number; now?: () => number }) {
  const list = new RefreshingSnapshot<SalesChannelModel[]>({
    name: 'cenports.channels',
    ttlMs: options.ttlMs,
    load: async () => {
      const answer = await client.call('getChannels', (api, init) =>
        api.GET('/channels', { ...init, params: { query: { partnerId: client.partnerId } } }),
      );
      expectOk(answer, 'getChannels');
      return expectBody(ChannelListWire, answer, 'cenports', 'getChannels').data.map(toChannel);
    },
    ...(options.now && { now: options.now }),
  });

  return {
    list: () => list.get(),

    async create(channel: NewSalesChannel): Promise<ChangeOutcome<SalesChannelModel>> {
      if (!channel.email && !channel.phone) {
        return { kind: 'rejected', refusals: [{ code: 'VALIDATION', message: 'Give the channel an email or a phone.', field: ['email'] }] };
      }
      const billing = Object.fromEntries(Object.entries(channel.billing ?? {}).filter(([, value]) => value != null)) as Record<string, string>;
      const body = {
        partnerId: client.partnerId,
        ...(channel.channelId != null && { channelId: channel.channelId }),
        channelName: channel.name,
        ...(channel.email != null && { contactEmail: channel.email }),
        ...(channel.phone != null && { contactPhone: channel.phone }),
        contactInfo: channel.address,
        ...(Object.keys(billing).length > 0 && { billInfo: billing }),
      };
      const answer = await client.call('createChannel', (api, init) => api.POST('/channels', { ...init, body }));
      if (answer.status === 400) return { kind: 'rejected', refusals: businessRefusals(answer, 'createChannel', 'VALIDATION') };
      if (answer.status === 422) {
        const refusals = validationRefusals(answer, 'createChannel', channelFieldOf).map((refusal) =>
          refusal.field?.[0] === 'channelId' && TAKEN.test(refusal.message) ? { ...refusal, code: 'CHANNEL_ID_TAKEN' } : refusal,
        );
        return { kind: 'rejected', refusals };
      }
      expectOk(answer, 'createChannel');
      const { data } = expectBody(ChannelCreatedWire, answer, 'cenports', 'createChannel');
      list.invalidate();
      const { city, state, country, postalCode } = channel.address;
      return {
        kind: 'done',
        value: {
          supplier: 'cenports',
          channelId: data.channelId,
          name: data.channelName ?? data.channalName ?? channel.name,
          email: channel.email ?? null,
          phone: channel.phone ?? null,
          // Cenports writes a channel's location as "city, state, country, postalCode".
          location: `${city}, ${state}, ${country}, ${postalCode}`,
        },
      };
    },
  };
}
