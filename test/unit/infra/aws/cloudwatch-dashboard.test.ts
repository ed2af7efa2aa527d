import {
  CloudWatchClient,
  GetDashboardCommand,
  GetMetricWidgetImageCommand,
  DashboardNotFoundError as SdkDashboardNotFound,
} from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDashboardBody } from '../../../../handlers/cw/dashboard/dashboard-body.ts';
import { DataSourceAccessError } from '../../../../handlers/errors.ts';
import { DashboardNotFoundError } from '../../../../handlers/port-errors.ts';
import { createCloudWatchDashboard } from '../../../../infra/aws/cloudwatch-dashboard.ts';
import { createCloudWatchWidgetImage } from '../../../../infra/aws/metric-image.ts';

// GetDashboard's answer: DashboardArn, DashboardBody (the dashboard JSON as a string), DashboardName
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetDashboard.html); its error
// for a missing name is DashboardNotFoundError ("The specified dashboard does not exist", HTTP 404).
// The body's structure: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
const BODY = {
  start: '-PT6H',
  periodOverride: 'inherit',
  widgets: [
    {
      type: 'metric',
      x: 0,
      y: 0,
      width: 12,
      height: 6,
      properties: {
        title: 'API latency',
        view: 'timeSeries',
        stacked: false,
        region: 'eu-west-1',
        stat: 'p99',
        period: 60,
        liveData: true,
        setPeriodToTimeRange: true,
        metrics: [
          ['AWS/ApiGateway', 'Latency', 'ApiName', 'orders'],
          ['...', { stat: 'p50', label: 'median' }],
        ],
        annotations: { horizontal: [{ label: 'SLO', value: 800 }] },
        yAxis: { left: { min: 0 } },
      },
    },
  ],
};

const cwMock = mockClient(CloudWatchClient);
const client = () =>
  new CloudWatchClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

beforeEach(() => cwMock.reset());

describe('infra/aws/cloudwatch-dashboard', () => {
  it('asks GetDashboard for the name and hands back the body as CloudWatch wrote it', async () => {
    // Prepare
    cwMock.on(GetDashboardCommand).resolves({
      DashboardArn: 'arn:aws:cloudwatch::123456789012:dashboard/prod-api',
      DashboardName: 'prod-api',
      DashboardBody: JSON.stringify(BODY),
    });

    // Act
    const got = await createCloudWatchDashboard(client()).getDashboard('prod-api');

    // Assess
    expect(cwMock).toHaveReceivedCommandWith(GetDashboardCommand, { DashboardName: 'prod-api' });
    expect(got).toEqual({ name: 'prod-api', body: JSON.stringify(BODY) });
    expect(parseDashboardBody(got.body)).toMatchObject({
      ok: true,
      widgets: [{ kind: 'metric', title: 'API latency' }],
    });
  });

  it("turns CloudWatch's DashboardNotFoundError into the port's, with the name asked for", async () => {
    // Prepare
    cwMock
      .on(GetDashboardCommand)
      .rejects(
        new SdkDashboardNotFound({ message: 'Dashboard prod-apo does not exist', $metadata: { httpStatusCode: 404 } }),
      );

    // Act
    const reading = createCloudWatchDashboard(client()).getDashboard('prod-apo');

    // Assess
    await expect(reading).rejects.toBeInstanceOf(DashboardNotFoundError);
    await expect(reading).rejects.toMatchObject({ dashboard: 'prod-apo' });
  });

  it('says which permission the role lacks', async () => {
    // Prepare
    const denied = new Error('User is not authorized to perform: cloudwatch:GetDashboard');
    denied.name = 'AccessDenied';
    cwMock.on(GetDashboardCommand).rejects(denied);

    // Act
    const reading = createCloudWatchDashboard(client()).getDashboard('prod-api');

    // Assess
    await expect(reading).rejects.toBeInstanceOf(DataSourceAccessError);
    await expect(reading).rejects.toThrow('cloudwatch:GetDashboard');
  });
});

describe('infra/aws/metric-image: a dashboard widget', () => {
  it('sends GetMetricWidgetImage the widget as written, with the chosen range and size and without console-only settings', async () => {
    // Prepare: GetMetricWidgetImage takes MetricWidget (JSON string) and OutputFormat, and answers MetricWidgetImage
    // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricWidgetImage.html)
    cwMock.on(GetMetricWidgetImageCommand).resolves({ MetricWidgetImage: new Uint8Array([0x89, 0x50]) });
    const [widget] = BODY.widgets;

    // Act
    const png = await createCloudWatchWidgetImage(client(), 'us-east-1').getWidgetImage({
      properties: widget?.properties ?? {},
      start: new Date('2026-11-25T06:00:00Z'),
      end: new Date('2026-11-25T12:00:00Z'),
      width: 800,
      height: 400,
    });

    // Assess
    expect(png).toEqual(new Uint8Array([0x89, 0x50]));
    const input = cwMock.commandCalls(GetMetricWidgetImageCommand)[0]?.args[0].input;
    expect(input?.OutputFormat).toBe('png');
    const sent = JSON.parse(input?.MetricWidget ?? '{}');
    expect(sent).toEqual({
      title: 'API latency',
      view: 'timeSeries',
      stacked: false,
      region: 'eu-west-1',
      stat: 'p99',
      period: 60,
      metrics: widget?.properties.metrics,
      annotations: { horizontal: [{ label: 'SLO', value: 800 }] },
      yAxis: { left: { min: 0 } },
      start: '2026-11-25T06:00:00.000Z',
      end: '2026-11-25T12:00:00.000Z',
      width: 800,
      height: 400,
      timezone: '+0000',
    });
  });
});
