import { describe, expect, it } from 'vitest';
import { completeAlarmAction, ERRORS_QUERY } from '../../../handlers/alarm-actions.ts';
import { parseAlarmEvent } from '../../../handlers/alarms/alarm-event.ts';
import { ALARM_ACTIONS, encodeAlarmAction } from '../../../handlers/alarms/buttons.ts';
import type { FileUpload, LogsQueryRequest, MetricImageRequest } from '../../../handlers/ports.ts';
import { alarmEvent } from '../../fixtures/alarm-events/index.ts';
import { commandDeps } from '../../fixtures/command-deps.ts';

function valueFor(fixture: Parameters<typeof alarmEvent>[0], logGroups: string[] = []) {
  const parsed = parseAlarmEvent(alarmEvent(fixture));
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return {
    change: parsed.change,
    value: encodeAlarmAction(parsed.change, { channel: 'C0ALARMS01', logGroups, routeName: 'payments' }),
  };
}

function recordingDeps() {
  const images: MetricImageRequest[] = [];
  const uploads: FileUpload[] = [];
  const queries: LogsQueryRequest[] = [];
  const deps = commandDeps({
    now: () => new Date('2030-01-01T00:00:00Z'),
    images: {
      getMetricImage: async (request) => {
        images.push(request);
        return new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
      },
    },
    files: {
      upload: async (file) => {
        uploads.push(file);
        return {};
      },
    },
    logs: {
      startQuery: async (request) => {
        queries.push(request);
        return 'q-1';
      },
      getQueryResults: async () => ({
        status: 'Complete',
        fields: ['@timestamp', '@message'],
        rows: [{ '@timestamp': '2019-10-02 17:01:00.000', '@message': 'ERROR payment declined' }],
        statistics: { recordsMatched: 1, recordsScanned: 10, bytesScanned: 100 },
      }),
      stopQuery: async () => undefined,
      listSavedQueries: async () => [],
      listLogGroups: async () => [],
    },
    sleep: async () => undefined,
    logsPolicy: { allowed: ['/aws/lambda/payments-*'], maxRangeSeconds: 86400, pricePerGb: 0.005 },
  });
  return { deps, images, uploads, queries };
}

describe('handlers/alarm-actions', () => {
  it('Graph draws the alarm’s metric three hours before the change and posts it in the thread', async () => {
    // Prepare
    const { change, value } = valueFor('metric');
    const { deps, images, uploads } = recordingDeps();

    // Act
    const message = await completeAlarmAction(
      ALARM_ACTIONS.graph,
      value,
      { channelId: 'C0ALARMS01', threadTs: '1.2' },
      deps,
      {},
    );

    // Assess
    expect(message.text).toMatch(/Posted the graph/);
    expect(images[0]?.series[0]).toMatchObject({
      namespace: change.metrics[0]?.metricStat?.namespace,
      metricName: change.metrics[0]?.metricStat?.name,
    });
    expect(images[0]?.start.getTime()).toBe(change.state.timestamp.getTime() - 180 * 60_000);
    expect(uploads[0]).toMatchObject({ channelId: 'C0ALARMS01', threadTs: '1.2', filename: 'alarm.png' });
  });

  it('Graph draws a metric math alarm’s expression with its inputs hidden', async () => {
    const { value } = valueFor('metric-math');
    const { deps, images } = recordingDeps();
    await completeAlarmAction(ALARM_ACTIONS.graph, value, { channelId: 'C1' }, deps, {});
    expect(images[0]?.expressions?.length).toBeGreaterThan(0);
    expect(images[0]?.series.every((s) => s.visible === false && s.id)).toBe(true);
  });

  it('Graph explains a composite alarm has nothing to draw', async () => {
    const { value } = valueFor('composite');
    const { deps, images } = recordingDeps();
    const message = await completeAlarmAction(ALARM_ACTIONS.graph, value, { channelId: 'C1' }, deps, {});
    expect(message.text).toMatch(/has no metric to draw/);
    expect(images).toHaveLength(0);
  });

  it('Logs around this time queries errors from 15 minutes before to 5 after the change, in the route’s groups', async () => {
    // Prepare
    const { change, value } = valueFor('metric', ['/aws/lambda/payments-api']);
    const { deps, queries } = recordingDeps();

    // Act
    const message = await completeAlarmAction(ALARM_ACTIONS.logs, value, { channelId: 'C1' }, deps, {});

    // Assess
    expect(queries[0]).toMatchObject({ logGroupNames: ['/aws/lambda/payments-api'], queryString: ERRORS_QUERY });
    expect(queries[0]?.start.getTime()).toBe(change.state.timestamp.getTime() - 15 * 60_000);
    expect(queries[0]?.end.getTime()).toBe(change.state.timestamp.getTime() + 5 * 60_000);
    expect(JSON.stringify(message.blocks)).toContain('ERROR payment declined');
  });

  it('Logs around this time still obeys the allowlist, and says when the route names no groups', async () => {
    const { deps, queries } = recordingDeps();
    await expect(
      completeAlarmAction(
        ALARM_ACTIONS.logs,
        valueFor('metric', ['/aws/rds/audit']).value,
        { channelId: 'C1' },
        deps,
        {},
      ),
    ).rejects.toThrow(/I may not read `\/aws\/rds\/audit`/);
    const none = await completeAlarmAction(ALARM_ACTIONS.logs, valueFor('metric').value, { channelId: 'C1' }, deps, {});
    expect(none.text).toMatch(/names no log groups/);
    expect(queries).toHaveLength(0);
  });

  it('answers a value it cannot read instead of failing', async () => {
    const message = await completeAlarmAction(
      ALARM_ACTIONS.graph,
      'not json',
      { channelId: 'C1' },
      recordingDeps().deps,
      {},
    );
    expect(message.text).toMatch(/carries nothing I can use/);
  });
});
