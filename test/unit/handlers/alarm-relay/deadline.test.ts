import { describe, expect, it } from 'vitest';
import { beforeDeadline, DeadlineError } from '../../../../handlers/alarm-relay/deadline.ts';

describe('handlers/alarm-relay/deadline', () => {
  it('gives the work’s answer when it comes first', async () => {
    await expect(beforeDeadline(Promise.resolve('posted'), Date.now() + 1000, 'The graph')).resolves.toBe('posted');
  });

  it('rejects with a DeadlineError naming the work when the deadline comes first', async () => {
    const never = new Promise<string>(() => {});
    const late = beforeDeadline(never, Date.now() + 20, 'The alarm graph');
    await expect(late).rejects.toThrow(DeadlineError);
    await expect(late).rejects.toThrow("The alarm graph did not finish before the invocation's deadline");
  });

  it('rejects at once for a deadline already past, on the clock it is given', async () => {
    const started = Date.now();
    await expect(beforeDeadline(new Promise(() => {}), 1000, 'x', () => 5000)).rejects.toThrow(DeadlineError);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
