import { mkdir } from 'node:fs/promises';
import { PGlite, types } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

/**
 * PGlite (Postgres compiled to WASM), in memory or on disk under dataDir (created if missing).
 * One connection: PGlite itself queues queries and serialises transactions.
 */
export async function openPglite(dataDir: string | 'memory'): Promise<Database> {
  if (dataDir !== 'memory') await mkdir(dataDir, { recursive: true });
  // int8 as a string, as node-postgres returns it, so repositories see one shape on both backends
  const options = {
    parsers: { [types.INT8]: (value: string) => value },
    // The gateway's state is small; Postgres's default 128 MB of shared buffers only costs memory.
    postgresqlconf: ['shared_buffers = 16MB'],
  };
  const db = dataDir === 'memory' ? await PGlite.create(options) : await PGlite.create(dataDir, options);
  await db.exec(`SET TIME ZONE 'UTC'`);

  const queryable = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  });

  return {
    backend: 'pglite',
    ...queryable(db),
    transaction: (fn) => db.transaction((tx) => fn(queryable(tx))),
    // One in-process connection: it is never lost, so there is nothing to resume.
    listen: (channel, onPayload) => db.listen(channel, onPayload),
    close: () => db.close(),
  };
}
