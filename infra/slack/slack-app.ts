import { randomUUID } from 'node:crypto';
import {
  type AllMiddlewareArgs,
  App,
  AwsLambdaReceiver,
  type BlockAction,
  type SlackActionMiddlewareArgs,
  type SlackCommandMiddlewareArgs,
} from '@slack/bolt';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { type AccessDecision, type AccessPolicy, decideAccess } from '../../handlers/access-policy.ts';
import { readCommandRequest } from '../../handlers/command-request.ts';
import { type AckRuntime, answerCommand } from '../../handlers/lifecycle.ts';
import { REGISTRY, slashCommandNames } from '../../handlers/registry.ts';
import { ephemeral } from '../../handlers/slack-message.ts';
import type { WorkerJob } from '../../handlers/worker-job.ts';
import { type AppLogger, toBoltLogger } from './bolt-logger.ts';

export interface SlackAppOptions {
  signingSecret: string;
  botToken: string | undefined;
  slackApiUrl: string;
  runtime: Omit<AckRuntime, 'dispatch'>;
  dispatchJob: (job: WorkerJob) => Promise<void>;
  logger: AppLogger;
  /** Who may run what; without one (local runs) everything is allowed. */
  policy?: AccessPolicy;
}

export type SlackLambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

interface Who {
  teamId: string | undefined;
  channelId: string | undefined;
  userId: string | undefined;
}

/**
 * One line per request for the audit trail: who, where, what (the command and its first words,
 * never the rest of the text, which may hold anything) and what became of it.
 */
function audit(logger: AppLogger, entry: Who & { what: string; outcome: string; reference: string }): void {
  logger.info('audit', { audit: true, ...entry });
}

function check(
  options: Pick<SlackAppOptions, 'policy' | 'runtime'>,
  who: Who,
  words: readonly string[],
): AccessDecision {
  const { policy } = options;
  return policy
    ? decideAccess(policy, { ...who, words }, options.runtime.accounts ?? [])
    : ({ allowed: true, rule: 'no policy' } as const);
}

/** The channel's account and Region limit, for the request and the worker's job. */
const limitOf = (decision: AccessDecision) =>
  decision.allowed && decision.limit ? { scopeLimit: decision.limit } : {};

const referenceOf = (context: AllMiddlewareArgs['context']) =>
  typeof context.requestId === 'string' ? context.requestId : randomUUID();

/**
 * One listener for every command: check the policy, then answer in the ack when it is quick, else
 * hand the command to the worker (which replies through `response_url`) and ack "working on it".
 */
