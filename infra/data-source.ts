import type { CommandDeps } from '../handlers/commands.ts';
import type { AlarmsPort, FilesPort, LogsPort, MetricImagePort, MetricsPort, RdsFleetPort } from '../handlers/ports.ts';
import type { Config } from './config.ts';
import { DEMO_LOG_GROUPS, DEMO_LOG_PREFIXES, describeDemoResources } from './demo/demo-resources.ts';
import { memoizeRetrying } from './memoize-retrying.ts';

/**
 * A port whose adapter is imported on first use: `/cw help` and bad input never load the AWS SDK,
 * which keeps it off the cold-start path.
 */
function lazy<T extends object>(load: () => Promise<T>, methods: (keyof T)[]): T {
  const get = memoizeRetrying(load);
  const port: Partial<Record<keyof T, unknown>> = {};
  for (const method of methods) {
    port[method] = async (...args: unknown[]) => {
      const target = await get();
      return (target[method] as (...a: unknown[]) => unknown).apply(target, args);
    };
  }
  return port as T;
}

type DepsConfig = Pick<Config, 'dataSource' | 'region' | 'logGroupsAllowed' | 'logsMaxRangeSeconds' | 'logsPricePerGb'>;

/** The data sources a command runs against, chosen by `DATA_SOURCE` (README, "Configuration"). */
export function createCommandDeps(
  config: DepsConfig,
  options: { now?: () => Date; files?: FilesPort } = {},
): CommandDeps {
  const now = options.now ?? (() => new Date());
  const shared = {
    region: config.region,
    now,
    ...(options.files ? { files: options.files } : {}),
    logsPolicy: {
      allowed: config.logGroupsAllowed,
      maxRangeSeconds: config.logsMaxRangeSeconds,
      pricePerGb: config.logsPricePerGb,
    },
  };
  if (config.dataSource === 'demo') {
    // Loaded on first use too: a deployed function never evaluates the demo, and `/cw help` needs none of it.
    const metrics = lazy<MetricsPort>(
      async () => (await import('./demo/demo-metrics.ts')).createDemoMetrics({ now }),
      ['getMetricData', 'listMetrics'],
    );
    return {
      ...shared,
      metrics,
      logs: lazy<LogsPort>(
        async () => (await import('./demo/demo-logs.ts')).createDemoLogs({ now }),
        ['startQuery', 'getQueryResults', 'stopQuery', 'listSavedQueries', 'listLogGroups'],
      ),
      alarms: lazy<AlarmsPort>(
        async () => (await import('./demo/demo-alarms.ts')).createDemoAlarms({ now }),
        ['describeAlarms'],
      ),
      images: lazy<MetricImagePort>(
        async () => (await import('./demo/demo-image.ts')).createDemoMetricImage(metrics),
        ['getMetricImage'],
      ),
      fleet: lazy<RdsFleetPort>(
        async () => (await import('./demo/demo-fleet.ts')).createDemoFleet(),
        ['describeInstances', 'describeClusters'],
      ),
      // The demo's groups are always readable, whatever the allowlist says.
      logsPolicy: {
        ...shared.logsPolicy,
        allowed: [...new Set([...config.logGroupsAllowed, ...DEMO_LOG_GROUPS, ...DEMO_LOG_PREFIXES])],
      },
      demoResources: describeDemoResources(),
    };
  }
  const cloudWatch = memoizeRetrying(async () => {
    const { CloudWatchClient } = await import('@aws-sdk/client-cloudwatch');
    return new CloudWatchClient({ region: config.region });
  });
  return {
    ...shared,
    metrics: lazy<MetricsPort>(async () => {
      const { createCloudWatchMetrics } = await import('./aws/cloudwatch-metrics.ts');
      return createCloudWatchMetrics(await cloudWatch());
    }, ['getMetricData', 'listMetrics']),
    alarms: lazy<AlarmsPort>(async () => {
      const { createCloudWatchAlarms } = await import('./aws/cloudwatch-alarms.ts');
      return createCloudWatchAlarms(await cloudWatch());
    }, ['describeAlarms']),
    images: lazy<MetricImagePort>(async () => {
      const { createCloudWatchMetricImage } = await import('./aws/metric-image.ts');
      return createCloudWatchMetricImage(await cloudWatch(), config.region);
    }, ['getMetricImage']),
    fleet: lazy<RdsFleetPort>(async () => {
      const [{ RDSClient }, { createRdsFleet }] = await Promise.all([
        import('@aws-sdk/client-rds'),
        import('./aws/rds-fleet.ts'),
      ]);
      return createRdsFleet(new RDSClient({ region: config.region }));
    }, ['describeInstances', 'describeClusters']),
    logs: lazy<LogsPort>(async () => {
      const [{ CloudWatchLogsClient }, { createCloudWatchLogs }] = await Promise.all([
        import('@aws-sdk/client-cloudwatch-logs'),
        import('./aws/cloudwatch-logs.ts'),
      ]);
      return createCloudWatchLogs(new CloudWatchLogsClient({ region: config.region }));
    }, ['startQuery', 'getQueryResults', 'stopQuery', 'listSavedQueries', 'listLogGroups']),
  };
}
