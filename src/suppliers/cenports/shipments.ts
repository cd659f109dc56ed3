import type { LimitFunction } from 'p-limit';
import type { ShipmentModel } from '../../domain/models.ts';
import type { ListWindow, ShipmentListFilter, WindowPage } from '../adapter.ts';
import { expectBody } from '../http/expect.ts';
import { mapOrBreach } from '../shared/contract.ts';
import { expectOk, type CenportsClient } from './client.ts';
import { toShipment } from './mapping.ts';
import { commaLists, listable, MAX_ORDERS_PARAM, MAX_PAGE_SIZE, readWindow, type FetchedPage } from './paging.ts';
import { canProduce, CENPORTS_SHIPMENT_STATUS } from './status-map.ts';
import { ShipmentPageWire } from './wire.ts';

type ShipmentsQuery = { orders?: string; acknowledged?: boolean; page: number; limit: number };

/** The order filter as Cenports' `orders` list, when every number fits in one (else not pushed down). */
function ordersParam(orderNos: readonly string[]): string | undefined {
  const joined = orderNos.join(',');
  return orderNos.every(listable) && joined.length <= MAX_ORDERS_PARAM ? joined : undefined;
}

/** GET /shipments reads for one channel: windows of the newest-first list, and shipments per order. */
export function createShipmentReads(client: CenportsClient, limit: LimitFunction) {
  const page = async (query: ShipmentsQuery): Promise<FetchedPage<ShipmentModel>> => {
    const answer = await client.call('getShipments', (api, init) =>
      api.GET('/shipments', {
        ...init,
        params: { query: { partnerId: client.partnerId, channelId: client.channelId, isPaginated: true, ...query } },
      }),
    );
    expectOk(answer, 'getShipments');
    const list = expectBody(ShipmentPageWire, answer, 'cenports', 'getShipments');
    return { items: mapOrBreach('cenports', 'getShipments', () => list.data.map(toShipment)), total: list.pagination.total };
  };

  /** Every shipment of some orders: one call, more only when they have over 300 shipments together. */
  const ofOrders = async (orders: string): Promise<ShipmentModel[]> => {
    const first = await page({ orders, page: 1, limit: MAX_PAGE_SIZE });
    const rest = Math.ceil(first.total / MAX_PAGE_SIZE) - 1;
    const more = await Promise.all(Array.from({ length: Math.max(0, rest) }, (_, i) => page({ orders, page: i + 2, limit: MAX_PAGE_SIZE })));
    return [first, ...more].flatMap((fetched) => fetched.items);
  };

  return {
    /** Newest ship date first, as Cenports sorts; order numbers and acknowledgement pushed down. */
    async list(window: ListWindow, filter: ShipmentListFilter): Promise<WindowPage<ShipmentModel>> {
      const orderNos = filter.supplierOrderIds;
      if (orderNos?.length === 0 || !canProduce(CENPORTS_SHIPMENT_STATUS, filter.statuses)) return { items: [], hasMore: false };
      const orders = orderNos ? ordersParam(orderNos) : undefined;
      const acknowledged = filter.acknowledged ?? undefined;
      return readWindow(window, ({ page: number, size }) =>
        page({ page: number, limit: size, ...(orders ? { orders } : {}), ...(acknowledged === undefined ? {} : { acknowledged }) }),
      );
    },

    /** One GET /shipments?orders=a,b,c per 255 characters of order numbers. */
    async byOrder(orderNos: readonly string[]): Promise<ShipmentModel[][]> {
      const batches = await Promise.all(commaLists(orderNos).map((orders) => limit(() => ofOrders(orders))));
      const byOrder = new Map<string, ShipmentModel[]>();
      for (const shipment of batches.flat()) {
        const orderNo = shipment.supplierOrderId ?? '';
        byOrder.set(orderNo, [...(byOrder.get(orderNo) ?? []), shipment]);
      }
      return orderNos.map((orderNo) => byOrder.get(orderNo) ?? []);
    },
  };
}
