import { GraphQLError } from 'graphql';
import type { SupplierId } from './supplier.ts';

/** Every error code the gateway puts in `extensions.code`, in one place. */
export const ErrorCode = {
  SupplierUnavailable: 'SUPPLIER_UNAVAILABLE',
  SupplierContractViolation: 'SUPPLIER_CONTRACT_VIOLATION',
  UnsupportedBySupplier: 'UNSUPPORTED_BY_SUPPLIER',
  BadUserInput: 'BAD_USER_INPUT',
  NotFound: 'NOT_FOUND',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  MaxCostExceeded: 'MAX_COST_EXCEEDED',
  Throttled: 'THROTTLED',
  InternalServerError: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * A supplier could not answer: unreachable, too slow, refusing (429, 5xx). Its part of a result is
 * null or empty; the other suppliers' data is still returned. The message names no URL or secret.
 */
export class SupplierUnavailableError extends GraphQLError {
  constructor(
    readonly supplier: SupplierId,
    readonly operation: string,
    reason: string,
    readonly retryable = true,
  ) {
    super(`${supplier} is unavailable (${operation}: ${reason})`, {
      extensions: { code: ErrorCode.SupplierUnavailable, supplier, operation, retryable },
    });
  }
}

/**
 * A supplier answered something its spec does not allow (malformed JSON, a missing field, an
 * unknown status). Treated like an outage for its part of a result, never guessed around.
 */
export class SupplierContractError extends GraphQLError {
  constructor(
    readonly supplier: SupplierId,
    readonly operation: string,
    problem: string,
  ) {
    super(`${supplier} answered ${operation} outside its contract: ${problem}`, {
      extensions: { code: ErrorCode.SupplierContractViolation, supplier, operation, retryable: true },
    });
  }
}

/** An operation the supplier does not offer was asked of it. Never retryable. */
export class UnsupportedBySupplierError extends GraphQLError {
  constructor(supplier: SupplierId, operation: string) {
    super(`${supplier} does not support ${operation}`, {
      extensions: { code: ErrorCode.UnsupportedBySupplier, supplier, operation, retryable: false },
    });
  }
}

/** A client argument is malformed; names the argument. */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, field: string) {
    super(message, { extensions: { code: ErrorCode.BadUserInput, field } });
  }
}
