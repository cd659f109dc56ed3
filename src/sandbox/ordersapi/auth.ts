import type { FastifyRequest } from 'fastify';
import { SandboxHttpError } from '../kit/index.ts';

/** Throws the supplier's 401 unless the request carries exactly this key in x-api-key. */
export function requireApiKey(request: FastifyRequest, apiKey: string): void {
  if (request.headers['x-api-key'] !== apiKey) {
    throw new SandboxHttpError(401, { detail: 'Invalid or missing API key' });
  }
}
