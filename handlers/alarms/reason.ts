import { escapeMrkdwn } from '../slack-message.ts';
import type { AlarmChange, AlarmMetric, MetricStat } from './alarm-event.ts';

const significant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `0.0206`, `99.5`, `45,628`: four significant digits below 1,000, whole numbers above. */
export function formatNumber(value: number): string {
  return Math.abs(value) >= 1000 ? grouped.format(value) : significant.format(value);
}

const MAX_DATAPOINTS_SHOWN = 10;

function datapoints(values: number[]): string {
  const shown = values.slice(0, MAX_DATAPOINTS_SHOWN).map(formatNumber).join(', ');
  return values.length > MAX_DATAPOINTS_SHOWN ? `${shown}, … (${values.length} in all)` : shown;
}

/** "3 of the last 5 datapoints", read from the human reason, which is the only place it appears. */
function datapointCount(reason: string): string | undefined {
  const match = /(\d+) out of the last (\d+) datapoints?/.exec(reason);
  return match ? `${match[1]} of the last ${match[2]} datapoints` : undefined;
}

/** The comparison is not in the event's configuration; the reason text names it. */
function comparison(reason: string): string {
  const match = /was (not )?(greater than or equal to|greater than|less than or equal to|less than)/.exec(reason);
  return match ? `${match[1] ?? ''}${match[2]}` : 'compared with';
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
  if (returned.metricStat) return `*${escapeMrkdwn(returned.metricStat.name)}*`;
  return `*${escapeMrkdwn(returned.label ?? returned.expression ?? returned.id)}*`;
}

function compositeReason(change: AlarmChange): string[] {
  const lines: string[] = [];
  const triggering = change.state.reasonData?.triggeringAlarms ?? [];
  if (triggering.length > 0) {
    lines.push(
      `Triggered by ${triggering.map((t) => `*${escapeMrkdwn(t.name)}*${t.state ? ` (${t.state})` : ''}`).join(', ')}.`,
    );
  } else if (change.state.reason) {
    lines.push(escapeMrkdwn(change.state.reason));
  }
  if (change.alarmRule) lines.push(`Rule: \`${escapeMrkdwn(change.alarmRule)}\``);
  return lines;
}

/**
 * The reason in plain words, from `reasonData` where it is present (threshold, band, the datapoints
 * that crossed it, the child alarms), else CloudWatch's own sentence.
 */
export function plainReason(change: AlarmChange): string {
  const { state } = change;
  const data = state.reasonData;
  const lines: string[] = [];
  if (change.kind === 'composite') {
    lines.push(...compositeReason(change));
  } else if (data?.recentDatapoints && data.recentLowerThresholds && data.recentUpperThresholds) {
    const low = data.recentLowerThresholds.at(-1);
    const high = data.recentUpperThresholds.at(-1);
    const band = low !== undefined && high !== undefined ? `${formatNumber(low)} – ${formatNumber(high)}` : 'unknown';
    const outside = state.value === 'OK' ? 'back inside' : 'outside';
    lines.push(
      `${measuredText(change)} was *${datapoints(data.recentDatapoints)}*: ${outside} the expected band *${band}*.`,
    );
  } else if (data?.recentDatapoints && data.threshold !== undefined) {
    lines.push(
      `${measuredText(change)} was *${datapoints(data.recentDatapoints)}*: ${comparison(state.reason)} the threshold *${formatNumber(data.threshold)}*.`,
    );
  } else if (state.reason) {
    lines.push(escapeMrkdwn(state.reason));
  } else {
    lines.push('CloudWatch gave no reason.');
  }
  // For OK the reason counts datapoints that did *not* cross, so the line would mislead.
  const count = data?.recentDatapoints && state.value !== 'OK' ? datapointCount(state.reason) : undefined;
  if (count) lines.push(`${count} crossed it.`);
  if (state.actionsSuppressedBy) {
    const by = change.actionsSuppressor ? ` by ${escapeMrkdwn(change.actionsSuppressor)}` : '';
    lines.push(`Actions suppressed${by}: ${escapeMrkdwn(state.actionsSuppressedReason ?? state.actionsSuppressedBy)}.`);
  }
  return lines.join('\n');
}
