import { describe, expect, it } from 'vitest';
import { RefreshingSnapshot } from '../../src/suppliers/shared/refreshing-snapshot.ts';
import { Snapshot } from '../../src/suppliers/shared/snapshot.ts';

describe('RefreshingSnapshot', () => {
  it('waits for the first load only, then serves the stale copy while one refresh runs', async () => {
    let time = 0;
    let loads = 0;
    let release: () => void = () => {};
    const cache = new RefreshingSnapshot({
      ttlMs: 100,
      load: async () => {
        loads += 1;
        if (loads > 1) await new Promise<void>((resolve) => (release = resolve));
        return loads;
      },
      now: () => time,
    });
    expect(await cache.get()).toBe(1);
    time = 150;
    expect(await cache.get()).toBe(1);
    expect(await cache.get()).toBe(1);
    expect(loads).toBe(2);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.get()).toBe(2);
  });

  it('keeps the last copy when a refresh fails, and fails the very first load', async () => {
    let time = 0;
    let fail = false;
    const cache = new RefreshingSnapshot({ ttlMs: 100, load: async () => (fail ? Promise.reject(new Error('down')) : 'catalog'), now: () => time });
    expect(await cache.get()).toBe('catalog');
    fail = true;
    time = 200;
    expect(await cache.get()).toBe('catalog');
    const cold = new RefreshingSnapshot({ ttlMs: 100, load: async () => Promise.reject(new Error('down')) });
    await expect(cold.get()).rejects.toThrow('down');
  });

  it('forgets its copy when invalidated, and a load begun before does not bring the old one back', async () => {
    for (const make of [
      (load: () => Promise<number>) => new RefreshingSnapshot({ ttlMs: 60_000, load }),
      (load: () => Promise<number>) => new Snapshot(60_000, load),
    ]) {
      let version = 1;
      let release: () => void = () => {};
      const cache = make(async () => {
        const seen = version;
        await new Promise<void>((resolve) => (release = resolve));
        return seen;
      });
      const before = cache.get();
      cache.invalidate(); // a write lands while the first load is on its way
      version = 2;
      release();
      expect(await before).toBe(1);
      const after = cache.get();
      release();
      expect(await after).toBe(2);
      const again = cache.get();
      expect(await again).toBe(2); // held now: no load, nothing to release
    }
  });
});

