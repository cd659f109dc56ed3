import { SandboxHttpError } from '../kit/index.ts';

export type WhitelabelErrorCode =
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION_ERROR'
  | 'INSUFFICIENT_FUNDS'
  | 'SIGNATURE_EXPIRED'
  | 'SIGNATURE_INVALID'
  | 'RATE_LIMITED'
  | 'NONCE_REUSED'
  | 'UNKNOWN_SKU'
  | 'PRICE_NOT_CONFIGURED'
  | 'OUT_OF_STOCK'
  | 'QUANTITY_OUT_OF_RANGE'
  | 'INVALID_STATE'
  | 'INTERNAL_ERROR';

/** The supplier's error envelope. */
export function errorEnvelope(code: WhitelabelErrorCode, message: string, details: Record<string, unknown> = {}) {
  return { success: false as const, error: { code, message, details } };
}

/** An error answer a route or a business rule throws; the kit sends it as is. */
export function whitelabelError(
  status: number,
  code: WhitelabelErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): SandboxHttpError {
  return new SandboxHttpError(status, errorEnvelope(code, message, details));
}

/** The body the kit uses for the answers it makes itself (404 route, 429, malformed JSON, faults). */
export function kitErrorBody(status: number, message: string) {
  return errorEnvelope(codeForStatus(status), message);
}

function codeForStatus(status: number): WhitelabelErrorCode {
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'INVALID_STATE';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'INTERNAL_ERROR';
  return 'VALIDATION_ERROR';
}

/** The success envelope. */
export function ok<T>(data: T) {
  return { success: true as const, data };
}
