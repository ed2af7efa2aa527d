import { CloudWatchClient, GetMetricWidgetImageCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseAlarmEvent } from '../../../../handlers/alarm-relay/alarm-event.ts';
import { ALARM_GRAPH_WINDOW, alarmGraphRequest, graphSource } from '../../../../handlers/alarm-relay/alarm-graph.ts';
import { DataSourceBusyError } from '../../../../handlers/errors.ts';
import type { MetricImageRequest } from '../../../../handlers/ports.ts';
import { createCloudWatchMetricImage } from '../../../../infra/aws/metric-image.ts';
import { type AlarmFixture, alarmEvent } from '../../../fixtures/alarm-events/index.ts';

/** The widget an alarm's graph sends, from AWS's published sample event of that alarm kind. */
async function alarmWidget(fixture: AlarmFixture) {
  const parsed = parseAlarmEvent(alarmEvent(fixture));
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const c = parsed.change;
  const graph = alarmGraphRequest(
    { alarmName: c.alarmName, ...graphSource(c), changedAt: c.state.timestamp, state: c.state.value },
    new Date(c.state.timestamp.getTime() + 60_000),
    ALARM_GRAPH_WINDOW,
  );
  if (!graph) throw new Error('nothing to draw');
  cwMock.on(GetMetricWidgetImageCommand).resolves({ MetricWidgetImage: new Uint8Array([1]) });
  await createCloudWatchMetricImage(client(), c.region).getMetricImage(graph);
  return JSON.parse(cwMock.commandCalls(GetMetricWidgetImageCommand)[0]?.args[0].input.MetricWidget ?? '{}');
}

const cwMock = mockClient(CloudWatchClient);
const client = () =>
  new CloudWatchClient({ region: 'ap-northeast-2', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
const request: MetricImageRequest = {
  series: [
    {
      namespace: 'AWS/RDS',
      metricName: 'CPUUtilization',
      dimensions: [{ name: 'DBInstanceIdentifier', value: 'orders-db' }],
      stat: 'Average',
    },
  ],
  periodSeconds: 120,
  start: new Date('2026-11-25T09:00:00Z'),
  end: new Date('2026-11-25T12:00:00Z'),
  title: 'CPUUtilization orders-db',
};

beforeEach(() => cwMock.reset());

describe('infra/aws/metric-image', () => {
  it('asks GetMetricWidgetImage for a PNG of the same range, period and statistic', async () => {
    // Prepare
    cwMock.on(GetMetricWidgetImageCommand).resolves({ MetricWidgetImage: new Uint8Array([0x89, 0x50]) });

    // Act
    const png = await createCloudWatchMetricImage(client(), 'ap-northeast-2').getMetricImage(request);

    // Assess
    expect(png).toEqual(new Uint8Array([0x89, 0x50]));
    const input = cwMock.commandCalls(GetMetricWidgetImageCommand)[0]?.args[0].input;
    expect(input?.OutputFormat).toBe('png');
    expect(JSON.parse(input?.MetricWidget ?? '{}')).toEqual({
      // The window in UTC, as the demo's picture says it: CloudWatch draws this title.
      title: 'CPUUtilization orders-db · 2026-11-25 09:00 – 12:00 UTC',
      view: 'timeSeries',
      stacked: false,
      region: 'ap-northeast-2',
      period: 120,
      start: '2026-11-25T09:00:00.000Z',
      end: '2026-11-25T12:00:00.000Z',
      width: 800,
      height: 400,
      timezone: '+0000',
      metrics: [['AWS/RDS', 'CPUUtilization', 'DBInstanceIdentifier', 'orders-db', { stat: 'Average' }]],
    });
  });

  it('sends expressions after the metrics, with an intermediate one hidden', async () => {
    // Prepare
    cwMock.on(GetMetricWidgetImageCommand).resolves({ MetricWidgetImage: new Uint8Array([1]) });
    const math: MetricImageRequest = {
      ...request,
      series: request.series.map((s) => ({ ...s, id: 'm1', visible: false })),
      expressions: [
        { id: 'e1', expression: 'm1 * 2', label: 'double' },
        { id: 'e0', expression: 'm1 + 1', visible: false },
      ],
    };

    // Act
    await createCloudWatchMetricImage(client(), 'ap-northeast-2').getMetricImage(math);

    // Assess
    const widget = JSON.parse(cwMock.commandCalls(GetMetricWidgetImageCommand)[0]?.args[0].input.MetricWidget ?? '{}');
    expect(widget.metrics).toEqual([
      ['AWS/RDS', 'CPUUtilization', 'DBInstanceIdentifier', 'orders-db', { stat: 'Average', id: 'm1', visible: false }],
      [{ expression: 'm1 * 2', id: 'e1', label: 'double' }],
      [{ expression: 'm1 + 1', id: 'e0', visible: false }],
    ]);
  });

  it('draws a metric alarm’s threshold as a horizontal annotation and its state change as a vertical one', async () => {
    // Act: AWS's single-metric sample, threshold 50.0 in reasonData, ALARM at 17:04:40.989
    const widget = await alarmWidget('metric');

    // Assess
    expect(widget.annotations).toEqual({
      horizontal: [{ value: 50, label: 'Threshold 50%', color: '#d62728' }],
      vertical: [{ value: '2019-10-02T17:04:40.989Z', label: 'ALARM at 17:04 UTC', color: '#d62728' }],
    });
  });

  it('draws an anomaly alarm’s band (its ANOMALY_DETECTION_BAND expression) and no threshold line', async () => {
    // Act: AWS's anomaly-detection sample, which has band thresholds and no `threshold`
    const widget = await alarmWidget('anomaly-detection');

    // Assess
    expect(widget.metrics).toContainEqual([
      { expression: 'ANOMALY_DETECTION_BAND(m1, 0.8)', id: 'ad1', label: 'CPUUtilization (expected)' },
    ]);
    expect(widget.metrics[0]).toEqual([
      'AWS/EC2',
      'CPUUtilization',
      'InstanceId',
      'i-12345678901234567',
      { stat: 'Average', id: 'm1' },
    ]);
    expect(widget.annotations.horizontal).toBeUndefined();
    expect(widget.annotations.vertical).toHaveLength(1);
  });

  it('keeps the threshold of a metric-math alarm, whose unit is not the inputs’', async () => {
    const widget = await alarmWidget('metric-math');
    // Every digit of the sample's 10000.0, not a rounded 10K.
    expect(widget.annotations.horizontal).toEqual([{ value: 10000, label: 'Threshold 10,000', color: '#d62728' }]);
  });

  it('fails clearly on an empty image and translates throttling', async () => {
    cwMock
      .on(GetMetricWidgetImageCommand)
      .resolvesOnce({})
      .rejectsOnce(Object.assign(new Error('slow down'), { name: 'Throttling' }));
    const port = createCloudWatchMetricImage(client(), 'ap-northeast-2');
    await expect(port.getMetricImage(request)).rejects.toThrow('GetMetricWidgetImage returned no image');
    await expect(port.getMetricImage(request)).rejects.toBeInstanceOf(DataSourceBusyError);
  });
});
