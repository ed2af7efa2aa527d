import { type AnswerDeps, completeCommand } from '../handlers/answer-command.ts';
import type { CommandDeps } from '../handlers/commands.ts';
import type { SlackMessage } from '../handlers/slack-message.ts';
import { postToResponseUrl } from './slack/response-url.ts';
import type { WorkerJob } from './worker-job.ts';

export interface WorkerDeps extends CommandDeps, Pick<AnswerDeps, 'reportError'> {
  post?: typeof postToResponseUrl;
}

/**
 * Slack accepts five posts per `response_url` within 30 minutes. Progress may use three; the
 * answer always has one left, with one spare for a retry of it.
 */
export const MAX_PROGRESS_POSTS = 3;

/**
 * Runs a handed-off command to the end and replaces the "working on it" message with the answer
 * (or with a plain failure message: the user never waits on silence).
 */
export async function runWorkerJob(job: WorkerJob, deps: WorkerDeps, deadlineMs: number): Promise<{ delivered: true }> {
  const post = deps.post ?? postToResponseUrl;
  let progressPosts = 0;
  const progress = async (update: SlackMessage) => {
    if (progressPosts >= MAX_PROGRESS_POSTS) return;
    progressPosts++;
    // Progress is best effort: a failed update must not fail the command.
    await post(job.responseUrl, { ...update, replace_original: true }, { attempts: 1 }).catch(() => undefined);
  };
  const message = await completeCommand(job, deps, { deadlineMs, reference: job.reference, progress });
  await post(job.responseUrl, { ...message, replace_original: true });
  return { delivered: true };
}
