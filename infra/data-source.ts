import type { CommandDeps } from '../handlers/commands.ts';
import type { MetricsPort } from '../handlers/ports.ts';
import type { Config } from './config.ts';
import { createDemoMetrics, describeDemoResources } from './demo/demo-metrics.ts';

/**
 * A port whose adapter is imported on first use: `/cw help` and bad input never load the AWS SDK,
 * which keeps it off the cold-start path.
 */
function lazyMetrics(load: () => Promise<MetricsPort>): MetricsPort {
  let port: Promise<MetricsPort> | undefined;
  const get = () => {
    port ??= load().catch((error: unknown) => {
      port = undefined;
      throw error;
    });
    return port;
  };
  return {
    getMetricData: async (...args) => (await get()).getMetricData(...args),
    listMetrics: async (...args) => (await get()).listMetrics(...args),
  };
}

/** The data sources a command runs against, chosen by `DATA_SOURCE` (DESIGN.md). */
export function createCommandDeps(config: Pick<Config, 'dataSource' | 'region'>, now = () => new Date()): CommandDeps {
  if (config.dataSource === 'demo') {
    return { metrics: createDemoMetrics({ now }), region: config.region, now, demoResources: describeDemoResources() };
  }
  const metrics = lazyMetrics(async () => {
    const [{ CloudWatchClient }, { createCloudWatchMetrics }] = await Promise.all([
      import('@aws-sdk/client-cloudwatch'),
      import('./aws/cloudwatch-metrics.ts'),
    ]);
    return createCloudWatchMetrics(new CloudWatchClient({ region: config.region }));
  });
  return { metrics, region: config.region, now };
}
