import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PortName } from '../../../../handlers/ports.ts';
import { REGISTRY } from '../../../../handlers/registry.ts';
import { commandGrants, PORT_GRANTS } from '../../../../infra/build/port-grants.ts';

/** The IAM service prefix of each SDK client package the adapters import. */
const SERVICE: Record<string, string> = {
  'client-cloudwatch': 'cloudwatch',
  'client-cloudwatch-logs': 'logs',
  'client-rds': 'rds',
};

/** The IAM actions an adapter's source calls: its `XCommand`s and `paginateX`s, with the client's service prefix. */
function actionsCalledBy(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const imports = [...source.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@aws-sdk\/([a-z-]+)'/g)];
  return imports
    .flatMap(([, names = '', client = '']) =>
      names
        .split(',')
        .map((n) => n.trim().replace(/^type\s+/, ''))
        .flatMap((n) => /^(?:paginate(\w+)|(\w+)Command)$/.exec(n)?.slice(1).filter(Boolean) ?? [])
        .map((operation) => `${SERVICE[client] ?? client}:${operation}`),
    )
    .sort();
}

describe('infra/build/port-grants', () => {
  it.each(Object.entries(PORT_GRANTS).filter(([, grant]) => grant.adapter))(
    'grants the %s port exactly the AWS calls its adapter makes',
    (_port, grant) => {
      expect(actionsCalledBy(grant.adapter ?? '')).toEqual([...grant.actions].sort());
    },
  );

  it('gives the slack function only what commands may read inside the ack, and the worker everything', () => {
    const { slack, worker } = commandGrants(REGISTRY);
    const ackPorts = REGISTRY.commands.flatMap((c) => (c.ack ? c.ack.needs : []));
    expect(slack).toEqual([...new Set(ackPorts.flatMap((p) => PORT_GRANTS[p].actions))].sort());
    // Logs Insights and the RDS review never run in the ack: the slack role cannot read logs or RDS.
    expect(slack.filter((a) => a.startsWith('logs:') || a.startsWith('rds:'))).toEqual([]);
    for (const action of slack) expect(worker).toContain(action);
    const every = (Object.keys(PORT_GRANTS) as PortName[]).flatMap((p) => PORT_GRANTS[p].actions);
    expect(worker).toEqual([...new Set(every)].sort());
  });

  it('lets the worker confirm what a Logs Insights query read (ListLogGroupsForQuery), and not the slack function', () => {
    const { slack, worker } = commandGrants(REGISTRY);
    expect(worker).toContain('logs:ListLogGroupsForQuery');
    expect(slack).not.toContain('logs:ListLogGroupsForQuery');
    expect(slack).not.toContain('logs:StartQuery');
  });

  it('keeps dashboard bodies to the worker: /cw dashboards lists in the ack, /cw dashboard reads and draws in the worker', () => {
    // Prepare
    const { slack, worker } = commandGrants(REGISTRY);

    // Assess
    expect(slack).toContain('cloudwatch:ListDashboards');
    expect(slack).not.toContain('cloudwatch:GetDashboard');
    expect(slack).not.toContain('cloudwatch:GetMetricWidgetImage');
    expect(worker).toEqual(
      expect.arrayContaining([
        'cloudwatch:GetDashboard',
        'cloudwatch:GetMetricWidgetImage',
        'cloudwatch:DescribeAlarms',
      ]),
    );
  });
});
