import type { GraphQLResolveInfo } from 'graphql';
import type { NodeResolvers, QueryResolvers } from '../../generated/graphql.ts';
import { decodeGlobalId, type NodeType } from '../../domain/global-id.ts';
import type { GatewayContext } from '../context.ts';
import { shipmentKey } from '../ids.ts';
import { selects } from '../selection.ts';
import { BadUserInputError } from '../../domain/errors.ts';

/** as many as one page of any list */
export const MAX_NODES = 100;

/** The type each node resolved to, so Node can tell without sniffing shapes. */
const typeOf = new WeakMap<object, NodeType>();

function tagged<T extends object>(value: T | null | undefined, type: NodeType): T | null {
  if (value) typeOf.set(value, type);
  return value ?? null;
}

/** Any node by global id; null for ids we did not make or objects the supplier no longer has. */
async function loadNode(id: string, { suppliers, loaders }: GatewayContext, info: GraphQLResolveInfo): Promise<object | null> {
  const decoded = decodeGlobalId(id);
  if (!decoded || !suppliers.get(decoded.supplier)) return null;
  const { type, supplier, nativeId } = decoded;
  switch (type) {
    case 'Supplier':
      return tagged({ id: supplier }, type);
    case 'Product':
      return tagged(await loaders.product(supplier).load(nativeId), type);
    case 'Order':
      // Shipments read by order id alone are asked for with the order, not a round trip after it.
      if (selects(info, ['shipments'])) loaders.prefetchShipmentsOf(supplier, nativeId);
      return tagged(await loaders.order(supplier).load(nativeId), type);
    case 'Transaction':
      return tagged(await loaders.transaction(supplier).load(nativeId), type);
    case 'Wallet':
      return tagged(await loaders.wallet(supplier), type);
    case 'Shipment': {
      const key = shipmentKey(nativeId);
      if (!key?.orderId) return null;
      const shipments = await loaders.shipmentsOfOrder(supplier).load(key.orderId);
      return tagged(shipments.find((s) => s.supplierShipmentId === key.shipmentId), type);
    }
  }
}

export const nodeQueries: Pick<QueryResolvers, 'node' | 'nodes'> = {
  node: (_root, { id }, context, info) => loadNode(id, context, info) as never,
  nodes: (_root, { ids }, context, info) => {
    if (ids.length > MAX_NODES) throw new BadUserInputError(`ids may name at most ${MAX_NODES} objects, got ${ids.length}`, 'ids');
    // One promise per node, not Promise.all: a supplier that fails nulls only its own nodes.
    return ids.map((id) => loadNode(id, context, info)) as never;
  },
};

export const Node: NodeResolvers = {
  __resolveType: (node) => {
    const type = typeOf.get(node);
    if (!type) throw new Error('a Node was returned without its type');
    return type;
  },
};
