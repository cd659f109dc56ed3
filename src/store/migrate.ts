import { readdir, readFile } from 'node:fs/promises';
import { quoteIdentifier, type Database } from './database.ts';

const MIGRATIONS = new URL('./migrations/', import.meta.url);
// one fixed key: every process migrating this database queues on the same advisory lock
const MIGRATION_LOCK = 4_201_337_001;

export interface MigrateOptions {
  /** create this schema first (the connection's search_path names it) */
  schema?: string;
  /** folder of NNN_name.sql files; default: ./migrations next to this module */
  directory?: URL;
}

/**
 * Applies the .sql files not yet recorded in schema_migrations, in name order, each in its own
 * transaction under an advisory lock, so two processes starting at once on one PostgreSQL apply
 * each file exactly once. Returns the names applied now. A failing file rolls back and rejects;
 * the files before it stay applied.
 */
export async function migrate(db: Database, options: MigrateOptions = {}): Promise<string[]> {
  const directory = options.directory ?? MIGRATIONS;
  const names = (await readdir(directory)).filter((name) => name.endsWith('.sql')).sort();
  const applied: string[] = [];
  for (const name of names) {
    const sql = await readFile(new URL(name, directory), 'utf8');
    const ran = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      if (options.schema) await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(options.schema)}`);
      await tx.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (done.length > 0) return false;
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      return true;
    });
    if (ran) applied.push(name);
  }
  return applied;
}
