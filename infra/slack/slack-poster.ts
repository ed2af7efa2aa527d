import { ErrorCode, type RetryOptions, type WebAPIRateLimitedError, WebClient } from '@slack/web-api';
import type { SlackPoster } from '../../handlers/alarms/ports.ts';

export interface SlackPosterOptions {
  token: string | undefined;
  slackApiUrl: string;
  /** 5xx and network errors: WebClient's own backoff (p-retry). */
  retryConfig?: RetryOptions;
  /** 429s answered before giving up; each waits exactly `Retry-After`. */
  rateLimitRetries?: number;
  /** A `Retry-After` longer than this is not waited for: the invocation fails and Lambda retries later. */
  maxRetryAfterSeconds?: number;
  /** Per HTTP request. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Epoch ms after which no 429 wait is started. */
  deadlineMs?: () => number;
}

/**
 * Three retries, 0.5 s, 1 s, 2 s apart (randomised ×1–2): at most ~7 s of backoff plus four 5 s
 * timeouts, well inside the relay's 60 s. WebClient's default (10 retries over ~30 min) outlives any
 * Lambda, so an outage would end in a timeout rather than a clean failure.
 */
export const RELAY_RETRY_CONFIG: RetryOptions = {
  retries: 3,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 2000,
  randomize: true,
};

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function rateLimited(error: unknown): error is WebAPIRateLimitedError {
  return (error as { code?: unknown })?.code === ErrorCode.RateLimitedError;
}

/**
 * chat.postMessage / chat.update through WebClient. 429s are rejected by WebClient
 * (`rejectRateLimitedCalls`) and retried here, so the wait is the exact `Retry-After`, bounded by
 * the deadline, and testable; 5xx and network errors are retried by WebClient; whatever is left,
 * and Slack's `ok: false` errors (channel_not_found, …), is thrown so the invocation fails.
 */
export function createSlackPoster(options: SlackPosterOptions): SlackPoster {
  const client = new WebClient(options.token, {
    slackApiUrl: options.slackApiUrl,
    retryConfig: options.retryConfig ?? RELAY_RETRY_CONFIG,
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 5000,
  });
  const sleep = options.sleep ?? sleepFor;
  const retries = options.rateLimitRetries ?? 3;
  const maxWait = options.maxRetryAfterSeconds ?? 20;

  async function call<T>(request: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request();
      } catch (error) {
        if (!rateLimited(error) || attempt >= retries) throw error;
        const waitMs = error.retryAfter * 1000;
        const deadline = options.deadlineMs?.() ?? Number.POSITIVE_INFINITY;
        if (error.retryAfter > maxWait || Date.now() + waitMs > deadline) throw error;
        await sleep(waitMs);
      }
    }
  }

  return {
    async post(channel, message, threadTs) {
      const result = await call(() =>
        client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          // Alarm names and reasons are data, not links to unfurl.
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      if (!result.ts) throw new Error(`chat.postMessage to ${channel} returned no ts`);
      return { ts: result.ts };
    },
    async update(channel, ts, message) {
      await call(() => client.chat.update({ channel, ts, text: message.text, blocks: message.blocks }));
    },
  };
}
