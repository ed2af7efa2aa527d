import type { Logger as BoltLogger, LogLevel } from '@slack/bolt';

/** The few methods of a structured logger (Powertools Logger has them) that Bolt's logs go to. */
export interface AppLogger {
  debug(message: string, ...extra: unknown[]): void;
  info(message: string, ...extra: unknown[]): void;
  warn(message: string, ...extra: unknown[]): void;
  error(message: string, ...extra: unknown[]): void;
}

/** Bolt's Logger interface over ours, so Bolt's lines are structured like the rest. */
export function toBoltLogger(logger: AppLogger): BoltLogger {
  let level = 'info' as LogLevel;
  const join = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : String(p))).join(' ');
  return {
    // Bolt's debug lines carry whole requests: user text and Slack's verification token. Dropped.
    debug: () => {},
    info: (...msg) => logger.info(join(msg)),
    warn: (...msg) => logger.warn(join(msg)),
    error: (...msg) => logger.error(join(msg)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/**
 * How every function logs an error the user only sees as a reference: the reference ties the
 * user's message to this line.
 */
export function errorReporter(logger: Pick<AppLogger, 'error'>) {
  return (error: Error, reference: string): void =>
    logger.error('Command failed', { reference, error: error.name, message: error.message, stack: error.stack });
}
