import type { FastifyRequest } from 'fastify';
import { refuse } from './errors.ts';

/** Fixed sandbox keys: a manager's (everything) and a viewer's (403 on external writes). */
export const PLEASURESTOCK_SANDBOX_CREDENTIALS = {
  apiKey: 'pk_test_ps_manager_7f3a9c2e51',
  viewerApiKey: 'pk_test_ps_viewer_41b8d6e0c3',
  webhookSecret: 'whsec_test_ps_5e1d0c9b8a7f6e5d',
} as const;

type Role = 'manager' | 'viewer';

const ROLES = new Map<string, Role>([
  [PLEASURESTOCK_SANDBOX_CREDENTIALS.apiKey, 'manager'],
  [PLEASURESTOCK_SANDBOX_CREDENTIALS.viewerApiKey, 'viewer'],
]);

function roleOf(key: string | undefined, where: string): Role {
  if (!key) refuse(401, 'Unauthorized', `Missing API key: send it in ${where}`);
  const role = ROLES.get(key);
  if (!role) refuse(401, 'Unauthorized', 'Invalid API key');
  return role;
}

/** Standard API: the key in X-API-Key only; 401 when missing or unknown. */
export function authenticateStandard(request: FastifyRequest): Role {
  const header = request.headers['x-api-key'];
  return roleOf(typeof header === 'string' ? header.trim() : undefined, 'the X-API-Key header');
}

/** External API: `Authorization: Bearer <key>` only; 401 when missing or unknown, 403 for writes without the manager role. */
export function authenticateExternal(request: FastifyRequest, needs: 'read' | 'write'): Role {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  const role = roleOf(match?.[1], 'the Authorization header as "Bearer <key>"');
  if (needs === 'write' && role !== 'manager') {
    refuse(403, 'Forbidden', 'Insufficient permissions: this operation needs a manager role');
  }
  return role;
}
