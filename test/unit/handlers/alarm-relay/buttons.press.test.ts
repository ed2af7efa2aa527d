import { describe, expect, it } from 'vitest';
import { parseAlarmEvent } from '../../../../handlers/alarm-relay/alarm-event.ts';
import {
  ALARM_ACTIONS,
  ALARM_BUTTONS,
  ERRORS_QUERY,
  encodeAlarmAction,
} from '../../../../handlers/alarm-relay/buttons.ts';
import type { RunContext } from '../../../../handlers/command.ts';
import { DataSourceBusyError } from '../../../../handlers/errors.ts';
import { pressButton } from '../../../../handlers/lifecycle.ts';
import type { FileUpload, LogsQueryRequest, MetricImageRequest } from '../../../../handlers/ports.ts';
import { type AlarmEvent, type AlarmFixture, alarmEvent } from '../../../fixtures/alarm-events/index.ts';
import { shownText } from '../../../fixtures/block-kit.ts';
import { type AllDeps, commandDeps, runtimeOf } from '../../../fixtures/command-deps.ts';

/** A press as the worker makes it: through the registry's alarm buttons, with the button's own ports. */
const completeAlarmAction = (
  actionId: string,
  value: string,
  place: { channelId: string; threadTs?: string },
  deps: AllDeps,
  run: RunContext,
) => pressButton(ALARM_BUTTONS, actionId, { value, ...place }, runtimeOf(deps), run);

import { errorRateEvent } from './error-rate-event.ts';

function valueFor(fixture: AlarmFixture | AlarmEvent, logGroups: string[] = []) {
  const parsed = parseAlarmEvent(typeof fixture === 'string' ? alarmEvent(fixture) : fixture);
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
      listQueryLogGroups: async () => [],
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
    // The button carries the threshold, so this graph has the threshold line and the change marker too.
    expect(images[0]?.annotations).toEqual({
      horizontal: [{ value: 50, label: 'Threshold 50%', color: '#d62728' }],
      vertical: [{ value: change.state.timestamp, label: 'ALARM at 17:04 UTC', color: '#d62728' }],
    });
  });

  it('Graph draws a metric math alarm’s expression over the alarm’s own metric ids, with its inputs hidden', async () => {
    // Prepare
    const { value } = valueFor(errorRateEvent());
    const { deps, images } = recordingDeps();

    // Act
    await completeAlarmAction(ALARM_ACTIONS.graph, value, { channelId: 'C1' }, deps, {});

    // Assess
    expect(images[0]?.expressions).toEqual([
      { id: 'rate', expression: '100 * errors / invocations', label: 'Error rate' },
    ]);
    expect(images[0]?.series.map((s) => [s.id, s.visible])).toEqual([
      ['errors', false],
      ['invocations', false],
    ]);
  });

  it('Graph draws an anomaly alarm’s metric, not only its band', async () => {
    const { value } = valueFor('anomaly-detection');
    const { deps, images } = recordingDeps();
    await completeAlarmAction(ALARM_ACTIONS.graph, value, { channelId: 'C1' }, deps, {});
    expect(images[0]?.expressions?.map((e) => e.id)).toEqual(['ad1']);
    expect(images[0]?.series).toEqual([expect.objectContaining({ id: 'm1', metricName: 'CPUUtilization' })]);
    expect(images[0]?.series[0]?.visible).toBeUndefined();
  });

  it('Graph shows only errors meant for users, and says to invite the bot when Slack says it is not in the channel', async () => {
    // Prepare
    const { value } = valueFor('metric');
    const failing = (error: Error) => {
      const { deps } = recordingDeps();
      deps.images.getMetricImage = async () => {
        throw error;
      };
      return deps;
    };
    const notInChannel = Object.assign(new Error('An API error occurred: not_in_channel'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'not_in_channel' },
    });
    const place = { channelId: 'C1' };

    // Act
    const internal = completeAlarmAction(
      ALARM_ACTIONS.graph,
      value,
      place,
      failing(new Error('arn:aws:iam::123456789012:role/secret is not authorized')),
      {},
    );
    const exposed = await completeAlarmAction(
      ALARM_ACTIONS.graph,
      value,
      place,
      failing(new DataSourceBusyError('CloudWatch is busy.')),
      {},
    );
    const slackSaid = await completeAlarmAction(ALARM_ACTIONS.graph, value, place, failing(notInChannel), {});

    // Assess: an internal error goes on to the worker, which logs it and answers with a reference.
    await expect(internal).rejects.toThrow(/not authorized/);
    expect(exposed.text).toContain('CloudWatch is busy.');
    expect(slackSaid.text).toMatch(/invite me/i);
    expect(slackSaid.text).not.toContain('An API error occurred');
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
    expect(shownText(message)).toContain('ERROR payment declined');
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
