/**
 * The alarm message's buttons, both halves: what the relay renders on the message (the value each
 * button carries) and what a press does, in the worker. The registry lists {@link ALARM_BUTTONS}.
 */
import type { ActionsBlock, Button } from '@slack/types';
import { type ButtonPress, type CommandDeps, defineButton, type RunContext } from '../command.ts';
import { runLogsQuery } from '../cw/logs/run-logs.ts';
import { BUTTON_VALUE_MAX, RANGES, type Range, rangeActionId, rangeButtons } from '../cw/metrics/actions.ts';
import { removePicture } from '../cw/metrics/graph.ts';
import { choosePeriod } from '../cw/metrics/period.ts';
import { asError, isExposed } from '../errors.ts';
import type { ReportError } from '../failure-note.ts';
import type { MetricImageRequest } from '../ports.ts';
import { ACCOUNT_ID, REGION_CODE } from '../scope.ts';
import { ephemeral, escapeMrkdwn, inlineCode, type SlackMessage, section } from '../slack-message.ts';
import type { AlarmChange } from './alarm-event.ts';
import { alarmGraphRequest, type GraphExpression, type GraphMetric, graphSource } from './alarm-graph.ts';
import type { RouteDecision } from './routes.ts';

/** The `action_id`s of the alarm message's buttons; the registry's {@link ALARM_BUTTONS} answers each. */
export const ALARM_ACTIONS = { graph: 'alarm_graph', logs: 'alarm_logs' } as const;

export { BUTTON_VALUE_MAX };

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

/** The range buttons under an alarm's graph: `alarm_graph_range_1h` …, redrawn in the alarm's thread. */
export const ALARM_RANGE_PREFIX = 'alarm_graph_range';

/**
 * What an alarm graph's range buttons carry: the alarm's graph source (its metrics, expressions and
 * threshold, as the Graph button had them), the thread the graph is in, and the graph on show.
 */
export interface AlarmRangeValue {
  v: 1;
  alarmName: string;
  changedAt: string;
  state?: string;
  metrics?: GraphMetric[];
  expressions?: GraphExpression[];
  threshold?: number;
  /** The alarm message's thread, where the graph is (an ephemeral answer's own `ts` is no thread). */
  t?: string;
  /** The file id of the graph on show, removed once the redrawn one is posted. */
  f?: string;
  /** The alarm's Region (and account), so a redraw reads where the alarm is. */
  r?: string;
  a?: string;
}

export function decodeAlarmRange(raw: string): AlarmRangeValue | undefined {
  try {
    const v = JSON.parse(raw) as Partial<AlarmRangeValue> | null;
    if (v?.v !== 1 || typeof v.alarmName !== 'string' || typeof v.changedAt !== 'string') return undefined;
    if (Number.isNaN(Date.parse(v.changedAt))) return undefined;
    if (v.metrics !== undefined && !Array.isArray(v.metrics)) return undefined;
    if (v.expressions !== undefined && !Array.isArray(v.expressions)) return undefined;
    if (v.threshold !== undefined && typeof v.threshold !== 'number') return undefined;
    if (v.f !== undefined && (typeof v.f !== 'string' || !/^F[A-Z0-9]{1,30}$/.test(v.f))) return undefined;
    if (v.t !== undefined && (typeof v.t !== 'string' || !/^\d+\.\d+$/.test(v.t))) return undefined;
    if (v.r !== undefined && (typeof v.r !== 'string' || !REGION_CODE.test(v.r))) return undefined;
    if (v.a !== undefined && (typeof v.a !== 'string' || !ACCOUNT_ID.test(v.a))) return undefined;
    return v as AlarmRangeValue;
  } catch {
    return undefined;
  }
}

/** The answer beside the alarm: where the graph went, and the range buttons that redraw it there. */
function graphAnswer(text: string, value: AlarmRangeValue, currentSeconds?: number): SlackMessage {
  const buttons = rangeButtons(ALARM_RANGE_PREFIX, JSON.stringify(value), currentSeconds);
  return ephemeral(
    text,
    buttons.length > 0 ? [section(text), { type: 'actions', elements: buttons }] : [section(text)],
  );
}

/**
 * The alarm's graph over the last `range`, ending now, with its threshold line and, when it falls in
 * the range, the moment of the change; the period is the alarm's where it suits the range, else one
 * the period rules choose for it (retention and points).
 */
export function alarmRangeRequest(value: AlarmRangeValue, now: Date, range: Range): MetricImageRequest | undefined {
  const changedAt = new Date(value.changedAt);
  const start = now.getTime() - range.seconds * 1000;
  const request = alarmGraphRequest(
    {
      alarmName: value.alarmName,
      metrics: value.metrics,
      expressions: value.expressions,
      changedAt,
      ...(value.state ? { state: value.state } : {}),
      ...(typeof value.threshold === 'number' ? { threshold: value.threshold } : {}),
    },
    now,
    {
      beforeMinutes: (changedAt.getTime() - start) / 60_000,
      afterMinutes: (now.getTime() - changedAt.getTime()) / 60_000,
    },
  );
  if (!request) return undefined;
  const inRange = changedAt.getTime() >= start && changedAt.getTime() <= now.getTime();
  return {
    ...request,
    start: new Date(start),
    end: now,
    periodSeconds: choosePeriod(range.seconds, request.periodSeconds).periodSeconds,
    annotations: {
      ...(request.annotations?.horizontal ? { horizontal: request.annotations.horizontal } : {}),
      ...(inRange && request.annotations?.vertical ? { vertical: request.annotations.vertical } : {}),
    },
  };
}

