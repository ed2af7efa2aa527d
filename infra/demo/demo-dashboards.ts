import { DashboardNotFoundError } from '../../handlers/port-errors.ts';
import type { DashboardPort, DashboardSummary, DashboardsPort } from '../../handlers/ports.ts';
import { demoAlarmArn } from './demo-alarm-rules.ts';

const REGION = 'us-east-1';
const ALB = 'app/public-web/50dc6c495c0c9188';

/**
 * The demo's two dashboards, with bodies in CloudWatch's dashboard JSON
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html)
 * over the demo fleet's metrics, alarms and log groups: metric, text, alarm and log widgets, and
 * one kind (`explorer`) the bot does not draw.
 */
const DEMO_BODIES: Record<string, { modifiedAgoMs: number; body: object }> = {
  'prod-checkout-api': {
    modifiedAgoMs: 3 * 3_600_000,
    body: {
      start: '-PT6H',
      widgets: [
        {
          type: 'text',
          x: 0,
          y: 0,
          width: 24,
          height: 2,
          properties: {
            markdown: '## Checkout API\nOn call: #checkout-oncall. Runbook: https://wiki.example.com/checkout-api',
          },
        },
        {
          type: 'metric',
          x: 0,
          y: 2,
          width: 12,
          height: 6,
          properties: {
            title: 'checkout-api errors and invocations',
            view: 'timeSeries',
            region: REGION,
            stat: 'Sum',
            period: 60,
            metrics: [
              ['AWS/Lambda', 'Errors', 'FunctionName', 'checkout-api'],
              ['.', 'Invocations', '.', '.'],
            ],
          },
        },
        {
          type: 'metric',
          x: 12,
          y: 2,
          width: 12,
          height: 6,
          properties: {
            title: 'public-web target 5xx',
            view: 'timeSeries',
            region: REGION,
            stat: 'Sum',
            period: 60,
            metrics: [['AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', 'LoadBalancer', ALB]],
          },
        },
        {
          type: 'alarm',
          x: 0,
          y: 8,
          width: 12,
          height: 3,
          properties: {
            title: 'Checkout alarms',
            alarms: [demoAlarmArn('checkout-api-errors'), demoAlarmArn('checkout-degraded')],
          },
        },
        {
          type: 'log',
          x: 12,
          y: 8,
          width: 12,
          height: 6,
          properties: {
            title: 'Recent checkout errors',
            region: REGION,
            view: 'table',
            query:
              "SOURCE '/aws/lambda/checkout-api' | fields @timestamp, @message | filter @message like /ERROR/ | sort @timestamp desc | limit 20",
          },
        },
      ],
    },
  },
  'prod-orders-db': {
    modifiedAgoMs: 9 * 86_400_000,
    body: {
      widgets: [
        {
          type: 'metric',
          x: 0,
          y: 0,
          width: 12,
          height: 6,
          properties: {
            title: 'orders-db CPU',
            region: REGION,
            stat: 'Average',
            period: 300,
            metrics: [['AWS/RDS', 'CPUUtilization', 'DBInstanceIdentifier', 'orders-db']],
            annotations: { horizontal: [{ label: 'orders-db-cpu-high', value: 80 }] },
            yAxis: { left: { min: 0, max: 100 } },
          },
        },
        {
          type: 'metric',
          x: 12,
          y: 0,
          width: 12,
          height: 6,
          properties: {
            title: 'Connections',
            region: REGION,
            stat: 'Maximum',
            period: 300,
            metrics: [
              ['AWS/RDS', 'DatabaseConnections', 'DBInstanceIdentifier', 'orders-db'],
              ['...', 'users-db'],
            ],
          },
        },
        {
          type: 'metric',
          x: 0,
          y: 6,
          width: 12,
          height: 6,
          properties: {
            title: 'orders-db freeable memory',
            region: REGION,
            metrics: [['AWS/RDS', 'FreeableMemory', 'DBInstanceIdentifier', 'orders-db', { stat: 'Minimum' }]],
          },
        },
        {
          type: 'alarm',
          x: 12,
          y: 6,
          width: 12,
          height: 3,
          properties: { title: 'Database alarms', alarms: [demoAlarmArn('orders-db-cpu-high')] },
        },
        {
          type: 'explorer',
          x: 0,
          y: 12,
          width: 24,
          height: 6,
          properties: {
            title: 'Every RDS instance',
            metrics: [{ metricName: 'CPUUtilization', resourceType: 'AWS::RDS::DBInstance', stat: 'Average' }],
          },
        },
        {
          type: 'text',
          x: 0,
          y: 18,
          width: 24,
          height: 2,
          properties: { markdown: 'Owned by the data team. Failover drill: first Monday of the month.' },
        },
      ],
    },
  },
};

const NAMES = Object.keys(DEMO_BODIES);

/** A {@link DashboardsPort} over the demo's two dashboards, filtered by prefix as ListDashboards does. */
export function createDemoDashboards(options: { now?: () => Date } = {}): DashboardsPort {
  const now = options.now ?? (() => new Date());
  return {
    async listDashboards(query): Promise<DashboardSummary[]> {
      const at = now().getTime();
      return NAMES.filter((name) => !query.namePrefix || name.startsWith(query.namePrefix)).map((name) => ({
        name,
        lastModified: new Date(at - (DEMO_BODIES[name]?.modifiedAgoMs ?? 0)),
        sizeBytes: Buffer.byteLength(JSON.stringify(DEMO_BODIES[name]?.body ?? {})),
      }));
    },
  };
}

/** A {@link DashboardPort} over the same dashboards: GetDashboard's body, as the JSON string it returns. */
export function createDemoDashboard(): DashboardPort {
  return {
    async getDashboard(name) {
      const found = DEMO_BODIES[name];
      if (!found) throw new DashboardNotFoundError(name);
      return { name, body: JSON.stringify(found.body) };
    },
  };
}
