import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../../handlers/command-text.ts';
import { GRAPH_ACTION } from '../../../../../handlers/cw/metrics/buttons.ts';
import { parseMetricsArgs } from '../../../../../handlers/cw/metrics/parse-metrics.ts';
import { MAX_LIMIT, parseTopArgs } from '../../../../../handlers/cw/top/parse-top.ts';
import { GRAPH_ROWS, renderTop } from '../../../../../handlers/cw/top/render-top.ts';
import { runTop } from '../../../../../handlers/cw/top/run-top.ts';
import type { InsightsGroup, MetricsInsightsRequest } from '../../../../../handlers/ports.ts';
import type { SlackMessage } from '../../../../../handlers/slack-message.ts';
import { tableProblems } from '../../../../../handlers/slack-table.ts';
import {
  expectNoStrayAngleBrackets,
  expectValidMessage,
  mrkdwnTexts,
  tableCells,
} from '../../../../fixtures/block-kit.ts';
import { fakeMetrics } from '../../../../fixtures/fake-metrics.ts';

const now = () => new Date('2026-12-02T10:00:00Z');

/** A group with one point a period over the request's window, `level` plus a small wave. */
function group(request: MetricsInsightsRequest, label: string, level: number): InsightsGroup {
  const timestamps: Date[] = [];
  const values: number[] = [];
  for (let t = request.start.getTime(), i = 0; t < request.end.getTime(); t += request.periodSeconds * 1000, i++) {
    timestamps.push(new Date(t));
    values.push(level + (i % 5));
  }
  return { label, timestamps, values };
}

async function answer(
  text: string,
  labels: (request: MetricsInsightsRequest) => InsightsGroup[],
): Promise<SlackMessage> {
  const metrics = fakeMetrics({ insights: (r) => ({ groups: labels(r), status: 'Complete', messages: [] }) });
  return renderTop(await runTop({ metrics: metrics.port, region: 'eu-west-1', now }, parseTopArgs(tokenize(text))));
}

/** The ranked rows: the table block's rows under its header. */
const rows = (message: SlackMessage) => tableCells(message).slice(1);

/** The Graph buttons, in the actions block above the table. */
const buttons = (message: SlackMessage) =>
  (message.blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.elements.filter((e) => e.type === 'button') : []));

