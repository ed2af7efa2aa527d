import type {
  AlarmChange,
  AlarmKind,
  AlarmMetric,
  AlarmState,
  AlarmStateValue,
  ReasonData,
  TriggeringAlarm,
} from './alarm-change.ts';
import { ALARM_STATES } from './alarm-change.ts';

/**
 * EventBridge "CloudWatch Alarm State Change" events, parsed into what the relay renders and routes.
 * Shapes follow the samples in AWS's "Alarm events and EventBridge" page: everything but the id, the
 * alarm name and the state value is optional, and unknown fields are ignored.
 */

/** buttons.ts still reads the model from here; it moves with the buttons (issue 12). */
export type { AlarmChange } from './alarm-change.ts';

export type ParseResult = { ok: true; change: AlarmChange } | { ok: false; problems: string[] };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const numbers = (value: unknown): number[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)) : undefined;

/**
 * CloudWatch writes `2019-10-02T17:04:40.989+0000`: an offset without a colon, which `Date` parses
 * on V8 but ISO 8601's extended form does not allow; the colon is added so no parser can disagree.
 */
export function parseAlarmTime(value: unknown): Date | undefined {
  const text = str(value);
  if (!text) return undefined;
  const date = new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The alarm name is the ARN's last part; names may contain colons and spaces. */
export function alarmNameFromArn(arn: string): string {
  const marker = ':alarm:';
  const at = arn.indexOf(marker);
  return at === -1 ? arn : arn.slice(at + marker.length);
}

function parseReasonData(raw: unknown): ReasonData | undefined {
  if (typeof raw !== 'string') return isObject(raw) ? readReasonData(raw) : undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isObject(parsed) ? readReasonData(parsed) : undefined;
  } catch {
    // A reasonData we cannot read still leaves the human `reason`, which is always rendered.
    return undefined;
  }
}

function readReasonData(data: Json): ReasonData {
  const triggering = Array.isArray(data.triggeringAlarms)
    ? data.triggeringAlarms.filter(isObject).flatMap((t): TriggeringAlarm[] => {
        const arn = str(t.arn);
        if (!arn) return [];
        const state = isObject(t.state) ? t.state : {};
        return [
          { arn, name: alarmNameFromArn(arn), state: str(state.value), timestamp: parseAlarmTime(state.timestamp) },
        ];
      })
    : undefined;
  return {
    threshold: num(data.threshold),
    recentDatapoints: numbers(data.recentDatapoints),
    recentLowerThresholds: numbers(data.recentLowerThresholds),
    recentUpperThresholds: numbers(data.recentUpperThresholds),
    statistic: str(data.statistic),
    period: num(data.period),
    unit: str(data.unit),
    startDate: parseAlarmTime(data.startDate),
    triggeringAlarms: triggering,
  };
}

function parseState(raw: unknown, path: string, problems: string[], fallbackTime: Date | undefined) {
  if (!isObject(raw)) {
    problems.push(`${path} is missing`);
    return undefined;
  }
  const value = raw.value;
  if (!ALARM_STATES.includes(value as AlarmStateValue)) {
    problems.push(`${path}.value must be one of ${ALARM_STATES.join(', ')}, not ${JSON.stringify(value)}`);
    return undefined;
  }
  const timestamp = parseAlarmTime(raw.timestamp) ?? fallbackTime;
  if (!timestamp) {
    problems.push(`${path}.timestamp is missing or not a time`);
    return undefined;
  }
  const state: AlarmState = {
    value: value as AlarmStateValue,
    reason: str(raw.reason) ?? '',
    reasonData: parseReasonData(raw.reasonData),
    timestamp,
    actionsSuppressedBy: str(raw.actionsSuppressedBy),
    actionsSuppressedReason: str(raw.actionsSuppressedReason),
  };
  return state;
}

