import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type * as CenportsSpec from '../../src/generated/openapi/cenports.ts';
import type * as CentreSpec from '../../src/generated/openapi/centre.ts';
import type * as OrdersapiSpec from '../../src/generated/openapi/ordersapi.ts';
import type * as PleasurestockSpec from '../../src/generated/openapi/pleasurestock.ts';
import type * as WhitelabelSpec from '../../src/generated/openapi/whitelabel.ts';
import type * as cenports from '../../src/suppliers/cenports/wire.ts';
import type * as centre from '../../src/suppliers/centre/wire.ts';
import type * as ordersapi from '../../src/suppliers/ordersapi/wire.ts';
import type * as pleasurestock from '../../src/suppliers/pleasurestock/wire.ts';
import type * as pleasurestockWrites from '../../src/suppliers/pleasurestock/write-wire.ts';
import type * as whitelabel from '../../src/suppliers/whitelabel/wire.ts';
import type * as whitelabelWrites from '../../src/suppliers/whitelabel/write-wire.ts';

/*
 * Every answer a supplier's spec allows must pass the wire schema that reads it: the type
 * openapi-typescript generated from the spec must be assignable to the schema's input type. These
 * checks run when `tsc --noEmit` compiles this file (the first step of `npm test`), so a wire made
 * stricter than its spec breaks the compile. A wire may be looser (a plain string where the spec
 * has an enum). Refinements (regexes, .int(), .min()) act at run time only and are not seen here.
 */

/** What a wire schema accepts. */
type Accepts<Wire extends z.ZodType> = z.input<Wire>;

/** The JSON body of one documented answer. */
type Body<Answer> = Answer extends { content: { 'application/json': infer B } } ? B : 'no JSON body at this path';

/** A spec type that resolved to never or any (a wrong path) would pass any wire; make it fail instead. */
type Real<T> = [T] extends [never] ? 'spec type is never' : 0 extends 1 & T ? 'spec type is any' : T;

/**
 * What a supplier may send where the spec allows `Spec`, to the wire that reads it. openapi-typescript
 * writes an open object (additionalProperties: true) as `{ ... } & { [key: string]: unknown }`, and
 * TypeScript never checks an index signature against a target's optional key: a wire reading a key
 * the spec leaves open would pass whatever type it demanded there. So every key the wire reads that
 * an open spec object does not name is added here as what the spec allows in it: any value.
 */
type Sent<Spec, Wire extends z.ZodType> = Open<Real<Spec>, Accepts<Wire>>;

type Open<Spec, Read> = Spec extends readonly (infer Item)[]
  ? Open<Item, Read extends readonly (infer ReadItem)[] ? ReadItem : never>[]
  : Spec extends object
    ? { [K in keyof Spec]: Open<Spec[K], Read extends object ? (K extends keyof Read ? Read[K] : never) : never> } & Unnamed<Spec, Read>
    : Spec;
type Unnamed<Spec, Read> = string extends keyof Spec ? { [K in Exclude<KeysOf<Read>, NamedKeys<Spec>>]?: unknown } : unknown;
type KeysOf<T> = T extends object ? keyof T : never;
type NamedKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

