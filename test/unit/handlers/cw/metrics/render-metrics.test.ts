import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../../handlers/command-text.ts';
import { parseMetricsArgs } from '../../../../../handlers/cw/metrics/parse-metrics.ts';
import { renderMetrics } from '../../../../../handlers/cw/metrics/render-metrics.ts';
import { type MetricsResult, runMetrics } from '../../../../../handlers/cw/metrics/run-metrics.ts';
import { mrkdwnToTerminal, PLAIN } from '../../../../../infra/local/render-terminal.ts';
import { expectValidMessage } from '../../../../fixtures/block-kit.ts';
import { fakeMetrics, seriesFor } from '../../../../fixtures/fake-metrics.ts';

const now = () => new Date('2026-11-25T12:00:00Z');

async function resultFor(text: string, list = fakeMetrics({}).port): Promise<MetricsResult> {
  const { port } = fakeMetrics({ data: (r) => r.series.map((_, s) => seriesFor(r, (i) => (i % 10) + s)) });
  const metrics = { ...port, listMetrics: list.listMetrics };
  return runMetrics({ metrics, region: 'ap-northeast-2', now }, parseMetricsArgs(tokenize(text)));
}

const allText = (message: ReturnType<typeof renderMetrics>) => JSON.stringify(message.blocks);

