import { describe, expect, it } from 'vitest';
import type { AlarmChange } from '../../../../handlers/alarm-relay/alarm-change.ts';
import { parseAlarmEvent } from '../../../../handlers/alarm-relay/alarm-event.ts';
import {
  AlarmRoutesError,
  globMatches,
  routeAlarm,
  validateAlarmRouting,
} from '../../../../handlers/alarm-relay/routes.ts';
import { type AlarmFixture, alarmEvent } from '../../../fixtures/alarm-events/index.ts';
import { thrownBy } from '../../../fixtures/outcome.ts';

function change(fixture: AlarmFixture, overrides: Partial<{ name: string; account: string; region: string }> = {}) {
  const event = alarmEvent(fixture);
  if (overrides.name) event.detail.alarmName = overrides.name;
  if (overrides.account) event.account = overrides.account;
  if (overrides.region) event.region = overrides.region;
  event.resources = [];
  const result = parseAlarmEvent(event);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.change as AlarmChange;
}

const routing = validateAlarmRouting(
  {
    routes: [
      {
        name: 'payments',
        match: { alarmName: ['payments-*', 'checkout-?'] },
        channel: 'C0PAYMENTS1',
        mention: 'S0PAYONCALL',
        logGroups: '/ecs/pay',
      },
      { name: 'ec2-eu', match: { namespace: 'AWS/EC2', region: 'eu-west-1' }, channel: 'C0EC2EU0001' },
      { name: 'prod', match: { account: ['210987654321'] }, channel: 'C0PROD00001' },
    ],
  },
  'test',
  'C0DEFAULT01',
);

describe('handlers/alarm-relay/routes', () => {
  it.each([
    ['payments-api-5xx', {}, 'C0PAYMENTS1'],
    ['checkout-1', {}, 'C0PAYMENTS1'],
    ['checkout-12', {}, 'C0DEFAULT01'],
    ['cpu', { region: 'eu-west-1' }, 'C0EC2EU0001'],
    ['cpu', { region: 'us-east-1' }, 'C0DEFAULT01'],
    ['cpu', { account: '210987654321' }, 'C0PROD00001'],
  ])('routes %s %j to %s', (name, overrides, channel) => {
    expect(routeAlarm(routing, change('metric', { name, ...overrides })).channel).toBe(channel);
  });

  it('takes the first matching route, with its mention and log groups', () => {
    const decision = routeAlarm(routing, change('metric', { name: 'payments-cpu', region: 'eu-west-1' }));
    expect(decision).toEqual({
      channel: 'C0PAYMENTS1',
      mention: 'S0PAYONCALL',
      logGroups: ['/ecs/pay'],
      routeName: 'payments',
    });
  });

  it('never matches a namespace route for a composite alarm, which has no metrics', () => {
    expect(routeAlarm(routing, change('composite', { region: 'eu-west-1' })).routeName).toBeUndefined();
  });

  it('matches globs over the whole name, unicode included, with regex characters taken literally', () => {
    expect(globMatches('결제-*', '결제-API 지연 🚨')).toBe(true);
    expect(globMatches('a.b', 'axb')).toBe(false);
    expect(globMatches('p?', 'p🚨')).toBe(true);
    expect(globMatches('payments', 'payments-api')).toBe(false);
  });

  it.each([
    [
      { routes: [{ name: 'x', match: { alarmName: 'a' }, channel: '#payments' }] },
      /routes\[0\]\.channel must be a Slack channel id like C0123ABCD.*"#payments"/,
    ],
    [
      { routes: [{ name: 'x', match: {}, channel: 'C0PAYMENTS1' }] },
      /routes\[0\]\.match must name at least one of alarmName, account, region, namespace/,
    ],
    [
      { routes: [{ name: 'x', match: { alarm: 'a' }, channel: 'C0PAYMENTS1' }] },
      /routes\[0\]\.match\.alarm is not a condition/,
    ],
    [
      { routes: [{ name: 'x', match: { account: '1234' }, channel: 'C0PAYMENTS1' }] },
      /routes\[0\]\.match\.account\[0\] must be a 12-digit account id/,
    ],
    [
      { routes: [{ name: 'x', match: { region: 'Europe' }, channel: 'C0PAYMENTS1' }] },
      /routes\[0\]\.match\.region\[0\] must be a region like eu-west-1/,
    ],
    [
      { routes: [{ name: 'x', match: { region: 'eu-west-1' }, channel: 'C0PAYMENTS1', mention: '@oncall' }] },
      /routes\[0\]\.mention must be a user group id/,
    ],
    [
      { routes: [{ match: { region: 'eu-west-1' }, channel: 'C0PAYMENTS1', chanel: 'x' }] },
      /routes\[0\]\.chanel is not a route field[\s\S]*routes\[0\]\.name is missing/,
    ],
    [
      { routes: [{ name: 'x', match: { alarmName: [] }, channel: 'C0PAYMENTS1' }] },
      /alarmName must be a string or a non-empty list/,
    ],
    [
      {
        routes: [
          { name: 'x', match: { alarmName: 'a' }, channel: 'C0PAYMENTS1' },
          { name: 'x', match: { alarmName: 'b' }, channel: 'C0PAYMENTS1' },
        ],
      },
      /route name "x" is used twice/,
    ],
    [{ routes: 'all' }, /routes must be a list/],
    [{ route: [] }, /route is not a top-level field/],
  ])('names the problem in %j', (raw, problem) => {
    expect(() => validateAlarmRouting(raw, 'infra/alarm-routes.yml', 'C0DEFAULT01')).toThrow(AlarmRoutesError);
    expect(() => validateAlarmRouting(raw, 'infra/alarm-routes.yml', 'C0DEFAULT01')).toThrow(problem);
  });

  it('needs a default channel from the environment or the file, the environment winning', () => {
    expect(() => validateAlarmRouting({ routes: [] }, 'f')).toThrow(/no default channel: set ALARM_DEFAULT_CHANNEL/);
    expect(validateAlarmRouting({ routes: [], defaultChannel: 'C0FILE00001' }, 'f').defaultChannel).toBe('C0FILE00001');
    expect(validateAlarmRouting({ defaultChannel: 'C0FILE00001' }, 'f', 'C0ENV000001').defaultChannel).toBe(
      'C0ENV000001',
    );
  });

  it('reports every problem at once', () => {
    const error = thrownBy(() =>
      validateAlarmRouting({ routes: [{ name: 'a', match: {}, channel: 'x' }, 'b'] }, 'f', 'nope'),
    );
    expect(error).toBeInstanceOf(AlarmRoutesError);
    expect((error as AlarmRoutesError).problems).toHaveLength(4);
  });
});
