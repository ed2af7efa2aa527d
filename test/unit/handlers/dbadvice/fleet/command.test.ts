import { describe, expect, it } from 'vitest';
import { planCommand } from '../../../../../handlers/dispatch.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import { createDemoFleet } from '../../../../../infra/demo/demo-fleet.ts';
import { expectValidMessage } from '../../../../fixtures/block-kit.ts';
import { commandDeps } from '../../../../fixtures/command-deps.ts';
import { fakeMetrics } from '../../../../fixtures/fake-metrics.ts';

describe('handlers/dbadvice/fleet/command', () => {
  it('plans the fleet review as worker work that reads the fleet and metrics ports', async () => {
    // Prepare
    const plan = planCommand({ command: '/dbadvice', text: '플릿 --share' }, commandDeps());
    const metrics = fakeMetrics({});
    const now = () => new Date('2025-03-08T12:34:00Z');
    const deps = commandDeps({ metrics: metrics.port, region: 'eu-west-1', now, fleet: createDemoFleet() });

    // Act
    expect(plan).toMatchObject({ kind: 'work', mayAnswerInAck: false });
    const message = plan.kind === 'work' ? await plan.run(deps) : undefined;

    // Assess
    expect(plan.kind === 'work' && plan.working.response_type).toBe('in_channel');
    expectValidMessage(message ?? { text: '' });
    expect(message?.response_type).toBe('in_channel');
    expect(metrics.calls.getMetricData).toHaveLength(1);
    expect(message?.text).toMatch(/4 databases in eu-west-1/);
  });

  it('refuses a flag the review does not take, with the usage', () => {
    expect(() => planCommand({ command: '/dbadvice', text: 'fleet --since 1d' }, commandDeps())).toThrow(
      UserInputError,
    );
  });
});
