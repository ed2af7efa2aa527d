/**
 * A command's life from the ack to the answer: Slack's 3-second ack and its budget, the hand-off to
 * the worker, the worker's deadline, the `response_url` post budget, and which message goes where.
 * infra/ only adapts it (Bolt, Lambda, Slack HTTP).
 */
import {
  type Button,
  type ButtonPress,
  type CommandPlan,
  type CommandRequest,
  type RunContext,
  reachOf,
  type Settings,
} from './command.ts';
import { readCommandRequest } from './command-request.ts';
import { planRequest } from './dispatch.ts';
import { errorMessage } from './error-message.ts';
import { asError, isExposed } from './errors.ts';
import { loadPorts, type PortLoaders } from './ports.ts';
import { REGISTRY, type Registry } from './registry.ts';
import type { ScopeLimit } from './scope.ts';
import { ephemeral, inlineCode, type SlackMessage, safeMessage } from './slack-message.ts';
import type { WorkerJob } from './worker-job.ts';

/**
 * Slack accepts five posts per `response_url` within 30 minutes. Progress may use two; the answer
 * keeps three, for its post and up to two retries of it.
 */
export const MAX_PROGRESS_POSTS = 2;
export const ANSWER_ATTEMPTS = 3;
/** Kept back from the worker's Lambda timeout to post the answer (or the failure) to Slack. */
export const WORKER_POST_RESERVE_MS = 5000;

/** What commands run with: the settings, and how to load the ports each command names. */
export interface CommandRuntime extends Settings {
  /** The deployment's own Region's ports. */
  ports: PortLoaders;
  /**
   * Another Region's ports (each Region its own SDK clients, never a shared one reconfigured); a
   * runtime without it reads only its own Region.
   */
  portsIn?: (region: string) => PortLoaders;
  /** Logs an error the user only sees as a reference. */
  reportError: (error: Error, reference: string) => void;
  /** Structured logs a command may write (what `/cw logs` really read); absent in tests that do not look. */
  logger?: {
    info(message: string, ...extra: Record<string, unknown>[]): void;
    warn(message: string, ...extra: Record<string, unknown>[]): void;
  };
  registry?: Registry;
}

export interface AckRuntime extends CommandRuntime {
  /** Hands the command to the worker, which answers through `response_url`. */
  dispatch: (request: CommandRequest) => Promise<void>;
  /** How long the ack may wait for a data source before handing off (Slack allows 3 s in all). */
  ackBudgetMs: number;
}

type Outcome = { done: true; message: SlackMessage; outcome: AckOutcome } | { done: false };

/** What became of a command in the ack, for the audit log. */
export type AckOutcome = 'answered' | 'refused-input' | 'failed' | 'handed-off' | 'hand-off-failed';

export interface Answer {
  message: SlackMessage;
  outcome: AckOutcome;
}

/**
 * The ports and the Region a plan's work runs with: the Region the plan decided (handlers/scope.ts),
 * else the deployment's own.
 */
export function workRuntime(runtime: CommandRuntime, plan: CommandPlan): { region: string; loaders: PortLoaders } {
  const region = (plan.kind === 'work' ? plan.scope?.region : undefined) ?? runtime.region;
  if (region === runtime.region) return { region, loaders: runtime.ports };
  if (!runtime.portsIn) throw new Error(`This runtime has no data source for ${region}`);
  return { region, loaders: runtime.portsIn(region) };
}

/**
 * The body of the 3-second ack. Help and bad input answer at once; data-source work answers in
 * the ack when it finishes within the budget (with only the ports its command may use there),
 * otherwise it is aborted and handed to the worker.
 */
export async function answerCommand(request: CommandRequest, runtime: AckRuntime, reference: string): Promise<Answer> {
  const answer = await answerUnguarded(request, runtime, reference);
  return { ...answer, message: safeMessage(answer.message) };
}

async function answerUnguarded(request: CommandRequest, runtime: AckRuntime, reference: string): Promise<Answer> {
  let plan: CommandPlan;
  try {
    plan = planRequest(request, runtime, runtime.registry);
  } catch (e) {
    return failed(asError(e), runtime, reference);
  }
  if (plan.kind === 'reply') return { message: plan.message, outcome: 'answered' };
  const ack = request.spec?.ack;
  // A budget of 0 sends all data-source work to the worker.
  if (runtime.ackBudgetMs <= 0 || !plan.mayAnswerInAck || !ack)
    return handOff(request, plan.working, runtime, reference);

  let scoped: ReturnType<typeof workRuntime>;
  try {
    scoped = workRuntime(runtime, plan);
  } catch (e) {
    return failed(asError(e), runtime, reference);
  }
  const { region, loaders } = scoped;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const work = async () =>
    plan.run({ ...runtime, region, ...(await loadPorts(loaders, ack.needs)) }, { signal: controller.signal });
  const outcome = await Promise.race<Outcome>([
    work().then(
      (message): Outcome => ({ done: true, message, outcome: 'answered' }),
      // Once aborted, the work's own rejection is expected and no longer anyone's answer.
      (e: unknown): Outcome =>
        controller.signal.aborted ? { done: false } : { done: true, ...failed(asError(e), runtime, reference) },
    ),
    new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ done: false }), runtime.ackBudgetMs);
    }),
  ]);
  clearTimeout(timer);
  if (outcome.done) return { message: outcome.message, outcome: outcome.outcome };

  controller.abort();
  return handOff(request, plan.working, runtime, reference);
}

