import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../../handlers/command-text.ts';
import { parseMetricsArgs } from '../../../../../handlers/cw/metrics/parse-metrics.ts';
import { runMetrics, summarize } from '../../../../../handlers/cw/metrics/run-metrics.ts';
import { fakeMetrics, seriesFor } from '../../../../fixtures/fake-metrics.ts';

const now = () => new Date('2026-11-25T12:03:30Z');
const query = (text: string) => parseMetricsArgs(tokenize(text));

describe('handlers/cw/metrics/run-metrics', () => {
  it('asks for every series in one call, over a window aligned to the period', async () => {
    // Prepare
    const { port, calls } = fakeMetrics({ data: (r) => r.series.map(() => seriesFor(r, (i) => i)) });

    // Act
    const result = await runMetrics(
      { metrics: port, region: 'eu-west-1', now },
      query('rds iops orders-db --since 3h'),
    );

    // Assess
    expect(calls.getMetricData).toHaveLength(1);
    const request = calls.getMetricData[0];
    expect(request?.series.map((s) => s.metricName)).toEqual(['ReadIOPS', 'WriteIOPS']);
    expect(request?.periodSeconds).toBe(120);
    // Ends now, never later; starts at the period boundary before now − 3 h.
    expect(request?.end.toISOString()).toBe('2026-11-25T12:03:30.000Z');
    expect(request?.start.toISOString()).toBe('2026-11-25T09:02:00.000Z');
    expect(result.series[0]?.unit).toBe('Count/Second');
    expect(result.series[0]?.summary).toMatchObject({ latest: 90, minimum: 0, maximum: 90, average: 45 });
    expect(calls.listMetrics).toHaveLength(0);
  });

  it('looks up what exists when no series has data', async () => {
    // Prepare
    const { port, calls } = fakeMetrics({
      list: [
        { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [{ name: 'InstanceId', value: 'i-0abd' }] },
        { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [{ name: 'InstanceId', value: 'i-9zzz' }] },
      ],
    });

    // Act
    const result = await runMetrics(
      { metrics: port, region: 'us-east-1', now },
      query('AWS/EC2 CPUUtilization InstanceId=i-0abc'),
    );

    // Assess
    expect(calls.listMetrics).toContainEqual({ namespace: 'AWS/EC2', metricName: 'CPUUtilization' });
    // And what the asked-for resource publishes at all, which tells "not this metric" from "no such resource".
    expect(calls.listMetrics).toContainEqual({
      namespace: 'AWS/EC2',
      dimensions: [{ name: 'InstanceId', value: 'i-0abc' }],
    });
    expect(result.publishedByResource).toEqual([]);
    expect(result.suggestions?.closest[0]).toBe('InstanceId=i-0abd');
    expect(result.suggestions?.closest).not.toContain('InstanceId=i-9zzz');
  });

  it('still answers "no data" when ListMetrics fails', async () => {
    const { port } = fakeMetrics({ list: new Error('denied') });
    const result = await runMetrics({ metrics: port, region: 'us-east-1', now }, query('rds cpu nope'));
    expect(result.suggestions).toBeUndefined();
    expect(result.series[0]?.summary).toBeUndefined();
  });

  it('summarizes latest, minimum, average and maximum', () => {
    const t = (m: number) => new Date(Date.UTC(2026, 10, 25, 0, m));
    expect(summarize({ timestamps: [t(0), t(1), t(2)], values: [4, 1, 7], status: 'Complete', messages: [] })).toEqual({
      latest: 7,
      latestAt: t(2),
      minimum: 1,
      maximum: 7,
      average: 4,
    });
  });
});
