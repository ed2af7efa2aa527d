import { describe, expect, it } from 'vitest';
import { TOP_USAGE } from '../../../../../handlers/cw/top/parse-top.ts';
import { planCommand } from '../../../../../handlers/dispatch.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import type { SlackMessage } from '../../../../../handlers/slack-message.ts';
import { createDemoMetrics } from '../../../../../infra/demo/demo-metrics.ts';
import { expectValidMessage } from '../../../../fixtures/block-kit.ts';
import { commandDeps } from '../../../../fixtures/command-deps.ts';
import { thrownBy } from '../../../../fixtures/outcome.ts';

const now = () => new Date('2026-12-02T10:00:00Z');
const deps = () => commandDeps({ metrics: createDemoMetrics({ now }), region: 'eu-west-1', now });

async function run(text: string): Promise<SlackMessage> {
  const plan = planCommand({ command: '/cw', text }, deps());
  if (plan.kind !== 'work') throw new Error(`not work: ${text}`);
  return plan.run(deps());
}

describe('handlers/cw/top/command', () => {
  it('plans /cw top as work that may answer in the ack with the metrics port', () => {
    // Act
    const plan = planCommand({ command: '/cw', text: 'top ec2 cpu --share' }, deps());

    // Assess
    expect(plan).toMatchObject({ kind: 'work', mayAnswerInAck: true, working: { response_type: 'in_channel' } });
  });

  it('answers /cw top rds connections on the demo with the incident database first', async () => {
    // Act
    const message = await run('top rds connections --since 3h');

    // Assess
    expectValidMessage(message);
    expect(message.text).toMatch(
      /^Top DatabaseConnections by DBInstanceIdentifier \(Average, last 3h\): 1\. orders-db /,
    );
  });

  it('refuses bad words with the /cw top usage before any call', () => {
    // Act
    const plan = () => planCommand({ command: '/cw', text: 'top ec2 cpu --stat p99' }, commandDeps());

    // Assess: commandDeps' ports fail if touched; parsing refuses first.
    expect(plan).toThrow(UserInputError);
    expect(plan).toThrow(/no percentiles/);
    expect(thrownBy(plan)).toMatchObject({ usage: TOP_USAGE });
  });

  it('has a help topic: /cw help top and /cw top --help', () => {
    for (const text of ['help top', 'top --help', 'top ec2 cpu -h']) {
      // Act
      const plan = planCommand({ command: '/cw', text }, deps());

      // Assess
      expect(plan.kind, text).toBe('reply');
      const body = plan.kind === 'reply' ? JSON.stringify(plan.message.blocks) : '';
      expect(body, text).toMatch(/no percentiles/i);
    }
  });

  it("runs a row's Graph button as /cw metrics --graph, in the worker", async () => {
    // Prepare
    const message = await run('top lambda errors --since 3h');
    // The first Graph button: in the actions block above the table.
    const button = (message.blocks ?? []).flatMap((b) =>
      b.type === 'actions' ? b.elements.filter((e) => e.type === 'button') : [],
    )[0];

    // Act
    const plan = planCommand({ command: '/cw', text: button?.value ?? '' }, deps());

    // Assess
    expect(button?.value).toMatch(/^metrics AWS\/Lambda Errors FunctionName=checkout-api --stat Sum /);
    expect(plan).toMatchObject({ kind: 'work', mayAnswerInAck: false });
  });
});