function parseMetrics(raw: unknown): AlarmMetric[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).map((m, index) => {
    const stat = isObject(m.metricStat) ? m.metricStat : undefined;
    const metric = stat && isObject(stat.metric) ? stat.metric : undefined;
    const dims = metric && isObject(metric.dimensions) ? metric.dimensions : {};
    const namespace = str(metric?.namespace);
    const name = str(metric?.name);
    return {
      id: str(m.id) ?? `m${index + 1}`,
      returnData: m.returnData !== false,
      label: str(m.label),
      expression: str(m.expression),
      period: num(m.period),
      metricStat:
        namespace && name
          ? {
              namespace,
              name,
              dimensions: Object.entries(dims).map(([key, value]) => ({ name: key, value: String(value) })),
              period: num(stat?.period),
              stat: str(stat?.stat),
              unit: str(stat?.unit),
            }
          : undefined,
    };
  });
}

export function alarmKind(metrics: AlarmMetric[], alarmRule: string | undefined, reason?: ReasonData): AlarmKind {
  if (alarmRule || (metrics.length === 0 && reason?.triggeringAlarms)) return 'composite';
  const expressions = metrics.filter((m) => m.expression).map((m) => m.expression ?? '');
  if (expressions.some((e) => /ANOMALY_DETECTION_BAND\s*\(/i.test(e))) return 'anomaly';
  if (expressions.some((e) => /^\s*SELECT\s/i.test(e))) return 'insights';
  if (expressions.length > 0) return 'math';
  return metrics.some((m) => m.metricStat) ? 'metric' : 'unknown';
}

/** Validates and normalises one event; what is wrong is listed rather than thrown, so it can go to the DLQ. */
export function parseAlarmEvent(event: unknown): ParseResult {
  const problems: string[] = [];
  if (!isObject(event)) return { ok: false, problems: ['the event is not a JSON object'] };
  const eventId = str(event.id);
  if (!eventId) problems.push('id is missing');
  if (event['detail-type'] !== 'CloudWatch Alarm State Change') {
    problems.push(`detail-type must be "CloudWatch Alarm State Change", not ${JSON.stringify(event['detail-type'])}`);
  }
  const detail = isObject(event.detail) ? event.detail : undefined;
  if (!detail) return { ok: false, problems: [...problems, 'detail is missing'] };
  const resources = Array.isArray(event.resources) ? event.resources : [];
  const arnFromEvent = str(resources.find((r) => typeof r === 'string' && r.includes(':alarm:')));
  const alarmName = str(detail.alarmName) ?? (arnFromEvent ? alarmNameFromArn(arnFromEvent) : undefined);
  if (!alarmName) problems.push('detail.alarmName is missing');
  const envelopeTime = parseAlarmTime(event.time);
  const state = parseState(detail.state, 'detail.state', problems, envelopeTime);
  if (problems.length > 0 || !eventId || !alarmName || !state) return { ok: false, problems };

  const account = str(event.account) ?? arnFromEvent?.split(':')[4] ?? 'unknown';
  const region = str(event.region) ?? arnFromEvent?.split(':')[3] ?? 'unknown';
  const configuration = isObject(detail.configuration) ? detail.configuration : {};
  const metrics = parseMetrics(configuration.metrics);
  const alarmRule = str(configuration.alarmRule);
  const mute = isObject(detail.muteDetail) ? detail.muteDetail : undefined;
  // A previous state we cannot read is dropped: it only adds context, and must not send the event to the DLQ.
  const previousState = parseState(detail.previousState, 'detail.previousState', [], undefined);
  return {
    ok: true,
    change: {
      eventId,
      account,
      region,
      alarmArn: arnFromEvent ?? `arn:aws:cloudwatch:${region}:${account}:alarm:${alarmName}`,
      alarmName,
      description: str(configuration.description),
      kind: alarmKind(metrics, alarmRule, state.reasonData),
      state,
      previousState,
      metrics,
      alarmRule,
      actionsSuppressor: str(configuration.actionsSuppressor),
      mute:
        mute && str(mute.mutedByArn)
          ? { by: String(mute.mutedByArn), until: parseAlarmTime(mute.muteWindowEnd) }
          : undefined,
    },
  };
}
