import { slackErrorCode } from './alarm-relay/ports.ts';
import { asError, isExposed } from './errors.ts';
import { escapeMrkdwn } from './slack-message.ts';

/** Logs an error the user only sees as a reference (the same reporter the command's own failures use). */
export type ReportError = (error: Error, reference: string) => void;

/** Slack's refusals that mean the bot is not where it was asked to post. */
const NOT_THERE = new Set(['not_in_channel', 'channel_not_found']);

/**
 * Why part of an answer (a graph, a CSV) failed while the rest still arrives, in words a user may
 * read: an exposed error as it is, Slack's "not in this channel" as what to do, and anything else
 * as a reference to the logged detail, never its text (it may hold ARNs, hosts or a stack).
 */
export function failureReason(failure: unknown, report: ReportError | undefined): string {
  const error = asError(failure);
  if (isExposed(error)) return escapeMrkdwn(error.message.replace(/[.\s]+$/, ''));
  const code = slackErrorCode(error);
  if (code && NOT_THERE.has(code)) return 'I am not in this channel. Invite me (`/invite @` and my name) and try again';
  const reference = globalThis.crypto.randomUUID();
  report?.(error, reference);
  return `something went wrong on my side (reference \`${reference}\`)`;
}
