import { describe, expect, it } from 'vitest';
import { parseLogsQuery } from '../../../../../handlers/cw/logs/parse-logs.ts';
import {
  displayTable,
  LINE_WIDTH,
  renderLogsResults,
  tableBlocks,
} from '../../../../../handlers/cw/logs/render-logs.ts';
import type { QueryResults } from '../../../../../handlers/ports.ts';
import { mrkdwnToTerminal, PLAIN } from '../../../../../infra/local/render-terminal.ts';
import { expectValidMessage, tableOrCodeLines } from '../../../../fixtures/block-kit.ts';

const STATS = { recordsMatched: 3, recordsScanned: 900, bytesScanned: 120_000 };
const GROUP = '/aws/lambda/checkout-api';

// Lambda's own stream names and lines: https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html
function lambdaResults(groups: string[]): QueryResults {
  const rows = [0, 1, 2].map((i) => ({
    '@timestamp': `2026-11-25 11:5${i}:0${i}.123`,
    '@message': `START RequestId: 8f5b0b2c-7c4a-4b1e-9d3c-${i}b2f1e0a9c8d Version: $LATEST ${'payload '.repeat(20)}`,
    '@logStream': `2026/11/25/[$LATEST]4d6e1f0a2b3c4d5e6f7a8b9c0d1e2f3${i}`,
    '@log': `123456789012:${groups[i % groups.length]}`,
    '@ptr': 'CmAKRwpDMTIz',
  }));
  return {
    status: 'Complete',
    fields: ['@timestamp', '@message', '@logStream', '@log', '@ptr'],
    rows,
    statistics: STATS,
  };
}

const answer = (groups: string[], overrides = {}) => ({
  title: 'Logs Insights',
  groups,
  start: new Date('2026-11-25T11:00:00Z'),
  end: new Date('2026-11-25T12:00:00Z'),
  since: '1h',
  queryString: 'fields @timestamp, @message, @logStream, @log | sort @timestamp desc',
  region: 'ap-northeast-2',
  results: lambdaResults(groups),
  pricePerGb: 0.005,
  ...overrides,
});

const tableLines = tableOrCodeLines;
/** The code blocks the answer falls back to when its rows cannot be one table block: laid out for a phone. */
const codeLines = (a: ReturnType<typeof answer>) => {
  const shown = displayTable(a.results, a.groups, a);
  return tableOrCodeLines({ text: '', blocks: tableBlocks(shown.fields, shown.rows, shown.labels).blocks });
};