describe('cenports wires accept every answer cenports.yaml allows', () => {
  type Schemas = CenportsSpec.components['schemas'];
  type Answers<Op extends keyof CenportsSpec.operations> = CenportsSpec.operations[Op]['responses'];
  /**
   * `pagination` is optional in the spec only because it depends on the request: it is "present
   * only with isPaginated=true", which is how the reads that use the page wires ask (orders.ts,
   * shipments.ts). Requiring it here states that condition, nothing more.
   */
  type Paginated<List> = List extends { pagination?: infer Page } ? List & { pagination: NonNullable<Page> } : never;

  it('accepts every token authorize answers', () => {
    type Wire = typeof cenports.AccessTokenWire;
    expectTypeOf<Sent<Body<Answers<'authorize'>[200]>, Wire>>().toExtend<Accepts<Wire>>();
  });

  it('accepts every order, and every list of orders getOrders answers', () => {
    type Wire = typeof cenports.OrderWire;
    type List = typeof cenports.OrderListWire;
    expectTypeOf<Sent<Schemas['Order'], Wire>>().toExtend<Accepts<Wire>>();
    expectTypeOf<Sent<Body<Answers<'getOrders'>[200]>, List>>().toExtend<Accepts<List>>();
  });

  it('accepts every page of orders getOrders answers with isPaginated=true', () => {
    type Page = typeof cenports.OrderPageWire;
    expectTypeOf<Sent<Paginated<Body<Answers<'getOrders'>[200]>>, Page>>().toExtend<Accepts<Page>>();
  });

  it('accepts every shipment, and every page of shipments getShipments answers with isPaginated=true', () => {
    type Wire = typeof cenports.ShipmentWire;
    type Page = typeof cenports.ShipmentPageWire;
    expectTypeOf<Sent<Schemas['Shipment'], Wire>>().toExtend<Accepts<Wire>>();
    expectTypeOf<Sent<Paginated<Body<Answers<'getShipments'>[200]>>, Page>>().toExtend<Accepts<Page>>();
  });

  it('accepts every warehouse, and every inventory list getInventories answers', () => {
    type Wire = typeof cenports.WarehouseInventoryWire;
    type List = typeof cenports.InventoryListWire;
    expectTypeOf<Sent<Schemas['WarehouseInventory'], Wire>>().toExtend<Accepts<Wire>>();
    expectTypeOf<Sent<Body<Answers<'getInventories'>[200]>, List>>().toExtend<Accepts<List>>();
  });

  it('accepts every transaction getTransaction reads and every write submits', () => {
    type Wire = typeof cenports.TransactionWire;
    type Reads = 'getTransaction' | 'createOrders' | 'acknowledgeShipments' | 'updateInventories';
    expectTypeOf<Sent<Body<Answers<Reads>[200]>, Wire>>().toExtend<Accepts<Wire>>();
  });

  it('accepts every channel, and every channel list getChannels answers', () => {
    type Wire = typeof cenports.ChannelWire;
    type List = typeof cenports.ChannelListWire;
    expectTypeOf<Sent<Schemas['Channel'], Wire>>().toExtend<Accepts<Wire>>();
    expectTypeOf<Sent<Body<Answers<'getChannels'>[200]>, List>>().toExtend<Accepts<List>>();
  });

  it('accepts every 422 validation error and every 400 business error a write answers', () => {
    type Validation = typeof cenports.ValidationErrorWire;
    type Business = typeof cenports.BusinessErrorWire;
    type Writes = 'createOrders' | 'acknowledgeOrders' | 'acknowledgeShipments' | 'updateInventories' | 'createChannel';
    expectTypeOf<Sent<Body<Answers<Writes>[422]>, Validation>>().toExtend<Accepts<Validation>>();
    expectTypeOf<Sent<Body<Answers<Writes>[400]>, Business>>().toExtend<Accepts<Business>>();
  });
});

describe('ordersapi wires accept every answer ordersapi.yaml allows', () => {
  type Schemas = OrdersapiSpec.components['schemas'];
  type Answers<Op extends keyof OrdersapiSpec.operations> = OrdersapiSpec.operations[Op]['responses'];

  it('accepts every order line', () => {
    type Wire = typeof ordersapi.OrderItemWire;
    expectTypeOf<Sent<Schemas['OrderItem'], Wire>>().toExtend<Accepts<Wire>>();
  });

  it('accepts every order getOrder and createOrder answer', () => {
    type Wire = typeof ordersapi.OrderWire;
    expectTypeOf<Sent<Body<Answers<'getOrder' | 'createOrder'>[200]>, Wire>>().toExtend<Accepts<Wire>>();
  });

  it('accepts every list listOrders answers', () => {
    type Wire = typeof ordersapi.OrderListWire;
    expectTypeOf<Sent<Body<Answers<'listOrders'>[200]>, Wire>>().toExtend<Accepts<Wire>>();
  });

  it("accepts every refusal createOrder answers: 400, 404 and 409 as `detail` text, 422 as FastAPI's list", () => {
    type Refusal = typeof ordersapi.ErrorWire;
    type Validation = typeof ordersapi.ValidationErrorWire;
    expectTypeOf<Sent<Body<Answers<'createOrder'>[400 | 404 | 409]>, Refusal>>().toExtend<Accepts<Refusal>>();
    expectTypeOf<Sent<Body<Answers<'createOrder'>[422]>, Validation>>().toExtend<Accepts<Validation>>();
  });
});

