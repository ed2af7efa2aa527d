import { CloudWatchClient, ListDashboardsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DataSourceAccessError } from '../../../../handlers/errors.ts';
import { createCloudWatchDashboards } from '../../../../infra/aws/cloudwatch-dashboards.ts';

// Shapes from https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_ListDashboards.html
// and API_DashboardEntry.html: DashboardEntries of DashboardName, DashboardArn, LastModified, Size; NextToken.
const cwMock = mockClient(CloudWatchClient);
const client = () =>
  new CloudWatchClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
const arn = (name: string) => `arn:aws:cloudwatch::123456789012:dashboard/${name}`;

describe('infra/aws/cloudwatch-dashboards', () => {
  beforeEach(() => cwMock.reset());

  it('reads every page, following NextToken, with the name prefix on each call', async () => {
    // Prepare
    cwMock
      .on(ListDashboardsCommand, { DashboardNamePrefix: 'prod-', NextToken: undefined })
      .resolves({
        DashboardEntries: [
          {
            DashboardName: 'prod-api',
            DashboardArn: arn('prod-api'),
            LastModified: new Date('2026-11-20T08:00:00Z'),
            Size: 5120,
          },
        ],
        NextToken: 'page-2',
      })
      .on(ListDashboardsCommand, { DashboardNamePrefix: 'prod-', NextToken: 'page-2' })
      .resolves({
        DashboardEntries: [
          {
            DashboardName: 'prod-db',
            DashboardArn: arn('prod-db'),
            LastModified: new Date('2026-11-21T08:00:00Z'),
            Size: 300,
          },
        ],
      });

    // Act
    const dashboards = await createCloudWatchDashboards(client()).listDashboards({ namePrefix: 'prod-' });

    // Assess
    expect(cwMock).toHaveReceivedCommandTimes(ListDashboardsCommand, 2);
    expect(cwMock).toHaveReceivedCommandWith(ListDashboardsCommand, {
      DashboardNamePrefix: 'prod-',
      NextToken: 'page-2',
    });
    expect(dashboards).toEqual([
      { name: 'prod-api', lastModified: new Date('2026-11-20T08:00:00Z'), sizeBytes: 5120 },
      { name: 'prod-db', lastModified: new Date('2026-11-21T08:00:00Z'), sizeBytes: 300 },
    ]);
  });

  it('sends no prefix when none is asked for, and skips an entry without a name', async () => {
    // Prepare
    cwMock.on(ListDashboardsCommand).resolves({ DashboardEntries: [{ Size: 10 }, { DashboardName: 'ops' }] });

    // Act
    const dashboards = await createCloudWatchDashboards(client()).listDashboards({});

    // Assess
    expect(cwMock.commandCalls(ListDashboardsCommand)[0]?.args[0].input.DashboardNamePrefix).toBeUndefined();
    // No LastModified is an unknown time, never the epoch.
    expect(dashboards).toEqual([{ name: 'ops', sizeBytes: 0 }]);
  });

  it('says which permission the role lacks when AWS refuses', async () => {
    // Prepare
    const denied = new Error('User is not authorized to perform: cloudwatch:ListDashboards');
    denied.name = 'AccessDenied';
    cwMock.on(ListDashboardsCommand).rejects(denied);

    // Act
    const listing = createCloudWatchDashboards(client()).listDashboards({});

    // Assess
    await expect(listing).rejects.toBeInstanceOf(DataSourceAccessError);
    await expect(listing).rejects.toThrow('cloudwatch:ListDashboards');
  });

  it("hands the caller's signal to every page's request, so a request in flight is aborted too", async () => {
    // Prepare
    const controller = new AbortController();
    const signals: (AbortSignal | undefined)[] = [];
    cwMock
      .on(ListDashboardsCommand, { NextToken: undefined })
      .resolves({ DashboardEntries: [{ DashboardName: 'a' }], NextToken: 'p2' })
      .on(ListDashboardsCommand, { NextToken: 'p2' })
      .resolves({ DashboardEntries: [{ DashboardName: 'b' }] });
    const sdk = client();
    const send = sdk.send.bind(sdk);
    sdk.send = ((command: never, options?: { abortSignal?: AbortSignal }) => {
      signals.push(options?.abortSignal);
      return send(command, options as never);
    }) as typeof sdk.send;

    // Act
    const dashboards = await createCloudWatchDashboards(sdk).listDashboards({}, { signal: controller.signal });

    // Assess
    expect(dashboards.map((d) => d.name)).toEqual(['a', 'b']);
    expect(signals).toEqual([controller.signal, controller.signal]);
  });

  it('stops between pages once the caller stops waiting', async () => {
    // Prepare
    const controller = new AbortController();
    cwMock.on(ListDashboardsCommand).callsFake(() => {
      controller.abort(new Error('ack budget spent'));
      return { DashboardEntries: [{ DashboardName: 'a' }], NextToken: 'more' };
    });

    // Act
    const listing = createCloudWatchDashboards(client()).listDashboards({}, { signal: controller.signal });

    // Assess
    await expect(listing).rejects.toThrow();
    expect(cwMock).toHaveReceivedCommandTimes(ListDashboardsCommand, 1);
  });
});
