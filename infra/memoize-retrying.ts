/**
 * Memoizes an async factory (a lazily imported client or middleware); a failed load is retried on
 * the next call rather than cached.
 */
export function memoizeRetrying<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= load().catch((error: unknown) => {
      value = undefined;
      throw error;
    });
    return value;
  };
}
