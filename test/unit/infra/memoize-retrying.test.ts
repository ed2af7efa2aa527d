import { describe, expect, it } from 'vitest';
import { memoizeRetrying } from '../../../infra/memoize-retrying.ts';

describe('infra/memoize-retrying', () => {
  it('loads once however often, and however concurrently, it is asked', async () => {
    // Prepare
    let loads = 0;
    const get = memoizeRetrying(async () => {
      loads += 1;
      return { client: loads };
    });

    // Act
    const [a, b] = await Promise.all([get(), get()]);
    const c = await get();

    // Assess
    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(c).toBe(a);
  });

  it('does not keep a failed load: the next call tries again', async () => {
    // Prepare
    let loads = 0;
    const get = memoizeRetrying(async () => {
      loads += 1;
      if (loads === 1) throw new Error('import failed');
      return 'loaded';
    });

    // Act, Assess
    await expect(get()).rejects.toThrow('import failed');
    await expect(get()).resolves.toBe('loaded');
    await expect(get()).resolves.toBe('loaded');
    expect(loads).toBe(2);
  });
});
