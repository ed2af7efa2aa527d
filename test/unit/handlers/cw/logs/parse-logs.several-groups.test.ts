import { describe, expect, it } from 'vitest';
import { defaultQuery, parseLogsQuery } from '../../../../../handlers/cw/logs/parse-logs.ts';
import { tableOrCodeLines } from '../../../../fixtures/block-kit.ts';
import { runOnDemo } from '../../../../fixtures/demo-logs-run.ts';

describe('handlers/cw/logs: with several log groups the default query says which group each row is from', () => {
  it('a prefix that names several groups runs the default query with @log, and the table shows it', async () => {
    // Act
    const { message, requests } = await runOnDemo('/aws/lambda/* --limit 2');

    // Assess
    expect(requests[0]?.logGroupNames).toEqual(['/aws/lambda/checkout-api', '/aws/lambda/image-resizer']);
    expect(requests[0]?.queryString).toBe('fields @timestamp, @log, @message | sort @timestamp desc | limit 2');
    const table = tableOrCodeLines(message).join('\n');
    expect(table).toMatch(/^@timestamp UTC +@log +@message/);
    // The table shortens @log to what tells the groups apart (no account id).
    expect(table).not.toContain('123456789012');
    const logCells = table
      .split('\n')
      .slice(1)
      .map((row) => row.split(/ {2,}/)[1]);
    expect(new Set(logCells).size).toBe(2);
  });

  it('names listed with commas get @log too', async () => {
    const { requests } = await runOnDemo('/aws/lambda/checkout-api,/ecs/public-web --since 30m');
    expect(requests[0]?.queryString).toContain('@log');
  });

  it('one group (or a prefix that names one) keeps the query without @log, which would repeat the group', async () => {
    expect((await runOnDemo('/aws/lambda/checkout-api')).requests[0]?.queryString).not.toContain('@log');
    expect((await runOnDemo('/aws/lambda/checkout-*')).requests[0]?.queryString).toBe(defaultQuery());
  });

  it('a query the user typed is sent as typed, whatever the groups', async () => {
    const { requests } = await runOnDemo('/aws/lambda/* fields @timestamp, @message | limit 3');
    expect(requests[0]?.queryString).toBe('fields @timestamp, @message | limit 3');
    expect(parseLogsQuery('/a,/b fields @message').queryString).toBe('fields @message');
  });
});
