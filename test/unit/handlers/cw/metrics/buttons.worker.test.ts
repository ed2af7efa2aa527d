import type { KnownBlock } from '@slack/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { alarmRangeRequest, decodeAlarmRange } from '../../../../../handlers/alarm-relay/buttons.ts';
import { decodeMetricsRange } from '../../../../../handlers/cw/metrics/actions.ts';
import { runWorkerJob } from '../../../../../handlers/lifecycle.ts';
import type { MetricImageRequest } from '../../../../../handlers/ports.ts';
import type { WorkerJob } from '../../../../../handlers/worker-job.ts';
import { createDataSource } from '../../../../../infra/data-source.ts';
import { postToResponseUrl } from '../../../../../infra/slack/response-url.ts';
import { createSlackFiles } from '../../../../../infra/slack/slack-files.ts';
import { createWebClient } from '../../../../../infra/slack/web-client.ts';
import { startResponseUrlServer } from '../../../../fixtures/response-url-server.ts';
import { startSlackApiServer } from '../../../../fixtures/slack-api-server.ts';
import { cwJob, DEMO_WORKER_CONFIG } from '../../../../fixtures/worker-jobs.ts';

let responses: Awaited<ReturnType<typeof startResponseUrlServer>>;
let slack: Awaited<ReturnType<typeof startSlackApiServer>>;
beforeAll(async () => {
  responses = await startResponseUrlServer();
  slack = await startSlackApiServer();
});
afterAll(async () => {
  await responses.close();
  await slack.close();
});
beforeEach(() => {
  slack.calls.length = 0;
});

const CHANNEL = 'C2147483705';
const NOW = new Date('2026-11-25T12:00:00Z');
const config = DEMO_WORKER_CONFIG;

function pressJob(id: string, value: string, path: string): WorkerJob {
  // The slack function's job for a button with its own press: the message's ts as the thread.
  return cwJob('', `${responses.url}${path}`, {
    channelId: CHANNEL,
    action: { id, value, threadTs: '1764072000.000100' },
  });
}

function runtime(images?: (request: MetricImageRequest) => void) {
  const source = createDataSource(config, {
    now: () => NOW,
    files: createSlackFiles(createWebClient('xoxb-test', slack.apiUrl)),
  });
  const ports = images
    ? {
        ...source.ports,
        images: async () => ({
          getMetricImage: async (request: MetricImageRequest) => {
            images(request);
            return new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
          },
        }),
      }
    : source.ports;
  return { ...source, ports, reportError: () => {}, post: postToResponseUrl };
}

const answerAt = (path: string) => responses.posts.filter((p) => p.path === path).at(-1)?.body;
type Element = { action_id?: string; value?: string; style?: string };
function rangeButtonsOf(body: Record<string, unknown> | undefined, prefix: string): Element[] {
  const blocks = (body?.blocks ?? []) as KnownBlock[];
  return blocks
    .flatMap((b) => (b.type === 'actions' ? (b.elements as Element[]) : []))
    .filter((e) => e.action_id?.startsWith(prefix));
}

/** An existing picture in the local Slack, as a graph on show would be. */
async function postedPicture(): Promise<string> {
  const { fileId } = await createSlackFiles(createWebClient('xoxb-test', slack.apiUrl)).upload({
    channelId: CHANNEL,
    filename: 'metric.png',
    title: 'old',
    content: new Uint8Array([1]),
  });
  return fileId ?? '';
}

