import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a delivery's signing time may be from the gateway's clock, either way. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60_000;

/** Why a delivery is not trusted; the message names the problem and never the secret. */
export type SignatureProblem =
  | { status: 400; code: 'INVALID_TIMESTAMP'; message: string }
  | { status: 401; code: 'INVALID_SIGNATURE' | 'STALE_TIMESTAMP'; message: string };

const SIGNATURE = /^sha256=([0-9a-f]{64})$/;
const UNIX_SECONDS = /^[0-9]{1,12}$/;

/**
 * Checks a `sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>` signature and its
 * timestamp (Unix seconds) against `nowMs`. Returns null when the delivery is authentic and
 * fresh, else the problem. The digests are compared in constant time.
 */
export function checkSignedDelivery(input: {
  secret: string;
  rawBody: Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
  nowMs: number;
}): SignatureProblem | null {
  const { secret, rawBody, signature, timestamp, nowMs } = input;
  if (timestamp === undefined || !UNIX_SECONDS.test(timestamp)) {
    return { status: 400, code: 'INVALID_TIMESTAMP', message: 'X-Webhook-Timestamp must be the Unix time in seconds' };
  }
  const given = signature === undefined ? null : SIGNATURE.exec(signature.trim().toLowerCase());
  if (!given) {
    return { status: 401, code: 'INVALID_SIGNATURE', message: 'X-Webhook-Signature must be sha256=<64 hex digits>' };
  }
  // Both buffers are 32 bytes, as timingSafeEqual needs: the format check above fixed the length.
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  if (!timingSafeEqual(Buffer.from(given[1]!, 'hex'), expected)) {
    return { status: 401, code: 'INVALID_SIGNATURE', message: 'X-Webhook-Signature does not match the body and timestamp' };
  }
  // Checked after the signature, so only the sender learns that its clock is off.
  if (Math.abs(nowMs - Number(timestamp) * 1000) > TIMESTAMP_TOLERANCE_MS) {
    return { status: 401, code: 'STALE_TIMESTAMP', message: 'X-Webhook-Timestamp is more than 5 minutes from the gateway clock' };
  }
  return null;
}
