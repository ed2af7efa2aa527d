import type { CommandDeps } from '../commands.ts';
import { type LogsRunContext, runLogsQuery } from '../cw/logs/run-logs.ts';
import { asError, isExposed } from '../errors.ts';
import { ephemeral, escapeMrkdwn, inlineCode, type SlackMessage, safeMessage } from '../slack-message.ts';
import { alarmGraphRequest } from './alarm-graph.ts';
import type { AlarmActionValue } from './buttons.ts';
import { ALARM_ACTIONS, decodeAlarmAction } from './buttons.ts';

/** Where a button was pressed: the message it was on, so a graph can go into that message's thread. */
export interface ButtonPlace {
  channelId: string;
  threadTs?: string;
}

/** The "Graph" button shows a wider window than the graph posted with the alarm. */
const BUTTON_GRAPH_WINDOW = { beforeMinutes: 180, afterMinutes: 60 };
/** "Logs around this time": errors from 15 minutes before the change to 5 minutes after. */
const LOGS_BEFORE_MS = 15 * 60_000;
const LOGS_AFTER_MS = 5 * 60_000;
export const ERRORS_QUERY =
  'fields @timestamp, @message, @logStream | filter @message like /(?i)(error|exception|fail|timed? ?out|panic)/ | sort @timestamp desc | limit 100';

/** The alarm message's buttons, run by the worker. Every outcome is a message to the person who pressed. */
export async function completeAlarmAction(
  actionId: string,
  rawValue: string,
  place: ButtonPlace,
  deps: CommandDeps,
  run: LogsRunContext,
): Promise<SlackMessage> {
  return safeMessage(await alarmActionMessage(actionId, rawValue, place, deps, run));
}

async function alarmActionMessage(
  actionId: string,
  rawValue: string,
  place: ButtonPlace,
  deps: CommandDeps,
  run: LogsRunContext,
): Promise<SlackMessage> {
  const value = decodeAlarmAction(rawValue);
  if (!value)
    return ephemeral(':warning: This button is from an older version of the bot; it carries nothing I can use.');
  if (actionId === ALARM_ACTIONS.graph) return alarmGraph(value, place, deps, run.signal);
  if (actionId === ALARM_ACTIONS.logs) return alarmLogs(value, deps, run);
  return ephemeral(`:warning: I do not know the button ${inlineCode(actionId)}.`);
}

async function alarmGraph(value: AlarmActionValue, place: ButtonPlace, deps: CommandDeps, signal?: AbortSignal) {
  const request = alarmGraphRequest(
    {
      alarmName: value.alarmName,
      metrics: value.metrics,
      expressions: value.expressions,
      changedAt: new Date(value.changedAt),
      state: value.state,
      ...(typeof value.threshold === 'number' ? { threshold: value.threshold } : {}),
    },
    deps.now(),
    BUTTON_GRAPH_WINDOW,
  );
  if (!request)
    return ephemeral(
      `:information_source: ${inlineCode(value.alarmName)} has no metric to draw (a composite alarm, or its metrics did not fit in the button).`,
    );
  if (!deps.files) return ephemeral(':warning: I have no Slack token to post files with.');
  try {
    const png = await deps.images.getMetricImage(request, signal ? { signal } : {});
    await deps.files.upload({
      channelId: place.channelId,
      ...(place.threadTs ? { threadTs: place.threadTs } : {}),
      filename: 'alarm.png',
      title: `${value.alarmName}: 3 h before the change`,
      content: png,
      altText: `Graph of ${value.alarmName} around ${value.changedAt}`,
    });
    return ephemeral(`:frame_with_picture: Posted the graph of ${inlineCode(value.alarmName)} in the thread.`);
  } catch (e) {
    const error = asError(e);
    if (isExposed(error)) return ephemeral(`:warning: The graph could not be posted: ${escapeMrkdwn(error.message)}`);
    const slackError = (error as { data?: { error?: unknown } }).data?.error;
    if (slackError === 'not_in_channel' || slackError === 'channel_not_found') {
      return ephemeral(
        ':warning: I could not post the graph here: I am not in this channel. Invite me (`/invite @` and my name), then press Graph again.',
      );
    }
    // Anything else may carry internals: the worker logs it and shows a generic message with a reference.
    throw error;
  }
}

async function alarmLogs(value: AlarmActionValue, deps: CommandDeps, run: LogsRunContext) {
  if (!value.logGroups?.length) {
    return ephemeral(
      `:information_source: The route for ${inlineCode(value.alarmName)} names no log groups I could carry in the button. Try \`/cw logs query <group> --from … --to …\`.`,
    );
  }
  const changedAt = new Date(value.changedAt).getTime();
  return runLogsQuery(
    deps,
    {
      logGroupNames: value.logGroups,
      range: {
        from: new Date(changedAt - LOGS_BEFORE_MS),
        to: new Date(Math.min(deps.now().getTime(), changedAt + LOGS_AFTER_MS)),
      },
      limit: undefined,
      queryString: ERRORS_QUERY,
    },
    run,
    `Errors around ${value.alarmName}`,
  );
}
