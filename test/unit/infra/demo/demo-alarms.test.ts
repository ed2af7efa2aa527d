import { describe, expect, it } from 'vitest';
import { readReasonText } from '../../../../handlers/alarm-relay/reason-text.ts';
import type { AlarmSummary } from '../../../../handlers/ports.ts';
import {
  breaches,
  DEMO_COMPOSITE_ALARMS,
  DEMO_METRIC_ALARMS,
  type DemoMetricAlarm,
  demoAlarmCreatedAt,
} from '../../../../infra/demo/demo-alarm-rules.ts';
import { createDemoAlarms } from '../../../../infra/demo/demo-alarms.ts';
import { createDemoMetrics } from '../../../../infra/demo/demo-metrics.ts';
import { DEMO_ALARMS } from '../../../../infra/demo/demo-resources.ts';

/** Morning, afternoon and night in UTC: the daily rhythm must not change what the alarms say. */
const CLOCKS = ['2026-11-25T12:34:00Z', '2026-12-02T06:44:00Z', '2026-12-02T17:05:00Z', '2026-12-03T23:59:00Z'];

/** The datapoints of the N periods before `end`, oldest first, read from the demo metrics as `/cw metrics` reads them. */
async function windowBefore(alarm: DemoMetricAlarm, end: Date, now: Date) {
  const periodMs = alarm.periodSeconds * 1000;
  const [series] = await createDemoMetrics({ now: () => now }).getMetricData({
    series: [
      { namespace: alarm.namespace, metricName: alarm.metricName, dimensions: [alarm.dimension], stat: alarm.stat },
    ],
    periodSeconds: alarm.periodSeconds,
    start: new Date(end.getTime() - alarm.evaluationPeriods * periodMs),
    end,
  });
  return series?.values ?? [];
}

function stateOf(alarm: DemoMetricAlarm, window: number[]) {
  if (window.length === 0) return 'INSUFFICIENT_DATA';
  return window.filter((v) => breaches(alarm, v)).length >= alarm.datapointsToAlarm ? 'ALARM' : 'OK';
}

const PHRASE = {
  GreaterThanThreshold: 'greater than',
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
} as const;

describe.each(CLOCKS)('infra/demo/demo-alarms at %s', (clock) => {
  const now = new Date(clock);
  const list = () => createDemoAlarms({ now: () => now }).describeAlarms({});

  it('lists every demo alarm once', async () => {
    const names = (await list()).map((a) => a.name).sort();
    expect(names).toEqual([...DEMO_METRIC_ALARMS, ...DEMO_COMPOSITE_ALARMS].map((a) => a.name).sort());
  });

  it.each(DEMO_METRIC_ALARMS.map((a) => [a.name, a] as const))(
    '%s: the metric series over its evaluation window yields exactly its state and datapoints',
    async (_name, alarm) => {
      // Prepare
      const shown = (await list()).find((a) => a.name === alarm.name) as AlarmSummary;
      const periodMs = alarm.periodSeconds * 1000;

      // Act
      const atChange = await windowBefore(alarm, shown.updatedAt, now);
      const justBefore = await windowBefore(alarm, new Date(shown.updatedAt.getTime() - periodMs), now);
      const current = await windowBefore(alarm, new Date(Math.floor(now.getTime() / periodMs) * periodMs), now);

      // Assess: the state changed at that moment (or the alarm's first evaluation set it), and still holds now.
      expect(stateOf(alarm, atChange)).toBe(shown.state);
      const first = shown.updatedAt.getTime() === demoAlarmCreatedAt(alarm, now).getTime() + periodMs;
      expect(first ? 'its first evaluation' : stateOf(alarm, justBefore)).not.toBe(shown.state);
      expect(stateOf(alarm, current)).toBe(shown.state);
      // The reason quotes the window's datapoints that put it in this state, newest first, and the threshold.
      const quoted = atChange.filter((v) => breaches(alarm, v) === (shown.state === 'ALARM')).reverse();
      expect(readReasonText(shown.reason)).toEqual(
        shown.state === 'INSUFFICIENT_DATA'
          ? { form: 'insufficient', unknown: alarm.evaluationPeriods }
          : expect.objectContaining({
              form: 'threshold',
              comparison: PHRASE[alarm.comparison],
              negated: shown.state === 'OK',
              threshold: alarm.threshold,
              datapoints: quoted,
              crossed: { count: quoted.length, of: alarm.evaluationPeriods },
            }),
      );
    },
  );

  it.each(DEMO_COMPOSITE_ALARMS.map((a) => [a.name, a] as const))('%s follows its child', async (_name, composite) => {
    const alarms = await list();
    const child = alarms.find((a) => a.name === composite.child);
    expect(alarms.find((a) => a.name === composite.name)).toMatchObject({
      state: child?.state,
      updatedAt: child?.updatedAt,
    });
  });
});

describe('infra/demo/demo-alarms: the story the README tells', () => {
  it('has two alarms in ALARM, three OK (one composite) and one without data, at any hour', async () => {
    for (const clock of CLOCKS) {
      const alarms = await createDemoAlarms({ now: () => new Date(clock) }).describeAlarms({});
      const count = (state: string) => alarms.filter((a) => a.state === state).length;
      expect([count('ALARM'), count('OK'), count('INSUFFICIENT_DATA')]).toEqual([2, 3, 1]);
    }
  });
});

describe('infra/demo/demo-alarms: the states /cw help and the README name', () => {
  // Every hour over two days, at an odd minute: a state that flips with the daily rhythm fails here.
  const clocks = Array.from({ length: 48 }, (_, h) => new Date(Date.UTC(2026, 11, 2, h, 17)));

  it('are the states the alarms are in, at every hour of the day', async () => {
    for (const now of clocks) {
      // Act
      const alarms = await createDemoAlarms({ now: () => now }).describeAlarms({});

      // Assess
      for (const [state, names] of Object.entries(DEMO_ALARMS)) {
        const actual = alarms.filter((a) => a.state === state).map((a) => a.name);
        expect(actual.sort(), `${state} at ${now.toISOString()}`).toEqual([...names].sort());
      }
    }
  }, 60_000);
});
