import { describe, expect, it } from 'vitest';
import { parseAlarmEvent } from '../../../../handlers/alarm-relay/alarm-event.ts';
import { readReasonText } from '../../../../handlers/alarm-relay/reason-text.ts';
import { demoAlarmEvent } from '../../../../infra/demo/demo-alarm-events.ts';
import { createDemoMetrics, incidentStart } from '../../../../infra/demo/demo-metrics.ts';

/** orders-db's 5-minute CPU Averages in the 15 minutes before `end`, newest first, as `/cw metrics` reads them. */
async function cpuBefore(end: Date, now: Date): Promise<number[]> {
  const [series] = await createDemoMetrics({ now: () => now }).getMetricData({
    series: [
      {
        namespace: 'AWS/RDS',
        metricName: 'CPUUtilization',
        dimensions: [{ name: 'DBInstanceIdentifier', value: 'orders-db' }],
        stat: 'Average',
      },
    ],
    periodSeconds: 300,
    start: new Date(end.getTime() - 15 * 60_000),
    end,
  });
  return [...(series?.values ?? [])].reverse();
}

describe.each(['2026-11-25T12:34:00Z', '2026-12-02T06:44:00Z', '2026-12-02T17:05:00Z'])(
  'infra/demo/demo-alarm-events at %s',
  (clock) => {
    const now = new Date(clock);

    it('fires 15 min into the incident with the three datapoints the metrics show, all over 80%', async () => {
      // Act
      const fired = parseAlarmEvent(await demoAlarmEvent('ALARM', now, 'a'));

      // Assess
      if (!fired.ok) throw new Error(fired.problems.join('; '));
      const { state } = fired.change;
      expect(fired.change).toMatchObject({
        alarmName: 'orders-db-cpu-high',
        kind: 'metric',
        previousState: { value: 'OK' },
      });
      expect(state.timestamp.getTime()).toBe(incidentStart(now) + 15 * 60_000);
      const series = await cpuBefore(state.timestamp, now);
      expect(series.every((v) => v > 80)).toBe(true);
      expect(state.reasonData?.recentDatapoints).toEqual(series);
      expect(readReasonText(state.reason)).toMatchObject({ form: 'threshold', negated: false, datapoints: series });
      // The same numbers whatever the hour: the incident does not follow the daily rhythm.
      expect(series.map((v) => v.toFixed(2))).toEqual(['94.50', '93.36', '90.78']);
    });

    it.each([60, 120, 300])(
      "peaks in a %i s period view of the last 3 h where the alarm's datapoints do (the README's view is 2 min)",
      async (periodSeconds) => {
        // Prepare
        const fired = parseAlarmEvent(await demoAlarmEvent('ALARM', now, 'a'));
        if (!fired.ok) throw new Error(fired.problems.join('; '));

        // Act
        const [series] = await createDemoMetrics({ now: () => now }).getMetricData({
          series: [
            {
              namespace: 'AWS/RDS',
              metricName: 'CPUUtilization',
              dimensions: [{ name: 'DBInstanceIdentifier', value: 'orders-db' }],
              stat: 'Average',
            },
          ],
          periodSeconds,
          start: new Date(Math.floor(now.getTime() / 60_000) * 60_000 - 3 * 3600_000),
          end: now,
        });

        // Assess
        const peak = Math.max(...(series?.values ?? []));
        expect(peak).toBeCloseTo(Math.max(...(fired.change.state.reasonData?.recentDatapoints ?? [])), 9);
        expect(peak).toBeCloseTo(94.5, 9);
      },
    );

    it('resolves with the first datapoint under the threshold after the incident, right after the ALARM', async () => {
      // Act
      const fired = parseAlarmEvent(await demoAlarmEvent('ALARM', now, 'a'));
      const resolved = parseAlarmEvent(await demoAlarmEvent('OK', now, 'b'));

      // Assess
      if (!fired.ok || !resolved.ok) throw new Error('the demo events must parse');
      const { state, previousState } = resolved.change;
      const [latest] = await cpuBefore(state.timestamp, now);
      expect(latest).toBeLessThanOrEqual(80);
      expect(state.reasonData?.recentDatapoints).toEqual([latest]);
      expect(readReasonText(state.reason)).toMatchObject({ negated: true, datapoints: [latest] });
      expect(previousState).toMatchObject({ value: 'ALARM', reason: fired.change.state.reason });
      expect(previousState?.timestamp).toEqual(fired.change.state.timestamp);
    });
  },
);
