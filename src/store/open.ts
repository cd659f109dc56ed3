import path from 'node:path';
import { createCursorRepository, type CursorRepository } from './cursors.ts';
import type { Database, Queryable } from './database.ts';
import { createOrderEventRepository, type OrderEventRepository } from './events.ts';
import { createIdempotencyRepository, type IdempotencyRepository } from './idempotency.ts';
import { createJournalRepository, type JournalRepository } from './journal.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { createPlacementRepository, type PlacementRepository } from './placements.ts';
import { openPostgres } from './postgres.ts';
import { createSupplierWriteRepository, type SupplierWriteRepository } from './supplier-writes.ts';
import { createTransactionRepository, type TransactionRepository } from './transactions.ts';

export interface Repositories {
  idempotency: IdempotencyRepository;
  placements: PlacementRepository;
  journal: JournalRepository;
  events: OrderEventRepository;
  transactions: TransactionRepository;
  cursors: CursorRepository;
  supplierWrites: SupplierWriteRepository;
}

export interface Store extends Repositories {
  database: Database;
  /** the migrations this open applied (empty when the schema was already current) */
  appliedMigrations: string[];
  /** Runs fn with repositories bound to one transaction: all of its writes commit, or none. */
  transaction<T>(fn: (repositories: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgres://… : use that PostgreSQL server; otherwise PGlite */
  databaseUrl?: string;
  /** PGlite's data folder (created on first start), or 'memory'; default data/store under the cwd */
  dataDir?: string | 'memory';
  /** PostgreSQL only: the schema to keep the tables in (created when missing); default public */
  schema?: string;
  /** PostgreSQL only: pool size, default 10 */
  maxConnections?: number;
}

export const DEFAULT_DATA_DIR = 'data';

/**
 * Opens the gateway's state: PostgreSQL when databaseUrl is given, else PGlite; then applies
 * pending migrations. Rejects (and closes what it opened) when the database cannot be reached or
 * a migration fails.
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const database = options.databaseUrl
    ? openPostgres(options.databaseUrl, { schema: options.schema, maxConnections: options.maxConnections })
    : await openPglite(options.dataDir === 'memory' ? 'memory' : path.resolve(options.dataDir ?? DEFAULT_DATA_DIR));
  try {
    const appliedMigrations = await migrate(database, { schema: options.databaseUrl ? options.schema : undefined });
    return {
      ...repositories(database),
      database,
      appliedMigrations,
      transaction: (fn) => database.transaction((tx) => fn(repositories(tx))),
      close: () => database.close(),
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** The repositories over any connection or transaction. */
export function repositories(db: Queryable): Repositories {
  return {
    idempotency: createIdempotencyRepository(db),
    placements: createPlacementRepository(db),
    journal: createJournalRepository(db),
    events: createOrderEventRepository(db),
    transactions: createTransactionRepository(db),
    cursors: createCursorRepository(db),
    supplierWrites: createSupplierWriteRepository(db),
  };
}
