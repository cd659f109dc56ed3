import { describe, expect, it } from 'vitest';
import { RefreshingSnapshot } from '../../src/suppliers/shared/refreshing-snapshot.ts';

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
});
