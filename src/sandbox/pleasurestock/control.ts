import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

const webhookTarget = z.object({
  url: z.url({ protocol: /^https?$/ }).nullable(),
  secret: z.string().min(1).optional(),
});

/**
 * PUT /__sandbox/pleasurestock/webhook { url, secret? }: points deliveries at a URL (null stops
 * them) for tests and tools outside the process; not part of PleasureStock's API.
 */
export function registerControlRoutes(fastify: FastifyInstance, setWebhookTarget: (url: string | null, secret?: string) => void): void {
  fastify.put('/__sandbox/pleasurestock/webhook', async (request, reply) => {
    const parsed = webhookTarget.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ success: false, error: 'Invalid request', message: z.prettifyError(parsed.error) });
    setWebhookTarget(parsed.data.url, parsed.data.secret);
    return { url: parsed.data.url };
  });
}