describe('centre wires accept every answer centre.yaml allows', () => {
  type Schemas = CentreSpec.components['schemas'];
  type Answers = CentreSpec.operations['createOrder']['responses'];

  it('accepts every order createOrder creates', () => {
    type Wire = typeof centre.OrderCreatedWire;
    expectTypeOf<Sent<Body<Answers[201]>, Wire>>().toExtend<Accepts<Wire>>();
  });

  it('accepts every duplicate 400 createOrder answers', () => {
    type Wire = typeof centre.DuplicateOrderWire;
    expectTypeOf<Sent<Schemas['DuplicateOrderResponse'], Wire>>().toExtend<Accepts<Wire>>();
  });

  it('accepts every 400 and 403 createOrder answers as an error', () => {
    type Wire = typeof centre.ErrorWire;
    expectTypeOf<Sent<Body<Answers[400 | 403]>, Wire>>().toExtend<Accepts<Wire>>();
  });
});

describe('pleasurestock wires accept every answer pleasurestock.yaml allows', () => {
  type Schemas = PleasurestockSpec.components['schemas'];
  type Answers<Op extends keyof PleasurestockSpec.operations> = PleasurestockSpec.operations[Op]['responses'];

  it('accepts every product, and every page of products getProducts answers', () => {
    type Wire = typeof pleasurestock.ProductWire;
    type List = typeof pleasurestock.ProductListWire;
    expectTypeOf<Sent<Schemas['Product'], Wire>>().toExtend<Accepts<Wire>>();
    expectTypeOf<Sent<Body<Answers<'getProducts'>[200]>, List>>().toExtend<Accepts<List>>();
  });

  it('accepts every listed order, and every list listOrders answers', () => {
    type Wire = typeof pleasurestock.OrderListItemWire;
    type List = typeof pleasurestock.OrderListWire;
    expectTypeOf<Sent<Schemas['OrderListItem'], Wire>>().toExtend<Accepts<Wire>>();
    expectTypeOf<Sent<Body<Answers<'listOrders'>[200]>, List>>().toExtend<Accepts<List>>();
  });

  it('accepts every order line, order and answer getOrder gives', () => {
    type Line = typeof pleasurestock.OrderItemWire;
    type Order = typeof pleasurestock.OrderDetailWire;
    type Answer = typeof pleasurestock.OrderDetailResponseWire;
    expectTypeOf<Sent<Schemas['OrderItem'], Line>>().toExtend<Accepts<Line>>();
    expectTypeOf<Sent<Schemas['OrderDetail'], Order>>().toExtend<Accepts<Order>>();
    expectTypeOf<Sent<Body<Answers<'getOrder'>[200]>, Answer>>().toExtend<Accepts<Answer>>();
  });

  it('accepts every recommendation, and every answer getSmartReordering gives', () => {
    type Wire = typeof pleasurestock.RecommendationWire;
    type Answer = typeof pleasurestock.SmartReorderingWire;
    expectTypeOf<Sent<Schemas['Recommendation'], Wire>>().toExtend<Accepts<Wire>>();
    expectTypeOf<Sent<Body<Answers<'getSmartReordering'>[200]>, Answer>>().toExtend<Accepts<Answer>>();
  });

  it('accepts every conversion convertToTry answers', () => {
    type Wire = typeof pleasurestock.CurrencyConversionWire;
    expectTypeOf<Sent<Body<Answers<'convertToTry'>[200]>, Wire>>().toExtend<Accepts<Wire>>();
  });

  it('accepts every created order, and every answer createOrder gives', () => {
    type Wire = typeof pleasurestockWrites.CreatedOrderWire;
    type Answer = typeof pleasurestockWrites.CreateOrderResponseWire;
    expectTypeOf<Sent<Schemas['CreatedOrder'], Wire>>().toExtend<Accepts<Wire>>();
    expectTypeOf<Sent<Body<Answers<'createOrder'>[200]>, Answer>>().toExtend<Accepts<Answer>>();
  });

  it('accepts every answer updateOrderStatus and submitSales give', () => {
    type Status = typeof pleasurestockWrites.UpdateOrderStatusResponseWire;
    type Sales = typeof pleasurestockWrites.SalesResponseWire;
    expectTypeOf<Sent<Body<Answers<'updateOrderStatus'>[200]>, Status>>().toExtend<Accepts<Status>>();
    expectTypeOf<Sent<Body<Answers<'submitSales'>[200]>, Sales>>().toExtend<Accepts<Sales>>();
  });

  it('accepts every 400 and 403 a write answers, and every 400 submitSales answers', () => {
    type Refusal = typeof pleasurestockWrites.ErrorWire;
    type SalesRefusal = typeof pleasurestockWrites.SalesErrorWire;
    type Writes = 'createOrder' | 'updateOrderStatus' | 'submitSmartReorder';
    expectTypeOf<Sent<Body<Answers<Writes>[400 | 403]>, Refusal>>().toExtend<Accepts<Refusal>>();
    expectTypeOf<Sent<Body<Answers<'submitSales'>[400]>, SalesRefusal>>().toExtend<Accepts<SalesRefusal>>();
  });
});

