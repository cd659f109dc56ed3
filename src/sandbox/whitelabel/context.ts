import type { FastifyRequest } from 'fastify';
import type { SandboxApp } from '../kit/index.ts';
import type { Scope, StoreCredential } from './auth.ts';
import type { WhitelabelState } from './state.ts';

/** What every route file registers against. */
export interface RouteContext {
  app: SandboxApp;
  state: WhitelabelState;
  /** verifies the HMAC headers (and the scope); throws the supplier's 401/403 */
  auth: (request: FastifyRequest, scope?: Scope) => StoreCredential;
}

export const READ = { rateBucket: 'read' } as const;
export const WRITE = { rateBucket: 'write', write: true } as const;

export const idParam = (request: FastifyRequest): string => (request.params as { id: string }).id;
