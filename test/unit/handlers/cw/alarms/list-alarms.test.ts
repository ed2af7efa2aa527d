import { CloudWatchClient, DescribeAlarmsCommand, type DescribeAlarmsCommandOutput } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { listAlarms, parseAlarmList } from '../../../../../handlers/cw/alarms/list-alarms.ts';
import { planCommand } from '../../../../../handlers/dispatch.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import { createCloudWatchAlarms } from '../../../../../infra/aws/cloudwatch-alarms.ts';
import { expectValidMessage, shownText } from '../../../../fixtures/block-kit.ts';
import { commandDeps } from '../../../../fixtures/command-deps.ts';
import { attempt } from '../../../../fixtures/outcome.ts';

const cwMock = mockClient(CloudWatchClient);
const now = () => new Date('2026-11-25T12:00:00Z');
const deps = () => ({
  alarms: createCloudWatchAlarms(
    new CloudWatchClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } }),
  ),
  region: 'eu-west-1',
  now,
});

beforeEach(() => cwMock.reset());

describe('handlers/cw/alarms', () => {
  it.each([
    [[], { state: 'ALARM', namePrefix: undefined, share: false }],
    [['ok'], { state: 'OK', namePrefix: undefined, share: false }],
    [['insufficient', 'prod-'], { state: 'INSUFFICIENT_DATA', namePrefix: 'prod-', share: false }],
    [['all'], { state: undefined, namePrefix: undefined, share: false }],
    [['prod-'], { state: 'ALARM', namePrefix: 'prod-', share: false }],
    // The words from the issue: each is a state or a flag, never a name prefix.
    [['--share'], { state: 'ALARM', namePrefix: undefined, share: true }],
    [['firing'], { state: 'ALARM', namePrefix: undefined, share: false }],
    [['alarms'], { state: 'ALARM', namePrefix: undefined, share: false }],
    [['all', '--share'], { state: undefined, namePrefix: undefined, share: true }],
    [['ALARM'], { state: 'ALARM', namePrefix: undefined, share: false }],
    [['INSUFFICIENT_DATA'], { state: 'INSUFFICIENT_DATA', namePrefix: undefined, share: false }],
    [['insufficient', 'data'], { state: 'INSUFFICIENT_DATA', namePrefix: undefined, share: false }],
    [['okay', 'web-'], { state: 'OK', namePrefix: 'web-', share: false }],
    [['prod-', 'all'], { state: undefined, namePrefix: 'prod-', share: false }],
    [['\u2014share', 'firing', 'checkout'], { state: 'ALARM', namePrefix: 'checkout', share: true }],
    [['-share'], { state: 'ALARM', namePrefix: undefined, share: true }],
    [['-prod'], { state: 'ALARM', namePrefix: '-prod', share: false }],
    // A trailing star is how people write "starting with": the prefix match it already is.
    [['all', 'payments-*'], { state: undefined, namePrefix: 'payments-', share: false }],
    [['web**'], { state: 'ALARM', namePrefix: 'web', share: false }],
    [['*'], { state: 'ALARM', namePrefix: undefined, share: false }],
  ])('parses %j', (tokens, expected) => {
    expect(parseAlarmList(tokens)).toEqual(expected);
  });

  it.each([
    [['--verbose'], /`--verbose` is not a flag of `\/cw alarms`. Its flags: `--share`/],
    [['--shar'], /Did you mean `--share`\?/],
    [['--share=yes'], /takes no value/],
    [['ok', 'all'], /pick one state/],
    [['prod', 'web'], /Unexpected `web`/],
    [['api-*-5xx'], /no wildcards inside .*e\.g\. `\/cw alarms all api-`/],
    [['ord?rs'], /no wildcards inside/],
  ])('refuses %j with the alarms usage line', (tokens, reason) => {
    expect(() => parseAlarmList(tokens)).toThrow(reason);
    expect(() => parseAlarmList(tokens)).toThrow(
      expect.objectContaining({ usage: expect.stringMatching(/^`\/cw alarms \[alarm\|ok\|insufficient\|all\]/) }),
    );
  });

  it('echoes a glance of what was pasted, never the whole of it', () => {
    const pasted = ['one', ...Array.from({ length: 800 }, () => 'orders')];
    expect(() => parseAlarmList(pasted)).toThrow(/^Unexpected `[a-z ]{40}…`: give one name prefix/);
  });

  it('never throws anything but a UserInputError on arbitrary words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('--share', '-share', 'all', 'ok', 'firing', '__proto__')), {
          maxLength: 6,
        }),
        (tokens) => {
          const outcome = attempt(() => parseAlarmList(tokens));
          expect(outcome).toSatisfy((o: typeof outcome) =>
            o.ok
              ? ['ALARM', 'OK', 'INSUFFICIENT_DATA', undefined].includes(o.value.state)
              : o.error instanceof UserInputError,
          );
        },
      ),
    );
  });

  it('rejects a name prefix longer than any alarm name can be', () => {
    expect(() => parseAlarmList(['all', 'x'.repeat(256)])).toThrow(/at most 255 characters/);
  });

  it('rejects a second prefix', () => {
    expect(() => parseAlarmList(['ok', 'a', 'b'])).toThrow(/Unexpected `b`/);
  });

  describe('never a false all-clear', () => {
    const twoFiring: DescribeAlarmsCommandOutput = {
      $metadata: {},
      MetricAlarms: [
        {
          AlarmName: 'users-db-freeable-memory-low',
          StateValue: 'ALARM',
          StateReason: 'Threshold Crossed',
          StateUpdatedTimestamp: new Date('2026-11-25T11:00:00Z'),
        },
        {
          AlarmName: 'image-resizer-duration-p99',
          StateValue: 'ALARM',
          StateReason: 'Threshold Crossed',
          StateUpdatedTimestamp: new Date('2026-11-25T11:30:00Z'),
        },
      ],
    };

    it.each([
      ['/cw alarms --share', 'in_channel'],
      ['/cw alarms firing', 'ephemeral'],
      ['/cw alarms alarms', 'ephemeral'],
      ['/cw alarms all --share', 'in_channel'],
    ])('`%s` lists the two alarms in ALARM (%s)', async (text, visibility) => {
      // Prepare
      cwMock.on(DescribeAlarmsCommand).resolves(twoFiring);
      const plan = planCommand({ command: '/cw', text: text.replace('/cw ', '') }, commandDeps());
      if (plan.kind !== 'work') throw new Error('expected work');

      // Act
      const message = await plan.run(commandDeps(deps()), undefined);

      // Assess
      expect(plan.working.response_type).toBe(visibility);
      expect(message.response_type).toBe(visibility);
      expect(message.text).toContain('users-db-freeable-memory-low');
      expect(message.text).not.toMatch(/No alarms/);
      expect(cwMock).not.toHaveReceivedCommandWith(DescribeAlarmsCommand, { AlarmNamePrefix: expect.anything() });
    });

    it('says a prefix matched nothing, and how many alarms are in that state in all', async () => {
      // Prepare
      cwMock.on(DescribeAlarmsCommand, { AlarmNamePrefix: 'checkout' }).resolves({ MetricAlarms: [] });
      cwMock.on(DescribeAlarmsCommand, { AlarmNamePrefix: undefined }).resolves(twoFiring);

      // Act
      const message = await listAlarms(deps(), { state: 'ALARM', namePrefix: 'checkout' });

      // Assess
      expect(message.text).toBe(
        ':mag: No alarm in ALARM has a name starting `checkout`. 2 alarms are in ALARM in eu-west-1 (`/cw alarms` lists them).',
      );
      expect(message.text).not.toContain(':white_check_mark:');
    });

    it('suggests the state when the prefix that matched nothing is a typo of one', async () => {
      // Prepare
      cwMock.on(DescribeAlarmsCommand, { AlarmNamePrefix: 'firng' }).resolves({});
      cwMock.on(DescribeAlarmsCommand, { AlarmNamePrefix: undefined }).resolves(twoFiring);

      // Act
      const message = await listAlarms(deps(), parseAlarmList(['firng']));

      // Assess
      expect(message.text).toContain('2 alarms are in ALARM');
      expect(message.text).toContain('Did you mean the state `firing`?');
    });

    it('counts every state when the prefix asked for any state', async () => {
      // Prepare
      cwMock.on(DescribeAlarmsCommand, { AlarmNamePrefix: 'zzz' }).resolves({});
      cwMock.on(DescribeAlarmsCommand, { AlarmNamePrefix: undefined }).resolves({
        MetricAlarms: [{ AlarmName: 'a', StateValue: 'OK' as const, StateUpdatedTimestamp: new Date() }],
      });

      // Act
      const message = await listAlarms(deps(), { state: undefined, namePrefix: 'zzz' });

      // Assess
      expect(message.text).toBe(
        ':mag: No alarm in any state has a name starting `zzz`. eu-west-1 has 1 alarm in all (`/cw alarms all` lists them).',
      );
    });
  });

  it('reads every page, metric and composite alarms, and groups them by state', async () => {
    // Prepare
    cwMock
      .on(DescribeAlarmsCommand, { NextToken: undefined })
      .resolves({
        MetricAlarms: [
          {
            AlarmName: 'orders-db-cpu-high',
            StateValue: 'ALARM',
            StateReason:
              'Threshold Crossed: 3 out of the last 3 datapoints [94.2 (25/11/26 11:40:00)] were greater than the threshold (80.0).\nsecond line',
            StateUpdatedTimestamp: new Date('2026-11-25T11:48:00Z'),
            Namespace: 'AWS/RDS',
            MetricName: 'CPUUtilization',
          },
        ],
        NextToken: 'page-2',
      })
      .on(DescribeAlarmsCommand, { NextToken: 'page-2' })
      .resolves({
        MetricAlarms: [
          {
            AlarmName: 'web 5xx',
            StateValue: 'OK',
            StateReason: 'ok',
            StateUpdatedTimestamp: new Date('2026-11-24T12:00:00Z'),
          },
        ],
        CompositeAlarms: [
          {
            AlarmName: 'checkout-degraded',
            StateValue: 'ALARM',
            StateReason: 'child in ALARM',
            StateUpdatedTimestamp: new Date('2026-11-25T09:00:00Z'),
          },
        ],
      });

    // Act
    const message = await listAlarms(deps(), { state: undefined, namePrefix: 'o' });

    // Assess
    expect(cwMock).toHaveReceivedCommandTimes(DescribeAlarmsCommand, 2);
    expect(cwMock).toHaveReceivedCommandWith(DescribeAlarmsCommand, {
      AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
      AlarmNamePrefix: 'o',
    });
    expectValidMessage(message);
    const text = shownText(message);
    expect(text.indexOf('ALARM* (2)')).toBeLessThan(text.indexOf('OK* (1)'));
    expect(text).toContain('orders-db-cpu-high>');
    expect(text).toContain('12 min ago');
    // A table row: the name (composite said) linked to the console, then when it changed.
    expect(text).toMatch(/checkout-degraded \(composite\)>"?,"?3 h ago/);
    expect(text).not.toContain('second line');
    expect(text).toContain(
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/deeplink.js?region=eu-west-1#alarmsV2:alarm/web%205xx',
    );
    expect(text).toContain('3 alarms in eu-west-1');
  });

  it('says plainly when nothing is in ALARM', async () => {
    cwMock.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [], CompositeAlarms: [] });
    const message = await listAlarms(deps(), { state: 'ALARM', namePrefix: undefined });
    expect(cwMock).toHaveReceivedCommandWith(DescribeAlarmsCommand, { StateValue: 'ALARM' });
    expect(message.text).toBe(':white_check_mark: No alarms in ALARM in eu-west-1.');
  });

  it('holds Block Kit limits with hundreds of long-named alarms', async () => {
    cwMock.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: Array.from({ length: 300 }, (_, i) => ({
        AlarmName: `${'very-long-alarm-name-'.repeat(12)}${i}`,
        StateValue: i % 3 === 0 ? 'ALARM' : i % 3 === 1 ? 'OK' : 'INSUFFICIENT_DATA',
        StateReason: 'r'.repeat(2000),
        StateUpdatedTimestamp: new Date('2026-11-25T11:00:00Z'),
      })),
    });
    const message = await listAlarms(deps(), { state: undefined, namePrefix: undefined });
    expectValidMessage(message);
    expect(shownText(message)).toContain('showing 60; narrow with a name prefix');
  });
});
