import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.ts';
import { openStore } from '../../src/store/open.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { dropSchema, newSchemaName, postgres, TEST_DATABASE_URL } from './backends.ts';
import { BEYOND_FLOAT, order } from './fixtures.ts';

const cleanups: (() => Promise<unknown>)[] = [];
/** Every migration the gateway ships, in the order they apply. */
const ALL = (await readdir(new URL('../../src/store/migrations/', import.meta.url))).filter((name) => name.endsWith('.sql')).sort();
const recorded = (names: string[]) => names.map((name) => ({ name }));
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'supplygraph-store-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('migrations and PGlite on disk', () => {
  it('creates the data folder on first start and keeps the state across close and reopen', async () => {
    const dataDir = path.join(await tempDir(), 'nested', 'store');
    const first = await openStore({ dataDir });
    expect(first.appliedMigrations).toEqual(ALL);
    await first.cursors.set('whitelabel', 'orders', 'since-1');
    const snapshot = order();
    await first.journal.upsert({ ...snapshot, scope: 'partner-1', order: snapshot });
    await first.close();

    const second = await openStore({ dataDir });
    try {
      expect(second.appliedMigrations).toEqual([]);
      expect(await second.cursors.get('whitelabel', 'orders')).toBe('since-1');
      const [entry] = await second.journal.getMany('centre', ['C-1001']);
      expect(entry?.order.lines[0]?.unitPrice?.minor).toBe(BEYOND_FLOAT);
    } finally {
      await second.close();
    }
  });

  it('applies each migration once and records it', async () => {
    const store = await openStore({ dataDir: 'memory' });
    try {
      expect(await migrate(store.database)).toEqual([]);
      expect(await store.database.query('SELECT name FROM schema_migrations ORDER BY name')).toEqual(recorded(ALL));
    } finally {
      await store.close();
    }
  });

  it('rolls back a failing migration, keeps the ones before it, and applies the rest later', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, '001_a.sql'), 'CREATE TABLE a (id int);');
    await writeFile(path.join(dir, '002_b.sql'), 'CREATE TABLE b (id int); SELECT no_such_function();');
    const directory = pathToFileURL(`${dir}/`);
    const db = await openPglite('memory');
    try {
      await expect(migrate(db, { directory })).rejects.toThrow(/no_such_function/);
      const tables = async () => (await db.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_name IN ('a', 'b')`)).map((r) => r.t);
      expect(await tables()).toEqual(['a']);
      await writeFile(path.join(dir, '002_b.sql'), 'CREATE TABLE b (id int);');
      expect(await migrate(db, { directory })).toEqual(['002_b.sql']);
      expect((await tables()).sort()).toEqual(['a', 'b']);
    } finally {
      await db.close();
    }
  });
});

// Defined only where a PostgreSQL is at hand (CI sets TEST_DATABASE_URL), so nothing shows as skipped.
const onPostgres = TEST_DATABASE_URL ? describe : () => undefined;
onPostgres('migrations on PostgreSQL', () => {
  it('lets two processes open one fresh database at once: both succeed, each file applied once', async () => {
    const schema = newSchemaName();
    cleanups.push(() => dropSchema(schema));
    const opened = await Promise.all([postgres.open({ schema }), postgres.open({ schema })]);
    for (const o of opened) cleanups.push(() => o.store.close());
    // Each file is applied by whichever process takes its lock first, and by that one only.
    expect(opened.flatMap((o) => o.store.appliedMigrations).sort()).toEqual(ALL);
    expect(await opened[0]!.store.database.query('SELECT name FROM schema_migrations ORDER BY name')).toEqual(recorded(ALL));
    await opened[0]!.store.cursors.set('centre', 'x', '1');
    expect(await opened[1]!.store.cursors.get('centre', 'x')).toBe('1');
  });

  it('creates the schema it is given and applies nothing on a second open', async () => {
    const first = await postgres.open();
    cleanups.push(() => first.dispose());
    expect(first.store.appliedMigrations).toEqual(ALL);
    const again = await postgres.open({ schema: first.schema });
    cleanups.push(() => again.store.close());
    expect(again.store.appliedMigrations).toEqual([]);
  });
});
