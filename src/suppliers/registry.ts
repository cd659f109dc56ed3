import type { SupplierId } from '../domain/supplier.ts';
import { capabilitiesOf, type SupplierAdapter } from './adapter.ts';
import type { SupplierOperation } from './operations.ts';

type Method = keyof Omit<SupplierAdapter, 'descriptor'>;
type With<M extends Method> = SupplierAdapter & Required<Pick<SupplierAdapter, M>>;

/** The adapters this gateway process is configured with, in the order clients see suppliers. */
export class SupplierRegistry {
  readonly #byId: Map<SupplierId, SupplierAdapter>;

  constructor(adapters: readonly SupplierAdapter[]) {
    this.#byId = new Map(adapters.map((a) => [a.descriptor.id, a]));
  }

  list(): SupplierAdapter[] {
    return [...this.#byId.values()];
  }

  /** The supplier's adapter; undefined when this gateway is not configured for it. */
  get(id: SupplierId): SupplierAdapter | undefined {
    return this.#byId.get(id);
  }

  /** The supplier's adapter; throws when this gateway is not configured for it. */
  require(id: SupplierId): SupplierAdapter {
    const adapter = this.#byId.get(id);
    if (!adapter) throw new Error(`supplier ${id} is not configured on this gateway`);
    return adapter;
  }

  capabilities(id: SupplierId): SupplierOperation[] {
    return capabilitiesOf(this.require(id));
  }

  /** The adapters implementing a method, optionally only among some suppliers. */
  supporting<M extends Method>(method: M, only?: readonly SupplierId[] | null): With<M>[] {
    return this.list().filter(
      (a): a is With<M> => typeof a[method] === 'function' && (!only || only.includes(a.descriptor.id)),
    );
  }
}
