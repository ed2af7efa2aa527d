import type { Settings } from '../handlers/command.ts';
import type { FilesPort, PortLoaders } from '../handlers/ports.ts';
import { awsClients } from './aws/clients.ts';
import type { Config } from './config.ts';
import { DEMO_LOG_GROUPS, DEMO_LOG_PREFIXES, describeDemoResources } from './demo/demo-resources.ts';
import { memoizeRetrying } from './memoize-retrying.ts';

type DataSourceConfig = Pick<
  Config,
  'dataSource' | 'region' | 'logGroupsAllowed' | 'logsMaxRangeSeconds' | 'logsPricePerGb'
> &
  Partial<Pick<Config, 'regionsAllowed' | 'accounts'>>;

/** The settings commands read and how each port is loaded: what a command runtime is made of. */
export interface DataSource extends Settings {
  /** The deployment's own Region's ports. */
  ports: PortLoaders;
  /** Any Region's ports, each Region with its own adapters and SDK clients, built once. */
  portsIn: (region: string) => PortLoaders;
}

/** One set of port loaders per Region, built on first use and kept. */
function perRegion(build: (region: string) => PortLoaders): (region: string) => PortLoaders {
  const known = new Map<string, PortLoaders>();
  return (region) => {
    const found = known.get(region);
    if (found) return found;
    const loaders = build(region);
    known.set(region, loaders);
    return loaders;
  };
}

/**
 * The data sources commands run against, chosen by `DATA_SOURCE` (README, "Configuration"). Each
 * adapter is imported on first need: `/cw help` and bad input load none, and a deployed function
 * never evaluates the demo. A command may read another Region (`--region`, within
 * `REGIONS_ALLOWED`): that Region gets its own adapters over its own clients (infra/aws/clients.ts).
 */
export function createDataSource(
  config: DataSourceConfig,
  options: { now?: () => Date; files?: FilesPort } = {},
): DataSource {
  const now = options.now ?? (() => new Date());
  const logsPolicy = {
    allowed: config.logGroupsAllowed,
    maxRangeSeconds: config.logsMaxRangeSeconds,
    pricePerGb: config.logsPricePerGb,
  };
  const reach = {
    regionsAllowed: config.regionsAllowed ?? [config.region],
    accounts: config.accounts ?? [],
  };
  const files = async () => options.files;
  if (config.dataSource === 'demo') {
    const portsIn = perRegion((region) => {
      const metrics = memoizeRetrying(async () =>
        (await import('./demo/demo-metrics.ts')).createDemoMetrics({ now, region }),
      );
      return {
        metrics,
        logs: memoizeRetrying(async () => (await import('./demo/demo-logs.ts')).createDemoLogs({ now })),
        alarms: memoizeRetrying(async () => (await import('./demo/demo-alarms.ts')).createDemoAlarms({ now, region })),
        dashboards: memoizeRetrying(async () =>
          (await import('./demo/demo-dashboards.ts')).createDemoDashboards({ now }),
        ),
        dashboard: memoizeRetrying(async () => (await import('./demo/demo-dashboards.ts')).createDemoDashboard()),
        images: memoizeRetrying(async () =>
          (await import('./demo/demo-image.ts')).createDemoMetricImage(await metrics()),
        ),
        widgetImages: memoizeRetrying(async () =>
          (await import('./demo/demo-image.ts')).createDemoWidgetImage(await metrics()),
        ),
        fleet: memoizeRetrying(async () => (await import('./demo/demo-fleet.ts')).createDemoFleet()),
        files,
      };
    });
    return {
      region: config.region,
      ...reach,
      now,
      // The demo's groups are always readable, whatever the allowlist says.
      logsPolicy: {
        ...logsPolicy,
        allowed: [...new Set([...config.logGroupsAllowed, ...DEMO_LOG_GROUPS, ...DEMO_LOG_PREFIXES])],
      },
      demoResources: describeDemoResources(),
      ports: portsIn(config.region),
      portsIn,
    };
  }
  const portsIn = perRegion((region): PortLoaders => {
    const aws = awsClients(region);
    return {
      metrics: memoizeRetrying(async () =>
        (await import('./aws/cloudwatch-metrics.ts')).createCloudWatchMetrics(await aws.cloudWatch()),
      ),
      alarms: memoizeRetrying(async () =>
        (await import('./aws/cloudwatch-alarms.ts')).createCloudWatchAlarms(await aws.cloudWatch()),
      ),
      dashboards: memoizeRetrying(async () =>
        (await import('./aws/cloudwatch-dashboards.ts')).createCloudWatchDashboards(await aws.cloudWatch()),
      ),
      dashboard: memoizeRetrying(async () =>
        (await import('./aws/cloudwatch-dashboard.ts')).createCloudWatchDashboard(await aws.cloudWatch()),
      ),
      images: memoizeRetrying(async () =>
        (await import('./aws/metric-image.ts')).createCloudWatchMetricImage(await aws.cloudWatch(), region),
      ),
      widgetImages: memoizeRetrying(async () =>
        (await import('./aws/metric-image.ts')).createCloudWatchWidgetImage(await aws.cloudWatch(), region),
      ),
      fleet: memoizeRetrying(async () => (await import('./aws/rds-fleet.ts')).createRdsFleet(await aws.rds())),
      logs: memoizeRetrying(async () =>
        (await import('./aws/cloudwatch-logs.ts')).createCloudWatchLogs(await aws.logs(), region),
      ),
      files,
    };
  });
  return {
    region: config.region,
    ...reach,
    now,
    logsPolicy,
    ports: portsIn(config.region),
    portsIn,
  };
}
