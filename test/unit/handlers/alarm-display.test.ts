import { describe, expect, it } from 'vitest';
import {
  alarmConsoleUrl,
  alarmsInStateConsoleUrl,
  STATE_MARKER,
  stateLabel,
  stateMarker,
} from '../../../handlers/alarm-display.ts';
import { parseAlarmEvent } from '../../../handlers/alarm-relay/alarm-event.ts';
import { renderAlarmMessage } from '../../../handlers/alarm-relay/render-alarm.ts';
import { renderStormDigest } from '../../../handlers/alarm-relay/render-digest.ts';
import { renderPlainAlarm } from '../../../handlers/alarm-relay/render-fallback.ts';
import { listAlarms } from '../../../handlers/cw/alarms/list-alarms.ts';
import type { AlarmState } from '../../../handlers/ports.ts';
import { alarmEvent } from '../../fixtures/alarm-events/index.ts';

const STATES: AlarmState[] = ['ALARM', 'OK', 'INSUFFICIENT_DATA'];

/** Every link to one alarm's console page in a message. */
const alarmLinks = (message: unknown) =>
  [...JSON.stringify(message).matchAll(/https:[^|>"]*#alarmsV2:alarm\/[^|>"]*/g)].map((m) => m[0]);

function change(name: string, region: string, state: AlarmState) {
  const event = alarmEvent('metric');
  event.region = region;
  event.resources = [`arn:aws:cloudwatch:${region}:${event.account}:alarm:${name}`];
  event.detail.alarmName = name;
  event.detail.state.value = state;
  const parsed = parseAlarmEvent(event);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.change;
}

describe('handlers/alarm-display', () => {
  it.each([
    ['eu-west-1', 'https://eu-west-1.console.aws.amazon.com/cloudwatch/deeplink.js?region=eu-west-1#alarmsV2:alarm/'],
    ['cn-north-1', 'https://cn-north-1.console.amazonaws.cn/cloudwatch/deeplink.js?region=cn-north-1#alarmsV2:alarm/'],
    [
      'us-gov-west-1',
      'https://us-gov-west-1.console.amazonaws-us-gov.com/cloudwatch/deeplink.js?region=us-gov-west-1#alarmsV2:alarm/',
    ],
  ])('links an alarm in %s to its partition console, the name encoded', (region, prefix) => {
    expect(alarmConsoleUrl({ region, alarmName: 'web 5xx/high:p99' })).toBe(`${prefix}web%205xx%2Fhigh%3Ap99`);
  });

  it('lists the alarms in one state through the same console entry', () => {
    expect(alarmsInStateConsoleUrl('eu-west-1', 'ALARM')).toBe(
      "https://eu-west-1.console.aws.amazon.com/cloudwatch/deeplink.js?region=eu-west-1#alarmsV2:?~(state~'ALARM)",
    );
  });

  it('links one alarm to one URL in the relay message, its plain fallback, the digest and /cw alarms', async () => {
    // Prepare
    const alarm = change('orders db/cpu high', 'ap-southeast-2', 'ALARM');
    const expected = alarmConsoleUrl(alarm);
    const digestEntry = {
      eventId: alarm.eventId,
      alarmName: alarm.alarmName,
      state: alarm.state.value,
      atMs: alarm.state.timestamp.getTime(),
      region: alarm.region,
      account: alarm.account,
    };
    const listed = await listAlarms(
      {
        alarms: {
          describeAlarms: async () => [
            {
              name: alarm.alarmName,
              kind: 'metric',
              state: 'ALARM',
              reason: 'Threshold Crossed',
              updatedAt: new Date(),
            },
          ],
        },
        region: alarm.region,
        now: () => new Date(),
      },
      { state: 'ALARM', namePrefix: undefined },
    );

    // Act
    const links = [
      alarmLinks(renderAlarmMessage(alarm, { channel: 'C0ALARMS1', logGroups: [] })),
      alarmLinks(renderPlainAlarm(alarm)),
      alarmLinks(renderStormDigest([digestEntry], digestEntry.atMs, 10)),
      alarmLinks(listed),
    ];

    // Assess
    for (const found of links) {
      expect(found.length).toBeGreaterThan(0);
      expect(new Set(found)).toEqual(new Set([expected]));
    }
  });

  it.each(STATES)('marks %s the same in the relay header and in the /cw alarms heading', async (state) => {
    // Prepare
    const alarm = change('api-latency', 'eu-west-1', state);
    const listed = await listAlarms(
      {
        alarms: {
          describeAlarms: async () => [
            { name: 'api-latency', kind: 'metric', state, reason: 'r', updatedAt: new Date() },
          ],
        },
        region: 'eu-west-1',
        now: () => new Date(),
      },
      { state, namePrefix: undefined },
    );

    // Act
    const header = JSON.stringify(renderAlarmMessage(alarm, { channel: 'C0ALARMS1', logGroups: [] }).blocks?.[0]);

    // Assess
    expect(header).toContain(`${STATE_MARKER[state]} ${state}`);
    expect(JSON.stringify(listed.blocks)).toContain(`*${stateLabel(state)}*`);
  });

  it('gives a state it does not know the neutral marker', () => {
    expect(stateMarker('ALARM')).toBe(':red_circle:');
    expect(stateMarker('PENDING')).toBe(':white_circle:');
    expect(stateMarker(undefined)).toBe(':white_circle:');
    expect(stateMarker('toString')).toBe(':white_circle:');
  });
});
