import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { TokenStore } from './auth.ts';
import { fieldError } from './errors.ts';
import type { CenportsState } from './state.ts';
import { parseOrRefuse } from './validation.ts';

/** What every route handler needs. */
export interface CenportsContext {
  state: CenportsState;
  tokens: TokenStore;
}

/**
 * The checks every API call makes, in Cenports' order: a valid token (401), valid fields (422),
 * then a partnerId that is the token's own (422 on partnerId).
 */
export function authorizedInput<T extends z.ZodType<{ partnerId: string }>>(
  context: CenportsContext,
  request: FastifyRequest,
  schema: T,
  input: unknown,
): z.output<T> {
  const partnerId = context.tokens.partnerOf(request);
  const parsed = parseOrRefuse(schema, input);
  if (parsed.partnerId !== partnerId) throw fieldError('partnerId', 'The partner id is not valid, please try again.');
  return parsed;
}

export function requireChannel(state: CenportsState, channelId: string): void {
  if (!state.channels.has(channelId)) throw fieldError('channelId', 'The channel id does not exist, please try again.');
}
