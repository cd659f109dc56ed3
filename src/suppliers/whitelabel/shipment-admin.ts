import type { Money } from '../../domain/money.ts';
import type { ShipmentModel } from '../../domain/models.ts';
import { mapOrBreach } from '../shared/contract.ts';
import type { ChangeOutcome } from '../writes.ts';
import { readData } from './answers.ts';
import { centsProblem, toWireCents, WIRE_CURRENCY } from './cents.ts';
import type { WhitelabelClient } from './client.ts';
import { toShipment } from './mapping.ts';
import { errorOf, isRefusal, rejected } from './order-changes.ts';
import type { OrderReader } from './orders.ts';
import { changeRefusals } from './refusals.ts';
import { ShipmentResponse } from './write-wire.ts';

const NO_OPS_CREDENTIAL = rejected([
  { code: 'FORBIDDEN', message: 'shipment admin needs the WhiteLabel ops (admin) credential, and none is configured' },
]);

/**
 * Shipment admin: buying a label and marking a shipment shipped, which the spec reserves for the
 * admin scope, so these sign with the ops credential (`ops` is null when none is configured, and
 * then every call is refused FORBIDDEN without being sent). Refusals: NOT_FOUND,
 * INVALID_TRANSITION (the order or shipment status does not allow it), FORBIDDEN, VALIDATION.
 */
export class ShipmentAdmin {
  constructor(
    private readonly ops: WhitelabelClient | null,
    private readonly orders: OrderReader,
  ) {}

  /** Creates the order's shipment and buys its label (it starts LABEL_CREATED with a tracking number). */
  async create(orderId: string, input: { carrier: string; service: string; weightOz?: number | null }): Promise<ChangeOutcome<ShipmentModel>> {
    const ops = this.ops;
    if (!ops) return NO_OPS_CREDENTIAL;
    const body = { order_id: orderId, carrier: input.carrier, service: input.service, ...(input.weightOz == null ? {} : { weight_oz: input.weightOz }) };
    const answer = await ops.call('createShipment', (client, init) => client.POST('/shipments', { ...init, body }));
    if (isRefusal(answer)) return rejected(changeRefusals(errorOf(answer, 'createShipment'), CREATE_FIELDS));
    return this.#done(readData(ShipmentResponse, answer, 'createShipment'), 'createShipment');
  }

  /**
   * Puts the shipment in transit and its order SHIPPED; WhiteLabel then settles the wallet with
   * the actual cost (the label's price when none is given). The cost must be USD.
   */
  async markShipped(
    shipmentId: string,
    input: { trackingNumber: string; trackingUrl?: string | null; carrier?: string | null; actualCost?: Money | null },
  ): Promise<ChangeOutcome<ShipmentModel>> {
    const ops = this.ops;
    if (!ops) return NO_OPS_CREDENTIAL;
    const costProblem = input.actualCost ? centsProblem(input.actualCost) : null;
    if (costProblem) return rejected([{ code: 'VALIDATION', message: `actualCost: ${costProblem}`, field: ['actualCost'] }]);
    const body = {
      tracking_number: input.trackingNumber,
      ...(input.trackingUrl ? { tracking_url: input.trackingUrl } : {}),
      ...(input.carrier ? { carrier: input.carrier } : {}),
      ...(input.actualCost ? { actual_cost_cents: toWireCents(input.actualCost) } : {}),
    };
    const answer = await ops.call('markShipmentShipped', (client, init) =>
      client.POST('/shipments/{id}/ship', { ...init, params: { path: { id: shipmentId } }, body }),
    );
    if (isRefusal(answer)) return rejected(changeRefusals(errorOf(answer, 'markShipmentShipped'), SHIP_FIELDS));
    return this.#done(readData(ShipmentResponse, answer, 'markShipmentShipped'), 'markShipmentShipped');
  }

  #done(wire: Parameters<typeof toShipment>[0], operation: string): ChangeOutcome<ShipmentModel> {
    const shipment = mapOrBreach('whitelabel', operation, () => toShipment(wire, WIRE_CURRENCY));
    // The order embeds its shipments (and changes status when shipped): no read may serve it as it was.
    this.orders.forget(wire.order_id);
    return { kind: 'done', value: shipment };
  }
}

/** The wire fields of each call as the mutation's input names them. */
const CREATE_FIELDS = { order_id: ['orderId'], carrier: ['carrier'], service: ['service'], weight_oz: ['weightOz'] };
const SHIP_FIELDS = {
  tracking_number: ['trackingNumber'],
  tracking_url: ['trackingUrl'],
  carrier: ['carrier'],
  actual_cost_cents: ['actualCost'],
};
