import { SandboxHttpError } from '../kit/index.ts';

const LABELS: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  429: 'Rate limit exceeded',
};

/** The document's common error body; `error` is a short stable label, `message` is for people. */
export interface ErrorBody {
  success: false;
  error: string;
  message: string;
  details?: string[];
}

/** The error body the kit uses for faults, unknown routes, 429s and unparsable JSON. */
export function errorBody(status: number, message: string): ErrorBody {
  return { success: false, error: LABELS[status] ?? (status >= 500 ? 'Internal server error' : 'Error'), message };
}

/** Throws a supplier-shaped error answer. */
export function refuse(status: number, error: string, message: string, details?: string[]): never {
  const body: ErrorBody = { success: false, error, message, ...(details ? { details } : {}) };
  throw new SandboxHttpError(status, body);
}
