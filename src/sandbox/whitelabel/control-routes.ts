import type { RouteContext } from './context.ts';
import { idParam } from './context.ts';
import { ok } from './errors.ts';
import { moveOrder } from './orders.ts';
import { renderOrder, renderWallet } from './render.ts';
import { orderStatusChangeSchema, parseInput, walletChangeSchema } from './schemas.ts';

/**
 * /__sandbox/whitelabel/*: what the supplier's own staff do, for tests. Not part of the API, not
 * rate limited, not counted; errors still use the supplier's envelope (the kit's error handler).
 */
export function registerControlRoutes({ app, state }: RouteContext): void {
  // Moves an order along its pre-shipping lifecycle (RELEASED_TO_FULFILLMENT, PICKING, holds...).
  app.fastify.post('/__sandbox/whitelabel/orders/:id/status', async (request) => {
    const order = state.requireOrder(idParam(request));
    moveOrder(state, order, parseInput(orderStatusChangeSchema, request.body).status);
    return ok(renderOrder(order));
  });

  // Sets the wallet as a settled Mercury invoice (or a test) would.
  app.fastify.put('/__sandbox/whitelabel/wallet', async (request) => {
    const input = parseInput(walletChangeSchema, request.body);
    if (input.balance_cents !== undefined) state.wallet.balanceCents = input.balance_cents;
    if (input.pending_payments !== undefined) state.wallet.pendingPayments = input.pending_payments;
    return ok(renderWallet(state));
  });
}
