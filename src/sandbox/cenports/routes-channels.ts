import type { SandboxApp } from '../kit/index.ts';
import { authorizedInput, type CenportsContext } from './context.ts';
import { fieldError } from './errors.ts';
import { createChannelBody } from './schemas.ts';
import { partnerQuery } from './schemas-query.ts';

export function registerChannelRoutes(app: SandboxApp, context: CenportsContext): void {
  const { state } = context;

  app.route({
    method: 'GET',
    path: '/channels',
    operationId: 'getChannels',
    handler: (request) => {
      authorizedInput(context, request, partnerQuery, request.query);
      return { data: [...state.channels.values()].map((channel) => ({ ...channel, features: null })) };
    },
  });

  app.route({
    method: 'POST',
    path: '/channels',
    operationId: 'createChannel',
    write: true,
    handler: (request) => {
      const body = authorizedInput(context, request, createChannelBody, request.body);
      if (body.channelId !== undefined && state.channels.has(body.channelId)) {
        throw fieldError('channelId', 'The channel id has already been taken.');
      }
      const channelId = body.channelId ?? generatedChannelId(new Set(state.channels.keys()));
      const { city, state: region, country, postalCode } = body.contactInfo;
      state.channels.set(channelId, {
        channelId,
        channelName: body.channelName,
        channelEmail: body.contactEmail ?? null,
        channelPhone: body.contactPhone ?? null,
        location: `${city}, ${region}, ${country}, ${postalCode}`,
      });
      return {
        message: 'Success! Your request has been processed successfully!',
        // "channalName" is the document's spelling; channelName is sent too (see the spec).
        data: { partnerId: body.partnerId, channelId, channalName: body.channelName, channelName: body.channelName },
      };
    },
  });
}

/** Cenports "generates a random id"; a counter keeps the sandbox deterministic. */
function generatedChannelId(taken: Set<string>): string {
  for (let n = taken.size + 1; ; n += 1) {
    const id = `CH${String(n).padStart(6, '0')}`;
    if (!taken.has(id)) return id;
  }
}