describe('handlers/cw/top/render-top', () => {
  it('shows each row with its rank, a console link, the value in its unit and a sparkline', async () => {
    // Act
    const message = await answer('ec2 cpu', (r) => [group(r, 'i-0abc', 80), group(r, 'i-0def', 20)]);

    // Assess
    expectValidMessage(message);
    expect(tableCells(message)[0]).toEqual(['#', 'InstanceId', 'Average', 'Trend']);
    const [first, second] = rows(message);
    expect(first?.[0]).toBe('1');
    expect(first?.[1]).toMatch(
      /^<https:\/\/eu-west-1\.console\.aws\.amazon\.com\/cloudwatch\/deeplink\.js\?[^|]+\|i-0abc>$/,
    );
    expect(first?.[2]).toBe('82.0%');
    expect(first?.[3]).toMatch(/^[▁-█ ]+$/);
    expect(second?.slice(0, 1)).toEqual(['2']);
    expect(second?.[1]).toMatch(/\|i-0def>$/);
    expect(second?.[2]).toBe('22.0%');
    expect(message.text).toContain('1. i-0abc 82.0%, 2. i-0def 22.0%');
    expect(JSON.stringify(message.blocks)).toContain('SELECT AVG(CPUUtilization) FROM SCHEMA');
  });

  it('ranks by the value over the window whatever order the groups came in', async () => {
    // Act
    const message = await answer('rds connections --stat Maximum', (r) => [
      group(r, 'low', 5),
      group(r, 'high', 500),
      group(r, 'middle', 50),
    ]);

    // Assess
    expect(message.text).toMatch(/1\. high .*2\. middle .*3\. low/);
  });

  it('gives the top rows a Graph button whose /cw metrics text draws that resource over the same window', async () => {
    // Act
    const message = await answer('lambda errors --since 3h', (r) =>
      ['a', 'b', 'c', 'd', 'e'].map((l, i) => group(r, `fn-${l}`, 100 - i)),
    );

    // Assess
    const graph = buttons(message);
    expect(graph).toHaveLength(GRAPH_ROWS);
    for (const [i, button] of graph.entries()) {
      expect(button.action_id).toBe(GRAPH_ACTION);
      const [command, ...args] = tokenize(button.value ?? '');
      expect(command).toBe('metrics');
      const query = parseMetricsArgs(args);
      expect(query.graph).toBe(true);
      expect(query.series).toEqual([
        {
          namespace: 'AWS/Lambda',
          metricName: 'Errors',
          dimensions: [{ name: 'FunctionName', value: `fn-${'abc'[i]}` }],
          stat: 'Sum',
        },
      ]);
      expect(query.window?.from.toISOString()).toBe('2026-12-02T07:00:00.000Z');
    }
  });

  it('gives no button to a row whose value would not read back as that one resource', async () => {
    // Act: a comma would make two series, a quote would be lost.
    const message = await answer('MyApp Orders by Stage', (r) => [
      group(r, 'a,b', 9),
      group(r, 'say "x"', 8),
      group(r, 'ok one', 7),
    ]);

    // Assess
    const values = buttons(message).map((b) => b.value);
    expect(values).toEqual([expect.stringContaining('"Stage=ok one"')]);
  });

  it(`keeps ${MAX_LIMIT} rows of hostile, long labels within Block Kit's limits, and pings no one`, async () => {
    // Prepare
    const hostile = ['<!channel>', '<@U024BE7LH>', '<!here|here>', '`code` *bold*', 'a|b>c', '&amp;', 'x'.repeat(1024)];

    // Act
    const message = await answer(`ec2 cpu --limit ${MAX_LIMIT}`, (r) =>
      Array.from({ length: 40 }, (_, i) => group(r, `${hostile[i % hostile.length]}-${i}`, 1000 - i)),
    );

    // Assess
    expectValidMessage(message);
    expectNoStrayAngleBrackets(message);
    expect(rows(message)).toHaveLength(MAX_LIMIT);
    expect(tableProblems(message)).toEqual([]);
    for (const text of mrkdwnTexts(message)) {
      expect(text).not.toMatch(/<!channel>|<!here|<@U/);
    }
    // In the table the label is a link's text, which Slack shows as typed: a mention there is a word.
    expect(rows(message)[0]?.[1]).toMatch(/\|<!channel>-0>$/);
  });

  it('says what it looked for when nothing matched', async () => {
    // Act
    const message = await answer('MyApp OrdersPlaced by Region --since 2h', () => []);

    // Assess
    expectValidMessage(message);
    expect(rows(message)).toHaveLength(0);
    expect(JSON.stringify(message.blocks)).toContain('exactly the dimension `Region` in the last 2h');
    expect(message.text).toContain('no data');
  });

  it("says why a percentile shortcut is ranked by Maximum, and CloudWatch's own messages", async () => {
    // Prepare
    const metrics = fakeMetrics({
      insights: (r) => ({ groups: [group(r, 'fn', 1)], status: 'PartialData', messages: ['<!channel> limit hit'] }),
    });

    // Act
    const message = renderTop(
      await runTop({ metrics: metrics.port, region: 'eu-west-1', now }, parseTopArgs(tokenize('lambda duration'))),
    );

    // Assess
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('Ranked by Maximum');
    expect(text).toContain('partial data');
    expect(text).toContain('&lt;!channel&gt; limit hit');
    expectNoStrayAngleBrackets(message);
  });

  it('posts in the channel with --share, else only to the asker', async () => {
    expect((await answer('ec2 cpu --share', () => [])).response_type).toBe('in_channel');
    expect((await answer('ec2 cpu', () => [])).response_type).toBe('ephemeral');
  });
});
