import { createHmac } from 'node:crypto';
import { iso } from './dates.ts';
import type { PleasurestockState } from './state.ts';
import type { WebhookEvent } from './types.ts';

/** `sha256=` + hex HMAC-SHA256(secret, timestamp + "." + body), as the document signs webhooks. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface WebhookDelivery {
  event: WebhookEvent;
  url: string;
  body: string;
  /** HTTP status of each attempt, 0 for a network error or timeout */
  attempts: number[];
  state: 'pending' | 'delivered' | 'failed';
}

export interface WebhookOptions {
  /** waits before the 1st, 2nd and 3rd retry (documented: 2 s, 4 s, 8 s) */
  retryDelaysMs: number[];
  /** per-attempt timeout (documented: 10 s) */
  timeoutMs: number;
  now: () => number;
}

/**
 * Sends order events to the registered URL in the background: retries on a non-2xx answer, a
 * network error or a timeout, then keeps the event in `failed` (the document's manual-retry queue).
 */
export class WebhookDispatcher {
  readonly deliveries: WebhookDelivery[] = [];
  /** pending retry waits, each with the resolver that ends it early on close */
  readonly #waits = new Map<NodeJS.Timeout, () => void>();
  readonly #running = new Set<Promise<void>>();
  #closed = false;

  constructor(
    private readonly state: PleasurestockState,
    private readonly options: WebhookOptions,
  ) {}

  get failed(): WebhookDelivery[] {
    return this.deliveries.filter((d) => d.state === 'failed');
  }

  emit(event: WebhookEvent, data: Record<string, unknown>): void {
    const target = this.state.webhook;
    if (!target || !target.events.includes(event) || this.#closed) return;
    const body = JSON.stringify({ event, timestamp: iso(this.options.now()), data });
    const delivery: WebhookDelivery = { event, url: target.url, body, attempts: [], state: 'pending' };
    this.deliveries.push(delivery);
    this.#track(this.#attempt(delivery));
  }

  /** Resolves when no delivery or retry is under way. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  close(): void {
    this.#closed = true;
    for (const [timer, resolve] of this.#waits) {
      clearTimeout(timer);
      resolve();
    }
    this.#waits.clear();
  }

  #track(work: Promise<void>): void {
    this.#running.add(work);
    void work.finally(() => this.#running.delete(work));
  }

  async #attempt(delivery: WebhookDelivery): Promise<void> {
    // Each attempt is signed afresh so a receiver's timestamp window accepts late retries.
    const timestamp = String(Math.floor(this.options.now() / 1000));
    let status = 0;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-webhook-signature': signWebhook(this.state.webhookSecret, timestamp, delivery.body), 'x-webhook-timestamp': timestamp },
        body: delivery.body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      status = response.status;
      await response.body?.cancel();
    } catch {
      status = 0;
    }
    delivery.attempts.push(status);
    if (status >= 200 && status < 300) {
      delivery.state = 'delivered';
      return;
    }
    const wait = this.options.retryDelaysMs[delivery.attempts.length - 1];
    if (wait === undefined || this.#closed) {
      delivery.state = 'failed';
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.#waits.delete(timer);
        resolve();
      }, wait);
      this.#waits.set(timer, resolve);
    });
    if (this.#closed) {
      delivery.state = 'failed';
      return;
    }
    return this.#attempt(delivery);
  }
}
