import type { ActionsBlock, Button } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { AlarmChange } from '../../../../handlers/alarm-relay/alarm-change.ts';
import { parseAlarmEvent } from '../../../../handlers/alarm-relay/alarm-event.ts';
import { ALARM_ACTIONS, decodeAlarmAction } from '../../../../handlers/alarm-relay/buttons.ts';
import {
  humanDuration,
  renderAlarmMessage,
  renderThreadReply,
  statusLine,
} from '../../../../handlers/alarm-relay/render-alarm.ts';
import { renderStormDigest } from '../../../../handlers/alarm-relay/render-digest.ts';
import type { RouteDecision } from '../../../../handlers/alarm-relay/routes.ts';
import type { SlackMessage } from '../../../../handlers/slack-message.ts';
import { type AlarmFixture, alarmEvent, nextChange } from '../../../fixtures/alarm-events/index.ts';
import { expectValidMessage, shownText } from '../../../fixtures/block-kit.ts';

const route: RouteDecision = {
  channel: 'C0PAYMENTS1',
  mention: 'S0PAYONCALL',
  logGroups: ['/ecs/checkout'],
  routeName: 'payments',
};
const plainRoute: RouteDecision = { channel: 'C0ALARMS01', logGroups: [] };

function change(event: AlarmFixture | ReturnType<typeof alarmEvent>): AlarmChange {
  const result = parseAlarmEvent(typeof event === 'string' ? alarmEvent(event) : event);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.change;
}

const textOf = (message: SlackMessage) => shownText(message);
/** The alarm message's buttons, read as Slack would: the one actions block's elements. */
function buttons(message: SlackMessage): Button[] {
  const actions = message.blocks?.find((b): b is ActionsBlock => b.type === 'actions');
  return (actions?.elements ?? []).filter((e): e is Button => e.type === 'button');
}

