// Kept apart from the demo adapters so `/cw help` lists them without loading any demo data.
import type { DemoResources } from '../../handlers/command.ts';
import { SHORTCUTS } from '../../handlers/cw/metrics/catalog.ts';
import { DEMO_ACCOUNTS, DEMO_HOME_ACCOUNT, DEMO_HOME_REGION, DEMO_REGIONS } from './demo-accounts.ts';

export const DEMO_LOG_GROUPS = ['/aws/lambda/checkout-api', '/aws/lambda/image-resizer', '/ecs/public-web'];
/** So `/cw logs query /aws/lambda/checkout-*` can be tried locally. */
export const DEMO_LOG_PREFIXES = ['/aws/lambda/*', '/ecs/*'];

export interface DemoResource {
  id: string;
  note?: string;
  /** Shortcut metrics CloudWatch does not publish for this resource, so the demo has none either. */
  without?: { metrics: string[]; because: string };
}

const AURORA_STORAGE = { metrics: ['storage'], because: 'Aurora publishes no FreeStorageSpace per instance' };

/** What the demo has data for, per `/cw metrics` shortcut: every metric of the shortcut, unless `without` says. */
export const DEMO_RESOURCES: Record<string, DemoResource[]> = {
  ec2: [
    { id: 'i-0abc1234def567890', note: 'web-1' },
    { id: 'i-0abd1234def567890', note: 'web-2' },
    { id: 'i-0f7e3c2b1a0987654', note: 'batch-1' },
  ],
  rds: [
    { id: 'orders-db' },
    { id: 'users-db' },
    { id: 'reporting-db', note: 'staging' },
    { id: 'billing-1', note: 'Aurora writer', without: AURORA_STORAGE },
    { id: 'billing-2', note: 'Aurora reader', without: AURORA_STORAGE },
  ],
  lambda: [{ id: 'checkout-api' }, { id: 'image-resizer' }],
  alb: [{ id: 'app/public-web/50dc6c495c0c9188' }],
};

const LABELS: Record<string, string> = { ec2: 'EC2', rds: 'RDS', lambda: 'Lambda', alb: 'ALB' };

/** The demo's alarms (infra/demo/demo-alarms.ts), by state, for `/cw help alarms`. */
export const DEMO_ALARMS = {
  ALARM: ['reporting-db-freeable-memory-low', 'image-resizer-duration-p99'],
  OK: ['orders-db-cpu-high', 'checkout-api-errors', 'checkout-degraded'],
  INSUFFICIENT_DATA: ['batch-2-status-check'],
} as const;

/** For `/cw help` in demo mode: what there is to look at, by help topic. */
export function describeDemoResources(): DemoResources {
  const services = Object.entries(DEMO_RESOURCES).map(([service, resources]) => {
    const ids = resources.map((r) => `\`${r.id}\`${r.note ? ` (${r.note})` : ''}`).join(', ');
    const exceptions = resources.flatMap((r) => (r.without ? [{ id: r.id, ...r.without }] : []));
    const metrics = Object.keys(SHORTCUTS[service]?.metrics ?? {})
      .map((m) => {
        const missing = exceptions.filter((e) => e.metrics.includes(m));
        return missing.length > 0 ? `${m} (not ${missing.map((e) => e.id).join(', ')}: ${missing[0]?.because})` : m;
      })
      .join(', ');
    return `• ${LABELS[service] ?? service} ${ids}: ${metrics}`;
  });
  const alarms = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');
  return {
    metrics: [
      ...services,
      '• RDS cluster `billing-cluster` (DBClusterIdentifier), for `/dbadvice fleet`',
      `• Every resource also in ${DEMO_REGIONS.filter((r) => r !== DEMO_HOME_REGION)
        .map((r) => `\`--region ${r}\``)
        .join(', ')} and the linked accounts ${DEMO_ACCOUNTS.filter((a) => a.id !== DEMO_HOME_ACCOUNT)
        .map((a) => `\`--account ${a.alias}\``)
        .join(', ')}, each with its own numbers (\`ops\` is the monitoring account itself)`,
    ],
    logs: [
      `• Logs ${DEMO_LOG_GROUPS.map((g) => `\`${g}\``).join(', ')}; saved queries \`checkout errors\`, \`web 5xx by 5 minutes\``,
    ],
    alarms: [
      `• In ALARM: ${alarms(DEMO_ALARMS.ALARM)}`,
      `• OK: ${alarms(DEMO_ALARMS.OK)}`,
      `• INSUFFICIENT_DATA: ${alarms(DEMO_ALARMS.INSUFFICIENT_DATA)}`,
    ],
    note: '_An incident hit orders-db, checkout-api and the load balancer about two hours ago._',
  };
}
