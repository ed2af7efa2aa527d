import { type AnswerDeps, completeCommand } from '../handlers/answer-command.ts';
import type { CommandDeps } from '../handlers/commands.ts';
import { postToResponseUrl } from './slack/response-url.ts';
import type { WorkerJob } from './worker-job.ts';

export interface WorkerDeps extends CommandDeps, Pick<AnswerDeps, 'reportError'> {
  post?: typeof postToResponseUrl;
}

/**
 * Runs a handed-off command to the end and replaces the "working on it" message with the answer
 * (or with a plain failure message: the user never waits on silence).
 */
export async function runWorkerJob(job: WorkerJob, deps: WorkerDeps, deadlineMs: number): Promise<{ delivered: true }> {
  const message = await completeCommand(job, deps, { deadlineMs, reference: job.reference });
  await (deps.post ?? postToResponseUrl)(job.responseUrl, { ...message, replace_original: true });
  return { delivered: true };
}