export function commandListener(options: Pick<SlackAppOptions, 'runtime' | 'dispatchJob' | 'logger' | 'policy'>) {
  const registry = options.runtime.registry ?? REGISTRY;
  return async function commandListenerCallback({
    command,
    ack,
    context,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
    const reference = referenceOf(context);
    const who = { teamId: command.team_id, channelId: command.channel_id, userId: command.user_id };
    // Read once: the policy, the audit line, the ack and the worker's job all use this reading.
    const request = readCommandRequest({ command: command.command, text: command.text ?? '', ...who }, registry);
    const what = request.path.join(' ');
    const decision = check(options, who, request.path);
    if (!decision.allowed) {
      if (decision.log) options.logger.warn(decision.log, { teamId: who.teamId, reference });
      audit(options.logger, { ...who, what, outcome: 'refused-by-policy', reference });
      await ack(ephemeral(`:no_entry: ${decision.reason}`));
      return;
    }
    // The plan enforces the channel's accounts and Regions, here in the ack and again in the worker.
    const { message, outcome } = await answerCommand(
      { ...request, ...limitOf(decision) },
      {
        ...options.runtime,
        dispatch: () =>
          options.dispatchJob({
            command: command.command,
            text: command.text ?? '',
            responseUrl: command.response_url,
            userId: command.user_id,
            channelId: command.channel_id,
            teamId: command.team_id,
            reference,
            ...limitOf(decision),
          }),
      },
      reference,
    );
    audit(options.logger, { ...who, what, outcome, reference });
    await ack(message);
  };
}

/**
 * Buttons on bot messages. A metrics Graph button runs its `/cw` text again; an alarm button carries
 * an AlarmActionValue and the message's thread. Either way the worker does the work, after the
 * same policy check as a command.
 */
export function buttonListener(options: Pick<SlackAppOptions, 'runtime' | 'dispatchJob' | 'logger' | 'policy'>) {
  const registry = options.runtime.registry ?? REGISTRY;
  return async function buttonListenerCallback({
    ack,
    action,
    body,
    context,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> {
    await ack();
    const reference = referenceOf(context);
    const who = { teamId: body.team?.id ?? body.user.team_id, channelId: body.channel?.id, userId: body.user.id };
    const value = action.type === 'button' ? action.value : undefined;
    const button = registry.buttons.find((b) => b.actionId === action.action_id);
    // A button that runs a command again is checked as that command; one with its own press, by its rule.
    const rerun = !button || 'rerun' in button;
    const words = rerun
      ? readCommandRequest({ command: button?.rerun ?? '/cw', text: value ?? '' }, registry).path
      : button.path;
    const what = `${words.join(' ')} (button ${action.action_id})`;
    const decision = check(options, who, words);
    if (!decision.allowed) {
      if (decision.log) options.logger.warn(decision.log, { teamId: who.teamId, reference });
      audit(options.logger, { ...who, what, outcome: 'refused-by-policy', reference });
      await respond({ response_type: 'ephemeral', replace_original: false, text: `:no_entry: ${decision.reason}` });
      return;
    }
    if (!value || !body.response_url || !body.channel?.id) {
      // Only a hand-built request lacks these; Slack always sends them for a button on a message.
      audit(options.logger, { ...who, what, outcome: 'malformed', reference });
      return;
    }
    const container = body.container as { message_ts?: string; thread_ts?: string } | undefined;
    const threadTs = container?.thread_ts ?? container?.message_ts;
    try {
      await options.dispatchJob({
        command: button && 'rerun' in button ? button.rerun : '/cw',
        text: rerun ? value : '',
        responseUrl: body.response_url,
        userId: body.user.id,
        channelId: body.channel.id,
        teamId: who.teamId ?? '',
        reference,
        ...limitOf(decision),
        ...(rerun ? {} : { action: { id: action.action_id, value, ...(threadTs ? { threadTs } : {}) } }),
      });
    } catch (error) {
      audit(options.logger, { ...who, what, outcome: 'hand-off-failed', reference });
      options.runtime.reportError(error instanceof Error ? error : new Error(String(error)), reference);
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: `:x: I could not start that. Try again; if it keeps failing, ask the bot's owners about reference \`${reference}\`.`,
      });
      return;
    }
    audit(options.logger, { ...who, what, outcome: 'handed-off', reference });
  };
}

/** Bolt on API Gateway: the receiver verifies the signature, the listeners answer within 3 s. */
export function createSlackApp(options: SlackAppOptions): SlackLambdaHandler {
  const logger = toBoltLogger(options.logger);
  const receiver = new AwsLambdaReceiver({
    signingSecret: options.signingSecret,
    logger,
    customPropertiesExtractor: (event) => ({ requestId: String(event.requestContext?.requestId ?? randomUUID()) }),
  });
  const botToken = options.botToken;
  const app = new App({
    receiver,
    logger,
    // Our own authorize skips Bolt's auth.test: no Slack round-trip inside the 3-second ack, and
    // commands work locally with no token at all.
    authorize: async () => (botToken ? { botToken } : {}),
    clientOptions: { slackApiUrl: options.slackApiUrl },
  });
  const registry = options.runtime.registry ?? REGISTRY;
  const commands = commandListener(options);
  for (const name of slashCommandNames(registry)) app.command(name, commands);
  const buttons = buttonListener(options);
  for (const { actionId } of registry.buttons) app.action<BlockAction>(actionId, buttons);
  app.error(async (error) => {
    options.logger.error('Unhandled error in a Slack listener', { error: error.message, code: error.code });
  });
  const handle = receiver.toHandler();
  return async (event, context) => (await handle(event as never, context)) as APIGatewayProxyResultV2;
}
