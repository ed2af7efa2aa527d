import { type CommandDeps, type CommandInput, type CommandPlan, planCommand, type RunContext } from './commands.ts';
import { errorMessage } from './error-message.ts';
import { asError, isExposed } from './errors.ts';
import { ephemeral, type SlackMessage, safeMessage } from './slack-message.ts';

export interface AnswerDeps extends CommandDeps {
  /** Hands the command to the worker, which answers through `response_url`. */
  dispatch: (input: CommandInput) => Promise<void>;
  /** How long the ack may wait for a data source before handing off (Slack allows 3 s in all). */
  ackBudgetMs: number;
  /** Logs an error the user only sees as a reference. */
  reportError: (error: Error, reference: string) => void;
}

type Outcome = { done: true; message: SlackMessage; outcome: AckOutcome } | { done: false };

/** What became of a command in the ack, for the audit log. */
export type AckOutcome = 'answered' | 'refused-input' | 'failed' | 'handed-off' | 'hand-off-failed';

export interface Answer {
  message: SlackMessage;
  outcome: AckOutcome;
}

/**
 * The body of the 3-second ack. Help and bad input answer at once; data-source work answers in
 * the ack when it finishes within the budget, otherwise it is aborted and handed to the worker.
 */
export async function answerCommand(input: CommandInput, deps: AnswerDeps, reference: string): Promise<Answer> {
  const answer = await answerUnguarded(input, deps, reference);
  return { ...answer, message: safeMessage(answer.message) };
}

async function answerUnguarded(input: CommandInput, deps: AnswerDeps, reference: string): Promise<Answer> {
  let plan: CommandPlan;
  try {
    plan = planCommand(input, deps);
  } catch (e) {
    return failed(asError(e), deps, reference);
  }
  if (plan.kind === 'reply') return { message: plan.message, outcome: 'answered' };
  // A budget of 0 sends all data-source work to the worker.
  if (deps.ackBudgetMs <= 0 || plan.workerOnly) return handOff(input, plan.working, deps, reference);

  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race<Outcome>([
    plan.run(deps, controller.signal).then(
      (message): Outcome => ({ done: true, message, outcome: 'answered' }),
      // Once aborted, the work's own rejection is expected and no longer anyone's answer.
      (e: unknown): Outcome =>
        controller.signal.aborted ? { done: false } : { done: true, ...failed(asError(e), deps, reference) },
    ),
    new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ done: false }), deps.ackBudgetMs);
    }),
  ]);
  clearTimeout(timer);
  if (outcome.done) return { message: outcome.message, outcome: outcome.outcome };

  controller.abort();
  return handOff(input, plan.working, deps, reference);
}

async function handOff(
  input: CommandInput,
  working: SlackMessage,
  deps: AnswerDeps,
  reference: string,
): Promise<Answer> {
  try {
    await deps.dispatch(input);
  } catch (e) {
    deps.reportError(asError(e), reference);
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

/** The worker's side: the whole answer, however long it takes, within `deadlineMs`. */
export async function completeCommand(
  input: CommandInput,
  deps: CommandDeps & Pick<AnswerDeps, 'reportError'>,
  options: { deadlineMs: number; reference: string; progress?: RunContext['progress'] },
): Promise<SlackMessage> {
  return completeWork(
    async (signal) => {
      const plan = planCommand(input, deps);
      if (plan.kind === 'reply') return plan.message;
      return plan.run(deps, signal, {
        ...(input.channelId ? { channelId: input.channelId } : {}),
        ...(options.progress ? { progress: guardedProgress(options.progress) } : {}),
      });
    },
    deps,
    options,
  );
}

/**
 * Runs work under a deadline and turns every failure into a message: a timeout says so, an
 * exposed error is shown, anything else is logged and shown as a reference.
 */
export async function completeWork(
  work: (signal: AbortSignal) => Promise<SlackMessage>,
  deps: Pick<AnswerDeps, 'reportError'>,
  options: { deadlineMs: number; reference: string },
): Promise<SlackMessage> {
  return safeMessage(await completeUnguarded(work, deps, options));
}

async function completeUnguarded(
  work: (signal: AbortSignal) => Promise<SlackMessage>,
  deps: Pick<AnswerDeps, 'reportError'>,
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
    return failure(asError(e), deps, options.reference);
  }
}

/** A failed command's answer, and whether the user was told why (exposed) or given a reference. */
function failed(error: Error, deps: Pick<AnswerDeps, 'reportError'>, reference: string): Answer {
  return { message: failure(error, deps, reference), outcome: isExposed(error) ? 'refused-input' : 'failed' };
}

function failure(error: Error, deps: Pick<AnswerDeps, 'reportError'>, reference: string): SlackMessage {
  if (!isExposed(error)) deps.reportError(error, reference);
  return errorMessage(error, reference);
}
