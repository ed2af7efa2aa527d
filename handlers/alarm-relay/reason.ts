import { type Unit, unitOf } from '../cw/metrics/catalog.ts';
import { valueFormat } from '../cw/metrics/format-value.ts';
import { escapeText, inlineCode } from '../slack-message.ts';
import type { AlarmChange, AlarmMetric, AlarmStateValue, MetricStat, ReasonData } from './alarm-change.ts';
import { type ReasonText, readReasonText, withAlarmNames } from './reason-text.ts';

const significant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `0.0206`, `99.5`, `45,628`: four significant digits below 1,000, whole numbers above. */
export function formatNumber(value: number): string {
  return Math.abs(value) >= 1000 ? grouped.format(value) : significant.format(value);
}

const MAX_DATAPOINTS_SHOWN = 10;

/** CloudWatch's unit names that `formatValue` scales (`2.0 GiB`, `15.1 min`, `230 ms`). */
const SCALED_UNITS: readonly string[] = ['Percent', 'Count', 'Count/Second', 'Bytes', 'Milliseconds', 'Seconds'];

/**
 * The unit of what the alarm measures: the alarm's own (`metricStat.unit`, or `reasonData.unit`),
 * else the unit CloudWatch publishes a well-known metric in. Math expressions have none.
 */
export function alarmUnit(change: AlarmChange): string | undefined {
  const returned = change.metrics.find((m) => m.returnData) ?? change.metrics[0];
  // An anomaly alarm returns its band expression; the band is in the unit of the metric it models.
  const stat =
    returned?.metricStat ??
    (change.kind === 'anomaly' ? change.metrics.find((m) => m.metricStat)?.metricStat : undefined);
  return metricStatUnit(stat, change.state.reasonData);
}

/**
 * The unit of one metric of an alarm (`reasonData` stands in for what the metric does not say):
 * a `SampleCount` counts datapoints whatever the metric measures; else the unit the alarm declares;
 * else the one CloudWatch publishes the metric in. The alarm's graph labels its threshold by it too.
 */
export function metricStatUnit(
  stat: MetricStat | undefined,
  reasonData?: Pick<ReasonData, 'statistic' | 'unit'>,
): string | undefined {
  if (/^SampleCount$/i.test(stat?.stat ?? reasonData?.statistic ?? '')) return 'Count';
  const declared = stat?.unit ?? reasonData?.unit;
  if (declared && declared !== 'None') return declared;
  return stat ? unitOf(stat.namespace, stat.name) : undefined;
}

/**
 * One way to write the datapoints of a reason line, by the rule
 * `/cw metrics` uses for the same unit ({@link valueFormat}: `94.5%`, `2.0 GiB`, `230 ms`), so an
 * alarm and the metric it watches read alike. Only percentages all under 1% keep four significant
 * digits: a band of 0.0206% – 0.3007% must not read 0.0% – 0.3%. Unknown units are named after the number.
 */
export function reasonFormat(values: readonly number[], unit: string | undefined): (value: number) => string {
  if (unit === 'Percent') {
    const largest = values.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0);
    return largest >= 1 ? valueFormat(values, 'Percent') : (v) => `${formatNumber(v)}%`;
  }
  if (unit && SCALED_UNITS.includes(unit)) return valueFormat(values, unit as Unit);
  return unit && unit !== 'None' ? (v) => `${formatNumber(v)} ${unit}` : formatNumber;
}

/**
 * A threshold or band bound in the alarm's unit, as it was set: `80%` stays `80%`, and four
 * significant digits keep a band of 0.0206% – 0.3007% apart.
 */
