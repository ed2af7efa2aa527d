/**
 * Errors a user may see verbatim carry `expose = true` (middy's rule); every other error
 * becomes one generic message with a reference, and its detail stays in the log.
 */
export class UserInputError extends Error {
  readonly expose = true;
  override name = 'UserInputError';
  /** Usage text and an example, shown under the message. */
  readonly usage: string;
  constructor(message: string, usage: string, options?: ErrorOptions) {
    super(message, options);
    this.usage = usage;
  }
}

/** CloudWatch still throttled us after the SDK's own retries. */
export class DataSourceBusyError extends Error {
  readonly expose = true;
  override name = 'DataSourceBusyError';
}

/** The bot's AWS role may not read what was asked. */
export class DataSourceAccessError extends Error {
  readonly expose = true;
  override name = 'DataSourceAccessError';
}

/** Narrows `catch (e: unknown)`; wraps non-Error throws so a stack and message always exist. */
export function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

export function isExposed(error: Error): error is Error & { expose: true } {
  return (error as { expose?: unknown }).expose === true;
}

/** The request is well formed but this bot's policy does not allow it (an allowlist, a range cap). */
export class NotAllowedError extends Error {
  readonly expose = true;
  override name = 'NotAllowedError';
}

/** The data source could not be reached at all (network, VPN, a wrong endpoint): nothing was asked yet. */
export class DataSourceUnreachableError extends Error {
  readonly expose = true;
  override name = 'DataSourceUnreachableError';
}

/** AWS refused who the bot is (expired, unknown or missing credentials), before any permission was checked. */
export class DataSourceCredentialsError extends Error {
  readonly expose = true;
  override name = 'DataSourceCredentialsError';
}
