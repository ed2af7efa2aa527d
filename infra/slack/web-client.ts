import { WebClient } from '@slack/web-api';

/**
 * A Web API client for the Lambdas. WebClient's default retries span about 30 minutes, longer
 * than a Lambda may run; these give up within about half a minute. 429s still wait `Retry-After`.
 */
export function createWebClient(token: string, slackApiUrl: string): WebClient {
  return new WebClient(token, {
    slackApiUrl,
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000, randomize: true },
    timeout: 10_000,
  });
}
