import type { MutationResolvers } from '../../generated/graphql.ts';
import { acknowledgeOrders, acknowledgeShipments, acknowledgeTrackingUpdates } from '../../orders/acknowledgements.ts';
import { cancelOrder, updateOrderStatus } from '../../orders/change-order.ts';
import { placeCart } from '../../orders/place-cart.ts';
import { createShipment, markShipmentShipped } from '../../orders/shipment-writes.ts';
import { adjustInventory, submitSalesReport } from '../../orders/stock-writes.ts';
import { supplierIdFromCode } from '../../domain/supplier.ts';
import { expectGlobalId } from '../ids.ts';

export const Mutation: MutationResolvers = {
  createOrder: async (_root, { input }, { orders, scope, partialErrors }) => {
    const result = await placeCart(input, scope, orders);
    result.failures.forEach((failure) => partialErrors.record(failure));
    return result;
  },
  cancelOrder: (_root, { input }, { orders, caller }) => cancelOrder(orders, caller, input),
  updateOrderStatus: (_root, { input }, { orders, caller }) => updateOrderStatus(orders, caller, input),

  acknowledgeOrders: async (_root, { input }, { orders, scope }) => {
    const { value, userErrors } = await acknowledgeOrders(orders, scope, input);
    return { orders: value ?? [], userErrors };
  },
  acknowledgeShipments: async (_root, { input }, { orders, scope }) => {
    const { value, userErrors } = await acknowledgeShipments(orders, scope, input);
    return { transaction: value, userErrors };
  },
  acknowledgeTrackingUpdates: async (_root, { input }, { orders, scope }) => {
    const { value, userErrors } = await acknowledgeTrackingUpdates(orders, scope, input);
    return { acknowledgedCount: value ?? 0, userErrors };
  },
  createShipment: async (_root, { input }, { orders, scope }) => {
    const order = expectGlobalId(input.orderId, 'Order', 'input.orderId');
    const { value, userErrors } = await createShipment(orders, scope, order, input);
    return { shipment: value, userErrors };
  },
  markShipmentShipped: async (_root, { input }, { orders, scope }) => {
    const shipment = expectGlobalId(input.shipmentId, 'Shipment', 'input.shipmentId');
    const { value, userErrors } = await markShipmentShipped(orders, scope, shipment, input);
    return { shipment: value, userErrors };
  },
  adjustInventory: async (_root, { input }, { orders, scope }) => {
    const { value, userErrors } = await adjustInventory(orders, scope, supplierIdFromCode(input.supplier), input);
    return { transaction: value, userErrors };
  },
  submitSalesReport: async (_root, { input }, { orders, scope }) => {
    const sales = input.sales.map((sale) => ({ ...sale, productId: expectGlobalId(sale.productId, 'Product', 'input.sales.productId') }));
    const { value, userErrors } = await submitSalesReport(orders, scope, sales, input.idempotencyKey);
    return { processed: value?.processed ?? 0, userErrors };
  },
};
