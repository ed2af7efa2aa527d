import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs for the Lambdas. Secrets are never passed to it; events are not logged. */
export function createLogger(serviceName = 'cw-chatops'): Logger {
  return new Logger({ serviceName, logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO' });
}
