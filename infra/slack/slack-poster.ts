import { ErrorCode, type RetryOptions, type WebAPIRateLimitedError, WebClient } from '@slack/web-api';
import type { SlackPoster } from '../../handlers/alarm-relay/ports.ts';
import { httpFetch } from './http-fetch.ts';

/** The metadata event type every alarm post carries (docs.slack.dev/messaging/message-metadata). */
export const POST_EVENT_TYPE = 'cw_alarm_post';
/**
 * How far before the first attempt the look-up reads, for the clock difference between Lambda and
 * Slack; with `limit` it bounds the look-up to one conversations.history call (Tier 3).
 */
const LOOKUP_SKEW_S = 60;
const LOOKUP_LIMIT = 100;

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
  /** Epoch ms after which no attempt (first, 5xx retry or after a 429) is started. */
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

/**
 * For the relay, whose batches post to one channel from many alarms at once: each waits its
 * Retry-After turn (one message per second per channel) until the deadline, rather than failing
 * after the default three.
 */
export const RELAY_RATE_LIMIT_RETRIES = 60;

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function rateLimited(error: unknown): error is WebAPIRateLimitedError {
  return (error as { code?: unknown })?.code === ErrorCode.RateLimitedError;
}

/** The longest p-retry (the `retry` package) waits after failed attempt `attemptNumber` (1-based). */
function longestBackoffMs(config: RetryOptions, attemptNumber: number): number {
  const { minTimeout = 1000, factor = 2, maxTimeout = Number.POSITIVE_INFINITY, randomize = false } = config;
  return Math.min((randomize ? 2 : 1) * minTimeout * factor ** (attemptNumber - 1), maxTimeout);
}

export class SlackDeadlineError extends Error {
  override name = 'SlackDeadlineError';
}

/**
 * chat.postMessage / chat.update through WebClient. 429s are rejected by WebClient
 * (`rejectRateLimitedCalls`) and retried here, so the wait is the exact `Retry-After`, bounded by
 * the deadline, and testable; 5xx and network errors are retried by WebClient; whatever is left,
 * and Slack's `ok: false` errors (channel_not_found, …), is thrown so the invocation fails.
 *
 * Every call ends by the deadline: no attempt starts after it (a 5xx retry whose backoff could pass it
 * is not made; p-retry stops when `onFailedAttempt` throws), and an attempt started before it ends
 * within its request timeout, which the relay keeps in reserve past the deadline.
 */
export function createSlackPoster(options: SlackPosterOptions): SlackPoster {
  const deadline = () => options.deadlineMs?.() ?? Number.POSITIVE_INFINITY;
  const retryConfig = options.retryConfig ?? RELAY_RETRY_CONFIG;
  // WebClient hands `retryConfig` to p-retry as it is; p-retry calls `onFailedAttempt` before each retry and
  // gives up with the error it throws. RetryOptions (node-retry's) does not declare it, hence the type.
  // The 5xx deadline test fails if an upgrade drops it.
  const bounded: RetryOptions & { onFailedAttempt: (error: Error & { attemptNumber: number }) => void } = {
    ...retryConfig,
    onFailedAttempt: (error) => {
      if (Date.now() + longestBackoffMs(retryConfig, error.attemptNumber) > deadline()) throw error;
    },
  };
  const client = new WebClient(options.token, {
    slackApiUrl: options.slackApiUrl,
    retryConfig: bounded,
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 5000,
    // Form-encoded calls only: node:http instead of undici, which is slow to load (http-fetch.ts).
    fetch: httpFetch,
  });
  // chat.postMessage is retried here, not by WebClient: before a retry we must look for the post a
  // timed-out or 5xx attempt may have made (Slack has no idempotency key).
  const once = new WebClient(options.token, {
    slackApiUrl: options.slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 5000,
    // Form-encoded calls only: node:http instead of undici, which is slow to load (http-fetch.ts).
    fetch: httpFetch,
  });
  const sleep = options.sleep ?? sleepFor;
  const retries = options.rateLimitRetries ?? 3;
  const maxWait = options.maxRetryAfterSeconds ?? 20;

  async function call<T>(method: string, request: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      if (Date.now() > deadline()) throw new SlackDeadlineError(`${method} not sent: the invocation's deadline passed`);
      try {
        return await request();
      } catch (error) {
        if (!rateLimited(error) || attempt >= retries) throw error;
        const waitMs = error.retryAfter * 1000;
        if (error.retryAfter > maxWait || Date.now() + waitMs > deadline()) throw error;
        await sleep(waitMs);
      }
    }
  }

  /** The ts of a message carrying `key` posted since `sinceS`, or undefined (also when the look-up fails). */
  async function findPosted(channel: string, key: string, sinceS: number, threadTs: string | undefined) {
    const query = {
      channel,
      oldest: String(Math.floor(sinceS) - LOOKUP_SKEW_S),
      inclusive: true,
      include_all_metadata: true,
      limit: LOOKUP_LIMIT,
    };
    try {
      const found = threadTs
        ? await once.conversations.replies({ ...query, ts: threadTs })
        : await once.conversations.history(query);
      const match = (found.messages ?? []).find((m) => {
        const metadata = (m as { metadata?: { event_type?: string; event_payload?: { key?: unknown } } }).metadata;
        return metadata?.event_type === POST_EVENT_TYPE && metadata.event_payload?.key === key;
      });
      return match?.ts;
    } catch {
      // No history scope, or Slack is still failing: posting again risks a duplicate, not a loss.
      return undefined;
    }
  }

  /** Network errors, timeouts and 5xx: Slack may or may not have taken the post. */
  const uncertain = (error: unknown) =>
    [ErrorCode.RequestError, ErrorCode.HTTPError].includes((error as { code?: ErrorCode })?.code as ErrorCode);

  return {
    async post(channel, message, threadTs, postOptions) {
      const key = postOptions?.key;
      const send = () =>
        call('chat.postMessage', () =>
          once.chat.postMessage({
            channel,
            text: message.text,
            blocks: message.blocks,
            // A table block goes in the attachments (handlers/slack-table.ts): dropped, it would be lost.
            ...(message.attachments ? { attachments: message.attachments } : {}),
            ...(threadTs ? { thread_ts: threadTs } : {}),
            ...(key ? { metadata: { event_type: POST_EVENT_TYPE, event_payload: { key } } } : {}),
            // Alarm names and reasons are data, not links to unfurl.
            unfurl_links: false,
            unfurl_media: false,
          }),
        );
      const firstAttemptS = Date.now() / 1000;
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await send();
          if (!result.ts) throw new Error(`chat.postMessage to ${channel} returned no ts`);
          return { ts: result.ts };
        } catch (error) {
          const retries = retryConfig.retries ?? 0;
          if (!uncertain(error) || attempt > retries) throw error;
          const backoff = longestBackoffMs(retryConfig, attempt) / (retryConfig.randomize ? 1 + Math.random() : 1);
          if (Date.now() + backoff > deadline()) throw error;
          await sleep(backoff);
          const posted = key ? await findPosted(channel, key, firstAttemptS, threadTs) : undefined;
          if (posted) return { ts: posted };
        }
      }
    },
    async update(channel, ts, message) {
      await call('chat.update', () =>
        client.chat.update({
          channel,
          ts,
          text: message.text,
          blocks: message.blocks,
          ...(message.attachments ? { attachments: message.attachments } : {}),
        }),
      );
    },
  };
}
