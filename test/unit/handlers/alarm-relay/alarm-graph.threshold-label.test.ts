import { describe, expect, it } from 'vitest';
import type { AlarmChange } from '../../../../handlers/alarm-relay/alarm-change.ts';
import { parseAlarmEvent } from '../../../../handlers/alarm-relay/alarm-event.ts';
import { alarmGraphRequest, graphSource } from '../../../../handlers/alarm-relay/alarm-graph.ts';
import { plainReason } from '../../../../handlers/alarm-relay/reason.ts';
import { alarmEvent } from '../../../fixtures/alarm-events/index.ts';

/** AWS's single-metric sample event, watching another metric, statistic and threshold. */
function alarmOf(metric: { namespace: string; name: string; stat: string; unit?: string }, threshold: number) {
  const event = structuredClone(alarmEvent('metric')) as unknown as {
    detail: {
      configuration: { metrics: { metricStat: Record<string, unknown> }[] };
      state: { reason: string; reasonData: string };
    };
  };
  const watched = event.detail.configuration.metrics[0];
  if (!watched) throw new Error('sample has no metric');
  watched.metricStat = {
    metric: { dimensions: { InstanceId: 'i-12345678901234567' }, name: metric.name, namespace: metric.namespace },
    period: 300,
    stat: metric.stat,
    ...(metric.unit ? { unit: metric.unit } : {}),
  };
  const data = { ...JSON.parse(event.detail.state.reasonData), threshold, recentDatapoints: [threshold * 2] };
  event.detail.state.reasonData = JSON.stringify(data);
  event.detail.state.reason = event.detail.state.reason.replace('(50.0)', `(${threshold.toFixed(1)})`);
  const parsed = parseAlarmEvent(event as unknown as Parameters<typeof parseAlarmEvent>[0]);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.change;
}

function graphLabel(change: AlarmChange): string | undefined {
  const request = alarmGraphRequest(
    { alarmName: change.alarmName, ...graphSource(change), changedAt: change.state.timestamp },
    new Date(change.state.timestamp.getTime() + 60_000),
    { beforeMinutes: 60, afterMinutes: 5 },
  );
  return request?.annotations?.horizontal?.[0]?.label;
}

describe('the alarm graph names its threshold as the alarm message does', () => {
  it.each([
    [{ namespace: 'AWS/EC2', name: 'CPUUtilization', stat: 'Average' }, 80, '80%'],
    [{ namespace: 'AWS/EC2', name: 'CPUUtilization', stat: 'Average' }, 0.25, '0.25%'],
    [{ namespace: 'AWS/EC2', name: 'CPUUtilization', stat: 'SampleCount' }, 5, '5'],
    [{ namespace: 'AWS/Lambda', name: 'Duration', stat: 'p99' }, 250, '250 ms'],
    [{ namespace: 'AWS/Lambda', name: 'Errors', stat: 'Sum' }, 3, '3'],
    [{ namespace: 'Orders', name: 'QueueWait', stat: 'Average', unit: 'Seconds' }, 90, '90.0 s'],
    [{ namespace: 'Orders', name: 'Placed', stat: 'Sum' }, 12_500, '12,500'],
  ])('%o over %d', (metric, threshold, shown) => {
    // Prepare
    const change = alarmOf(metric, threshold);

    // Act
    const label = graphLabel(change);
    const message = plainReason(change);

    // Assess: the same text in both places
    expect(message).toContain(`the threshold *${shown}*`);
    expect(label).toBe(`Threshold ${shown}`);
  });
});
