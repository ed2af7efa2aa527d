import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeQueryDefinitionsCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
  StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { LOGS_USAGE, type LogsQuery, parseLogsQuery } from '../../../../../handlers/cw/logs/parse-logs.ts';
import { type LogsDeps, pollDelayMs, runLogsQuery, runSavedQuery } from '../../../../../handlers/cw/logs/run-logs.ts';
import { NotAllowedError, UserInputError } from '../../../../../handlers/errors.ts';
import { MalformedQueryError } from '../../../../../handlers/port-errors.ts';
import type { FilesPort, FileUpload } from '../../../../../handlers/ports.ts';
import type { SlackMessage } from '../../../../../handlers/slack-message.ts';
import { tableProblems } from '../../../../../handlers/slack-table.ts';
import { createCloudWatchLogs } from '../../../../../infra/aws/cloudwatch-logs.ts';
import { createDemoLogs } from '../../../../../infra/demo/demo-logs.ts';
import { filesWithoutToken } from '../../../../../infra/slack/slack-files.ts';
import {
  expectClosedCodeBlocks,
  expectValidMessage,
  shownText,
  tableOrCodeLines,
} from '../../../../fixtures/block-kit.ts';
import { fakeTime, resultRow, STATS } from '../../../../fixtures/logs.ts';

const logsMock = mockClient(CloudWatchLogsClient);
const client = () =>
  new CloudWatchLogsClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

function deps(overrides: Partial<LogsDeps> = {}) {
  const time = fakeTime();
  const uploads: FileUpload[] = [];
  const files: FilesPort = {
    upload: async (file) => {
      uploads.push(file);
      return { location: 'https://example.slack.com/files/U1/F1/results.csv' };
    },
  };
  const all: LogsDeps = {
    logs: createCloudWatchLogs(client()),
    region: 'us-east-1',
    files,
    logsPolicy: { allowed: ['/aws/lambda/checkout-*', '/ecs/web'], maxRangeSeconds: 7 * 86400, pricePerGb: 0.005 },
    now: time.now,
    sleep: time.sleep,
    ...overrides,
  };
  return { all, time, uploads };
}

const query = (overrides: Partial<LogsQuery> = {}): LogsQuery => ({
  logGroupNames: ['/aws/lambda/checkout-api'],
  range: { sinceSeconds: 3600 },
  limit: undefined,
  queryString: 'fields @timestamp, @message | sort @timestamp desc | limit 20',
  ...overrides,
});

const text = (m: SlackMessage) => `${m.text}\n${shownText(m)}`;

beforeEach(() => logsMock.reset());

