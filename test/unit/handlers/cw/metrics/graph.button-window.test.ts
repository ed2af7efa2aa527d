import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../../handlers/command-text.ts';
import { GRAPH_ACTION } from '../../../../../handlers/cw/metrics/buttons.ts';
import { runMetricsGraph } from '../../../../../handlers/cw/metrics/graph.ts';
import { parseMetricsArgs } from '../../../../../handlers/cw/metrics/parse-metrics.ts';
import { renderMetrics } from '../../../../../handlers/cw/metrics/render-metrics.ts';
import { runMetrics } from '../../../../../handlers/cw/metrics/run-metrics.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import type { MetricImageRequest } from '../../../../../handlers/ports.ts';
import { createDemoMetrics } from '../../../../../infra/demo/demo-metrics.ts';
import { buildMetricWidget } from '../../../../../infra/metric-widget.ts';

const answeredAt = new Date('2026-12-02T07:16:40Z');
const metrics = createDemoMetrics({ now: () => answeredAt });
const deps = (now: Date) => ({ metrics, region: 'us-east-1', now: () => now });

function buttonValue(message: ReturnType<typeof renderMetrics>): string {
  for (const block of message.blocks ?? []) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements) {
      if (element.type === 'button' && element.action_id === GRAPH_ACTION && element.value) return element.value;
    }
  }
  throw new Error('no Graph button');
}

/** The button's value is `/cw` text: `metrics …`, as the Slack app runs it. */
const pressed = (value: string) => parseMetricsArgs(tokenize(value.replace(/^metrics /, '')));

describe('handlers/cw/metrics: the Graph button keeps the answer’s window', () => {
  it.each([
    'rds cpu orders-db --since 1d --stat max --period 5m',
    'rds cpu orders-db',
    'lambda errors checkout-api --since 2h --stat Sum',
    'AWS/ApplicationELB RequestCount LoadBalancer=app/public-web/50dc6c495c0c9188 --since 7d --share',
  ])('`%s` pressed 20 minutes later draws the same window, period and numbers', async (text) => {
    // Prepare
    const answer = await runMetrics(deps(answeredAt), parseMetricsArgs(tokenize(text)));
    const value = buttonValue(renderMetrics(answer));
    const later = new Date(answeredAt.getTime() + 20 * 60_000);

    // Act
    const again = await runMetrics(deps(later), pressed(value));

    // Assess
    expect(value).not.toContain('--since');
    expect(value).toContain(`--from ${answer.start.toISOString().replace('.000Z', 'Z')}`);
    expect(again.start).toEqual(answer.start);
    expect(again.end).toEqual(answer.end);
    expect(again.periodSeconds).toBe(answer.periodSeconds);
    expect(again.series.map((s) => s.data.values)).toEqual(answer.series.map((s) => s.data.values));
    expect(again.query.graph).toBe(true);
    expect(again.query.share).toBe(answer.query.share);
  });

  it('the graph and its answer say the range they draw', async () => {
    // Prepare
    const answer = await runMetrics(deps(answeredAt), parseMetricsArgs(tokenize('rds cpu orders-db --since 1d')));
    const requests: MetricImageRequest[] = [];
    const titles: string[] = [];

    // Act
    const message = await runMetricsGraph(
      {
        ...deps(new Date(answeredAt.getTime() + 20 * 60_000)),
        images: {
          getMetricImage: async (request) => {
            requests.push(request);
            return new Uint8Array([1]);
          },
        },
        files: {
          upload: async (file) => {
            titles.push(file.title ?? '');
            return { location: 'https://example.slack.com/files/F1' };
          },
        },
      },
      pressed(buttonValue(renderMetrics(answer))),
      { channelId: 'C0123456789' },
    );

    // Assess
    expect(requests[0]?.start).toEqual(answer.start);
    expect(requests[0]?.end).toEqual(answer.end);
    // The request says what it draws; the widget (and so the picture) and the upload add the window.
    expect(requests[0]?.title).toBe('CPUUtilization orders-db');
    const request = requests[0];
    if (!request) throw new Error('no image requested');
    expect(buildMetricWidget(request, 'us-east-1').title).toBe(
      'CPUUtilization orders-db · 2026-12-01 07:15 – 2026-12-02 07:16 UTC',
    );
    expect(titles).toEqual(['CPUUtilization orders-db · 2026-12-01 07:15 – 2026-12-02 07:16 UTC']);
    const context = JSON.stringify(message.blocks?.[1]);
    expect(context).toContain('<!date^1796109300^');
    expect(context).not.toContain('last 1d');
  });

  it('reads --from/--to typed by hand, and refuses what cannot be a window', async () => {
    const typed = pressed('metrics rds cpu orders-db --from 2026-12-02T05:00 --to 2026-12-02T06:00:00Z');
    expect(typed.window?.from.toISOString()).toBe('2026-12-02T05:00:00.000Z');
    const result = await runMetrics(deps(answeredAt), typed);
    expect(result.end.toISOString()).toBe('2026-12-02T06:00:00.000Z');
    for (const [text, said] of [
      ['rds cpu orders-db --since 1d --from 2026-12-01', 'either `--since` or `--from`/`--to`'],
      ['rds cpu orders-db --to 2026-12-01', '`--to` needs a `--from`'],
      ['rds cpu orders-db --from 2026-12-02 --to 2026-12-01', 'later than `--from`'],
      ['rds cpu orders-db --from yesterday', 'is not a time'],
    ] as const) {
      expect(() => parseMetricsArgs(tokenize(text))).toThrow(said);
    }
    await expect(
      runMetrics(deps(answeredAt), parseMetricsArgs(tokenize('rds cpu orders-db --from 2026-12-03'))),
    ).rejects.toBeInstanceOf(UserInputError);
  });
});
