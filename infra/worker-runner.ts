import { completeAlarmAction } from '../handlers/alarm-relay/button-press.ts';
import { type AnswerDeps, completeCommand, completeWork } from '../handlers/answer-command.ts';
import type { CommandDeps } from '../handlers/commands.ts';
import type { SlackMessage } from '../handlers/slack-message.ts';
import { postToResponseUrl } from './slack/response-url.ts';
import type { WorkerJob } from './worker-job.ts';

export interface WorkerDeps extends CommandDeps, Pick<AnswerDeps, 'reportError'> {
  post?: typeof postToResponseUrl;
}

/**
 * Slack accepts five posts per `response_url` within 30 minutes. Progress may use two; the answer
 * keeps three, for its post and up to two retries of it.
 */
export const MAX_PROGRESS_POSTS = 2;
const ANSWER_ATTEMPTS = 3;

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
    // Progress is best effort: a failed update must not fail the command, and is not retried.
    await post(job.responseUrl, { ...update, replace_original: true }, { attempts: 1 }).catch(() => undefined);
  };
  const { action } = job;
  const message = action
    ? await completeWork(
        (signal) =>
          completeAlarmAction(
            action.id,
            action.value,
            { channelId: job.channelId, ...(action.threadTs ? { threadTs: action.threadTs } : {}) },
            deps,
            // No progress: it would replace the alarm message the button is on.
            { signal, channelId: job.channelId },
          ),
        deps,
        { deadlineMs, reference: job.reference },
      )
    : await completeCommand(job, deps, { deadlineMs, reference: job.reference, progress });
  // A command's answer replaces its "working on it"; a button on an alarm message answers beside it,
  // only to the person who pressed, and leaves the alarm message alone.
  await post(
    job.responseUrl,
    action
      ? { ...message, response_type: 'ephemeral', replace_original: false }
      : { ...message, replace_original: true },
    { attempts: ANSWER_ATTEMPTS },
  );
  return { delivered: true };
}