describe('handlers/alarm-relay/render-alarm', () => {
  it.each([
    ['metric', ['*CPUUtilization* was *99.5%*: greater than the threshold *50%*', 'InstanceId=i-12345678901234567']],
    ['metric-math', ['*Total Network Traffic* was *45,628*: greater than the threshold *10,000*', 'SUM(METRICS())']],
    ['anomaly-detection', ['outside the expected band *0.0206% – 0.3007%*', 'ANOMALY_DETECTION_BAND(m1, 0.8)']],
    [
      'composite',
      [
        'Triggered by *ServerCpuTooHigh* (ALARM)',
        'Child alarms that triggered it',
        'OR ALARM(TotalNetworkTrafficTooHigh)',
      ],
    ],
    ['multi-time-series', ['6 out of 6 time series evaluated to ALARM', 'SELECT AVG(ConsumedWriteCapacityUnits)']],
    ['edge-minimal', ['Threshold Crossed']],
  ] as const)('renders the %s sample with its reason in plain words', (fixture, expected) => {
    // Act
    const message = renderAlarmMessage(change(fixture), route);

    // Assess
    expectValidMessage(message);
    const text = textOf(message);
    for (const part of expected) expect(text).toContain(part);
    expect(text).toContain(':red_circle: ALARM:');
    expect(text).toContain('#alarmsV2:alarm/');
    expect(text).toMatch(/123456789012 · (us-east-1|eu-west-1)/);
    expect(text).toContain('<!date^');
  });

  it('mentions the route’s user group on ALARM only', () => {
    expect(renderAlarmMessage(change('metric'), route).text).toMatch(/^<!subteam\^S0PAYONCALL> ALARM/);
    const ok = change(nextChange(alarmEvent('metric'), 'OK', 14));
    expect(renderAlarmMessage(ok, route).text).not.toContain('subteam');
    expect(renderThreadReply(ok, route).text).not.toContain('subteam');
    expect(renderAlarmMessage(change('metric'), plainRoute).text).not.toContain('subteam');
  });

  it('offers Graph for metric and math alarms and Logs when the route names log groups', () => {
    expect(buttons(renderAlarmMessage(change('metric'), route)).map((b) => b.action_id)).toEqual([
      ALARM_ACTIONS.graph,
      ALARM_ACTIONS.logs,
    ]);
    expect(buttons(renderAlarmMessage(change('composite'), route)).map((b) => b.action_id)).toEqual([
      ALARM_ACTIONS.logs,
    ]);
    expect(buttons(renderAlarmMessage(change('composite'), plainRoute))).toEqual([]);
  });

  it('puts what a button handler needs in the button value', () => {
    const [graph] = buttons(renderAlarmMessage(change('metric'), route));
    expect(decodeAlarmAction(graph?.value)).toEqual({
      v: 1,
      alarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh',
      alarmName: 'ServerCpuTooHigh',
      account: '123456789012',
      region: 'us-east-1',
      changedAt: '2019-10-02T17:04:40.989Z',
      state: 'ALARM',
      route: 'payments',
      metrics: [
        {
          // The id the alarm gives its metric (AWS's sample uses a UUID).
          id: '30b6c6b2-a864-43a2-4877-c09a1afc3b87',
          returnData: true,
          namespace: 'AWS/EC2',
          name: 'CPUUtilization',
          dimensions: [{ name: 'InstanceId', value: 'i-12345678901234567' }],
          period: 300,
          stat: 'Average',
        },
      ],
      expressions: [],
      // So the Graph button draws the threshold line too.
      threshold: 50,
      logGroups: ['/ecs/checkout'],
    });
    expect(decodeAlarmAction('not json')).toBeUndefined();
    expect(decodeAlarmAction('{"v":2}')).toBeUndefined();
  });

  it('cuts a 3,000+ character reason, a long unicode name and escaped text to Slack’s limits', () => {
    // Prepare
    const long = change('edge-unicode-long');
    const manyGroups: RouteDecision = {
      ...route,
      logGroups: Array.from({ length: 100 }, (_, i) => `/aws/lambda/fn-${i}`),
    };

    // Act
    const message = renderAlarmMessage(long, manyGroups);

    // Assess
    expectValidMessage(message);
    expect(long.state.reason.length).toBeGreaterThan(3000);
    const text = textOf(message);
    expect(text).toContain('결제-API 지연 🚨');
    expect(text).toContain('150 in all');
    expect(text).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
    expect(text).not.toContain('<b>');
    const value = decodeAlarmAction(buttons(message)[0]?.value);
    expect(value?.alarmName).toBe(long.alarmName);
    expect(value?.logGroups).toBeUndefined();
  });

  it('re-renders the parent with the current state and how long it lasted', () => {
    // Prepare
    const first = change('metric');
    const resolved = change(nextChange(alarmEvent('metric'), 'OK', 14));

    // Act
    const parent = renderAlarmMessage(first, route, { openedAt: first.state.timestamp, current: resolved });

    // Assess
    expectValidMessage(parent);
    expect(parent.text).toMatch(/^OK: ServerCpuTooHigh/);
    expect(textOf(parent)).toContain('Resolved after 14 min');
    expect(textOf(parent)).toContain(resolved.state.reason.replace(/\(.*/, ''));
  });

  it('says so when a resolved alarm fires again', () => {
    const first = change('metric');
    const again = change(nextChange(nextChange(alarmEvent('metric'), 'OK', 5), 'ALARM', 10));
    expect(statusLine({ openedAt: first.state.timestamp, current: again }, first.state.value)).toMatch(
      /\*ALARM\* again at .*, 15 min after it started/,
    );
  });

  it('does not say "again" for a state the thread has not been in', () => {
    // Prepare
    const first = change('metric');
    const noData = change(nextChange(alarmEvent('metric'), 'INSUFFICIENT_DATA', 3));

    // Act
    const parent = renderAlarmMessage(first, route, { openedAt: first.state.timestamp, current: noData });

    // Assess
    expect(textOf(parent)).toMatch(/\*INSUFFICIENT_DATA\* since .*, 3 min after it started/);
    expect(textOf(parent)).not.toContain('again');
  });

  it.each([
    [30_000, 'less than a minute'],
    [14 * 60_000, '14 min'],
    [125 * 60_000, '2 h 5 min'],
    [76 * 3_600_000, '3 d 4 h'],
  ])('says %i ms as "%s"', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('never gives the digest an empty section, even for one line longer than a section', () => {
    // Prepare: 255 emoji, each 12 characters once URL-encoded in the console link.
    const entry = {
      eventId: 'e1',
      alarmName: '🚨'.repeat(255),
      state: 'ALARM' as const,
      atMs: 1_700_000_000_000,
      region: 'us-east-1',
      account: '123456789012',
    };

    // Act
    const digest = renderStormDigest([entry, { ...entry, eventId: 'e2' }], 1_700_000_000_000, 10);

    // Assess
    expectValidMessage(digest);
    expect(textOf(digest)).toContain('🚨'.repeat(100));
  });

  it('renders a storm digest of 200 alarms within Block Kit limits', () => {
    // Prepare
    const entries = Array.from({ length: 200 }, (_, i) => ({
      eventId: `e${i}`,
      alarmName: `service-${i}-latency-p99-${'x'.repeat(i % 40)}`,
      state: i % 4 === 0 ? ('OK' as const) : ('ALARM' as const),
      atMs: 1_700_000_000_000 + i * 300,
      region: 'us-east-1',
      account: '123456789012',
    }));

    // Act
    const digest = renderStormDigest(
      [...entries, entries[0] ?? entries[1]].filter((e) => e !== undefined),
      1_700_000_000_000,
      10,
    );

    // Assess
    expectValidMessage(digest);
    expect(digest.text).toContain('200 more alarm changes');
    expect(textOf(digest)).toContain('ALARM 150');
    expect(textOf(digest)).toContain('OK 50');
    expect(textOf(digest)).toContain('service-199-latency');
  });
});
