import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlarmChange } from '../../../../handlers/alarm-relay/alarm-change.ts';
import { parseAlarmEvent, parseAlarmTime } from '../../../../handlers/alarm-relay/alarm-event.ts';
import { type AlarmFixture, alarmEvent } from '../../../fixtures/alarm-events/index.ts';

function parsed(name: AlarmFixture | ReturnType<typeof alarmEvent>): AlarmChange {
  const result = parseAlarmEvent(typeof name === 'string' ? alarmEvent(name) : name);
  if (!result.ok) throw new Error(`expected a valid event: ${result.problems.join('; ')}`);
  return result.change;
}

describe('handlers/alarm-relay/alarm-event', () => {
  it.each([
    ['metric', 'metric', 'ServerCpuTooHigh'],
    ['metric-math', 'math', 'TotalNetworkTrafficTooHigh'],
    ['anomaly-detection', 'anomaly', 'EC2 CPU Utilization Anomaly'],
    ['composite', 'composite', 'ServiceAggregatedAlarm'],
    ['multi-time-series', 'insights', 'DynamoDBInsightsAlarm'],
    ['edge-minimal', 'unknown', 'orders-queue-depth'],
  ] as const)('reads AWS’s %s sample as a %s alarm', (fixture, kind, name) => {
    const change = parsed(fixture);
    expect(change.kind).toBe(kind);
    expect(change.alarmName).toBe(name);
    expect(change.state.value).toMatch(/^(ALARM|OK|INSUFFICIENT_DATA)$/);
    expect(Number.isNaN(change.state.timestamp.getTime())).toBe(false);
  });

  it('parses CloudWatch’s +0000 timestamps to the millisecond', () => {
    expect(parseAlarmTime('2019-10-02T17:04:40.989+0000')?.toISOString()).toBe('2019-10-02T17:04:40.989Z');
    expect(parseAlarmTime('2019-10-02T19:04:40.989+0200')?.toISOString()).toBe('2019-10-02T17:04:40.989Z');
    expect(parseAlarmTime('yesterday')).toBeUndefined();
  });

  it('reads reasonData, which arrives as a JSON string', () => {
    const metric = parsed('metric');
    expect(metric.state.reasonData).toMatchObject({ threshold: 50, recentDatapoints: [99.50160229693434] });
    expect(metric.metrics[0]?.metricStat).toEqual({
      namespace: 'AWS/EC2',
      name: 'CPUUtilization',
      dimensions: [{ name: 'InstanceId', value: 'i-12345678901234567' }],
      period: 300,
      stat: 'Average',
    });
    expect(parsed('anomaly-detection').state.reasonData?.recentUpperThresholds).toEqual([0.3006915352732461]);
    const composite = parsed('composite');
    expect(composite.state.reasonData?.triggeringAlarms).toEqual([
      expect.objectContaining({ name: 'ServerCpuTooHigh', state: 'ALARM' }),
    ]);
    expect(composite.alarmRule).toBe('ALARM(ServerCpuTooHigh) OR ALARM(TotalNetworkTrafficTooHigh)');
    expect(composite.state.actionsSuppressedBy).toBe('WaitPeriod');
  });

  it('tolerates missing optional fields: no configuration, previous state, reasonData or resources', () => {
    const change = parsed('edge-minimal');
    expect(change.previousState).toBeUndefined();
    expect(change.state.reasonData).toBeUndefined();
    expect(change.metrics).toEqual([]);
    expect(change.alarmArn).toBe('arn:aws:cloudwatch:eu-west-1:123456789012:alarm:orders-queue-depth');
  });

  it('keeps a reasonData it cannot read out of the way instead of failing', () => {
    const event = alarmEvent('metric');
    event.detail.state.reasonData = '{not json';
    const change = parsed(event);
    expect(change.state.reasonData).toBeUndefined();
    expect(change.state.reason).toMatch(/^Threshold Crossed/);
  });

  it('keeps unicode names whole', () => {
    expect(parsed('edge-unicode-long').alarmName).toMatch(/^결제-API 지연 🚨/);
  });

  it.each([
    ['not an object', 'hello', /not a JSON object/],
    ['no id', { ...alarmEvent('metric'), id: undefined }, /id is missing/],
    [
      'another detail-type',
      { ...alarmEvent('metric'), 'detail-type': 'EC2 Instance State-change Notification' },
      /detail-type/,
    ],
    ['no detail', { ...alarmEvent('metric'), detail: undefined }, /detail is missing/],
    [
      'an unknown state',
      (() => {
        const e = alarmEvent('metric');
        e.detail.state.value = 'ON_FIRE';
        return e;
      })(),
      /detail.state.value must be one of OK, ALARM, INSUFFICIENT_DATA, not "ON_FIRE"/,
    ],
  ])('lists what is wrong with %s', (_label, event, problem) => {
    const result = parseAlarmEvent(event);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems.join('\n')).toMatch(problem);
  });

  it('never throws, whatever JSON arrives', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => parseAlarmEvent(value)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(fc.object(), (detail) => {
        expect(() => parseAlarmEvent({ ...alarmEvent('metric'), detail })).not.toThrow();
      }),
    );
  });
});
