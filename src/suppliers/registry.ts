import type { SupplierId } from '../domain/supplier.ts';
import { cenports } from './cenports/index.ts';
import { centre } from './centre/index.ts';
import type { SupplierDescriptor } from './operations.ts';
import { ordersapi } from './ordersapi/index.ts';
import { pleasurestock } from './pleasurestock/index.ts';
import { whitelabel } from './whitelabel/index.ts';

/** Every supplier the gateway knows, in the order clients see them. A sixth is one more entry. */
export const SUPPLIERS: readonly SupplierDescriptor[] = [centre, whitelabel, pleasurestock, ordersapi, cenports];

/** The suppliers this gateway process is configured for, looked up by id. */
export class SupplierRegistry {
  readonly #byId: Map<SupplierId, SupplierDescriptor>;

  constructor(descriptors: readonly SupplierDescriptor[] = SUPPLIERS) {
    this.#byId = new Map(descriptors.map((d) => [d.id, d]));
  }

  list(): SupplierDescriptor[] {
    return [...this.#byId.values()];
  }

  /** The supplier's descriptor; undefined when this gateway is not configured for it. */
  get(id: SupplierId): SupplierDescriptor | undefined {
    return this.#byId.get(id);
  }

  /** The supplier's descriptor; throws when this gateway is not configured for it. */
  require(id: SupplierId): SupplierDescriptor {
    const descriptor = this.#byId.get(id);
    if (!descriptor) throw new Error(`supplier ${id} is not configured on this gateway`);
    return descriptor;
  }
}
