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

const isIdList = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/** A job's `scopeLimit`, when it has one, is lists of strings: anything else is not a job of ours. */
function isScopeLimit(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'object' || value === null) return false;
  const limit = value as Record<string, unknown>;
  return isIdList(limit.accounts) && isIdList(limit.regions);
}

export function isWorkerJob(value: unknown): value is WorkerJob {
  if (typeof value !== 'object' || value === null) return false;
  const job = value as Record<string, unknown>;
  if (!isScopeLimit(job.scopeLimit)) return false;
  const action = job.action as Record<string, unknown> | undefined;
  if (action !== undefined && (typeof action?.id !== 'string' || typeof action.value !== 'string')) return false;
  return ['command', 'text', 'responseUrl', 'userId', 'channelId', 'teamId', 'reference'].every(
    (key) => typeof job[key] === 'string',
  );
}