export function formatInUnit(value: number, unit: string | undefined): string {
  if (unit === 'Percent') return `${formatNumber(value)}%`;
  if (unit && SCALED_UNITS.includes(unit)) return valueFormat([value], unit as Unit)(value);
  return unit && unit !== 'None' ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

function datapoints(values: number[], unit: string | undefined): string {
  const f = reasonFormat(values, unit);
  const shown = values
    .slice(0, MAX_DATAPOINTS_SHOWN)
    .map((v) => f(v))
    .join(', ');
  return values.length > MAX_DATAPOINTS_SHOWN ? `${shown}, … (${values.length} in all)` : shown;
}

export function periodText(seconds: number | undefined): string | undefined {
  if (seconds === undefined) return undefined;
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

export function metricTitle(stat: MetricStat): string {
  const how = [stat.stat, periodText(stat.period)].filter(Boolean).join(', ');
  return `${stat.namespace} · ${stat.name}${how ? ` (${how})` : ''}`;
}

export function dimensionsText(stat: MetricStat): string {
  return stat.dimensions.map((d) => `${d.name}=${d.value}`).join(', ') || 'no dimensions';
}

/** What was measured, in one line: the metric, or the expression (with its label) for math alarms. */
export function measuredText(change: AlarmChange): string {
  const returned: AlarmMetric | undefined = change.metrics.find((m) => m.returnData) ?? change.metrics[0];
  if (!returned) return 'the alarm';
  if (returned.metricStat) return `*${escapeText(returned.metricStat.name)}*`;
  return `*${escapeText(returned.label ?? returned.expression ?? returned.id)}*`;
}

/** CloudWatch's own sentence, escaped, with child alarms named rather than given by ARN. */
export function cloudWatchSentence(change: AlarmChange): string {
  return escapeText(withAlarmNames(change.state.reason));
}

function compositeReason(change: AlarmChange): string[] {
  const lines: string[] = [];
  const triggering = change.state.reasonData?.triggeringAlarms ?? [];
  if (triggering.length > 0) {
    lines.push(
      `Triggered by ${triggering.map((t) => `*${escapeText(t.name)}*${t.state ? ` (${escapeText(t.state)})` : ''}`).join(', ')}.`,
    );
  } else if (change.state.reason) {
    lines.push(cloudWatchSentence(change));
  }
  if (change.alarmRule) lines.push(`Rule: ${inlineCode(change.alarmRule)}`);
  return lines;
}

/** `3 of the last 5 datapoints`; nothing for a lone datapoint, which the values line already shows. */
function crossedText(crossed: { count: number; of?: number } | undefined): string | undefined {
  if (!crossed || (crossed.count === 1 && (crossed.of ?? 1) === 1)) return undefined;
  return crossed.of === undefined
    ? `${crossed.count} datapoint${crossed.count === 1 ? '' : 's'}`
    : `${crossed.count} of the last ${crossed.of} datapoints`;
}

/**
 * What a reason is about, for a reader with or without the whole event: the relay has the event,
 * `/cw alarms` only DescribeAlarms' summary (the reason, the metric's name and unit).
 */
export interface ReasonSubject {
  state: AlarmStateValue;
  reason: string;
  reasonData?: ReasonData;
  /** What was measured, as mrkdwn (`*CPUUtilization*`). */
  measured: string;
  unit?: string;
}

/** The threshold line: the comparison always comes from CloudWatch's sentence, never a guess. */
function thresholdLine(subject: ReasonSubject, read: Extract<ReasonText, { form: 'threshold' }>) {
  const { reasonData: data, unit, measured } = subject;
  const values = data?.recentDatapoints?.length ? data.recentDatapoints : read.datapoints;
  const threshold = data?.threshold ?? read.threshold;
  const comparison = `${read.negated ? 'not ' : ''}${read.comparison}`;
  const limit = threshold === undefined ? 'the threshold' : `the threshold *${formatInUnit(threshold, unit)}*`;
  if (values.length === 0) return `${measured} was ${comparison} ${limit}.`;
  return `${measured} was *${datapoints(values, unit)}*: ${comparison} ${limit}.`;
}

function bandLine(subject: ReasonSubject, read: Extract<ReasonText, { form: 'band' }>) {
  const { reasonData: data, unit, measured } = subject;
  const values = data?.recentDatapoints?.length ? data.recentDatapoints : read.datapoints;
  const low = data?.recentLowerThresholds?.at(-1) ?? read.lower.at(-1);
  const high = data?.recentUpperThresholds?.at(-1) ?? read.upper.at(-1);
  const show = (v: number | undefined) => (v === undefined ? 'unknown' : formatInUnit(v, unit));
  const where = read.negated
    ? `inside the expected band *${show(low)} – ${show(high)}*`
    : read.side === 'above'
      ? `above the expected band's upper bound *${show(high)}*`
      : read.side === 'below'
        ? `below the expected band's lower bound *${show(low)}*`
        : `outside the expected band *${show(low)} – ${show(high)}*`;
  const was = values.length > 0 ? ` was *${datapoints(values, unit)}*:` : ' was';
  return `${measured}${was} ${where}.`;
}

/**
 * A metric alarm's reason in plain words (the values in their unit, the comparison from
 * CloudWatch's sentence, how many datapoints crossed), or `undefined` when the sentence is not one
 * of the forms CloudWatch writes: the caller then shows it as written.
 */
export function readableReason(subject: ReasonSubject): string | undefined {
  const read = readReasonText(subject.reason);
  const lines: string[] = [];
  let crossed: string | undefined;
  if (read.form === 'threshold') {
    lines.push(thresholdLine(subject, read));
    crossed = crossedText(read.crossed);
  } else if (read.form === 'band') {
    lines.push(bandLine(subject, read));
    crossed = crossedText(read.crossed);
  } else if (read.form === 'insufficient') {
    const threshold = subject.reasonData?.threshold;
    const limit = threshold === undefined ? '' : ` against the threshold *${formatInUnit(threshold, subject.unit)}*`;
    lines.push(
      `${subject.measured} had no data: ${read.unknown} datapoint${read.unknown === 1 ? ' was' : 's were'} unknown, so CloudWatch could not compare it${limit}.`,
    );
  } else {
    return undefined;
  }
  // For OK the count is of datapoints that did *not* cross, so the line would mislead.
  if (crossed && subject.state === 'ALARM') lines.push(`${crossed} crossed it.`);
  return lines.join('\n');
}

/**
 * The reason in plain words: what was measured, its values in their unit, and the comparison
 * CloudWatch's sentence names (threshold, band, child alarms, no data). A sentence we cannot read
 * is shown as CloudWatch wrote it rather than summarised wrongly.
 */
export function plainReason(change: AlarmChange): string {
  const { state } = change;
  const lines: string[] = [];
  const readable =
    change.kind === 'composite'
      ? undefined
      : readableReason({
          state: state.value,
          reason: state.reason,
          ...(state.reasonData ? { reasonData: state.reasonData } : {}),
          measured: measuredText(change),
          unit: alarmUnit(change),
        });
  if (change.kind === 'composite') lines.push(...compositeReason(change));
  else if (readable !== undefined) lines.push(readable);
  else if (state.reason) lines.push(cloudWatchSentence(change));
  else lines.push('CloudWatch gave no reason.');
  if (state.actionsSuppressedBy) {
    const by = change.actionsSuppressor ? ` by ${escapeText(change.actionsSuppressor)}` : '';
    lines.push(`Actions suppressed${by}: ${escapeText(state.actionsSuppressedReason ?? state.actionsSuppressedBy)}.`);
  }
  return lines.join('\n');
}
