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
import { ALARM_ACTIONS } from '../../handlers/alarms/buttons.ts';
import { type AnswerDeps, answerCommand } from '../../handlers/answer-command.ts';
import { GRAPH_ACTION } from '../../handlers/metrics/render-metrics.ts';
import type { WorkerJob } from '../worker-job.ts';
import { type AppLogger, toBoltLogger } from './bolt-logger.ts';

export interface SlackAppOptions {
  signingSecret: string;
  botToken: string | undefined;
  slackApiUrl: string;
  deps: Omit<AnswerDeps, 'dispatch'>;
  dispatchJob: (job: WorkerJob) => Promise<void>;
  logger: AppLogger;
}

export type SlackLambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

/** The commands this app answers; the Slack app manifest declares the same. */
export const SLASH_COMMANDS = ['/cw', '/dbadvice'] as const;

/**
 * One listener for every command: answer in the ack when it is quick, else hand the command to
 * the worker (which replies through `response_url`) and ack "working on it".
 */
export function commandListener(options: Pick<SlackAppOptions, 'deps' | 'dispatchJob'>) {
  return async function commandListenerCallback({
    command,
    ack,
    context,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
    const reference = typeof context.requestId === 'string' ? context.requestId : randomUUID();
    const message = await answerCommand(
      {
        command: command.command,
        text: command.text ?? '',
        userId: command.user_id,
        channelId: command.channel_id,
        teamId: command.team_id,
      },
      {
        ...options.deps,
        dispatch: (input) =>
          options.dispatchJob({
            ...input,
            responseUrl: command.response_url,
            userId: command.user_id,
            channelId: command.channel_id,
            teamId: command.team_id,
            reference,
          }),
      },
      reference,
    );
    await ack(message);
  };
}

/**
 * Buttons that run a `/cw` command again (their value is the command text): the job goes to the
 * worker, which replaces the message the button was on.
 */
export const COMMAND_BUTTONS = [GRAPH_ACTION] as const;

export function commandButtonListener(options: Pick<SlackAppOptions, 'dispatchJob' | 'logger'>) {
  return async function commandButtonListenerCallback({
    ack,
    action,
    body,
    context,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> {
    const reference = typeof context.requestId === 'string' ? context.requestId : randomUUID();
    const text = action.type === 'button' ? action.value : undefined;
    if (text && body.response_url && body.channel?.id) {
      await options.dispatchJob({
        command: '/cw',
        text,
        responseUrl: body.response_url,
        userId: body.user.id,
        channelId: body.channel.id,
        teamId: body.team?.id ?? '',
        reference,
      });
    } else {
      options.logger.warn('A button arrived without what it needs', { reference, actionId: action.action_id });
    }
    await ack();
  };
}

/**
 * The alarm message's buttons: the value (an AlarmActionValue) and the message's thread go to the
 * worker, which posts the graph in the thread or the logs to the person who pressed.
 */
export function alarmButtonListener(options: Pick<SlackAppOptions, 'dispatchJob' | 'logger'>) {
  return async function alarmButtonListenerCallback({
    ack,
    action,
    body,
    context,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> {
    const reference = typeof context.requestId === 'string' ? context.requestId : randomUUID();
    const value = action.type === 'button' ? action.value : undefined;
    const container = body.container as { message_ts?: string; thread_ts?: string } | undefined;
    const threadTs = container?.thread_ts ?? container?.message_ts;
    if (value && body.response_url && body.channel?.id) {
      await options.dispatchJob({
        command: '/cw',
        text: '',
        responseUrl: body.response_url,
        userId: body.user.id,
        channelId: body.channel.id,
        teamId: body.team?.id ?? '',
        reference,
        action: { id: action.action_id, value, ...(threadTs ? { threadTs } : {}) },
      });
    } else {
      options.logger.warn('An alarm button arrived without what it needs', { reference, actionId: action.action_id });
    }
    await ack();
  };
}

/** Bolt on API Gateway: the receiver verifies the signature, the listener answers within 3 s. */
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
  const listener = commandListener(options);
  for (const name of SLASH_COMMANDS) app.command(name, listener);
  const buttons = commandButtonListener(options);
  for (const actionId of COMMAND_BUTTONS) app.action<BlockAction>(actionId, buttons);
  const alarmButtons = alarmButtonListener(options);
  for (const actionId of Object.values(ALARM_ACTIONS)) app.action<BlockAction>(actionId, alarmButtons);
  app.error(async (error) => {
    options.logger.error('Unhandled error in a Slack listener', { error: error.message, code: error.code });
  });
  const handle = receiver.toHandler();
  return async (event, context) => (await handle(event as never, context)) as APIGatewayProxyResultV2;
}
