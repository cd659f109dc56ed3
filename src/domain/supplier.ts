/** The suppliers, by the id used in code, config, metrics and global ids. */
export const SUPPLIER_IDS = ['centre', 'whitelabel', 'pleasurestock', 'ordersapi', 'cenports'] as const;

export type SupplierId = (typeof SUPPLIER_IDS)[number];

/** Display names, as the suppliers call themselves. */
export const SUPPLIER_NAMES = {
  centre: 'Centre Research Peptides',
  whitelabel: 'WhiteLabel Peptides',
  pleasurestock: 'PleasureStock',
  ordersapi: 'Orders API',
  cenports: 'Cenports',
} as const satisfies Record<SupplierId, string>;

export function isSupplierId(value: string): value is SupplierId {
  return (SUPPLIER_IDS as readonly string[]).includes(value);
}

/** The SupplierCode enum of the public schema: the supplier id in capitals. */
export type SupplierCode = Uppercase<SupplierId>;

export function supplierCode(id: SupplierId): SupplierCode {
  return id.toUpperCase() as SupplierCode;
}

export function supplierIdFromCode(code: SupplierCode): SupplierId {
  return code.toLowerCase() as SupplierId;
}
