import { BadUserInputError } from '../domain/errors.ts';
import { decodeGlobalId, encodeGlobalId, type GlobalId, type NodeType } from '../domain/global-id.ts';
import type { OrderModel, ProductModel, ShipmentModel, TransactionModel, WalletModel } from '../domain/models.ts';
import type { SupplierId } from '../domain/supplier.ts';

/** Global ids of the unified models; the native id is all the supplier needs to find it again. */
export const globalIdOf = {
  supplier: (id: SupplierId) => encodeGlobalId({ type: 'Supplier', supplier: id, nativeId: id }),
  product: (p: Pick<ProductModel, 'supplier' | 'supplierProductId'>) =>
    encodeGlobalId({ type: 'Product', supplier: p.supplier, nativeId: p.supplierProductId }),
  order: (o: Pick<OrderModel, 'supplier' | 'supplierOrderId'>) =>
    encodeGlobalId({ type: 'Order', supplier: o.supplier, nativeId: o.supplierOrderId }),
  // A shipment is found through its order, so its native id carries both.
  shipment: (s: ShipmentModel) =>
    encodeGlobalId({ type: 'Shipment', supplier: s.supplier, nativeId: JSON.stringify([s.supplierOrderId, s.supplierShipmentId]) }),
  wallet: (w: WalletModel) => encodeGlobalId({ type: 'Wallet', supplier: w.supplier, nativeId: w.supplier }),
  transaction: (t: TransactionModel) => encodeGlobalId({ type: 'Transaction', supplier: t.supplier, nativeId: t.handle }),
};

/** The parts of a shipment's native id. */
export function shipmentKey(nativeId: string): { orderId: string | null; shipmentId: string } | null {
  try {
    const [orderId, shipmentId] = JSON.parse(nativeId) as [string | null, string];
    return typeof shipmentId === 'string' ? { orderId, shipmentId } : null;
  } catch {
    return null;
  }
}

/** Decodes an id a client sent for a given type; throws BAD_USER_INPUT naming the field. */
export function expectGlobalId(id: string, type: NodeType, field: string): GlobalId {
  const decoded = decodeGlobalId(id);
  if (!decoded || decoded.type !== type) throw new BadUserInputError(`${field} is not a ${type} id`, field);
  return decoded;
}
