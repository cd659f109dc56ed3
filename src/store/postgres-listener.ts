import pg from 'pg';
import { quoteIdentifier } from './database.ts';

type Handler = (payload: string) => void;

/** How long to wait before connecting again after the listening connection was lost. */
const RECONNECT_MS = 1_000;

/**
 * LISTEN on one dedicated connection per store: a pooled connection would be handed to other
 * queries (and lose its LISTENs when recycled). A lost connection is opened again and every
 * channel listened to again; notifications sent while it was down are not replayed, so each
 * listener's onResume runs then to read what it missed.
 */
export class PostgresListener {
  readonly #handlers = new Map<string, Set<Handler>>();
  readonly #resumers = new Set<() => void>();
  #client: Promise<pg.Client> | null = null;
  #closed = false;
  #retry: NodeJS.Timeout | undefined;

  constructor(private readonly config: pg.ClientConfig) {}

  async listen(channel: string, handler: Handler, onResume?: () => void): Promise<() => Promise<void>> {
    if (this.#closed) throw new Error('the store is closed');
    if (onResume) this.#resumers.add(onResume);
    let handlers = this.#handlers.get(channel);
    const first = !handlers;
    if (!handlers) this.#handlers.set(channel, (handlers = new Set()));
    handlers.add(handler);
    const client = await this.#connection();
    if (first) await client.query(`LISTEN ${quoteIdentifier(channel)}`);
    return async () => {
      if (onResume) this.#resumers.delete(onResume);
      handlers.delete(handler);
      if (handlers.size > 0 || this.#handlers.get(channel) !== handlers) return;
      this.#handlers.delete(channel);
      if (!this.#closed) await client.query(`UNLISTEN ${quoteIdentifier(channel)}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    const client = await this.#client?.catch(() => null);
    this.#client = null;
    await client?.end().catch(() => undefined);
  }

  #connection(): Promise<pg.Client> {
    this.#client ??= this.#connect();
    return this.#client;
  }

  async #connect(): Promise<pg.Client> {
    const client = new pg.Client(this.config);
    client.on('notification', ({ channel, payload }) => {
      for (const handler of this.#handlers.get(channel) ?? []) handler(payload ?? '');
    });
    // Without an error listener a dropped connection would crash the process.
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    try {
      await client.connect();
    } catch (error) {
      this.#client = null;
      throw error;
    }
    return client;
  }

  #lost(client: pg.Client): void {
    void this.#client?.then((current) => {
      if (current !== client || this.#closed) return;
      this.#client = null;
      this.#retry = setTimeout(() => void this.#relisten(), RECONNECT_MS);
      this.#retry.unref();
    });
  }

  async #relisten(): Promise<void> {
    if (this.#closed || this.#handlers.size === 0) return;
    try {
      const client = await this.#connection();
      for (const channel of this.#handlers.keys()) await client.query(`LISTEN ${quoteIdentifier(channel)}`);
      for (const resume of this.#resumers) resume();
    } catch {
      this.#client = null;
      this.#retry = setTimeout(() => void this.#relisten(), RECONNECT_MS);
      this.#retry.unref();
    }
  }
}
