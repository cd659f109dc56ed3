import { SupplierContractError } from '../../domain/errors.ts';
import type { SupplierId } from '../../domain/supplier.ts';

/**
 * Runs a mapping from supplier shapes to the unified model; the RangeError a mapper throws on an
 * unknown status or an impossible amount becomes the supplier's SupplierContractError.
 */
export function mapOrBreach<T>(supplier: SupplierId, operation: string, map: () => T): T {
  try {
    return map();
  } catch (error) {
    if (error instanceof RangeError) throw new SupplierContractError(supplier, operation, error.message);
    throw error;
  }
}
