/** The work did not finish before the invocation's deadline. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/**
 * `work`, or a {@link DeadlineError} when `deadlineMs` (epoch ms) passes first; the timer is cleared
 * either way. The work itself is not stopped: pass it an `AbortSignal` for that.
 */
export function beforeDeadline<T>(work: Promise<T>, deadlineMs: number, what: string, now = Date.now): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new DeadlineError(`${what} did not finish before the invocation's deadline`)),
      Math.max(0, deadlineMs - now()),
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
