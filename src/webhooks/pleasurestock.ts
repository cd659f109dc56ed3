import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Store } from '../store/index.ts';
import { parsePleasurestockWebhook } from './pleasurestock-events.ts';
import { recordPleasurestockChange } from './pleasurestock-record.ts';
import { checkSignedDelivery } from './signature.ts';

export const PLEASURESTOCK_WEBHOOK_PATH = '/webhooks/pleasurestock';

export interface PleasurestockWebhookOptions {
  /** the signing secret PleasureStock's POST /external/webhook returns */
  secret: string;
  store: Store;
  /** the gateway's clock, for the timestamp window */
  now: () => number;
  /** where the detail of an unexpected failure goes; the sender only sees a 500 */
  logError: (error: unknown) => void;
}

/**
 * POST /webhooks/pleasurestock: verifies the signature over the raw body bytes and the timestamp
 * window, parses order.created, order.status_changed and order.cancelled, and records each
 * change once. Answers 200 for a recorded, repeated or unknown-type event (any other answer
 * makes PleasureStock retry); 400 for a malformed timestamp, JSON or payload; 401 for a bad
 * signature or a stale timestamp; 500 when the store fails, so the delivery is retried.
 *
 * Register it with `app.register` (not fastify-plugin): its raw-body parser must stay scoped
 * to this route and leave how /graphql parses JSON untouched.
 */
export function pleasurestockWebhookRoute(options: PleasurestockWebhookOptions): FastifyPluginAsync {
  return async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    scope.post(PLEASURESTOCK_WEBHOOK_PATH, async (request, reply) => {
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const problem = checkSignedDelivery({
        secret: options.secret,
        rawBody,
        signature: header(request.headers['x-webhook-signature']),
        timestamp: header(request.headers['x-webhook-timestamp']),
        nowMs: options.now(),
      });
      if (problem) return refuse(reply, problem.status, problem.code, problem.message);

      let body: unknown;
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        return refuse(reply, 400, 'MALFORMED_JSON', 'the body is not valid JSON');
      }
      const parsed = parsePleasurestockWebhook(body);
      switch (parsed.kind) {
        case 'invalid':
          return refuse(reply, 400, 'INVALID_PAYLOAD', 'the body is not a PleasureStock order event', parsed.details);
        case 'unknown':
          // A new event type from PleasureStock is not an error worth three retries and a
          // manual-retry queue: acknowledged, and nothing is recorded.
          return reply.code(200).send({ received: true, ignored: `unknown event type ${JSON.stringify(parsed.event)}` });
        case 'change':
          try {
            const outcome = await recordPleasurestockChange(options.store, parsed.change);
            return reply.code(200).send({ received: true, duplicate: outcome === 'duplicate' });
          } catch (error) {
            options.logError(error);
            return refuse(reply, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
          }
      }
    });
  };
}

function header(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function refuse(reply: FastifyReply, status: number, code: string, message: string, details?: string[]) {
  return reply.code(status).send({ error: { code, message, ...(details && { details }) } });
}
