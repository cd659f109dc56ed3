import { SandboxHttpError } from '../kit/index.ts';

/** Laravel's fixed 422 message, which Cenports answers with. */
export const VALIDATION_MESSAGE = 'The given data was invalid.';

/** The document's only business code; the others below are the sandbox's own (see the spec). */
export const BUSINESS_CODE = '50001';

function codeFor(status: number): string {
  if (status === 404) return '40400';
  if (status === 429) return '42900';
  if (status >= 500) return '50000';
  return BUSINESS_CODE;
}

/** Cenports' error body for a status; the kit uses it for faults, 404s, 429s and bad JSON. */
export function cenportsErrorBody(status: number, message: string): unknown {
  if (status === 401) return { message: 'Unauthenticated.', error: 'invalid_token' };
  if (status === 422) return { message: VALIDATION_MESSAGE, errors: { request: [message] } };
  return { code: codeFor(status), message, errors: [message] };
}

export function validationError(errors: Record<string, string[]>): SandboxHttpError {
  return new SandboxHttpError(422, { message: VALIDATION_MESSAGE, errors });
}

export function fieldError(field: string, message: string): SandboxHttpError {
  return validationError({ [field]: [message] });
}

export function businessError(errors: string[]): SandboxHttpError {
  return new SandboxHttpError(400, {
    code: BUSINESS_CODE,
    message: "Sorry, we're unable to process your request at this moment.",
    errors,
  });
}

export function notFound(message: string): SandboxHttpError {
  return new SandboxHttpError(404, cenportsErrorBody(404, message));
}

export function unauthenticated(): SandboxHttpError {
  return new SandboxHttpError(401, cenportsErrorBody(401, 'Unauthenticated.'), {
    'www-authenticate': 'Bearer error="invalid_token"',
  });
}
