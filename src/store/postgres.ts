import pg from 'pg';
import type { Database, Queryable } from './database.ts';
import { PostgresListener } from './postgres-listener.ts';

export interface PostgresOptions {
  /** the schema to work in (search_path); created by the migrations when missing */
  schema?: string;
  /** pool size; default 10 */
  maxConnections?: number;
}

/** PostgreSQL through a node-postgres Pool; each transaction takes one client of its own. */
export function openPostgres(connectionString: string, options: PostgresOptions = {}): Database {
  // settings every connection starts with (an `options` parameter in the URL takes precedence)
  const settings = ['-c TimeZone=UTC'];
  if (options.schema) settings.push(`-c search_path=${checkSchemaName(options.schema)}`);
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10, options: settings.join(' ') });
  // an idle client that loses its server emits here; without a listener the process would exit
  pool.on('error', () => undefined);
  // Named, so an operator (or a test) can tell the listening connection in pg_stat_activity.
  const listener = new PostgresListener({
    connectionString,
    options: settings.join(' '),
    application_name: `supplygraph-listen:${options.schema ?? 'public'}`,
  });

  const queryable = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query(sql, params as unknown[]);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await target.query(sql);
    },
  });

  return {
    backend: 'postgres',
    ...queryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        // a client whose ROLLBACK fails is broken: destroy it rather than return it to the pool
        await client.query('ROLLBACK').then(
          () => client.release(),
          (rollbackError: Error) => client.release(rollbackError),
        );
        throw error;
      }
    },
    listen: (channel, onPayload, onResume) => listener.listen(channel, onPayload, onResume),
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}

/** Lower-case letters, digits and _ only: the name goes unquoted into search_path. */
function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new RangeError(`schema must match [a-z_][a-z0-9_]*, got ${JSON.stringify(schema)}`);
  return schema;
}