describe('range buttons through the worker', () => {
  it('redraws a metric answer over 7d in place: the statistic kept, the 1-minute period re-chosen for 7 days', async () => {
    // Prepare: the answer was `/cw metrics rds cpu orders-db --stat Maximum --period 1m`
    const value = JSON.stringify({ v: 1, w: ['rds', 'cpu', 'orders-db', '--stat', 'Maximum'], p: 60 });

    // Act
    await runWorkerJob(pressJob('cw_metrics_range_7d', value, '/m7d'), runtime(), 30_000);

    // Assess
    const answer = answerAt('/m7d');
    expect(answer).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    const all = JSON.stringify(answer?.blocks);
    expect(all).toContain('Maximum');
    expect(all).toContain('last 7d (');
    expect(all).toMatch(/more than 1440 points, so the period is 10m/);
    const buttons = rangeButtonsOf(answer, 'cw_metrics_range_');
    expect(buttons.map((b) => [b.action_id, b.style])).toEqual([
      ['cw_metrics_range_1h', undefined],
      ['cw_metrics_range_3h', undefined],
      ['cw_metrics_range_1d', undefined],
      ['cw_metrics_range_7d', 'primary'],
    ]);
    // The buttons of the new answer still carry the user's own period: 1h keeps it.
    expect(decodeMetricsRange(buttons[0]?.value ?? '')).toEqual({
      v: 1,
      w: ['rds', 'cpu', 'orders-db', '--stat', 'Maximum'],
      p: 60,
    });
  });

  it('redraws a graph over 1h: posts the new picture, removes the one on show, and replaces the answer', async () => {
    // Prepare
    const shown = await postedPicture();
    slack.calls.length = 0;
    const value = JSON.stringify({ v: 1, w: ['rds', 'cpu', 'orders-db'], g: 1, f: shown });

    // Act
    await runWorkerJob(pressJob('cw_metrics_range_1h', value, '/g1h'), runtime(), 30_000);

    // Assess
    const methods = slack.calls.map((c) => c.method);
    expect(methods.filter((m) => m === 'files.completeUploadExternal')).toHaveLength(1);
    expect(methods.indexOf('files.delete')).toBeGreaterThan(methods.indexOf('files.completeUploadExternal'));
    expect(slack.callsTo('files.delete')[0]?.args).toMatchObject({ file: shown });
    const answer = answerAt('/g1h');
    expect(answer).toMatchObject({ replace_original: true });
    expect(JSON.stringify(answer?.blocks)).toContain('Graph posted to the channel');
    const newId = slack.callsTo('files.getUploadURLExternal').length > 0 ? [...slack.uploads.keys()].at(-1) : undefined;
    expect(decodeMetricsRange(rangeButtonsOf(answer, 'cw_metrics_range_')[0]?.value ?? '')).toEqual({
      v: 1,
      w: ['rds', 'cpu', 'orders-db'],
      g: 1,
      f: newId,
    });
  });

  it('keeps the picture on show for the next press when the graph cannot be redrawn', async () => {
    // Prepare: Slack refuses the upload
    const value = JSON.stringify({ v: 1, w: ['rds', 'cpu', 'orders-db'], g: 1, f: 'F0KEPT' });
    slack.failNextWith('not_in_channel');

    // Act
    await runWorkerJob(pressJob('cw_metrics_range_3h', value, '/kept'), runtime(), 30_000);

    // Assess
    const answer = answerAt('/kept');
    expect(JSON.stringify(answer?.blocks)).toContain('The graph could not be posted: I am not in this channel');
    expect(slack.callsTo('files.delete')).toEqual([]);
    expect(decodeMetricsRange(rangeButtonsOf(answer, 'cw_metrics_range_')[0]?.value ?? '')?.f).toBe('F0KEPT');
  });

  it('answers beside, leaving the answer alone, when a press cannot be redrawn', async () => {
    // Act: words /cw metrics refuses
    await runWorkerJob(
      pressJob('cw_metrics_range_1d', JSON.stringify({ v: 1, w: ['rds', 'nope', 'x'] }), '/bad'),
      runtime(),
      30_000,
    );

    // Assess
    expect(answerAt('/bad')).toMatchObject({ replace_original: false, response_type: 'ephemeral' });
    expect(String(answerAt('/bad')?.text)).toMatch(/`nope` is not a rds shortcut metric/);
  });

  it("puts range buttons under the alarm Graph button's answer, and redraws the alarm over 1d with its threshold, in its thread", async () => {
    // Prepare: the alarm message's Graph button value (AlarmActionValue), as the relay renders it
    const images: MetricImageRequest[] = [];
    const alarm = {
      v: 1,
      alarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-db-cpu-high',
      alarmName: 'orders-db-cpu-high',
      account: '123456789012',
      region: 'us-east-1',
      changedAt: '2026-11-25T11:30:00.000Z',
      state: 'ALARM',
      metrics: [
        {
          id: 'm1',
          returnData: true,
          namespace: 'AWS/RDS',
          name: 'CPUUtilization',
          dimensions: [{ name: 'DBInstanceIdentifier', value: 'orders-db' }],
          period: 60,
          stat: 'Average',
        },
      ],
      threshold: 80,
    };

    // Act 1: Graph on the alarm message
    await runWorkerJob(
      pressJob('alarm_graph', JSON.stringify(alarm), '/alarm'),
      runtime((r) => images.push(r)),
      30_000,
    );

    // Assess 1: beside the alarm, with 1h · 3h · 1d · 7d carrying the graph, its thread and its file
    const first = answerAt('/alarm');
    expect(first).toMatchObject({ replace_original: false, response_type: 'ephemeral' });
    const buttons = rangeButtonsOf(first, 'alarm_graph_range_');
    expect(buttons.map((b) => b.action_id)).toEqual([
      'alarm_graph_range_1h',
      'alarm_graph_range_3h',
      'alarm_graph_range_1d',
      'alarm_graph_range_7d',
    ]);
    const carried = decodeAlarmRange(buttons[2]?.value ?? '');
    expect(carried).toMatchObject({ alarmName: 'orders-db-cpu-high', threshold: 80, t: '1764072000.000100' });
    expect(buttons.every((b) => (b.value ?? '').length <= 2000)).toBe(true);
    const firstFile = carried?.f;
    expect(firstFile).toMatch(/^F0\d+$/);

    // Act 2: 1d, pressed on that ephemeral answer (its own ts is no thread: the value's is used)
    slack.calls.length = 0;
    await runWorkerJob(
      {
        ...pressJob('alarm_graph_range_1d', buttons[2]?.value ?? '', '/alarm-1d'),
        action: { id: 'alarm_graph_range_1d', value: buttons[2]?.value ?? '', threadTs: '1764072999.000000' },
      },
      runtime((r) => images.push(r)),
      30_000,
    );

    // Assess 2
    const redraw = images.at(-1);
    expect(redraw?.start).toEqual(new Date(NOW.getTime() - 86_400_000));
    expect(redraw?.end).toEqual(NOW);
    expect(redraw?.periodSeconds).toBe(60);
    expect(redraw?.series[0]).toMatchObject({ metricName: 'CPUUtilization', stat: 'Average' });
    expect(redraw?.annotations?.horizontal).toEqual([expect.objectContaining({ value: 80 })]);
    expect(slack.callsTo('files.completeUploadExternal')[0]?.args).toMatchObject({
      channel_id: CHANNEL,
      thread_ts: '1764072000.000100',
    });
    expect(slack.callsTo('files.delete')[0]?.args).toMatchObject({ file: firstFile });
    const second = answerAt('/alarm-1d');
    expect(second).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(String(second?.text)).toContain('Redrew `orders-db-cpu-high` over the last 1d in the thread.');
    const next = decodeAlarmRange(rangeButtonsOf(second, 'alarm_graph_range_')[0]?.value ?? '');
    expect(next?.f).not.toBe(firstFile);
  });
});

