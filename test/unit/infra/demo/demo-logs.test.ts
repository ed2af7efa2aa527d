import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERRORS_QUERY } from '../../../../handlers/alarm-relay/buttons.ts';
import {
  LOGS_USAGE,
  parseLogsQuery,
  parseSavedQueryRun,
  resolveRange,
} from '../../../../handlers/cw/logs/parse-logs.ts';
import { MalformedQueryError } from '../../../../handlers/port-errors.ts';
import type { LogsQueryRequest, QueryResults } from '../../../../handlers/ports.ts';
import { createDemoLogs, DemoUnsupportedQueryError } from '../../../../infra/demo/demo-logs.ts';
import { incidentStart } from '../../../../infra/demo/demo-metrics.ts';

const NOW = new Date('2026-12-02T06:20:00Z');
const INCIDENT = incidentStart(NOW);
const CHECKOUT = ['/aws/lambda/checkout-api'];
const minutes = (m: number) => m * 60_000;

async function query(request: Partial<LogsQueryRequest> & { queryString: string }): Promise<QueryResults> {
  const logs = createDemoLogs({ now: () => NOW });
  const id = await logs.startQuery({
    logGroupNames: CHECKOUT,
    start: new Date(INCIDENT - minutes(15)),
    end: new Date(INCIDENT + minutes(30)),
    ...request,
  });
  for (;;) {
    const results = await logs.getQueryResults(id);
    if (results.status !== 'Scheduled' && results.status !== 'Running') return results;
  }
}
const rejection = (queryString: string) =>
  createDemoLogs({ now: () => NOW })
    .startQuery({
      logGroupNames: CHECKOUT,
      start: new Date(INCIDENT),
      end: new Date(INCIDENT + minutes(5)),
      queryString,
    })
    .then(() => undefined)
    .catch((e: unknown) => e);

describe('infra/demo/demo-logs queries', () => {
  it('runs the alarm\'s "Logs around this time" query: (?i) honoured, only matching rows', async () => {
    // Prepare: the button's window, 15 minutes before the change to 5 after.
    const request = {
      start: new Date(INCIDENT - minutes(15)),
      end: new Date(INCIDENT + minutes(5)),
      queryString: ERRORS_QUERY,
    };

    // Act
    const results = await query(request);

    // Assess
    expect(results.status).toBe('Complete');
    expect(results.rows.length).toBeGreaterThan(10);
    for (const row of results.rows) expect(row['@message']).toMatch(/error|exception|fail|timed? ?out|panic/i);
    expect(results.rows.some((r) => r['@message']?.includes('Task timed out after 6.00 seconds'))).toBe(true);
    expect(results.fields).toEqual(['@timestamp', '@message', '@logStream', '@ptr']);
  });

  it('joins two like filters with and: every incident error, not none', async () => {
    const results = await query({
      start: new Date(INCIDENT),
      end: new Date(INCIDENT + minutes(25) - 1),
      queryString: 'filter @message like /ERROR/ and @message like /pool exhausted/ | fields @message',
    });
    expect(results.rows).toHaveLength(25);
    expect(results.statistics.recordsMatched).toBe(25);
  });

  it('parses the REPORT lines and averages them', async () => {
    const results = await query({
      queryString: 'parse @message "Duration: * ms" as d | stats avg(d), max(d), count(*)',
    });
    expect(results.fields).toEqual(['avg(d)', 'max(d)', 'count(*)']);
    const [only] = results.rows;
    expect(Number(only?.['avg(d)'])).toBeGreaterThan(150);
    // The timed-out invocations ran the function's full 6 s.
    expect(only?.['max(d)']).toBe('6000');
  });

  it('writes REPORT lines as Lambda does, with the fields Logs Insights discovers in them', async () => {
    const results = await query({
      queryString: 'filter @type = "REPORT" | fields @message, @duration, @billedDuration, @maxMemoryUsed | limit 5',
    });
    expect(results.rows).toHaveLength(5);
    for (const row of results.rows) {
      expect(row['@message']).toMatch(
        /^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 512 MB\tMax Memory Used: \d+ MB$/,
      );
      expect(Number(row['@billedDuration'])).toBe(Math.ceil(Number(row['@duration'])));
    }
  });

  it('names each Lambda stream with the date of its own events, across midnight', async () => {
    const results = await query({
      start: new Date('2026-12-01T23:50:00Z'),
      end: new Date('2026-12-02T00:10:00Z'),
      queryString: 'fields @timestamp, @logStream',
    });
    const days = new Set(results.rows.map((r) => r['@timestamp']?.slice(0, 10)));
    expect(days).toEqual(new Set(['2026-12-01', '2026-12-02']));
    for (const row of results.rows) {
      expect(row['@logStream']).toMatch(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
      expect(row['@logStream']?.slice(0, 10).replaceAll('/', '-')).toBe(row['@timestamp']?.slice(0, 10));
    }
  });

  it('refuses what it cannot run, and says so, instead of returning unfiltered rows', async () => {
    const error = await rejection('fields @message | pattern @message');
    expect(error).toBeInstanceOf(DemoUnsupportedQueryError);
    expect((error as Error).message).toMatch(/^The demo data source does not support `pattern`\./);
  });

  it.each([
    ['filter (@message like /ERROR/', /at its end: the '\(' at character 8 is not closed/],
    ['this is not a query', /at character 1 \(`this`\): expected a command/],
    ['fields @message | stats avg(d', /at its end: expected '\)' to close avg\(/],
    [
      'filter @message like /timeout',
      /at character 22 \(`\/timeout`\): the regular expression starting here has no closing \//,
    ],
  ])('answers %s with where it is malformed', async (queryString, expected) => {
    const error = await rejection(queryString);
    expect(error).toBeInstanceOf(MalformedQueryError);
    expect((error as Error).message).toMatch(expected);
  });

  it('never answers arbitrary text with anything but rows, "malformed" or "not supported"', async () => {
    const logs = createDemoLogs({ now: () => NOW });
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (queryString) => {
        const request = {
          logGroupNames: CHECKOUT,
          start: new Date(INCIDENT),
          end: new Date(INCIDENT + 60_000),
          queryString,
        };
        const started = await logs.startQuery(request).then(
          (id) => ({ id, refused: false }),
          (error: unknown) => ({
            id: undefined,
            refused: error instanceof MalformedQueryError || error instanceof DemoUnsupportedQueryError,
          }),
        );
        expect(started.id !== undefined || started.refused).toBe(true);
        // A query that started runs to its rows without throwing.
        for (let i = 0; started.id && i < 3; i++) await logs.getQueryResults(started.id);
      }),
      { numRuns: 300 },
    );
  });
});