async function handOff(
  request: CommandRequest,
  working: SlackMessage,
  runtime: AckRuntime,
  reference: string,
): Promise<Answer> {
  try {
    await runtime.dispatch(request);
  } catch (e) {
    runtime.reportError(asError(e), reference);
    const message = ephemeral(
      `:x: This is taking longer than Slack lets me wait, and I could not hand it to the worker. Try again; reference \`${reference}\`.`,
    );
    return { message, outcome: 'hand-off-failed' };
  }
  return { message: working, outcome: 'handed-off' };
}

/** Progress replaces the "working on it" message, so it passes the same escaping guard as the answer. */
const guardedProgress =
  (progress: NonNullable<RunContext['progress']>): NonNullable<RunContext['progress']> =>
  (message) =>
    progress(safeMessage(message));

/** The worker's side: the whole answer, however long it takes, within `deadlineMs`, with every port the command needs. */
export async function completeCommand(
  request: CommandRequest,
  runtime: CommandRuntime,
  options: { deadlineMs: number; reference: string; progress?: RunContext['progress'] },
): Promise<SlackMessage> {
  return completeWork(
    async (signal) => {
      const plan = planRequest(request, runtime, runtime.registry);
      if (plan.kind === 'reply') return plan.message;
      const { region, loaders } = workRuntime(runtime, plan);
      const ports = await loadPorts(loaders, request.spec?.needs ?? []);
      return plan.run(
        { ...runtime, region, ...ports },
        {
          signal,
          ...(request.channelId ? { channelId: request.channelId } : {}),
          ...(options.progress ? { progress: guardedProgress(options.progress) } : {}),
        },
      );
    },
    runtime,
    options,
  );
}

/** A button press in the worker: its own ports, its answer only to the person who pressed. */
export async function pressButton(
  buttons: readonly Button[],
  actionId: string,
  press: ButtonPress,
  runtime: CommandRuntime,
  context: RunContext,
): Promise<SlackMessage> {
  const button = buttons.find((b) => b.actionId === actionId);
  if (!button || !('press' in button)) return ephemeral(`:warning: I do not know the button ${inlineCode(actionId)}.`);
  const place = button.placeOf?.(press.value);
  const region = place?.region ?? runtime.region;
  const refused = placeRefusal(region, place?.accountId, runtime, press.scopeLimit);
  if (refused) return ephemeral(`:no_entry: ${refused}`);
  const loaders = region === runtime.region ? runtime.ports : runtime.portsIn?.(region);
  if (!loaders) return ephemeral(`:no_entry: I cannot read ${inlineCode(region)} from here.`);
  const ports = await loadPorts(loaders, button.needs);
  return safeMessage(await button.press(press, { ...runtime, region, ...ports }, context));
}

/** Why a press may not read where its value points (the deployment's Regions, the channel's limit). */
function placeRefusal(
  region: string,
  accountId: string | undefined,
  runtime: CommandRuntime,
  limit: ScopeLimit | undefined,
): string | undefined {
  const reach = reachOf(runtime);
  if (!reach.regionsAllowed.includes(region)) {
    return (
      `This is in ${inlineCode(region)}, a Region this bot does not read: its Regions are ` +
      `${reach.regionsAllowed.map(inlineCode).join(', ')} (\`REGIONS_ALLOWED\`).`
    );
  }
  if (limit?.regions && !limit.regions.includes(region)) {
    return `This is in ${inlineCode(region)}, which this channel may not read (the access policy limits it to ${limit.regions.map(inlineCode).join(', ')}).`;
  }
  if (limit?.accounts && accountId !== undefined && !limit.accounts.includes(accountId)) {
    return `This is in account ${inlineCode(accountId)}, which this channel may not read (the access policy limits it).`;
  }
  return undefined;
}

/**
 * Runs work under a deadline and turns every failure into a message: a timeout says so, an
 * exposed error is shown, anything else is logged and shown as a reference.
 */