describe('handlers/alarm-relay/buttons: the alarm graph over a range', () => {
  const value = {
    v: 1 as const,
    alarmName: 'api-errors',
    changedAt: '2026-11-20T08:00:00.000Z',
    state: 'ALARM',
    metrics: [{ namespace: 'AWS/Lambda', name: 'Errors', dimensions: [], period: 60, stat: 'Sum' }],
    threshold: 5,
  };

  it('re-chooses the period for 7 days (1-minute data over a week is too many points) and keeps the threshold', () => {
    const request = alarmRangeRequest(value, NOW, { label: '7d', seconds: 7 * 86400 });
    expect(request?.periodSeconds).toBe(600);
    expect(request?.series[0]?.stat).toBe('Sum');
    expect(request?.annotations?.horizontal?.[0]?.value).toBe(5);
    // The change, five days back, is in the week: its marker stays.
    expect(request?.annotations?.vertical).toHaveLength(1);
  });

  it('leaves out the change marker when the change is before the range', () => {
    const request = alarmRangeRequest(value, NOW, { label: '1h', seconds: 3600 });
    expect(request?.start).toEqual(new Date(NOW.getTime() - 3_600_000));
    expect(request?.annotations?.vertical).toBeUndefined();
    expect(request?.annotations?.horizontal?.[0]?.value).toBe(5);
  });

  it('reads back only values it wrote', () => {
    expect(decodeAlarmRange('not json')).toBeUndefined();
    expect(decodeAlarmRange(JSON.stringify({ ...value, f: '../../etc' }))).toBeUndefined();
    expect(decodeAlarmRange(JSON.stringify({ ...value, t: 'x' }))).toBeUndefined();
    expect(decodeAlarmRange(JSON.stringify({ ...value, changedAt: 'yesterday' }))).toBeUndefined();
    expect(decodeAlarmRange(JSON.stringify(value))).toEqual(value);
  });
});