describe('whitelabel wires accept every answer whitelabel.yaml allows', () => {
  type Schemas = WhitelabelSpec.components['schemas'];
  type Answers<Op extends keyof WhitelabelSpec.operations> = WhitelabelSpec.operations[Op]['responses'];

  it('accepts every amount in cents', () => {
    expectTypeOf<Sent<Schemas['Cents'], typeof whitelabel.Cents>>().toExtend<Accepts<typeof whitelabel.Cents>>();
  });

  it('accepts every product, catalog and answer getCatalog gives', () => {
    type Wire = typeof whitelabel.ProductWire;
    type Catalog = typeof whitelabel.CatalogWire;
    type Answer = typeof whitelabel.CatalogResponse;
    expectTypeOf<Sent<Schemas['Product'], Wire>>().toExtend<Accepts<Wire>>();
    expectTypeOf<Sent<Schemas['Catalog'], Catalog>>().toExtend<Accepts<Catalog>>();
    expectTypeOf<Sent<Body<Answers<'getCatalog'>[200]>, Answer>>().toExtend<Accepts<Answer>>();
  });

  it('accepts every order line, order and answer getOrder gives', () => {
    type Line = typeof whitelabel.OrderItemWire;
    type Order = typeof whitelabel.OrderWire;
    type Answer = typeof whitelabel.OrderResponse;
    expectTypeOf<Sent<Schemas['OrderItem'], Line>>().toExtend<Accepts<Line>>();
    expectTypeOf<Sent<Schemas['Order'], Order>>().toExtend<Accepts<Order>>();
    expectTypeOf<Sent<Body<Answers<'getOrder'>[200]>, Answer>>().toExtend<Accepts<Answer>>();
  });

  it('accepts every page of orders listOrders answers', () => {
    type Wire = typeof whitelabel.OrderListWire;
    type Answer = typeof whitelabel.OrderListResponse;
    expectTypeOf<Sent<Schemas['OrderList'], Wire>>().toExtend<Accepts<Wire>>();
    expectTypeOf<Sent<Body<Answers<'listOrders'>[200]>, Answer>>().toExtend<Accepts<Answer>>();
  });

  it('accepts every shipment, and every answer createShipment and markShipmentShipped give', () => {
    type Wire = typeof whitelabel.ShipmentWire;
    type Answer = typeof whitelabelWrites.ShipmentResponse;
    expectTypeOf<Sent<Schemas['Shipment'], Wire>>().toExtend<Accepts<Wire>>();
    expectTypeOf<Sent<Body<Answers<'createShipment'>[201] | Answers<'markShipmentShipped'>[200]>, Answer>>().toExtend<Accepts<Answer>>();
  });

  it('accepts every wallet getWallet answers', () => {
    type Wire = typeof whitelabel.WalletWire;
    type Answer = typeof whitelabel.WalletResponse;
    expectTypeOf<Sent<Schemas['Wallet'], Wire>>().toExtend<Accepts<Wire>>();
    expectTypeOf<Sent<Body<Answers<'getWallet'>[200]>, Answer>>().toExtend<Accepts<Answer>>();
  });

  it('accepts every page of pending tracking getPendingTracking answers', () => {
    type Wire = typeof whitelabel.PendingTrackingWire;
    type Answer = typeof whitelabel.PendingTrackingResponse;
    expectTypeOf<Sent<Schemas['PendingTracking'], Wire>>().toExtend<Accepts<Wire>>();
    expectTypeOf<Sent<Body<Answers<'getPendingTracking'>[200]>, Answer>>().toExtend<Accepts<Answer>>();
  });

  it('accepts every page of order updates getOrderUpdates answers', () => {
    type Wire = typeof whitelabel.OrderUpdatesWire;
    type Answer = typeof whitelabel.OrderUpdatesResponse;
    expectTypeOf<Sent<Schemas['OrderUpdates'], Wire>>().toExtend<Accepts<Wire>>();
    expectTypeOf<Sent<Body<Answers<'getOrderUpdates'>[200]>, Answer>>().toExtend<Accepts<Answer>>();
  });

  it('accepts every answer createOrder gives, new (201) or placed earlier (200)', () => {
    type Wire = typeof whitelabelWrites.OrderCreatedWire;
    type Answer = typeof whitelabelWrites.OrderCreatedResponse;
    expectTypeOf<Sent<Schemas['OrderCreated'], Wire>>().toExtend<Accepts<Wire>>();
    expectTypeOf<Sent<Body<Answers<'createOrder'>[200 | 201]>, Answer>>().toExtend<Accepts<Answer>>();
  });

  it('accepts every answer cancelOrder and acknowledgeTracking give', () => {
    type Cancelled = typeof whitelabelWrites.OrderCancelledWire;
    type CancelAnswer = typeof whitelabelWrites.OrderCancelledResponse;
    type Acknowledged = typeof whitelabelWrites.AcknowledgedWire;
    type AcknowledgeAnswer = typeof whitelabelWrites.AcknowledgedResponse;
    expectTypeOf<Sent<Schemas['OrderCancelled'], Cancelled>>().toExtend<Accepts<Cancelled>>();
    expectTypeOf<Sent<Body<Answers<'cancelOrder'>[200]>, CancelAnswer>>().toExtend<Accepts<CancelAnswer>>();
    expectTypeOf<Sent<Schemas['Acknowledged'], Acknowledged>>().toExtend<Accepts<Acknowledged>>();
    expectTypeOf<Sent<Body<Answers<'acknowledgeTracking'>[200]>, AcknowledgeAnswer>>().toExtend<Accepts<AcknowledgeAnswer>>();
  });

  it('reads the code of every error answer', () => {
    type Wire = typeof whitelabel.ErrorCodeWire;
    expectTypeOf<Sent<Schemas['ErrorResponse'], Wire>>().toExtend<Accepts<Wire>>();
  });

  it('accepts every refusal a write answers: 400, 403, 404 and 409', () => {
    type Wire = typeof whitelabelWrites.WriteErrorWire;
    type Refusal =
      | Answers<'createOrder'>[400]
      | Answers<'cancelOrder'>[400 | 404 | 409]
      | Answers<'createShipment' | 'markShipmentShipped'>[400 | 403 | 404 | 409]
      | Answers<'acknowledgeTracking'>[400];
    /**
     * `error.details` is an open object in the spec, and the wire reads each key of it with
     * `.catch`, so any value there passes at run time; z.input shows the caught types instead,
     * so the check leaves `details` out and holds the rest of the envelope to the spec.
     */
    type WithoutDetails<T> = T extends { error: infer E } ? Omit<T, 'error'> & { error: Omit<E, 'details'> } : T;
    expectTypeOf<WithoutDetails<Sent<Body<Refusal>, Wire>>>().toExtend<WithoutDetails<Accepts<Wire>>>();
  });
});
