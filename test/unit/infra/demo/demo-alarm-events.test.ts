import { describe, expect, it } from 'vitest';
import { parseAlarmEvent } from '../../../../handlers/alarms/alarm-event.ts';
import { demoAlarmEvent } from '../../../../infra/demo/demo-alarm-events.ts';
import { incidentStart } from '../../../../infra/demo/demo-metrics.ts';

describe('infra/demo/demo-alarm-events', () => {
  it('builds events the relay parses, firing during the demo incident and resolving after it', () => {
    // Prepare
    const now = new Date('2026-11-25T12:34:00Z');

    // Act
    const fired = parseAlarmEvent(demoAlarmEvent('ALARM', now, 'a'));
    const resolved = parseAlarmEvent(demoAlarmEvent('OK', now, 'b'));

    // Assess
    if (!fired.ok || !resolved.ok) throw new Error('the demo events must parse');
    expect(fired.change).toMatchObject({ alarmName: 'orders-db-cpu-high', kind: 'metric', state: { value: 'ALARM' } });
    expect(fired.change.state.reasonData?.recentDatapoints).toEqual([91.2, 93.8, 94.2]);
    expect(fired.change.state.timestamp.getTime()).toBe(incidentStart(now) + 15 * 60_000);
    expect(resolved.change.state.timestamp.getTime() - fired.change.state.timestamp.getTime()).toBe(20 * 60_000);
  });
});
