import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { listAlarms, parseAlarmList } from '../../../../handlers/alarm-list/list-alarms.ts';
import { UserInputError } from '../../../../handlers/errors.ts';
import { createCloudWatchAlarms } from '../../../../infra/aws/cloudwatch-alarms.ts';
import { expectValidMessage } from '../../../fixtures/block-kit.ts';

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

describe('handlers/alarm-list', () => {
  it.each([
    [[], { state: 'ALARM', namePrefix: undefined }],
    [['ok'], { state: 'OK', namePrefix: undefined }],
    [['insufficient', 'prod-'], { state: 'INSUFFICIENT_DATA', namePrefix: 'prod-' }],
    [['all'], { state: undefined, namePrefix: undefined }],
    [['prod-'], { state: 'ALARM', namePrefix: 'prod-' }],
  ])('parses %j', (tokens, expected) => {
    expect(parseAlarmList(tokens)).toEqual(expected);
  });

  it('rejects a name prefix longer than any alarm name can be', () => {
    expect(() => parseAlarmList(['all', 'x'.repeat(256)])).toThrow(/at most 255 characters/);
  });

  it('rejects a second word after something that is not a state', () => {
    expect(() => parseAlarmList(['firing', 'prod'])).toThrow(UserInputError);
    expect(() => parseAlarmList(['ok', 'a', 'b'])).toThrow(/Unexpected `b`/);
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
    const text = JSON.stringify(message.blocks);
    expect(text.indexOf('ALARM* (2)')).toBeLessThan(text.indexOf('OK* (1)'));
    expect(text).toContain('orders-db-cpu-high>');
    expect(text).toContain('12 min ago');
    expect(text).toContain('checkout-degraded> _(composite)_ · 3 h ago');
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
    expect(JSON.stringify(message.blocks)).toContain('showing 60; narrow with a name prefix');
  });
});
