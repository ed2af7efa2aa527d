import type { ActionsBlock, Button } from '@slack/types';
import type { AlarmChange } from './alarm-event.ts';
import { type GraphExpression, type GraphMetric, graphSource } from './alarm-graph.ts';
import type { RouteDecision } from './routes.ts';

/** The `action_id`s of the alarm message's buttons; functions/slack.ts registers a handler for each. */
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
