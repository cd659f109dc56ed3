import type { Resolvers } from '../../generated/graphql.ts';
import { Money } from './money.ts';
import { Mutation } from './mutation.ts';
import { Node, nodeQueries } from './node.ts';
import { Order, OrderLine, orderQueries } from './order.ts';
import { InventoryLevel, Product, productQueries } from './product.ts';
import { ReorderRecommendation, SalesChannel, reportingQueries } from './reporting.ts';
import { Date, DateTime, Decimal } from './scalars.ts';
import { Shipment, TrackingUpdate, shipmentQueries } from './shipment.ts';
import { OrderUpdate, ShipmentUpdate, Subscription } from './subscription.ts';
import { Supplier, supplierQueries } from './supplier.ts';
import { supplierAdminMutations } from './supplier-admin.ts';
import { Transaction } from './transaction.ts';
import { transactionQueries } from './transaction-queries.ts';
import { Wallet, walletQueries } from './wallet.ts';

export const resolvers: Resolvers = {
  Date,
  DateTime,
  Decimal,
  Query: {
    ...nodeQueries,
    ...supplierQueries,
    ...productQueries,
    ...orderQueries,
    ...shipmentQueries,
    ...walletQueries,
    ...reportingQueries,
    ...transactionQueries,
  },
  Mutation: { ...Mutation, ...supplierAdminMutations },
  Subscription,
  OrderUpdate,
  ShipmentUpdate,
  Node,
  Supplier,
  Money,
  Product,
  InventoryLevel,
  Order,
  OrderLine,
  Shipment,
  TrackingUpdate,
  Wallet,
  Transaction,
  ReorderRecommendation,
  SalesChannel,
};
