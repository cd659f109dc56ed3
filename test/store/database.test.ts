import { describe, expect, it } from 'vitest';
import { backends, useStore } from './backends.ts';

describe.each(backends)('database transactions on $name', (backend) => {
  const store = useStore(backend);

  it('commits what a transaction wrote', async () => {
    const { database, cursors } = store();
    const answer = await database.transaction(async (tx) => {
      await tx.query(`INSERT INTO sync_cursors (supplier, name, value) VALUES ('whitelabel', 'orders', '1')`);
      return 42;
    });
    expect(answer).toBe(42);
    expect(await cursors.get('whitelabel', 'orders')).toBe('1');
  });

  it('rolls back and rethrows when the function throws, and keeps working after', async () => {
    const { database, cursors } = store();
    const failure = new Error('boom');
    await expect(
      database.transaction(async (tx) => {
        await tx.query(`INSERT INTO sync_cursors (supplier, name, value) VALUES ('whitelabel', 'orders', '1')`);
        throw failure;
      }),
    ).rejects.toBe(failure);
    await expect(database.transaction((tx) => tx.query('SELECT * FROM no_such_table'))).rejects.toThrow(/no_such_table/);
    expect(await cursors.get('whitelabel', 'orders')).toBeNull();
    expect(await database.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('binds every repository to one transaction in store.transaction', async () => {
    const s = store();
    await expect(
      s.transaction(async ({ cursors, placements }) => {
        await cursors.set('cenports', 'orders', 'x');
        await placements.ensure({ scope: 's', key: 'k', supplier: 'cenports', token: 't', request: {} });
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await s.cursors.get('cenports', 'orders')).toBeNull();
    expect(await s.placements.forKey('s', 'k')).toEqual([]);
    await s.transaction(({ cursors }) => cursors.set('cenports', 'orders', 'y'));
    expect(await s.cursors.get('cenports', 'orders')).toBe('y');
  });

  it('serialises concurrent transactions without losing an update', async () => {
    const { database, cursors } = store();
    await cursors.set('centre', 'n', '0');
    await Promise.all(
      Array.from({ length: 10 }, () =>
        database.transaction(async (tx) => {
          const [row] = await tx.query<{ value: string }>(`SELECT value FROM sync_cursors WHERE supplier = 'centre' AND name = 'n' FOR UPDATE`);
          await tx.query(`UPDATE sync_cursors SET value = $1 WHERE supplier = 'centre' AND name = 'n'`, [String(Number(row!.value) + 1)]);
        }),
      ),
    );
    expect(await cursors.get('centre', 'n')).toBe('10');
  });
});