describe('handlers/cw/logs/run-logs (with the CloudWatch Logs adapter)', () => {
  it('starts the query with epoch seconds, polls until Complete and renders a table without @ptr', async () => {
    // Prepare
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logsMock
      .on(GetQueryResultsCommand)
      .resolvesOnce({ status: 'Scheduled' })
      .resolvesOnce({ status: 'Running', statistics: { ...STATS, recordsScanned: 600_000 } })
      .resolves({
        status: 'Complete',
        statistics: STATS,
        results: [
          resultRow({ '@timestamp': '2026-11-25 11:59:01.000', '@message': 'ERROR pool exhausted' }),
          resultRow({ '@timestamp': '2026-11-25 11:58:01.000', '@message': 'ERROR pool exhausted again' }),
        ],
      });
    const { all } = deps();

    // Act
    const message = await runLogsQuery(all, query(), {});

    // Assess
    expect(logsMock).toHaveReceivedCommandWith(StartQueryCommand, {
      logGroupNames: ['/aws/lambda/checkout-api'],
      startTime: Math.floor(Date.parse('2026-11-25T11:00:00Z') / 1000),
      endTime: Math.floor(Date.parse('2026-11-25T12:00:00Z') / 1000),
      queryString: 'fields @timestamp, @message | sort @timestamp desc | limit 20',
    });
    expect(logsMock).toHaveReceivedCommandTimes(GetQueryResultsCommand, 3);
    expectValidMessage(message);
    expect(text(message)).toContain('@timestamp');
    expect(text(message)).toContain('ERROR pool exhausted again');
    expect(text(message)).not.toContain('@ptr');
    expect(text(message)).toContain('2 records matched · 1.3M scanned · 3.4 GB scanned (≈ $0.02 at $0.005/GB)');
  });

  it.each([
    ['Failed', /failed/],
    ['Cancelled', /cancelled/],
    ['Timeout', /timed out/],
    ['Unknown', /Unknown/],
  ] as const)('explains a %s query in its own words', async (status, expected) => {
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logsMock.on(GetQueryResultsCommand).resolves({ status, statistics: STATS });
    const message = await runLogsQuery(deps().all, query(), {});
    expect(message.text).toMatch(expected);
    expect(logsMock).toHaveReceivedCommandTimes(GetQueryResultsCommand, 1);
  });

  it('turns a malformed query into a message with where it went wrong', async () => {
    // Prepare
    const error = Object.assign(new Error('Query is malformed'), {
      name: 'MalformedQueryException',
      queryCompileError: { message: 'unexpected symbol: "|"', location: { startCharOffset: 7, endCharOffset: 8 } },
    });
    logsMock.on(StartQueryCommand).rejects(error);

    // Act
    const act = runLogsQuery(deps().all, query({ queryString: 'fields | |' }), {});

    // Assess
    await expect(act).rejects.toBeInstanceOf(UserInputError);
    await expect(runLogsQuery(deps().all, query({ queryString: 'fields | |' }), {})).rejects.toThrow(
      'Logs Insights could not read the query at character 8 (`|`): unexpected symbol: "|".',
    );
  });

  it('stops the query when the time budget ends, so it runs on unpaid no longer', async () => {
    // Prepare
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-slow' });
    logsMock.on(GetQueryResultsCommand).resolves({ status: 'Running', statistics: STATS });
    logsMock.on(StopQueryCommand).resolves({ success: true });
    const controller = new AbortController();
    const { all, time } = deps();
    let polls = 0;
    all.sleep = async (ms, signal) => {
      if (++polls === 6) controller.abort(new Error('budget'));
      await time.sleep(ms, signal);
    };

    // Act
    const message = await runLogsQuery(all, query(), { signal: controller.signal });

    // Assess
    expect(logsMock).toHaveReceivedCommandWith(StopQueryCommand, { queryId: 'q-slow' });
    expect(logsMock).toHaveReceivedCommandTimes(GetQueryResultsCommand, 5);
    expect(message.text).toMatch(/longer than I can wait, so I stopped it/);
  });

  it('shows progress while running, at most every 10 s', async () => {
    // Prepare
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    const running = { status: 'Running' as const, statistics: { ...STATS, recordsScanned: 1_200_000 } };
    let calls = 0;
    logsMock
      .on(GetQueryResultsCommand)
      .callsFake(() => (++calls < 12 ? running : { status: 'Complete', statistics: STATS, results: [] }));
    const progress: SlackMessage[] = [];

    // Act
    await runLogsQuery(deps().all, query(), { progress: async (m) => void progress.push(m) });

    // Assess: 11 running polls span 0.5+1+1+2+2+3+5×5 = 34.5 s → progress at ≥10, ≥20, ≥30 s
    expect(progress).toHaveLength(3);
    expect(progress[0]?.text).toMatch(/running for 1\d s — 1\.2M records scanned/);
  });

  it('polls quickly at first and then every 5 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(pollDelayMs)).toEqual([500, 1000, 1000, 2000, 2000, 3000, 5000, 5000]);
  });

  it('expands a prefix into the log groups that exist, following pages, and queries them all', async () => {
    // Prepare
    logsMock
      .on(DescribeLogGroupsCommand, { logGroupNamePrefix: '/aws/lambda/checkout-', nextToken: undefined })
      .resolves({ logGroups: [{ logGroupName: '/aws/lambda/checkout-api' }], nextToken: 'p2' })
      .on(DescribeLogGroupsCommand, { logGroupNamePrefix: '/aws/lambda/checkout-', nextToken: 'p2' })
      .resolves({ logGroups: [{ logGroupName: '/aws/lambda/checkout-worker' }] });
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logsMock.on(GetQueryResultsCommand).resolves({ status: 'Complete', statistics: STATS, results: [] });

    // Act
    const message = await runLogsQuery(
      deps().all,
      query({ logGroupNames: ['/aws/lambda/checkout-*', '/ecs/web'] }),
      {},
    );

    // Assess
    expect(logsMock).toHaveReceivedCommandWith(StartQueryCommand, {
      logGroupNames: ['/aws/lambda/checkout-api', '/aws/lambda/checkout-worker', '/ecs/web'],
    });
    expect(JSON.stringify(message.blocks)).toContain('/aws/lambda/checkout-worker');
  });

  it('says so when a prefix matches nothing, and starts no query', async () => {
    logsMock.on(DescribeLogGroupsCommand).resolves({ logGroups: [] });
    const message = await runLogsQuery(deps().all, query({ logGroupNames: ['/aws/lambda/checkout-zz*'] }), {});
    expect(message.text).toMatch(/No log group starts with `\/aws\/lambda\/checkout-zz`/);
    expect(logsMock).toHaveReceivedCommandTimes(StartQueryCommand, 0);
  });

  it('refuses a prefix that matches more than 50 groups', async () => {
    logsMock.on(DescribeLogGroupsCommand).resolves({
      logGroups: Array.from({ length: 51 }, (_, i) => ({ logGroupName: `/aws/lambda/checkout-${i}` })),
    });
    const message = await runLogsQuery(deps().all, query({ logGroupNames: ['/aws/lambda/checkout-*'] }), {});
    expect(message.text).toMatch(/more than 50 log groups/);
    expect(logsMock).toHaveReceivedCommandTimes(StartQueryCommand, 0);
  });

  it('refuses groups outside the allowlist before any AWS call, naming them and what is allowed', async () => {
    // Act
    const act = runLogsQuery(deps().all, query({ logGroupNames: ['/aws/lambda/checkout-api', '/aws/rds/secret'] }), {});

    // Assess
    await expect(act).rejects.toBeInstanceOf(NotAllowedError);
    await expect(act).rejects.toThrow(
      'I may not read `/aws/rds/secret`. Allowed: `/aws/lambda/checkout-*`, `/ecs/web`.',
    );
    expect(logsMock.calls()).toHaveLength(0);
  });

  it('refuses everything when no allowlist is configured', async () => {
    const { all } = deps({ logsPolicy: { allowed: [], maxRangeSeconds: 86400, pricePerGb: 0.005 } });
    await expect(runLogsQuery(all, query(), {})).rejects.toThrow(/no `LOG_GROUPS_ALLOWED`/);
    expect(logsMock.calls()).toHaveLength(0);
  });

  it('caps the time range', async () => {
    const { all } = deps({ logsPolicy: { allowed: ['/aws/lambda/*'], maxRangeSeconds: 86400, pricePerGb: 0.005 } });
    await expect(runLogsQuery(all, query({ range: { sinceSeconds: 2 * 86400 } }), {})).rejects.toThrow(
      /at most 1d here/,
    );
    expect(logsMock.calls()).toHaveLength(0);
  });

  it('cuts a large result to Slack’s limits, says so, and posts every row as CSV', async () => {
    // Prepare: 500 long rows cannot fit in a message
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-big' });
    const rows = Array.from({ length: 500 }, (_, i) =>
      resultRow({
        '@timestamp': `2026-11-25 11:${String(i % 60).padStart(2, '0')}:00.000`,
        '@message': `GET /checkout, "id"=${i} ${'x'.repeat(80)}`,
      }),
    );
    logsMock
      .on(GetQueryResultsCommand)
      .resolves({ status: 'Complete', statistics: { ...STATS, recordsMatched: 500 }, results: rows });
    const { all, uploads } = deps();

    // Act
    const message = await runLogsQuery(all, query(), { channelId: 'C2147483705' });

    // Assess
    expectValidMessage(message);
    expect(text(message)).toMatch(/Showing \d+ of 500 rows\. All 500 are in the CSV/);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.channelId).toBe('C2147483705');
    const csv = String(uploads[0]?.content).split('\r\n');
    expect(csv[0]).toBe('@timestamp,@message');
    expect(csv[1]).toBe(`2026-11-25 11:00:00.000,"GET /checkout, ""id""=0 ${'x'.repeat(80)}"`);
    expect(csv).toHaveLength(502);
  });

  it('shows 20 rows as one table and, when a cell is longer than a table cell holds, posts the CSV with every character', async () => {
    // Prepare: a stack trace in a log line, longer than a cell's 500 characters.
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-long' });
    const trace = `ERROR unhandled: ${'at handler (/var/task/index.js:12:5) '.repeat(30)}`;
    const rows = Array.from({ length: 20 }, (_, i) =>
      resultRow({
        '@timestamp': `2026-11-25 11:${String(i).padStart(2, '0')}:00.000`,
        '@message': i === 3 ? trace : `ok ${i}`,
      }),
    );
    logsMock.on(GetQueryResultsCommand).resolves({ status: 'Complete', statistics: STATS, results: rows });
    const { all, uploads } = deps();

    // Act
    const message = await runLogsQuery(all, query(), { channelId: 'C2147483705' });

    // Assess
    expectValidMessage(message);
    expect(tableProblems(message)).toEqual([]);
    const lines = tableOrCodeLines(message);
    expect(lines).toHaveLength(21);
    expect(lines[4]?.endsWith('…')).toBe(true);
    expect(text(message)).toMatch(/Cells longer than 500 characters are cut\. All 20 are in the CSV/);
    expect(uploads).toHaveLength(1);
    expect(String(uploads[0]?.content)).toContain(trace.trim());
  });

  it('posts no CSV when the table shows every row and every character', async () => {
    // Prepare
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-short' });
    const rows = Array.from({ length: 20 }, (_, i) => resultRow({ '@message': `ok ${i}` }));
    logsMock.on(GetQueryResultsCommand).resolves({ status: 'Complete', statistics: STATS, results: rows });
    const { all, uploads } = deps();

    // Act
    const message = await runLogsQuery(all, query(), { channelId: 'C2147483705' });

    // Assess
    expect(tableOrCodeLines(message)).toHaveLength(21);
    expect(uploads).toEqual([]);
    expect(text(message)).not.toMatch(/CSV|cut/);
  });

  it('never shows why the CSV failed when the reason is internal: a reference instead, the detail logged', async () => {
    // Prepare: rows that do not fit, and an upload failing with text no user should read
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-big' });
    const rows = Array.from({ length: 300 }, (_, i) => resultRow({ '@message': `${i} ${'x'.repeat(120)}` }));
    logsMock.on(GetQueryResultsCommand).resolves({ status: 'Complete', statistics: STATS, results: rows });
    const reported: { error: Error; reference: string }[] = [];
    const internal = new Error('connect ECONNREFUSED 10.0.3.7:443 at TCPConnectWrap.afterConnect (node:net:1611:16)');
    const failing: FilesPort = {
      upload: async () => {
        throw internal;
      },
    };
    const base = deps({ files: failing }).all;

    // Act
    const message = await runLogsQuery(
      { ...base, reportError: (error, reference) => reported.push({ error, reference }) },
      query(),
      { channelId: 'C2147483705' },
    );

    // Assess
    expect(text(message)).toContain('The CSV with all rows could not be posted: something went wrong on my side');
    expect(text(message)).not.toMatch(/ECONNREFUSED|10\.0\.3\.7|node:net/);
    expect(reported).toEqual([{ error: internal, reference: expect.any(String) }]);
    expect(text(message)).toContain(reported[0]?.reference);
  });

  it('shows an exposed reason the CSV could not be posted as it is', async () => {
    // Prepare
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-big' });
    const rows = Array.from({ length: 300 }, (_, i) => resultRow({ '@message': `${i} ${'x'.repeat(120)}` }));
    logsMock.on(GetQueryResultsCommand).resolves({ status: 'Complete', statistics: STATS, results: rows });

    // Act
    const message = await runLogsQuery(deps({ files: filesWithoutToken() }).all, query(), { channelId: 'C2147483705' });

    // Assess
    expect(text(message)).toContain(
      'The CSV with all rows could not be posted: this bot has no Slack bot token configured (SLACK_BOT_TOKEN), so it cannot upload files.',
    );
  });

  it('answers a query the data source cannot read with where, and the logs usage', async () => {
    // Prepare
    const { all } = deps({ logs: createDemoLogs({ now: fakeTime().now }) });

    // Act
    const thrown = await runLogsQuery(all, query({ queryString: 'filter (@message like /ERROR/' }), {}).catch(
      (e: unknown) => e,
    );

    // Assess
    expect(thrown).toBeInstanceOf(UserInputError);
    expect((thrown as UserInputError).message).toMatch(/^Logs Insights could not read the query at its end/);
    expect((thrown as UserInputError).usage).toBe(LOGS_USAGE);
    expect((thrown as Error).cause).toBeInstanceOf(MalformedQueryError);
  });

  it('answers a saved query on a group that does not exist with the logs usage', async () => {
    // Prepare
    logsMock.on(DescribeQueryDefinitionsCommand).resolves({
      queryDefinitions: [
        { name: 'gone', queryString: 'fields @message', logGroupNames: ['/aws/lambda/checkout-gone'] },
      ],
    });
    logsMock.on(StartQueryCommand).rejects(
      Object.assign(new Error("Log group '/aws/lambda/checkout-gone' does not exist for account ID '123456789012'"), {
        name: 'ResourceNotFoundException',
      }),
    );

    // Act
    const thrown = await runSavedQuery(
      deps().all,
      { name: 'gone', range: { sinceSeconds: 3600 }, limit: undefined },
      {},
    ).catch((e: unknown) => e);

    // Assess
    expect(thrown).toBeInstanceOf(UserInputError);
    expect((thrown as UserInputError).usage).toBe(LOGS_USAGE);
    expect((thrown as Error).message).not.toContain('123456789012');
  });

  it('measures the table after escaping, so rows full of < and & are never cut off silently', async () => {
    // Prepare: every character of these rows grows fourfold when escaped for Slack
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-esc' });
    const rows = Array.from({ length: 200 }, (_, i) => resultRow({ '@message': `${'<&>'.repeat(25)} ${i}` }));
    logsMock.on(GetQueryResultsCommand).resolves({ status: 'Complete', statistics: STATS, results: rows });
    const { all, uploads } = deps();

    // Act
    const message = await runLogsQuery(all, query(), { channelId: 'C2147483705' });

    // Assess
    expectValidMessage(message);
    expectClosedCodeBlocks(message);
    // Every row holds a `<`; the header does not.
    const shownRows = tableOrCodeLines(message).filter((line) => line.includes('<'));
    const said = /Showing (\d+) of 200 rows/.exec(text(message));
    expect(Number(said?.[1])).toBe(shownRows.length);
    expect(uploads).toHaveLength(1);
  });

  it('follows nextToken for a complete result set', async () => {
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logsMock
      .on(GetQueryResultsCommand, { queryId: 'q-1', nextToken: undefined })
      .resolves({ status: 'Complete', statistics: STATS, results: [resultRow({ n: '1' })], nextToken: 'page-2' });
    logsMock
      .on(GetQueryResultsCommand, { queryId: 'q-1', nextToken: 'page-2' })
      .resolves({ status: 'Complete', results: [resultRow({ n: '2' })] });
    const message = await runLogsQuery(deps().all, query(), {});
    expect(tableOrCodeLines(message)).toEqual(['n', '1', '2']);
  });

  it('runs a saved query on its own log groups, and lists what exists when the name is unknown', async () => {
    // Prepare
    logsMock.on(DescribeQueryDefinitionsCommand).resolves({
      queryDefinitions: [
        {
          name: 'checkout errors',
          queryString: 'filter @message like /ERROR/',
          logGroupNames: ['/aws/lambda/checkout-api'],
        },
      ],
    });
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-saved' });
    logsMock.on(GetQueryResultsCommand).resolves({ status: 'Complete', statistics: STATS, results: [] });

    // Act
    const ran = await runSavedQuery(
      deps().all,
      { name: 'Checkout Errors', range: { sinceSeconds: 3600 }, limit: 100 },
      {},
    );
    const missing = await runSavedQuery(
      deps().all,
      { name: 'nope', range: { sinceSeconds: 3600 }, limit: undefined },
      {},
    );

    // Assess
    expect(logsMock).toHaveReceivedCommandWith(StartQueryCommand, {
      logGroupNames: ['/aws/lambda/checkout-api'],
      queryString: 'filter @message like /ERROR/',
      limit: 100,
    });
    expect(text(ran)).toContain('Saved query: checkout errors');
    expect(text(ran)).toContain('No log events matched');
    expect(missing.text).toMatch(/No saved query is called `nope`. Saved queries: `checkout errors`/);
  });

  it('finds a saved query retyped with dashes or a slip, or says which one was meant', async () => {
    // Prepare
    logsMock.on(DescribeQueryDefinitionsCommand).resolves({
      queryDefinitions: [
        {
          name: 'checkout errors',
          queryString: 'filter @message like /ERROR/',
          logGroupNames: ['/aws/lambda/checkout-api'],
        },
      ],
    });
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logsMock.on(GetQueryResultsCommand).resolves({ status: 'Complete', results: [] });
    // Act
    const dashed = await runSavedQuery(
      deps().all,
      { name: 'Checkout-Errors', range: { sinceSeconds: 3600 }, limit: undefined },
      {},
    );
    const slip = await runSavedQuery(
      deps().all,
      { name: 'checkout erors', range: { sinceSeconds: 3600 }, limit: undefined },
      {},
    );
    // Assess
    expect(text(dashed)).toContain('Saved query: checkout errors');
    expect(slip.text).toMatch(
      /No saved query is called `checkout erors`\. Did you mean `\/cw logs run checkout errors`\?/,
    );
  });

  it('runs the default query with the --limit asked for, says so, and links the same window', async () => {
    // Prepare
    logsMock.on(StartQueryCommand).resolves({ queryId: 'q-1' });
    logsMock.on(GetQueryResultsCommand).resolves({
      status: 'Complete',
      statistics: STATS,
      results: [
        resultRow({
          '@timestamp': '2026-11-25 11:59:01.000',
          '@message': 'ERROR pool exhausted',
          '@log': '123456789012:/aws/lambda/checkout-api',
        }),
      ],
    });
    const parsed = parseLogsQuery('/aws/lambda/checkout-api --since 1d --limit 5');

    // Act
    const message = await runLogsQuery(deps().all, parsed, {});

    // Assess
    expect(logsMock).toHaveReceivedCommandWith(StartQueryCommand, {
      queryString: 'fields @timestamp, @message | sort @timestamp desc | limit 5',
      limit: 5,
      startTime: Math.floor(Date.parse('2026-11-24T12:00:00Z') / 1000),
      endTime: Math.floor(Date.parse('2026-11-25T12:00:00Z') / 1000),
    });
    const shown = text(message);
    expect(shown).toContain('| limit 5');
    expect(shown).not.toContain('limit 20');
    expect(shown).toMatch(/last 1d \(<!date\^\d+\^\{date_short_pretty\} \{time\}\|2026-11-24 12:00> – <!date/);
    expect(shown).not.toContain('123456789012:');
    expect(shown).toContain("end~'2026-11-25T12*3A00*3A00.000Z~start~'2026-11-24T12*3A00*3A00.000Z~timeType~'ABSOLUTE");
  });
});
