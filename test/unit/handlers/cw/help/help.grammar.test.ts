import { describe, expect, it } from 'vitest';
import type { CommandPlan } from '../../../../../handlers/command.ts';
import { planCommand } from '../../../../../handlers/dispatch.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import { createDemoAlarms } from '../../../../../infra/demo/demo-alarms.ts';
import { describeDemoResources } from '../../../../../infra/demo/demo-resources.ts';
import { expectValidMessage } from '../../../../fixtures/block-kit.ts';
import { commandDeps } from '../../../../fixtures/command-deps.ts';

const plan = (text: string, demo = false) =>
  planCommand({ command: '/cw', text }, commandDeps(demo ? { demoResources: describeDemoResources() } : {}));

function shown(p: CommandPlan): string {
  if (p.kind !== 'reply') throw new Error('expected a reply');
  expectValidMessage(p.message);
  return JSON.stringify(p.message);
}

function refusal(text: string): UserInputError {
  try {
    plan(text);
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error(`/cw ${text} was accepted`);
}

describe('--help on every command', () => {
  it.each([
    ['--help', '/cw: CloudWatch from Slack'],
    ['-h', '/cw: CloudWatch from Slack'],
    ['help --help', '/cw: CloudWatch from Slack'],
    ['metrics --help', '/cw metrics: CloudWatch metrics'],
    ['alarms --help', '/cw alarms: what is firing'],
    ['alarms all prod- -h', '/cw alarms: what is firing'],
    ['metrics rds cpu orders-db --help', '/cw metrics: CloudWatch metrics'],
    ['metrics rds cpu orders-db --since 999d --graf --help', '/cw metrics: CloudWatch metrics'],
    ['metrics AWS/EC2 CPUUtilization -help', '/cw metrics: CloudWatch metrics'],
    ['logs --help', '/cw logs: Logs Insights'],
    ['logs query --help', '/cw logs: Logs Insights'],
    ['logs query /aws/lambda/checkout-api --help', '/cw logs: Logs Insights'],
    ['logs query /aws/lambda/checkout-api filter @message like /ERROR/ --help', '/cw logs: Logs Insights'],
    ['logs query /secret/group --since 1h -h', '/cw logs: Logs Insights'],
    ['logs run --help', '/cw logs: Logs Insights'],
    ['logs run checkout errors --help', '/cw logs: Logs Insights'],
    ['logs saved --help', '/cw logs: Logs Insights'],
  ])('`/cw %s` shows %s', (text, title) => {
    // Act
    const message = shown(plan(text));

    // Assess
    expect(message).toContain(title);
  });

  it('keeps a `--help` inside a Logs Insights string in the query', () => {
    // Act
    const p = plan('logs query /aws/lambda/checkout-api filter @message like "--help"');

    // Assess
    expect(p.kind).toBe('work');
  });

  it('lists --help among the flags when a flag is mistyped', () => {
    expect(refusal('alarms --verbose').message).toContain('`--help`');
  });
});

describe('/cw help <topic>', () => {
  it.each([
    ['foo', /no help topic `foo`; topics: metrics, top, logs, alarms, dashboards, dashboard\./],
    ['metrcs', /no help topic `metrcs`.*Did you mean `\/cw help metrics`\?/],
    ['alrams', /Did you mean `\/cw help alarms`\?/],
    ['dbadvice', /`\/dbadvice help`/],
    ['/dbadvice', /`\/dbadvice help`/],
  ])('`/cw help %s` is refused, not answered with everything', (topic, message) => {
    // Act
    const error = refusal(`help ${topic}`);

    // Assess
    expect(error.message).toMatch(message);
  });

  it('mentions /dbadvice in one line of the full help', () => {
    expect(shown(plan('help'))).toMatch(/`\/dbadvice where should we keep user sessions\?`, `\/dbadvice help`/);
  });

  it.each([
    ['logs', '/aws/lambda/checkout-api', ['`orders-db`', 'i-0abc1234def567890', 'reporting-db-freeable-memory-low']],
    ['alarms', 'reporting-db-freeable-memory-low', ['orders-db`', 'i-0abc1234def567890', '/aws/lambda/checkout-api']],
    ['metrics', 'orders-db', ['/aws/lambda/checkout-api', 'reporting-db-freeable-memory-low']],
  ])('`/cw help %s` lists only its own demo resources', (topic, has, hasNot) => {
    // Act
    const message = shown(plan(`help ${topic}`, true));

    // Assess
    expect(message).toContain(has);
    for (const other of hasNot) expect(message).not.toContain(other);
  });

  it('lists every demo resource in the full help', () => {
    const message = shown(plan('help', true));
    for (const name of ['orders-db', '/aws/lambda/checkout-api', 'reporting-db-freeable-memory-low']) {
      expect(message).toContain(name);
    }
  });

  it('names the demo alarms the demo really has', async () => {
    // Prepare
    const { alarms } = describeDemoResources();

    // Act
    const all = await createDemoAlarms().describeAlarms({ state: undefined, namePrefix: undefined });

    // Assess
    const listed =
      alarms
        .join(' ')
        .match(/`[^`]+`/g)
        ?.map((n) => n.slice(1, -1)) ?? [];
    expect(listed.sort()).toEqual(all.map((a) => a.name).sort());
  });

  it.each([
    ['metrics', /metrics default: the last 3h/, /logs default/],
    ['logs', /logs default: the last 15m/, /metrics default/],
  ])('`/cw help %s` states its own --since default', (topic, has, hasNot) => {
    const message = shown(plan(`help ${topic}`));
    expect(message).toMatch(has);
    expect(message).not.toMatch(hasNot);
  });
});

describe('/cw help: what it says about time zones is true', () => {
  it('says times are in the reader’s own zone and only @timestamp columns are UTC', () => {
    // Act
    const text = shown(plan('help'));

    // Assess: the answer's times are <!date> tokens Slack shows in each reader's zone
    expect(text).not.toMatch(/Values are CloudWatch's, in UTC/);
    expect(text).toContain('times show in your own time zone');
    expect(text).toMatch(/@timestamp.{0,20} columns in UTC, as labelled/);
  });
});
