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
  InternalServerError: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

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
