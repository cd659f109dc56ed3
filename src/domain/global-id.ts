import { isSupplierId, type SupplierId } from './supplier.ts';

/** The GraphQL types that carry global ids. */
export const NODE_TYPES = ['Supplier', 'Product', 'Order', 'Shipment', 'Wallet', 'Transaction'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface GlobalId {
  type: NodeType;
  supplier: SupplierId;
  /** the supplier's own id; may contain any character */
  nativeId: string;
}

/** Encodes type, supplier and native id into one opaque, URL-safe string. */
export function encodeGlobalId({ type, supplier, nativeId }: GlobalId): string {
  return Buffer.from(`${type}:${supplier}:${nativeId}`, 'utf8').toString('base64url');
}

/** The parts of a global id, or null when the text is not one this gateway made. */
export function decodeGlobalId(id: string): GlobalId | null {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const first = text.indexOf(':');
  const second = text.indexOf(':', first + 1);
  if (first < 0 || second < 0) return null;
  const type = text.slice(0, first);
  const supplier = text.slice(first + 1, second);
  const nativeId = text.slice(second + 1);
  if (!(NODE_TYPES as readonly string[]).includes(type) || !isSupplierId(supplier) || nativeId === '') return null;
  if (encodeGlobalId({ type: type as NodeType, supplier, nativeId }) !== id) return null;
  return { type: type as NodeType, supplier, nativeId };
}
