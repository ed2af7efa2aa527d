import { CloudWatchClient, GetMetricWidgetImageCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DataSourceBusyError } from '../../../../handlers/errors.ts';
import type { MetricImageRequest } from '../../../../handlers/ports.ts';
import { createCloudWatchMetricImage } from '../../../../infra/aws/metric-image.ts';

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
      title: 'CPUUtilization orders-db',
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
