import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openStore, type Store, type StoreOptions } from '../../src/store/open.ts';
import { dropSchema as dropSchemaAt } from '../support/postgres-schema.ts';

/**
 * The backends every store test runs against: PGlite in memory always, and the PostgreSQL named
 * by TEST_DATABASE_URL when set. On PostgreSQL each opened store gets a schema of its own, dropped
 * afterwards, so test files and runs never see each other's rows.
 */
export interface Backend {
  name: 'pglite' | 'postgres';
  /** a fresh, migrated store; the same schema again when given the schema of an earlier one */
  open(options?: { schema?: string; maxConnections?: number }): Promise<OpenedStore>;
}

export interface OpenedStore {
  store: Store;
  /** PostgreSQL only: the schema the store lives in */
  schema?: string;
  /** closes the store and drops what it created */
  dispose(): Promise<void>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

const pglite: Backend = {
  name: 'pglite',
  async open() {
    const store = await openStore({ dataDir: 'memory' });
    return { store, dispose: () => store.close() };
  },
};

export const postgres: Backend = {
  name: 'postgres',
  async open(options = {}) {
    const schema = options.schema ?? newSchemaName();
    const settings: StoreOptions = { databaseUrl: TEST_DATABASE_URL!, schema, maxConnections: options.maxConnections };
    const store = await openStore(settings);
    return { store, schema, dispose: () => store.close().then(() => dropSchema(schema)) };
  },
};

/** A schema name no other test run uses. */
export function newSchemaName(): string {
  return `store_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

export const backends: Backend[] = TEST_DATABASE_URL ? [pglite, postgres] : [pglite];

/** Drops a schema of the PostgreSQL at TEST_DATABASE_URL. */
export const dropSchema = (schema: string): Promise<void> => dropSchemaAt(TEST_DATABASE_URL!, schema);

const TABLES = ['idempotency_keys', 'placements', 'journal_orders', 'order_events', 'supplier_transactions', 'sync_cursors', 'supplier_writes'];

/**
 * Opens one store for the enclosing describe block and empties its tables before each test.
 * Returns a getter, since the store exists only once beforeAll has run.
 */
export function useStore(backend: Backend, options: { maxConnections?: number } = {}): () => Store {
  let opened: OpenedStore | undefined;
  beforeAll(async () => {
    opened = await backend.open(options);
  });
  beforeEach(async () => {
    await opened!.store.database.query(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY`);
  });
  afterAll(async () => {
    await opened?.dispose();
  });
  return () => opened!.store;
}