export async function completeWork(
  work: (signal: AbortSignal) => Promise<SlackMessage>,
  runtime: Pick<CommandRuntime, 'reportError'>,
  options: { deadlineMs: number; reference: string },
): Promise<SlackMessage> {
  return safeMessage(await completeUnguarded(work, runtime, options));
}

async function completeUnguarded(
  work: (signal: AbortSignal) => Promise<SlackMessage>,
  runtime: Pick<CommandRuntime, 'reportError'>,
  options: { deadlineMs: number; reference: string },
): Promise<SlackMessage> {
  const signal = AbortSignal.timeout(Math.max(1, options.deadlineMs));
  // Not every call honours the signal (a file upload, say): the deadline wins the race regardless,
  // so the person always hears back before the Lambda is stopped.
  const deadline = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  try {
    return await Promise.race([work(signal), deadline]);
  } catch (e) {
    if (signal.aborted) {
      return ephemeral(
        `:hourglass: CloudWatch did not answer within ${Math.round(options.deadlineMs / 1000)} s. Try a shorter \`--since\` or fewer series.`,
      );
    }
    return failure(asError(e), runtime, options.reference);
  }
}

/** A failed command's answer, and whether the user was told why (exposed) or given a reference. */
function failed(error: Error, runtime: Pick<CommandRuntime, 'reportError'>, reference: string): Answer {
  return { message: failure(error, runtime, reference), outcome: isExposed(error) ? 'refused-input' : 'failed' };
}

function failure(error: Error, runtime: Pick<CommandRuntime, 'reportError'>, reference: string): SlackMessage {
  if (!isExposed(error)) runtime.reportError(error, reference);
  return errorMessage(error, reference);
}

/** Posts to a command's `response_url` (infra/slack/response-url.ts), retrying up to `attempts` times. */
export type ResponsePoster = (
  url: string,
  message: SlackMessage & { replace_original?: boolean },
  options: { attempts: number },
) => Promise<void>;

export interface WorkerRuntime extends CommandRuntime {
  post: ResponsePoster;
}

/**
 * Runs a handed-off command (or a button press) to the end and replaces the "working on it" message
 * with the answer, or with a plain failure message: the user never waits on silence.
 *
 * @example
 * ```ts
 * // functions/worker.ts, per invocation:
 * await runWorkerJob(job, { ...settings, ports, reportError, post: postToResponseUrl }, remainingMs - WORKER_POST_RESERVE_MS);
 * ```
 */
export async function runWorkerJob(
  job: WorkerJob,
  runtime: WorkerRuntime,
  deadlineMs: number,
): Promise<{ delivered: true }> {
  const registry = runtime.registry ?? REGISTRY;
  let progressPosts = 0;
  const progress = async (update: SlackMessage) => {
    if (progressPosts >= MAX_PROGRESS_POSTS) return;
    progressPosts++;
    // Progress is best effort: a failed update must not fail the command, and is not retried.
    await runtime.post(job.responseUrl, { ...update, replace_original: true }, { attempts: 1 }).catch(() => undefined);
  };
  const { action } = job;
  // Whether the press itself answered: a failure or the deadline answers beside the message instead
  // of wiping out what a redraw button is on.
  let pressAnswered = false;
  const message = action
    ? await completeWork(
        async (signal) => {
          const answer = await pressButton(
            registry.buttons,
            action.id,
            {
              value: action.value,
              channelId: job.channelId,
              ...(action.threadTs ? { threadTs: action.threadTs } : {}),
              ...(job.scopeLimit ? { scopeLimit: job.scopeLimit } : {}),
            },
            runtime,
            // No progress: it would replace the message the button is on.
            { signal, channelId: job.channelId },
          );
          pressAnswered = !signal.aborted;
          return answer;
        },
        runtime,
        { deadlineMs, reference: job.reference },
      )
    : await completeCommand(readCommandRequest(job, registry), runtime, {
        deadlineMs,
        reference: job.reference,
        progress,
      });
  // A command's answer replaces its "working on it", and so does a button that redraws its message
  // (a range button); a button on an alarm message answers beside it, only to the person who pressed,
  // and leaves the alarm message alone.
  const pressed = action ? registry.buttons.find((b) => b.actionId === action.id) : undefined;
  const redraws =
    !action || (pressAnswered && pressed !== undefined && 'press' in pressed && pressed.answer === 'replace');
  await runtime.post(
    job.responseUrl,
    redraws
      ? { ...message, replace_original: true }
      : { ...message, response_type: 'ephemeral', replace_original: false },
    { attempts: ANSWER_ATTEMPTS },
  );
  return { delivered: true };
}
