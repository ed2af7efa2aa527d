import { describe, expect, it } from 'vitest';
import { planCommand } from '../../../../../handlers/dispatch.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import { RequestRejectedError } from '../../../../../handlers/port-errors.ts';
import type { DashboardsPort } from '../../../../../handlers/ports.ts';
import { commandDeps } from '../../../../fixtures/command-deps.ts';

describe('handlers/cw/dashboards/command', () => {
  it('`/cw dashboards prod- --share` lists with the prefix inside the ack, in the channel', async () => {
    // Prepare
    const asked: { namePrefix?: string }[] = [];
    const dashboards: DashboardsPort = {
      listDashboards: async (query) => {
        asked.push(query);
        return [{ name: 'prod-api', lastModified: new Date('2026-11-25T11:00:00Z'), sizeBytes: 100 }];
      },
    };
    const deps = commandDeps({ dashboards });

    // Act
    const plan = planCommand({ command: '/cw', text: 'dashboards prod- --share' }, deps);
    if (plan.kind !== 'work') throw new Error('expected work');
    const answer = await plan.run(deps);

    // Assess
    expect(plan.mayAnswerInAck).toBe(true);
    expect(plan.working.response_type).toBe('in_channel');
    expect(asked).toEqual([{ namePrefix: 'prod-' }]);
    expect(answer.response_type).toBe('in_channel');
    expect(answer.text).toBe('prod-api');
  });

  it('refuses bad input before reading anything', () => {
    expect(() => planCommand({ command: '/cw', text: 'dashboards prod api' }, commandDeps())).toThrow(UserInputError);
  });

  it('shows a prefix CloudWatch refuses as bad input, with the usage', async () => {
    // Prepare
    const dashboards: DashboardsPort = {
      listDashboards: () => Promise.reject(new RequestRejectedError('CloudWatch refused the name prefix.')),
    };
    const deps = commandDeps({ dashboards });
    const plan = planCommand({ command: '/cw', text: 'dashboards prod-' }, deps);
    if (plan.kind !== 'work') throw new Error('expected work');

    // Act
    const answer = plan.run(deps);

    // Assess
    await expect(answer).rejects.toBeInstanceOf(UserInputError);
    await expect(answer).rejects.toMatchObject({ usage: expect.stringContaining('/cw dashboards [name-prefix]') });
  });
});
