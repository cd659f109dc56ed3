import { decodeGlobalId, type GlobalId } from '../domain/global-id.ts';

/** The parts of an Order global id, or null when it is not one. */
export function expectOrderId(id: string): GlobalId | null {
  const decoded = decodeGlobalId(id);
  return decoded?.type === 'Order' ? decoded : null;
}
