import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../../src/graphql/schema.ts';

/** Every type, field, argument, input field and enum value of ours that has no description. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    } else if (!isScalarType(type)) {
      continue;
    }
  }
  return missing;
}

describe('the unified schema', () => {
  const schema = buildGatewaySchema();

  it('describes every type, field, argument and enum value for the playground', () => {
    expect(undescribed(schema)).toEqual([]);
  });

  it('keeps the contract core names of DESIGN.md', () => {
    const query = schema.getQueryType()!.getFields();
    for (const name of ['node', 'nodes', 'suppliers', 'products', 'orders', 'shipments', 'inventory', 'wallets']) {
      expect(query[name], `Query.${name}`).toBeDefined();
    }
    const mutation = schema.getMutationType()!.getFields();
    for (const name of ['createOrder', 'cancelOrder', 'updateOrderStatus']) expect(mutation[name], `Mutation.${name}`).toBeDefined();
    const order = schema.getType('Order');
    expect(isObjectType(order) && Object.keys(order.getFields())).toEqual(
      expect.arrayContaining(['id', 'supplier', 'supplierOrderId', 'externalReference', 'status', 'supplierStatus', 'createdAt', 'lines', 'total', 'shipments', 'transaction']),
    );
    const orderStatus = schema.getType('OrderStatus');
    expect(isEnumType(orderStatus) && orderStatus.getValues().map((v) => v.name)).toEqual([
      'PENDING', 'AWAITING_PAYMENT', 'PARTIALLY_PAID', 'PAID', 'PROCESSING', 'ON_HOLD', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED', 'REFUNDED',
    ]);
    const supplierCode = schema.getType('SupplierCode');
    expect(isEnumType(supplierCode) && supplierCode.getValues().map((v) => v.name)).toEqual(['CENTRE', 'WHITELABEL', 'PLEASURESTOCK', 'ORDERSAPI', 'CENPORTS']);
    for (const name of ['Node', 'Money', 'Supplier', 'Product', 'OrderLine', 'Shipment', 'Wallet', 'InventoryLevel', 'Warehouse', 'Transaction', 'TransactionError', 'UserError']) {
      expect(schema.getType(name), name).toBeDefined();
    }
  });
});
