import { describe, expect, it } from 'vitest';
import { planCommand } from '../../../handlers/dispatch.ts';
import { loadPorts } from '../../../handlers/ports.ts';
import { createDataSource } from '../../../infra/data-source.ts';

const dataSource = () =>
  createDataSource(
    {
      dataSource: 'demo',
      region: 'us-east-1',
      logGroupsAllowed: ['/aws/lambda/*', '/ecs/*'],
      logsMaxRangeSeconds: 7 * 86400,
      logsPricePerGb: 0.005,
    },
    { now: () => new Date('2026-11-25T12:00:00Z') },
  );

/** Every demo port loaded, as the worker would load a command's. */
const deps = async () => {
  const source = dataSource();
  const ports = await loadPorts(source.ports, [
    'metrics',
    'logs',
    'alarms',
    'dashboards',
    'dashboard',
    'images',
    'widgetImages',
    'fleet',
    'files',
  ]);
  // Logs Insights polls: no need to wait between polls here.
  return { ...source, ...ports, sleep: async () => undefined };
};

// Every worker command, shared and not: the "working on it" ack is replaced by the answer through
// response_url, so it must have the answer's visibility (an in_channel ack also echoes who asked).
const COMMANDS: [string, string][] = [
  ['/cw', 'logs query /aws/lambda/checkout-api --share'],
  ['/cw', 'logs query /aws/lambda/checkout-api'],
  ['/cw', 'logs saved --share'],
  ['/cw', 'logs run checkout errors --share'],
  ['/cw', 'metrics rds cpu orders-db --graph --share'],
  ['/cw', 'metrics rds cpu orders-db --graph'],
  ['/cw', 'metrics rds cpu orders-db --share'],
  ['/cw', 'alarms --share'],
  ['/cw', 'dashboards prod- --share'],
  ['/cw', 'dashboards'],
  ['/dbadvice', '--share fleet'],
  ['/dbadvice', 'fleet --share'],
  ['/dbadvice', 'fleet'],
  ['/dbadvice', '--share session store with sub-millisecond reads'],
];

describe('handlers/working-message', () => {
  it.each(COMMANDS)('%s %s: the working ack has the visibility of the answer', async (command, text) => {
    // Prepare
    const plan = planCommand({ command, text }, dataSource());
    if (plan.kind !== 'work') throw new Error(`${command} ${text} is not worker work`);
    const shared = /(^|\s)--share(\s|$)/.test(text);

    // Act
    const answer = await plan.run(await deps());

    // Assess
    expect(plan.working.text).toMatch(/^:hourglass_flowing_sand: /);
    expect(plan.working.response_type).toBe(shared ? 'in_channel' : 'ephemeral');
    expect(answer.response_type ?? 'ephemeral').toBe(plan.working.response_type);
  });
});
