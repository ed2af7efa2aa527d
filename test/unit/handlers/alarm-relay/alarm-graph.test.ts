import { describe, expect, it } from 'vitest';
import type { AlarmChange } from '../../../../handlers/alarm-relay/alarm-change.ts';
import { parseAlarmEvent } from '../../../../handlers/alarm-relay/alarm-event.ts';
import { alarmGraphRequest, graphSource } from '../../../../handlers/alarm-relay/alarm-graph.ts';
import { type AlarmEvent, type AlarmFixture, alarmEvent } from '../../../fixtures/alarm-events/index.ts';
import { errorRateEvent } from './error-rate-event.ts';

const WINDOW = { beforeMinutes: 60, afterMinutes: 5 };

function change(event: AlarmFixture | AlarmEvent): AlarmChange {
  const result = parseAlarmEvent(typeof event === 'string' ? alarmEvent(event) : event);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.change;
}

function graph(source: AlarmChange) {
  const request = alarmGraphRequest(
    { alarmName: source.alarmName, ...graphSource(source), changedAt: source.state.timestamp },
    new Date(source.state.timestamp.getTime() + 60_000),
    WINDOW,
  );
  if (!request) throw new Error('nothing to draw');
  return request;
}

describe('handlers/alarm-relay/alarm-graph', () => {
  it('keeps the alarm’s own metric ids, so its expression still finds them, and hides the inputs', () => {
    // Act
    const request = graph(change(errorRateEvent()));

    // Assess
    expect(request.expressions).toEqual([
      { id: 'rate', expression: '100 * errors / invocations', label: 'Error rate' },
    ]);
    expect(request.series.map((s) => [s.id, s.metricName, s.visible])).toEqual([
      ['errors', 'Errors', false],
      ['invocations', 'Invocations', false],
    ]);
  });

  it('hides an intermediate expression and draws the one the alarm watches', () => {
    // Prepare: "rate" is computed from "total", itself an expression the alarm does not return
    const event = errorRateEvent();
    const configuration = event.detail.configuration as { metrics: Record<string, unknown>[] };
    configuration.metrics.push({ id: 'total', expression: 'errors + invocations', returnData: false });

    // Act
    const request = graph(change(event));

    // Assess
    expect(request.expressions).toEqual([
      { id: 'rate', expression: '100 * errors / invocations', label: 'Error rate' },
      { id: 'total', expression: 'errors + invocations', visible: false },
    ]);
  });

  it('draws an anomaly alarm’s metric with its band', () => {
    const request = graph(change('anomaly-detection'));
    expect(request.expressions?.map((e) => e.id)).toEqual(['ad1']);
    expect(request.series).toHaveLength(1);
    expect(request.series[0]).toMatchObject({ id: 'm1', metricName: 'CPUUtilization' });
    expect(request.series[0]?.visible).toBeUndefined();
  });

  it('marks the change with its new state, and the threshold CloudWatch wrote, in the metric’s unit', () => {
    // Prepare: the demo's CPU alarm resolving (threshold 80 in its reasonData)
    const source = change('metric');
    const ok = { ...source, state: { ...source.state, value: 'OK' as const } };

    // Act
    const request = alarmGraphRequest(
      { alarmName: ok.alarmName, ...graphSource(ok), changedAt: ok.state.timestamp, state: ok.state.value },
      new Date(ok.state.timestamp.getTime() + 60_000),
      WINDOW,
    );

    // Assess
    expect(request?.annotations?.horizontal).toEqual([{ value: 50, label: 'Threshold 50%', color: '#d62728' }]);
    expect(request?.annotations?.vertical).toEqual([
      { value: ok.state.timestamp, label: 'OK at 17:04 UTC', color: '#2ca02c' },
    ]);
  });

  it('reads metrics and expressions from the alarm once, for the graph, the button and routing', () => {
    expect(graphSource(change('metric'))).toEqual({
      metrics: [
        {
          // The id the alarm gives its metric (AWS's sample uses a UUID).
          id: '30b6c6b2-a864-43a2-4877-c09a1afc3b87',
          returnData: true,
          namespace: 'AWS/EC2',
          name: 'CPUUtilization',
          dimensions: [{ name: 'InstanceId', value: 'i-12345678901234567' }],
          period: 300,
          stat: 'Average',
        },
      ],
      expressions: [],
      // reasonData's threshold, drawn as the graph's threshold line.
      threshold: 50,
    });
    expect(graphSource(change('composite'))).toEqual({ metrics: [], expressions: [] });
  });

  it('still draws a button made before ids were carried: numbered inputs, hidden behind the expression', () => {
    const request = alarmGraphRequest(
      {
        alarmName: 'old',
        metrics: [{ namespace: 'AWS/EC2', name: 'NetworkIn', dimensions: [] }],
        expressions: [{ id: 'e1', expression: 'SUM(METRICS())' }],
        changedAt: new Date('2019-10-02T17:20:48Z'),
      },
      new Date('2019-10-02T17:21:48Z'),
      WINDOW,
    );
    expect(request?.series).toEqual([expect.objectContaining({ id: 'm1', visible: false })]);
  });
});