describe('handlers/cw/metrics/render-metrics', () => {
  it('shows what was asked, the four numbers with their unit, a sparkline and a console link', async () => {
    // Act
    const message = renderMetrics(await resultFor('rds cpu orders-db --since 3h'));

    // Assess
    expectValidMessage(message);
    expect(message.response_type).toBe('ephemeral');
    const text = allText(message);
    expect(text).toContain('CPUUtilization · AWS/RDS');
    expect(text).toContain('DBInstanceIdentifier=orders-db · Average · period 2m · last 3h');
    expect(text).toContain('ap-northeast-2');
    for (const label of ['*Latest*', '*Average*', '*Minimum*', '*Maximum*']) expect(text).toContain(label);
    expect(text).toContain('9.0%');
    expect(text).toMatch(/```[▁▂▃▄▅▆▇█ ]+```/);
    expect(text).toContain(
      'https://ap-northeast-2.console.aws.amazon.com/cloudwatch/deeplink.js?region=ap-northeast-2',
    );
    expect(message.text).toMatch(/CPUUtilization DBInstanceIdentifier=orders-db: latest 9.0%/);
  });

  it('offers a Graph button that runs the same command over the same window with --graph, but not on a graph’s own answer', async () => {
    // Act
    const message = renderMetrics(await resultFor('rds cpu orders-db --since 1d'));
    const graphed = renderMetrics(await resultFor('rds cpu orders-db --since 1d --graph'));

    // Assess
    const actions = message.blocks?.find((b) => b.type === 'actions');
    if (actions?.type !== 'actions') throw new Error('no actions');
    expect(actions.elements[0]).toEqual({
      type: 'button',
      action_id: 'cw_metrics_graph',
      text: { type: 'plain_text', text: 'Graph' },
      value: 'metrics rds cpu orders-db --period 15m --from 2026-11-24T12:00:00Z --to 2026-11-25T12:00:00Z --graph',
    });
    const graphedActions = graphed.blocks?.find((b) => b.type === 'actions');
    if (graphedActions?.type !== 'actions') throw new Error('no actions on the graph');
    expect(graphedActions.elements.map((e) => ('action_id' in e ? e.action_id : ''))).not.toContain('cw_metrics_graph');
  });

  it('offers 1h · 3h · 1d · 7d under every answer, the one on show marked, each carrying the words to redraw', async () => {
    // Act
    const message = renderMetrics(await resultFor('rds cpu orders-db --since 1d --stat Maximum --period 5m --share'));
    const empty = renderMetrics(await resultFor('rds cpu no-such-db'));

    // Assess
    for (const m of [message, empty]) {
      const actions = m.blocks?.find((b) => b.type === 'actions');
      if (actions?.type !== 'actions') throw new Error('no actions');
      const ranges = actions.elements.filter((e) => 'action_id' in e && e.action_id?.startsWith('cw_metrics_range_'));
      expect(ranges.map((e) => ('text' in e && e.text && 'text' in e.text ? e.text.text : ''))).toEqual([
        '1h',
        '3h',
        '1d',
        '7d',
      ]);
    }
    const actions = message.blocks?.find((b) => b.type === 'actions');
    if (actions?.type !== 'actions') throw new Error('no actions');
    const day = actions.elements.find((e) => 'action_id' in e && e.action_id === 'cw_metrics_range_1d');
    expect(day).toMatchObject({ style: 'primary' });
    expect(JSON.parse(day && 'value' in day ? String(day.value) : '{}')).toEqual({
      v: 1,
      w: ['rds', 'cpu', 'orders-db', '--stat', 'Maximum'],
      p: 300,
      s: 1,
    });
  });

  it('posts in the channel with --share', async () => {
    expect(renderMetrics(await resultFor('rds cpu orders-db --share')).response_type).toBe('in_channel');
  });

  it('labels each series when there are several', async () => {
    const text = allText(renderMetrics(await resultFor('rds iops a,b')));
    expect(text).toContain('*ReadIOPS DBInstanceIdentifier=a*');
    expect(text).toContain('*WriteIOPS DBInstanceIdentifier=b*');
  });

  it('holds Block Kit limits with the most series and very long names', async () => {
    // Prepare
    const long = 'x'.repeat(1000);
    const values = Array.from({ length: 20 }, (_, i) => `${long}${i}`).join(',');

    // Act
    const message = renderMetrics(
      await resultFor(`Custom/${'N'.repeat(240)} ${'M'.repeat(250)} Dim${'D'.repeat(250)}=${values}`),
    );

    // Assess
    expectValidMessage(message);
    expect(message.blocks?.filter((b) => b.type === 'section')).toHaveLength(20);
  });

  it('escapes Slack control characters from user input in everything Slack renders', async () => {
    // A button's value is never rendered, so only the text blocks must be escaped.
    const message = renderMetrics(await resultFor('MyApp Latency Route=<!channel>&x'));
    const text = JSON.stringify(message.blocks?.filter((b) => b.type !== 'actions'));
    expect(text).toContain('&lt;!channel&gt;&amp;x');
    expect(text).not.toContain('<!channel>');
  });

  it('explains no data and offers the dimensions that exist', async () => {
    // Prepare
    const { port: list } = fakeMetrics({
      list: [
        { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [{ name: 'InstanceId', value: 'i-0abd' }] },
      ],
    });
    const result = await resultFor('AWS/EC2 CPUUtilization InstanceId=i-0abc', list);
    const empty: MetricsResult = {
      ...result,
      series: result.series.map((s) => ({ ...s, summary: undefined, data: { ...s.data, timestamps: [], values: [] } })),
      suggestions: { closest: ['InstanceId=i-0abd'], examples: [], dimensionSets: [], total: 1, elsewhere: [] },
    };

    // Act
    const message = renderMetrics(empty);

    // Assess
    expectValidMessage(message);
    expect(allText(message)).toContain('No datapoints for `AWS/EC2 CPUUtilization InstanceId=i-0abc` in the last 3h');
    expect(allText(message)).toContain('Did you mean `InstanceId=i-0abd`?');
    expect(message.text).toContain('no data');
  });

  it.each([
    [
      { closest: [], examples: ['InstanceId=i-1'], dimensionSets: [], total: 5, elsewhere: [] },
      'published for, e.g., `InstanceId=i-1`',
    ],
    [
      { closest: [], examples: [], dimensionSets: ['AutoScalingGroupName'], total: 2, elsewhere: [] },
      'these dimensions: `AutoScalingGroupName`',
    ],
    [{ closest: [], examples: [], dimensionSets: [], total: 0, elsewhere: [] }, 'no such metric in ap-northeast-2'],
  ])('says what exists when nothing is close (%#)', async (suggestions, expected) => {
    const result = await resultFor('AWS/EC2 CPUUtilization InstanceId=i-0abc');
    const message = renderMetrics({
      ...result,
      series: result.series.map((s) => ({ ...s, summary: undefined })),
      suggestions,
    });
    expect(allText(message)).toContain(expected);
  });

  it('notes partial data and a changed period', async () => {
    const result = await resultFor('rds cpu db --since 7d --period 1m');
    const first = result.series[0];
    if (!first) throw new Error('no series');
    const message = renderMetrics({
      ...result,
      series: [{ ...first, data: { ...first.data, status: 'PartialData' } }],
    });
    expect(allText(message)).toContain('more than 1440 points');
    expect(allText(message)).toContain('partial data');
  });

  describe('ranges and values as the user asked for them', () => {
    const contextText = (message: ReturnType<typeof renderMetrics>) =>
      mrkdwnToTerminal(JSON.stringify(message.blocks?.find((b) => b.type === 'context')), PLAIN);

    async function resultOf(tokens: string[]): Promise<MetricsResult> {
      const { port } = fakeMetrics({ data: (r) => r.series.map(() => seriesFor(r, (i) => (i % 10) + 0.5)) });
      return runMetrics({ metrics: port, region: 'ap-northeast-2', now }, parseMetricsArgs(tokens));
    }

    it.each([
      [['rds', 'cpu', 'orders-db', '--since', '7d'], 'last 7d'],
      [['rds', 'cpu', 'orders-db', '--since', '455d'], 'last 455d'],
      [['rds', 'cpu', 'orders-db', '--since', '3 hours'], 'last 3 hours'],
      [['rds', 'cpu', 'orders-db', '--since', '2h30m'], 'last 2h30m'],
      [['rds', 'cpu', 'orders-db', '--since', '3시간'], 'last 3시간'],
    ])('%j shows the range in the units typed', async (tokens, shown) => {
      // Act
      const message = renderMetrics(await resultOf(tokens));

      // Assess
      expect(contextText(message)).toContain(`${shown} (`);
      expect(contextText(message)).not.toMatch(/\b\d+w\b/);
    });

    it('dates both ends of a range that crosses a day, as date tokens with a UTC fallback', async () => {
      // Act
      const message = renderMetrics(await resultOf(['rds', 'cpu', 'orders-db', '--since', '1d']));

      // Assess
      const context = JSON.stringify(message.blocks?.[1]);
      expect(context).toMatch(
        /<!date\^\d+\^\{date_short_pretty\} \{time\}\|2026-11-24 \d\d:\d\d> – <!date\^\d+\^\{date_short_pretty\} \{time\}\|2026-11-25 12:00 UTC>/,
      );
      expect(JSON.stringify(message.blocks)).toMatch(
        /\*Latest\* \(<!date\^\d+\^\{date_short_pretty\} \{time\}\|2026-11-25 /,
      );
    });

    it('links the console to the same absolute window as the message', async () => {
      // Prepare
      const result = await resultOf(['rds', 'cpu', 'orders-db', '--since', '3h']);

      // Act
      const message = renderMetrics(result);

      // Assess
      const link = /<(https:[^|>]+)\|Open in the CloudWatch console>/.exec(JSON.stringify(message.blocks))?.[1] ?? '';
      const graph = JSON.parse(decodeURIComponent(link.slice(link.indexOf('graph=') + 'graph='.length)));
      expect(graph.start).toBe(result.start.toISOString());
      expect(graph.end).toBe(result.end.toISOString());
      expect(result.end.getTime() - result.start.getTime()).toBeGreaterThanOrEqual(3 * 3600 * 1000);
    });

    it.each([
      [['rds', 'cpu', 'orders-db', '--stat', 'count'], /\*Maximum\*\\n9"/, /\d%/],
      [['rds', 'cpu', 'orders-db', '--stat', 'SampleCount'], /\*Latest\*[^"]*\\n\d"/, /\d%/],
      [['rds', 'cpu', 'orders-db', '--stat', 'Sum'], /\*Maximum\*\\n9\.50"/, /\d%/],
      [['rds', 'cpu', 'orders-db', '--stat', 'Maximum'], /\*Maximum\*\\n9\.5%"/, /SampleCount/],
    ])(
      '%j: counts are counts, a sum of percentages is no percentage, other statistics keep the unit',
      async (tokens, shown, absent) => {
        // Prepare
        const { port } = fakeMetrics({
          data: (r) =>
            r.series.map(() => seriesFor(r, (i) => (r.series[0]?.stat === 'SampleCount' ? i % 10 : (i % 10) + 0.5))),
        });

        // Act
        const message = renderMetrics(
          await runMetrics({ metrics: port, region: 'ap-northeast-2', now }, parseMetricsArgs(tokens)),
        );

        // Assess
        const fields = JSON.stringify(message.blocks?.find((b) => b.type === 'section'));
        expect(fields).toMatch(shown);
        expect(fields).not.toMatch(absent);
        expect(message.text).not.toMatch(tokens.includes('Maximum') ? /^$/ : /\d%/);
      },
    );
  });

  it.each([
    ['lambda duration checkout-api', [410.37, 290.47, 198.86], ['198.86 ms', '299.9 ms'], /\\n(199|300|410|198) ms"/],
    ['MyApp OrdersPlaced Stage=prod --stat Sum', [88, 91, 96], ['91.67'], /\*Average\*\\n91\.7"/],
  ])('`%s`: the numbers of one message follow one rule', async (text, values, never, shown) => {
    // Prepare
    const { port } = fakeMetrics({
      data: (r) =>
        r.series.map(() => ({
          ...seriesFor(r, () => 0),
          timestamps: values.map((_, i) => new Date(r.start.getTime() + i * r.periodSeconds * 1000)),
          values,
        })),
    });

    // Act
    const message = renderMetrics(
      await runMetrics({ metrics: port, region: 'eu-west-1', now }, parseMetricsArgs(tokenize(text))),
    );

    // Assess
    const fields = JSON.stringify(message.blocks?.find((b) => b.type === 'section'));
    for (const t of never) expect(fields).not.toContain(t);
    expect(fields).toMatch(shown);
    const decimals = new Set([...fields.matchAll(/\\n([\d,.]+)/g)].map((m) => m[1]?.split('.')[1]?.length ?? 0));
    // One rule: the same decimals throughout (a count's average alone may add one).
    expect(decimals.size).toBeLessThanOrEqual(text.includes('Sum') ? 2 : 1);
  });
});

describe('handlers/cw/metrics/render-metrics: a metric name a typo away from a known one', () => {
  it.each([
    ['AWS/EC2 CPUUtilisation InstanceId=i-0abc', '`CPUUtilization`'],
    ['AWS/RDS FreeableMemroy DBInstanceIdentifier=orders-db', '`FreeableMemory`'],
    ['AWS/Lambda Error FunctionName=checkout-api', '`Errors`'],
  ])('`%s` finds no data and is offered %s, not refused', async (text, suggestion) => {
    // Prepare
    const result = await resultFor(text);
    const empty: MetricsResult = {
      ...result,
      series: result.series.map((s) => ({ ...s, summary: undefined, data: { ...s.data, timestamps: [], values: [] } })),
      suggestions: { closest: [], examples: [], dimensionSets: [], total: 0, elsewhere: [] },
    };

    // Act
    const message = renderMetrics(empty);

    // Assess
    expectValidMessage(message);
    expect(allText(message)).toContain(`${suggestion}: did you mean it?`);
  });

  it('offers nothing for a name the catalog knows or one far from any', async () => {
    for (const text of ['AWS/EC2 CPUUtilization InstanceId=i-0abc', 'AWS/EC2 DiskReadOps InstanceId=i-0abc']) {
      const result = await resultFor(text);
      const empty: MetricsResult = { ...result, series: result.series.map((s) => ({ ...s, summary: undefined })) };
      expect(allText(renderMetrics(empty))).not.toContain('did you mean it?');
    }
  });
});

describe('handlers/cw/metrics/render-metrics: a constant series', () => {
  it.each([
    ['lambda throttles image-resizer,checkout-api', [0, 0, 0], [0, 7, 3], '0.0', '3.3'],
    ['lambda throttles image-resizer,checkout-api', [2, 2, 2], [1, 2, 4], '2.0', '2.3'],
    ['rds cpu users-db,orders-db', [0, 0, 0], [30, 32.5, 31], '0.0%', '31.2%'],
  ])(
    '`%s`: draws a flat low line and averages in the others’ decimals',
    async (text, flat, varying, flatAvg, varAvg) => {
      // Prepare: the first series constant, the second not
      const { port } = fakeMetrics({
        data: (r) =>
          r.series.map((_, s) => {
            const values = s === 0 ? flat : varying;
            return {
              ...seriesFor(r, () => 0),
              timestamps: values.map((_, i) => new Date(r.start.getTime() + i * r.periodSeconds * 1000)),
              values,
            };
          }),
      });

      // Act
      const message = renderMetrics(
        await runMetrics({ metrics: port, region: 'eu-west-1', now }, parseMetricsArgs(tokenize(text))),
      );

      // Assess
      const [first, second] = (message.blocks ?? []).filter((b) => b.type === 'section' && 'fields' in b);
      const firstText = JSON.stringify(first);
      expect(firstText).toMatch(/```▁+```/);
      expect(firstText).toContain(`*Average*\\n${flatAvg}"`);
      expect(JSON.stringify(second)).toContain(`*Average*\\n${varAvg}"`);
    },
  );
});
