import type { OrderModel, TransactionModel } from '../../domain/models.ts';
import { SupplierContractError } from '../../domain/errors.ts';
import type { components } from '../../generated/openapi/cenports.ts';
import type { UpstreamAnswer } from '../http/upstream.ts';
import type { ChangeOutcome, InventoryAdjustment, SupplierRefusal } from '../writes.ts';
import { expectOk, type CenportsClient } from './client.ts';
import type { createOrderReads } from './orders.ts';
import { commaLists, listable } from './paging.ts';
import { adjustmentFieldOf, businessRefusals, orderIdsFieldOf, validationRefusals } from './refusals.ts';
import { submittedTransaction } from './submitted.ts';

type Schemas = components['schemas'];
type OrderReads = ReturnType<typeof createOrderReads>;

const rejected = <T>(refusals: SupplierRefusal[]): ChangeOutcome<T> => ({ kind: 'rejected', refusals });
const notFound = (orderNo: string, index: number): SupplierRefusal => ({
  code: 'NOT_FOUND',
  message: `Cenports has no order ${orderNo} in this channel.`,
  field: ['supplierOrderIds', String(index)],
});

/** The requested numbers a 400 of PATCH /orders/acknowledge names ("The orderNo X is not able to update."). */
function unknownOrderRefusals(answer: UpstreamAnswer, orderNos: readonly string[]): SupplierRefusal[] {
  return businessRefusals(answer, 'acknowledgeOrders', 'NOT_FOUND').map((refusal) => {
    const index = orderNos.findIndex((orderNo) => new RegExp(`(^|[\\s,])${orderNo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([\\s,.]|$)`).test(refusal.message));
    return index < 0 ? refusal : { ...refusal, field: ['supplierOrderIds', String(index)] };
  });
}

/** Acknowledgements and stock changes: the Cenports writes other than placing an order. */
export function createChangeWrites(client: CenportsClient, orders: OrderReads) {
  const acknowledgeList = (list: string) =>
    client.call('acknowledgeOrders', (api, init) =>
      api.PATCH('/orders/acknowledge', { ...init, body: { partnerId: client.partnerId, channelId: client.channelId, orders: list } }),
    );

  return {
    /**
     * PATCH /orders/acknowledge, synchronous and all-or-none per call; `done` with the orders
     * read back (one GET /orders per 255 characters). Numbers Cenports lacks are NOT_FOUND and
     * nothing is acknowledged. When the numbers need several calls (255 characters each), their
     * existence is read first so that a refusal still changes nothing.
     */
    async acknowledgeOrders(orderNos: readonly string[]): Promise<ChangeOutcome<OrderModel[]>> {
      if (orderNos.length === 0) return { kind: 'done', value: [] };
      // A number that cannot travel in a comma list (empty, a comma, outer spaces) names no order.
      const unlistable = orderNos.flatMap((orderNo, index) => (listable(orderNo) ? [] : [notFound(orderNo, index)]));
      if (unlistable.length > 0) return rejected(unlistable);
      const lists = commaLists(orderNos);
      if (lists.length > 1) {
        const found = await orders.reload(orderNos);
        const missing = orderNos.flatMap((orderNo, index) => (found[index] ? [] : [notFound(orderNo, index)]));
        if (missing.length > 0) return rejected(missing);
      }
      for (const list of lists) {
        const answer = await acknowledgeList(list);
        if (answer.status === 400) return rejected(unknownOrderRefusals(answer, orderNos));
        if (answer.status === 422) return rejected(validationRefusals(answer, 'acknowledgeOrders', orderIdsFieldOf));
        expectOk(answer, 'acknowledgeOrders');
      }
      const acknowledged = await orders.reload(orderNos);
      const value = acknowledged.map((order, index) => {
        if (!order) throw new SupplierContractError('cenports', 'getOrders', `acknowledged order ${orderNos[index]} could not be read back`);
        return order;
      });
      return { kind: 'done', value };
    },

    /**
     * PATCH /shipments/acknowledge: `done` with the submitted transaction (kind
     * acknowledgeShipments). It has no channelId (spec), so a number acknowledges the shipments
     * of that order number in every channel of the partner; one without shipments FAILS the
     * transaction later, which the gateway sees when it follows it.
     */
    async acknowledgeShipments(orderNos: readonly string[]): Promise<ChangeOutcome<TransactionModel>> {
      if (orderNos.length === 0) return rejected([{ code: 'VALIDATION', message: 'Name at least one order.', field: ['supplierOrderIds'] }]);
      const answer = await client.call('acknowledgeShipments', (api, init) =>
        api.PATCH('/shipments/acknowledge', {
          ...init,
          body: { partnerId: client.partnerId, shipments: orderNos.map((orderNo) => ({ orderNo })) },
        }),
      );
      if (answer.status === 422) return rejected(validationRefusals(answer, 'acknowledgeShipments', orderIdsFieldOf));
      if (answer.status === 400) return rejected(businessRefusals(answer, 'acknowledgeShipments', 'VALIDATION'));
      return { kind: 'done', value: submittedTransaction(answer, 'acknowledgeShipments', 'acknowledgeShipments', orderNos) };
    },

    /**
     * PATCH /inventories: `done` with the submitted transaction (kind updateInventory). The
     * spec's rules are checked first with no call (at least one change, whole quantities, TRUE_UP
     * not negative); an unknown sku or a stock that would go below zero FAILS the transaction.
     */
    async adjustInventory(warehouseCode: string, adjustments: readonly InventoryAdjustment[]): Promise<ChangeOutcome<TransactionModel>> {
      const refusals = checkAdjustments(warehouseCode, adjustments);
      if (refusals.length > 0) return rejected(refusals);
      const inventories: Schemas['InventoryUpdate'][] = adjustments.map((a) => ({ productSKU: a.sku, quantity: a.quantity, type: a.type }));
      const answer = await client.call('updateInventories', (api, init) =>
        api.PATCH('/inventories', { ...init, body: { partnerId: client.partnerId, warehouseCode, inventories } }),
      );
      if (answer.status === 422) return rejected(validationRefusals(answer, 'updateInventories', adjustmentFieldOf));
      if (answer.status === 400) return rejected(businessRefusals(answer, 'updateInventories', 'VALIDATION'));
      return { kind: 'done', value: submittedTransaction(answer, 'updateInventories', 'updateInventory', []) };
    },
  };
}

function checkAdjustments(warehouseCode: string, adjustments: readonly InventoryAdjustment[]): SupplierRefusal[] {
  const refusals: SupplierRefusal[] = [];
  if (!warehouseCode.trim()) refusals.push({ code: 'VALIDATION', message: 'Name the warehouse.', field: ['warehouseCode'] });
  if (adjustments.length === 0) refusals.push({ code: 'VALIDATION', message: 'Name at least one stock change.', field: ['adjustments'] });
  adjustments.forEach((adjustment, index) => {
    const at = (name: string) => ['adjustments', String(index), name];
    if (!adjustment.sku.trim()) refusals.push({ code: 'VALIDATION', message: 'The sku is required.', field: at('sku') });
    if (!Number.isSafeInteger(adjustment.quantity)) {
      refusals.push({ code: 'INVALID_QUANTITY', message: 'Stock changes are whole units.', field: at('quantity') });
    } else if (adjustment.type === 'TRUE_UP' && adjustment.quantity < 0) {
      refusals.push({ code: 'INVALID_QUANTITY', message: 'A TRUE_UP sets the stock, which cannot be negative.', field: at('quantity') });
    }
  });
  return refusals;
}
