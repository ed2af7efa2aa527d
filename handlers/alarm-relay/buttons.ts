/**
 * The alarm message's buttons, both halves: what the relay renders on the message (the value each
 * button carries) and what a press does, in the worker. The registry lists {@link ALARM_BUTTONS}.
 */
import type { ActionsBlock, Button } from '@slack/types';
import { type ButtonPress, type CommandDeps, defineButton, type RunContext } from '../command.ts';
import { runLogsQuery } from '../cw/logs/run-logs.ts';
import { asError, isExposed } from '../errors.ts';
import { ephemeral, escapeMrkdwn, inlineCode, type SlackMessage } from '../slack-message.ts';
import type { AlarmChange } from './alarm-event.ts';
import { alarmGraphRequest, type GraphExpression, type GraphMetric, graphSource } from './alarm-graph.ts';
import type { RouteDecision } from './routes.ts';

/** The `action_id`s of the alarm message's buttons; the registry's {@link ALARM_BUTTONS} answers each. */
export const ALARM_ACTIONS = { graph: 'alarm_graph', logs: 'alarm_logs' } as const;

/** Slack's limit on a button's `value`. */
export const BUTTON_VALUE_MAX = 2000;

/**
 * What a button handler needs, carried in the button's `value` as JSON so no lookup is needed when
 * someone clicks (the alarm may have changed or been deleted since).
 */
export interface AlarmActionValue {
  v: 1;
  alarmArn: string;
  alarmName: string;
  account: string;
  region: string;
  /** ISO 8601 time of the state change the message shows. */
  changedAt: string;
  state: string;
  /** The route that sent the alarm here (its `logGroups` can be looked up again if they were cut). */
  route?: string;
  /** With the alarm's own ids and `returnData`, so the graph draws what the alarm's expressions name. */
  metrics?: GraphMetric[];
  expressions?: GraphExpression[];
  /** The alarm's threshold, drawn on the graph. */
  threshold?: number;
  logGroups?: string[];
}

/** Builds the value, dropping the optional parts (log groups, then expressions, then metrics) until it fits. */
export function encodeAlarmAction(change: AlarmChange, route: RouteDecision): string {
  const value: AlarmActionValue = {
    v: 1,
    alarmArn: change.alarmArn,
    alarmName: change.alarmName,
    account: change.account,
    region: change.region,
    changedAt: change.state.timestamp.toISOString(),
    state: change.state.value,
    route: route.routeName,
    ...graphSource(change),
    logGroups: route.logGroups.length > 0 ? route.logGroups : undefined,
  };
  for (const drop of [undefined, 'logGroups', 'expressions', 'metrics'] as const) {
    if (drop) delete value[drop];
    const json = JSON.stringify(value);
    if (json.length <= BUTTON_VALUE_MAX) return json;
  }
  // An alarm name is at most 255 characters, so this cut is a guard, not an expected path.
  return JSON.stringify({ v: 1, alarmArn: change.alarmArn.slice(0, 1500), region: change.region });
}

/** For the button handlers: the value back, or `undefined` when it is not ours. */
export function decodeAlarmAction(value: string | undefined): AlarmActionValue | undefined {
  try {
    const parsed: unknown = JSON.parse(value ?? '');
    const v = parsed as Partial<AlarmActionValue>;
    return v && v.v === 1 && typeof v.alarmArn === 'string' && typeof v.region === 'string'
      ? (parsed as AlarmActionValue)
      : undefined;
  } catch {
    return undefined;
  }
}

/** "Graph" when the alarm has a metric or an expression to draw; "Logs around this time" when the route names log groups. */
export function alarmActions(change: AlarmChange, route: RouteDecision): ActionsBlock | undefined {
  const value = encodeAlarmAction(change, route);
  const buttons: Button[] = [];
  if (change.kind === 'metric' || change.kind === 'math' || change.kind === 'anomaly') {
    buttons.push({
      type: 'button',
      action_id: ALARM_ACTIONS.graph,
      text: { type: 'plain_text', text: 'Graph' },
      value,
    });
  }
  if (route.logGroups.length > 0) {
    buttons.push({
      type: 'button',
      action_id: ALARM_ACTIONS.logs,
      text: { type: 'plain_text', text: 'Logs around this time' },
      value,
    });
  }
  return buttons.length > 0 ? { type: 'actions', block_id: 'alarm_actions', elements: buttons } : undefined;
}

/** The "Graph" button shows a wider window than the graph posted with the alarm. */
const BUTTON_GRAPH_WINDOW = { beforeMinutes: 180, afterMinutes: 60 };
/** "Logs around this time": errors from 15 minutes before the change to 5 minutes after. */
const LOGS_BEFORE_MS = 15 * 60_000;
const LOGS_AFTER_MS = 5 * 60_000;
export const ERRORS_QUERY =
  'fields @timestamp, @message, @logStream | filter @message like /(?i)(error|exception|fail|timed? ?out|panic)/ | sort @timestamp desc | limit 100';

const OLDER_BUTTON = ':warning: This button is from an older version of the bot; it carries nothing I can use.';

async function alarmGraph(
  place: ButtonPress,
  deps: CommandDeps<'images' | 'files'>,
  { signal }: RunContext,
): Promise<SlackMessage> {
  const value = decodeAlarmAction(place.value);
  if (!value) return ephemeral(OLDER_BUTTON);
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

async function alarmLogs(
  place: ButtonPress,
  deps: CommandDeps<'logs' | 'files'>,
  run: RunContext,
): Promise<SlackMessage> {
  const value = decodeAlarmAction(place.value);
  if (!value) return ephemeral(OLDER_BUTTON);
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

/**
 * The alarm message's buttons as the worker runs them: Graph under the metrics rule, Logs under the
 * logs rule. Every outcome is a message to the person who pressed.
 */
export const ALARM_BUTTONS = [
  defineButton({
    actionId: ALARM_ACTIONS.graph,
    path: ['/cw', 'metrics'],
    needs: ['images', 'files'],
    placeOf: alarmPlace,
    press: alarmGraph,
  }),
  defineButton({
    actionId: ALARM_ACTIONS.logs,
    path: ['/cw', 'logs'],
    needs: ['logs', 'files'],
    placeOf: alarmPlace,
    press: alarmLogs,
  }),
];

/** An alarm is read in its own Region (and account): the event's, which the button carries. */
function alarmPlace(value: string): { region: string; accountId?: string } | undefined {
  const decoded = decodeAlarmAction(value);
  if (!decoded) return undefined;
  return { region: decoded.region, ...(typeof decoded.account === 'string' ? { accountId: decoded.account } : {}) };
}
