import type { SlackMessage } from '../../handlers/slack-message.ts';

export interface ResponseUrlOptions {
  fetch?: typeof fetch;
  /** Attempts in all, for network errors, 429 and 5xx; other answers (an expired or used URL) are final. */
  attempts?: number;
  backoffMs?: number;
}

export class ResponseUrlError extends Error {
  override name = 'ResponseUrlError';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts a message to a slash command's `response_url`. Slack accepts five posts within 30 minutes
 * per URL; callers count their own posts.
 */
export async function postToResponseUrl(
  url: string,
  message: SlackMessage,
  options: ResponseUrlOptions = {},
): Promise<void> {
  const doFetch = options.fetch ?? fetch;
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 300;
  let lastError: Error = new ResponseUrlError('response_url post was not attempted');
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(backoffMs * 2 ** (attempt - 2));
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      lastError = new ResponseUrlError('response_url could not be reached', { cause: error });
      continue;
    }
    if (response.ok) return;
    const detail = (await response.text().catch(() => '')).slice(0, 200);
    lastError = new ResponseUrlError(`response_url answered ${response.status}: ${detail}`);
    if (response.status !== 429 && response.status < 500) throw lastError;
  }
  throw lastError;
}
