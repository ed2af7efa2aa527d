import { describe, expect, it } from 'vitest';
import { parseAlarmEvent } from '../../../../handlers/alarm-relay/alarm-event.ts';
import { postAlarmGraph } from '../../../../handlers/alarm-relay/alarm-graph.ts';
import type { MetricImageRequest } from '../../../../handlers/ports.ts';
import { alarmEvent } from '../../../fixtures/alarm-events/index.ts';

describe('handlers/alarm-relay/alarm-graph: an alarm from another Region', () => {
  it('asks for the graph in the alarm’s own Region, which the event names', async () => {
    // Prepare: the metric fixture as an EventBridge rule in eu-west-1 would forward it.
    const parsed = parseAlarmEvent({ ...alarmEvent('metric'), region: 'eu-west-1' });
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    const asked: MetricImageRequest[] = [];

    // Act
    await postAlarmGraph(
      {
        images: {
          getMetricImage: async (request) => {
            asked.push(request);
            return new Uint8Array([0x89]);
          },
        },
        files: { upload: async () => ({}) },
      },
      parsed.change,
      { channel: 'C0ALARMS01', threadTs: '1.2' },
      { now: new Date(parsed.change.state.timestamp.getTime() + 60_000) },
    );

    // Assess
    expect(asked.map((r) => r.region)).toEqual(['eu-west-1']);
  });
});
