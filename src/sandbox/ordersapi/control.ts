import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { OrdersapiState } from './state.ts';

const productChange = z.strictObject({ available: z.boolean().optional(), priceCents: z.int().min(0).optional() });
const statusChange = z.strictObject({ status: z.string().min(1) });

/**
 * /__sandbox/ordersapi/*: steering the real API cannot do, for out-of-process tests (a product
 * going out of stock, a status the document does not name yet). Not part of the spec.
 */
export function registerControlRoutes(fastify: FastifyInstance, state: OrdersapiState): void {
  fastify.patch('/__sandbox/ordersapi/products/:productId', async (request, reply) => {
    const change = productChange.safeParse(request.body);
    if (!change.success) return reply.code(400).send({ detail: z.prettifyError(change.error) });
    const { productId } = request.params as { productId: string };
    const product = state.updateProduct(productId, change.data);
    return product ?? reply.code(404).send({ detail: `Product not found: ${productId}` });
  });

  fastify.put('/__sandbox/ordersapi/orders/:orderId/status', async (request, reply) => {
    const change = statusChange.safeParse(request.body);
    if (!change.success) return reply.code(400).send({ detail: z.prettifyError(change.error) });
    const { orderId } = request.params as { orderId: string };
    const order = state.setStatus(orderId, change.data.status);
    return order ? { order_id: order.orderId, status: order.status } : reply.code(404).send({ detail: `Order not found: ${orderId}` });
  });
}