/** Slack's refusal to post here, said as what to do; `undefined` for anything else. */
function notHere(error: Error): SlackMessage | undefined {
  if (isExposed(error)) return ephemeral(`:warning: The graph could not be posted: ${escapeMrkdwn(error.message)}`);
  const slackError = (error as { data?: { error?: unknown } }).data?.error;
  if (slackError === 'not_in_channel' || slackError === 'channel_not_found') {
    return ephemeral(
      ':warning: I could not post the graph here: I am not in this channel. Invite me (`/invite @` and my name), then press Graph again.',
    );
  }
  return undefined;
}

/**
 * Draws the alarm's graph and posts it in its thread, then answers with `answer`. Slack refusing to post there is
 * said as what to do; anything else may carry internals, so the worker logs it and shows a generic message.
 */
async function drawInThread(
  images: CommandDeps<'images'>['images'],
  files: NonNullable<CommandDeps<'files'>['files']>,
  where: {
    request: MetricImageRequest;
    channelId: string;
    threadTs: string | undefined;
    signal?: AbortSignal | undefined;
  },
  picture: { title: string; altText: string },
  answer: (upload: { fileId?: string }) => SlackMessage | Promise<SlackMessage>,
): Promise<SlackMessage> {
  try {
    const png = await images.getMetricImage(where.request, where.signal ? { signal: where.signal } : {});
    const upload = await files.upload({
      channelId: where.channelId,
      ...(where.threadTs ? { threadTs: where.threadTs } : {}),
      filename: 'alarm.png',
      title: picture.title,
      content: png,
      altText: picture.altText,
    });
    return await answer(upload);
  } catch (e) {
    const error = asError(e);
    const said = notHere(error);
    if (said) return said;
    throw error;
  }
}

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
  return drawInThread(
    deps.images,
    deps.files,
    { request, channelId: place.channelId, threadTs: place.threadTs, signal },
    {
      title: `${value.alarmName}: 3 h before the change`,
      altText: `Graph of ${value.alarmName} around ${value.changedAt}`,
    },
    (upload) =>
      graphAnswer(`:frame_with_picture: Posted the graph of ${inlineCode(value.alarmName)} in the thread.`, {
        v: 1,
        alarmName: value.alarmName,
        changedAt: value.changedAt,
        state: value.state,
        ...(value.metrics ? { metrics: value.metrics } : {}),
        ...(value.expressions ? { expressions: value.expressions } : {}),
        ...(typeof value.threshold === 'number' ? { threshold: value.threshold } : {}),
        ...(place.threadTs ? { t: place.threadTs } : {}),
        ...(upload.fileId ? { f: upload.fileId } : {}),
        r: value.region,
        ...(typeof value.account === 'string' && ACCOUNT_ID.test(value.account) ? { a: value.account } : {}),
      }),
  );
}

/**
 * A range button under an alarm's graph: the graph over the last `range`, threshold kept, posted in
 * the alarm's thread; the one it replaces is removed, and the answer (with the buttons, now carrying
 * the new graph) replaces the one they were on.
 */
async function redrawAlarm(
  range: Range,
  place: ButtonPress,
  deps: CommandDeps<'images' | 'files'>,
  { signal }: RunContext,
): Promise<SlackMessage> {
  const value = decodeAlarmRange(place.value);
  if (!value) return ephemeral(OLDER_BUTTON);
  const request = alarmRangeRequest(value, deps.now(), range);
  if (!request) return ephemeral(`:information_source: ${inlineCode(value.alarmName)} has no metric to draw.`);
  if (!deps.files) return ephemeral(':warning: I have no Slack token to post files with.');
  const files = deps.files;
  return drawInThread(
    deps.images,
    files,
    { request, channelId: place.channelId, threadTs: value.t, signal },
    {
      title: `${value.alarmName}: the last ${range.label}`,
      altText: `Graph of ${value.alarmName} over the last ${range.label}`,
    },
    async (upload) => {
      // The worker's runtime carries its error reporter beside the ports (CommandRuntime), untyped here.
      const report = (deps as { reportError?: ReportError }).reportError;
      const replaced = value.f ? await removePicture(files, value.f, report) : undefined;
      const { f: _shown, ...rest } = value;
      return graphAnswer(
        [
          `:frame_with_picture: Redrew ${inlineCode(value.alarmName)} over the last ${range.label} in the thread.`,
          replaced,
        ]
          .filter(Boolean)
          .join('\n'),
        { ...rest, ...(upload.fileId ? { f: upload.fileId } : {}) },
        range.seconds,
      );
    },
  );
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
  // Under the Graph button's answer: each redraws the alarm's graph over its range, under the metrics rule.
  ...RANGES.map((range) =>
    defineButton({
      actionId: rangeActionId(ALARM_RANGE_PREFIX, range),
      path: ['/cw', 'metrics'],
      needs: ['images', 'files'],
      answer: 'replace',
      placeOf: rangePlace,
      press: (place, deps, context) => redrawAlarm(range, place, deps, context),
    }),
  ),
];

/** A redraw reads where the alarm is, as the Graph press that made its buttons did. */
function rangePlace(value: string): { region: string; accountId?: string } | undefined {
  const decoded = decodeAlarmRange(value);
  if (!decoded?.r) return undefined;
  return { region: decoded.r, ...(decoded.a ? { accountId: decoded.a } : {}) };
}

/** An alarm is read in its own Region (and account): the event's, which the button carries. */
function alarmPlace(value: string): { region: string; accountId?: string } | undefined {
  const decoded = decodeAlarmAction(value);
  if (!decoded) return undefined;
  return { region: decoded.region, ...(typeof decoded.account === 'string' ? { accountId: decoded.account } : {}) };
}
