import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured JSON logs for the Lambdas; the level comes from `POWERTOOLS_LOG_LEVEL` (default INFO).
 * Secrets are never passed to it and events are not logged, since they carry user text.
 */
export function createLogger(serviceName = 'cw-chatops'): Logger {
  return new Logger({ serviceName });
}
