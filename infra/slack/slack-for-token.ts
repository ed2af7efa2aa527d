import type { SlackForInvocation } from '../../handlers/alarm-relay/alarm-relay.ts';
import type { SlackPoster } from '../../handlers/alarm-relay/ports.ts';
import type { FilesPort } from '../../handlers/ports.ts';
import { createSlackPoster, RELAY_RATE_LIMIT_RETRIES } from './slack-poster.ts';
import { createSlackUploader } from './slack-upload.ts';

/**
 * The relay's Slack clients for whatever bot token the invocation has: the token may arrive from SSM
 * only on the first invocation (and change on rotation), so they are built per token and kept while
 * it stays the same. Each invocation moves the deadline the poster keeps to.
 */
export function slackForToken(
  slackApiUrl: string,
): (token: string | undefined, deadlineMs: number) => SlackForInvocation {
  let current:
    | { token: string | undefined; poster: SlackPoster; files: FilesPort | undefined; deadline: { ms: number } }
    | undefined;
  return (token, deadlineMs) => {
    if (!current || current.token !== token) {
      const deadline = { ms: deadlineMs };
      const poster = createSlackPoster({
        token,
        slackApiUrl,
        deadlineMs: () => deadline.ms,
        rateLimitRetries: RELAY_RATE_LIMIT_RETRIES,
      });
      // The graph's upload: three plain requests, not the Web API client's multipart (slack-upload.ts).
      const files = token ? createSlackUploader(token, slackApiUrl) : undefined;
      current = { token, poster, files, deadline };
    }
    current.deadline.ms = deadlineMs;
    return { poster: current.poster, files: current.files };
  };
}