/** Every `/cw logs` example the user is shown: the README, `/cw help` and the usage text. */
function examples(): string[] {
  const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
  const help = readFileSync(new URL('../../../../handlers/cw/help/help.ts', import.meta.url), 'utf8');
  const fromReadme = readme.split('\n').filter((l) => /^\/cw logs (query|run) /.test(l));
  const quoted = [...`${help}\n${LOGS_USAGE}`.matchAll(/`(\/cw logs (?:query|run) [^`]+)`/g)].map((m) => m[1] ?? '');
  // Usage lines with <placeholders> are grammar, not examples.
  return [...new Set([...fromReadme, ...quoted])].filter((e) => !e.includes('<'));
}

async function runExample(example: string, now = NOW): Promise<{ results: QueryResults; queryString: string }> {
  const logs = createDemoLogs({ now: () => now });
  const text = example.replace(/^\/cw logs (query|run) /, '');
  let groups: string[];
  let queryString: string;
  let range: ReturnType<typeof parseLogsQuery>['range'];
  if (example.startsWith('/cw logs run ')) {
    const run = parseSavedQueryRun(text);
    const saved = (await logs.listSavedQueries()).find((q) => q.name === run.name);
    if (!saved) throw new Error(`no saved query ${run.name}`);
    ({ logGroupNames: groups, queryString } = saved);
    range = run.range;
  } else {
    const parsed = parseLogsQuery(text);
    ({ logGroupNames: groups, queryString, range } = parsed);
  }
  const expanded: string[] = [];
  for (const g of groups) expanded.push(...(g.endsWith('*') ? await logs.listLogGroups(g.slice(0, -1), 50) : [g]));
  const { start, end } = resolveRange(range, now, 7 * 86_400);
  const id = await logs.startQuery({ logGroupNames: expanded, start, end, queryString });
  for (;;) {
    const results = await logs.getQueryResults(id);
    if (results.status === 'Complete') return { results, queryString };
  }
}

/** What is wrong with an example's rows, by the kind of query it is. */
function rowProblems(queryString: string, results: Omit<QueryResults, 'status'>): string[] {
  const like = /filter @message like \/((?:[^/\\]|\\.)+)\//.exec(queryString);
  const bins = (k: string) => k.startsWith('bin(');
  if (/\bstats count\(\*\)( as \w+)? by bin\(\w+\)$/.test(queryString.replace(/\s+/g, ' ').trim())) {
    // Each event falls in one bin: the counts add up to what matched.
    const counts = results.rows.map((r) => Number(Object.entries(r).find(([k]) => !bins(k))?.[1]));
    const total = counts.reduce((a, b) => a + b, 0);
    return total === results.statistics.recordsMatched
      ? []
      : [`bins add up to ${total}, not ${results.statistics.recordsMatched}`];
  }
  if (/\bstats\b/.test(queryString)) {
    return results.rows.flatMap((row) =>
      Object.entries(row).flatMap(([k, v]) =>
        bins(k) || Number.isFinite(Number(v)) ? [] : [`${k}=${v} is no number`],
      ),
    );
  }
  const pattern = like?.[1] ? new RegExp(like[1]) : undefined;
  return pattern
    ? results.rows.flatMap((row) => (pattern.test(row['@message'] ?? '') ? [] : [`${row['@message']} does not match`]))
    : [];
}

describe('infra/demo/demo-logs documented examples', () => {
  const all = examples();

  it('finds the examples to run', () => {
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all).toContain('/cw logs query /aws/lambda/checkout-* --since 30m filter @message like /timeout/');
  });

  it.each(all)('%s gives real, correct rows on the demo', async (example) => {
    // Act
    const { results, queryString } = await runExample(example);

    // Assess
    expect(results.rows.length).toBeGreaterThan(0);
    expect(rowProblems(queryString, results)).toEqual([]);
  });

  it('gives rows for the short-range examples whatever the time of day, not only near the incident', async () => {
    const short = all.filter((e) => /--since (30m|1h) /.test(e));
    expect(short.length).toBeGreaterThanOrEqual(2);
    await fc.assert(
      fc.asyncProperty(
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        async (now) => {
          for (const example of short) expect((await runExample(example, now)).results.rows.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 40 },
    );
  });
});
