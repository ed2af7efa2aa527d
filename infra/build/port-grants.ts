/**
 * The IAM actions behind each port, and so the data-source grants each function needs: the slack
 * function those its commands may use inside the ack, the worker every command's and button's. The
 * template test holds serverless.yml's roles to these, and the adapters' SDK commands to the lists.
 */

import type { PortName } from '../../handlers/ports.ts';
import type { Registry } from '../../handlers/registry.ts';

export interface PortGrant {
  /** The AWS adapter of the port; `undefined` for a port that is not AWS (files go to Slack). */
  adapter: string | undefined;
  actions: readonly string[];
}

export const PORT_GRANTS: Record<PortName, PortGrant> = {
  metrics: {
    adapter: 'infra/aws/cloudwatch-metrics.ts',
    actions: ['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'],
  },
  alarms: { adapter: 'infra/aws/cloudwatch-alarms.ts', actions: ['cloudwatch:DescribeAlarms'] },
  dashboards: { adapter: 'infra/aws/cloudwatch-dashboards.ts', actions: ['cloudwatch:ListDashboards'] },
  dashboard: { adapter: 'infra/aws/cloudwatch-dashboard.ts', actions: ['cloudwatch:GetDashboard'] },
  images: { adapter: 'infra/aws/metric-image.ts', actions: ['cloudwatch:GetMetricWidgetImage'] },
  widgetImages: { adapter: 'infra/aws/metric-image.ts', actions: ['cloudwatch:GetMetricWidgetImage'] },
  logs: {
    adapter: 'infra/aws/cloudwatch-logs.ts',
    actions: [
      'logs:DescribeLogGroups',
      'logs:DescribeQueryDefinitions',
      'logs:GetQueryResults',
      'logs:ListLogGroupsForQuery',
      'logs:StartQuery',
      'logs:StopQuery',
    ],
  },
  fleet: { adapter: 'infra/aws/rds-fleet.ts', actions: ['rds:DescribeDBClusters', 'rds:DescribeDBInstances'] },
  files: { adapter: undefined, actions: [] },
};

function actionsOf(ports: Iterable<PortName>): string[] {
  return [...new Set([...ports].flatMap((port) => PORT_GRANTS[port].actions))].sort();
}

/** The data-source actions of the slack function (commands in the ack) and of the worker (everything). */
export function commandGrants(registry: Registry): { slack: string[]; worker: string[] } {
  const ack = registry.commands.flatMap((c) => (c.ack ? c.ack.needs : []));
  const worker = [
    ...registry.commands.flatMap((c) => c.needs),
    ...registry.buttons.flatMap((b) => ('needs' in b ? b.needs : [])),
  ];
  return { slack: actionsOf(ack), worker: actionsOf(worker) };
}

export { actionsOf as portActions };
