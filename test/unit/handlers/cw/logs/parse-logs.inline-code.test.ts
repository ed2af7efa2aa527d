import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLogsQuery, unwrapInlineCode } from '../../../../../handlers/cw/logs/parse-logs.ts';
import { tableOrCodeLines } from '../../../../fixtures/block-kit.ts';
import { runOnDemo } from '../../../../fixtures/demo-logs-run.ts';

const GROUP = '/aws/lambda/checkout-api';

describe('handlers/cw/logs/parse-logs: a query pasted as Slack inline code', () => {
  it.each([
    ['--since 1h `filter @message like /ERROR/ | limit 2`', 'filter @message like /ERROR/ | limit 2', false],
    ['`fields @timestamp, @message | limit 5` --share', 'fields @timestamp, @message | limit 5', true],
    ['--share ` filter @message like /timed out/ `', 'filter @message like /timed out/', true],
  ])('%s is unwrapped', (text, queryString, share) => {
    const query = parseLogsQuery(`${GROUP} ${text}`);
    expect(query.queryString).toBe(queryString);
    expect(query.share).toBe(share);
  });

  it('keeps backticks that are the query’s own, around field names', () => {
    const typed = 'fields `@message`, `@timestamp` | filter `@message` like /ERROR/';
    expect(parseLogsQuery(`${GROUP} ${typed}`).queryString).toBe(typed);
  });

  it('a code block reads the same as inline code', () => {
    const inline = parseLogsQuery(`${GROUP} --since 1h \`filter @message like /ERROR/ | limit 2\``);
    const block = parseLogsQuery(`${GROUP} --since 1h \`\`\`filter @message like /ERROR/ | limit 2\`\`\``);
    expect(inline.queryString).toBe(block.queryString);
  });

  it('property: any query without a backtick reads the same wrapped in one pair', () => {
    const query = fc
      .stringMatching(/^[a-z@ |/()=,.*]{1,40}$/)
      .filter((q) => q.trim() !== '' && !q.trim().startsWith('--'));
    fc.assert(
      fc.property(query, (q) => {
        expect(unwrapInlineCode(`\`${q}\``)).toBe(q.trim());
      }),
    );
  });
});

describe('handlers/cw/logs/run-logs on the demo: inline code is not sent to Logs Insights', () => {
  it('answers with the matching rows', async () => {
    // Act
    const { message, requests } = await runOnDemo(
      `${GROUP} --from 2026-12-02T06:00:00Z --to 2026-12-02T07:00:00Z \`filter @message like /ERROR/ | limit 2\``,
      { now: '2026-12-02T07:00:00Z' },
    );

    // Assess
    expect(requests[0]?.queryString).toBe('filter @message like /ERROR/ | limit 2');
    const rows = tableOrCodeLines(message).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain('ERROR');
  });
});
