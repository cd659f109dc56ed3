import { describe, expect, it } from 'vitest';
import { backends, useStore } from './backends.ts';

describe.each(backends)('sync cursors on $name', (backend) => {
  const store = useStore(backend);

  it('answers null before the first set, then the latest value per supplier and name', async () => {
    const { cursors } = store();
    expect(await cursors.get('whitelabel', 'orders')).toBeNull();
    await cursors.set('whitelabel', 'orders', '2025-03-01T10:00:00Z');
    await cursors.set('whitelabel', 'orders', '2025-03-01T11:00:00Z');
    await cursors.set('whitelabel', 'tracking', 't-9');
    expect(await cursors.get('whitelabel', 'orders')).toBe('2025-03-01T11:00:00Z');
    expect(await cursors.get('whitelabel', 'tracking')).toBe('t-9');
    expect(await cursors.get('pleasurestock', 'orders')).toBeNull();
  });
});
