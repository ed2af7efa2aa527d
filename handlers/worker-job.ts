import type { CommandInput } from './command.ts';

/** What the slack function hands the worker: enough to run and answer the command, nothing secret. */
export interface WorkerJob extends CommandInput {
  responseUrl: string;
  userId: string;
  channelId: string;
  teamId: string;
  /** Ties the worker's log lines to the slack function's. */
  reference: string;
  /** A button on a bot message rather than a command: its action id, value and the message's thread. */
  action?: { id: string; value: string; threadTs?: string };
}

export function isWorkerJob(value: unknown): value is WorkerJob {
  if (typeof value !== 'object' || value === null) return false;
  const job = value as Record<string, unknown>;
  const action = job.action as Record<string, unknown> | undefined;
  if (action !== undefined && (typeof action?.id !== 'string' || typeof action.value !== 'string')) return false;
  return ['command', 'text', 'responseUrl', 'userId', 'channelId', 'teamId', 'reference'].every(
    (key) => typeof job[key] === 'string',
  );
}