describe('handlers/cw/logs/render-logs', () => {
  it('hides @log when one log group is queried, and the stream prefix every row shares', () => {
    // Act
    const message = renderLogsResults(answer([GROUP]));

    // Assess
    expectValidMessage(message);
    const [head, ...rows] = tableLines(message);
    expect(head).not.toContain('@log ');
    expect(head?.trimEnd().endsWith('@log')).toBe(false);
    expect(rows.join('\n')).not.toContain('123456789012:');
    expect(rows.join('\n')).not.toContain('2026/11/25/[$LATEST]');
    expect(head).toMatch(/^@timestamp UTC {2}/);
    expect(rows[0]).toMatch(/^11:50:00\.123 {2}/);
  });

  it('keeps @log when the rows come from several groups', () => {
    const [head, ...rows] = tableLines(renderLogsResults(answer([GROUP, '/aws/lambda/orders-api'])));
    expect(head).toContain('@log');
    expect(rows.join('\n')).toMatch(/…\S*ers-api/);
    expect(rows.join('\n')).toMatch(/…\S*out-api/);
  });

  it('keeps @log when several groups are queried, even if every row came from one of them', () => {
    const shown = displayTable(lambdaResults([GROUP]), [GROUP, '/aws/lambda/orders-api']);
    expect(shown.fields).toContain('@log');
    expect(shown.rows[0]?.['@log']).toBe('…checkout-api');
  });

  it('puts @message last and drops the time and request id Lambda writes at its start', () => {
    // Prepare: Lambda's line format, https://docs.aws.amazon.com/lambda/latest/dg/nodejs-logging.html
    const results: QueryResults = {
      status: 'Complete',
      fields: ['@timestamp', '@message', '@logStream'],
      rows: [
        {
          '@timestamp': '2026-11-25 11:50:00.123',
          '@message': '2026-11-25T11:50:00.123Z\t6f7e9c1a-3b2d-4c5e-8f90-1a2b3c4d5e6f\tERROR\tpayment declined',
          '@logStream': '2026/11/25/[$LATEST]4d6e1f0a',
        },
        { '@timestamp': '2026-11-25 11:51:00.000', '@message': '2026-11-24T08:00:00Z replayed', '@logStream': 'x' },
      ],
      statistics: STATS,
    };

    // Act
    const shown = displayTable(results, [GROUP]);

    // Assess
    expect(shown.fields).toEqual(['@timestamp', '@logStream', '@message']);
    expect(shown.rows[0]?.['@message']).toBe('ERROR\tpayment declined');
    // A time that is not the event's own is part of what the line says.
    expect(shown.rows[1]?.['@message']).toBe('2026-11-24T08:00:00Z replayed');
  });

  it('fits a phone: no line is wider than the budget, and long cells end in …', () => {
    // Act
    const lines = codeLines(answer([GROUP, '/aws/lambda/orders-api']));

    // Assess
    for (const l of lines) expect(Array.from(l).length).toBeLessThanOrEqual(LINE_WIDTH);
    expect(lines.slice(1).every((l) => l.includes('…'))).toBe(true);
  });

  it('shows everything of a cell in the data the CSV is made from', () => {
    // Prepare
    const results = lambdaResults([GROUP]);

    // Act
    const shown = displayTable(results, [GROUP]);

    // Assess
    expect(shown.fields).toEqual(['@timestamp', '@logStream', '@message']);
    expect(results.rows[0]?.['@log']).toBe(`123456789012:${GROUP}`);
    expect(results.rows[0]?.['@message']?.length).toBeGreaterThan(LINE_WIDTH);
  });

  it('keeps the date when the window crosses a day, though every row is on one of them', () => {
    // Act
    const shown = displayTable(lambdaResults([GROUP]), [GROUP], {
      start: new Date('2026-11-24T12:00:00Z'),
      end: new Date('2026-11-25T12:00:00Z'),
    });

    // Assess
    expect(shown.rows[0]?.['@timestamp']).toBe('11-25 11:50:00.123');
  });

  it('keeps the date of timestamps from different days', () => {
    // Prepare
    const results = lambdaResults([GROUP]);
    const first = results.rows[0];
    if (first) first['@timestamp'] = '2026-11-24 23:59:59.000';

    // Act
    const shown = displayTable(results, [GROUP]);

    // Assess
    expect(shown.rows[0]?.['@timestamp']).toBe('11-24 23:59:59.000');
    expect(shown.rows[1]?.['@timestamp']).toBe('11-25 11:51:01.123');
  });

  it('says the range in the units typed and a --from without --to in days and hours, not seconds', () => {
    // Act
    const relative = renderLogsResults(answer([GROUP], { since: '7d', start: new Date('2026-11-18T12:00:00Z') }));
    const open = renderLogsResults(answer([GROUP], { since: undefined, start: new Date('2026-11-18T22:16:32Z') }));

    // Assess
    const rangeOf = (m: ReturnType<typeof renderLogsResults>) => mrkdwnToTerminal(JSON.stringify(m.blocks?.[1]), PLAIN);
    expect(rangeOf(relative)).toContain('last 7d (2026-11-18 12:00 – 2026-11-25 12:00 UTC)');
    expect(rangeOf(open)).toContain('2026-11-18 22:16 – 2026-11-25 12:00 UTC (6d14h)');
    expect(rangeOf(open)).not.toMatch(/\d{4,}s/);
  });

  it('says what capped the rows when --limit is not already the query’s own limit', () => {
    // Prepare
    const defaultQuery = parseLogsQuery(`${GROUP} --limit 5`);

    // Act
    const own = renderLogsResults(answer([GROUP], { queryString: defaultQuery.queryString, limit: 5 }));
    const capped = renderLogsResults(answer([GROUP], { queryString: 'filter @message like /ERROR/', limit: 5 }));

    // Assess
    expect(defaultQuery.queryString).toBe('fields @timestamp, @message | sort @timestamp desc | limit 5');
    expect(JSON.stringify(own.blocks?.[1])).not.toContain('at most');
    expect(JSON.stringify(capped.blocks?.[1])).toContain('at most 5 rows');
  });

  it('links Logs Insights on the same groups and absolute window', () => {
    // Act
    const message = renderLogsResults(answer([GROUP]));

    // Assess
    const link = /<(https:[^|>]+)\|Open in Logs Insights>/.exec(JSON.stringify(message.blocks))?.[1] ?? '';
    expect(
      link.startsWith(
        'https://ap-northeast-2.console.aws.amazon.com/cloudwatch/home?region=ap-northeast-2#logsV2:logs-insights$3FqueryDetail$3D~(end~',
      ),
    ).toBe(true);
    const detail = decodeURIComponent(link.replace(/\$/g, '%'));
    expect(detail).toContain(
      "end~'2026-11-25T12*3A00*3A00.000Z~start~'2026-11-25T11*3A00*3A00.000Z~timeType~'ABSOLUTE",
    );
    expect(detail).toContain("~source~(~'*2Faws*2Flambda*2Fcheckout-api))");
    expect(detail).not.toMatch(/RELATIVE|-PT/);
  });
});
