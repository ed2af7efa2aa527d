import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, formatTimestamp, type Row } from '../../../../../infra/demo/logs-insights/evaluate.ts';
import { parseQuery } from '../../../../../infra/demo/logs-insights/parse-query.ts';
import { QuerySyntaxError, QueryUnsupportedError } from '../../../../../infra/demo/logs-insights/query-error.ts';
import { tokenize } from '../../../../../infra/demo/logs-insights/tokenize.ts';
import { attempt } from '../../../../fixtures/outcome.ts';

const T0 = Date.parse('2026-12-02T04:00:00Z');
const row = (minute: number, message: string, extra: Record<string, string> = {}): Row => ({
  time: T0 + minute * 60_000,
  values: { '@timestamp': formatTimestamp(T0 + minute * 60_000), '@message': message, '@ptr': `p${minute}`, ...extra },
});
/** Newest first, as the events reach the evaluator. */
const EVENTS: Row[] = [
  row(9, 'INFO order placed id=9', { level: 'INFO', ms: '120' }),
  row(8, 'ERROR Task timed out after 6.00 seconds', { level: 'ERROR', ms: '6000' }),
  row(7, 'WARN slow query took 2500 ms', { level: 'WARN', ms: '2500' }),
  row(6, 'error: connection reset', { level: 'ERROR', ms: '30' }),
  row(2, 'INFO order placed id=2', { level: 'INFO', ms: '95' }),
  row(1, 'REPORT RequestId: a Duration: 182.35 ms Billed Duration: 183 ms', { level: 'INFO' }),
];
const run = (query: string) => evaluate(parseQuery(query), EVENTS, 10_000);
const messages = (query: string) => run(query).rows.map((r) => r['@message']);
const syntaxError = (query: string) => {
  try {
    parseQuery(query);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('infra/demo/logs-insights tokenize', () => {
  it('reads a regex after like and after parse <field>, and / as division after a value', () => {
    expect(tokenize('filter @message like /a\\/b/').map((t) => t.kind)).toEqual([
      'name',
      'name',
      'name',
      'regex',
      'eof',
    ]);
    expect(tokenize('parse @message /(?<x>\\d+)/')[2]).toMatchObject({ kind: 'regex', value: '(?<x>\\d+)' });
    expect(tokenize('fields a / b').map((t) => t.value)).toEqual(['fields', 'a', '/', 'b', '']);
  });

  it('skips comment lines, as Logs Insights does', () => {
    expect(tokenize('# errors only\nfilter x = 1').map((t) => t.value)).toEqual(['filter', 'x', '=', '1', '']);
  });
});

describe('infra/demo/logs-insights evaluate', () => {
  it('honours an inline (?i) flag, anywhere in the regex', () => {
    expect(messages('filter @message like /(?i)error/')).toEqual([
      'ERROR Task timed out after 6.00 seconds',
      'error: connection reset',
    ]);
    expect(messages('filter @message like /task (?i)TIMED/')).toEqual([]);
    expect(messages('filter @message like /Task (?i)TIMED/')).toEqual(['ERROR Task timed out after 6.00 seconds']);
  });

  it('joins conditions with and, or, not and parentheses', () => {
    expect(messages('filter @message like /ERROR/ and @message like "Task"')).toHaveLength(1);
    expect(messages('filter level = "WARN" or (level = "ERROR" and not @message like /Task/)')).toEqual([
      'WARN slow query took 2500 ms',
      'error: connection reset',
    ]);
    expect(messages('filter @message not like /INFO/ and ispresent(ms)')).toHaveLength(3);
  });

  it('compares numbers as numbers and strings as strings; a missing field matches nothing', () => {
    expect(messages('filter ms > 1000')).toHaveLength(2);
    expect(messages('filter ms < 100')).toEqual(['error: connection reset', 'INFO order placed id=2']);
    expect(messages('filter ms != 120')).toHaveLength(4);
    expect(messages('filter level =~ /^E/')).toHaveLength(2);
  });

  it('parses with a glob and with named groups, and aggregates the result', () => {
    const glob = run('parse @message "took * ms" as took | filter ispresent(took) | fields took');
    expect(glob.rows).toEqual([{ took: '2500', '@ptr': 'p7' }]);
    const stats = run('parse @message /Duration: (?<d>[\\d.]+) ms/ | stats avg(d) as avgD, count(d), count(*)');
    expect(stats.rows).toEqual([{ avgD: '182.35', 'count(d)': '1', 'count(*)': '6' }]);
    expect(stats.fields).toEqual(['avgD', 'count(d)', 'count(*)']);
  });

  it('groups by bin() and by field, newest bin first', () => {
    const byBin = run('stats count(*) as n, max(ms), min(ms), sum(ms) by bin(5m)');
    expect(byBin.rows).toEqual([
      { 'bin(5m)': '2026-12-02 04:05:00.000', n: '4', 'max(ms)': '6000', 'min(ms)': '30', 'sum(ms)': '8650' },
      { 'bin(5m)': '2026-12-02 04:00:00.000', n: '2', 'max(ms)': '95', 'min(ms)': '95', 'sum(ms)': '95' },
    ]);
    expect(run('stats count_distinct(level) as levels').rows).toEqual([{ levels: '3' }]);
    const byLevel = run('stats count(*) as n by level | sort n desc | limit 1');
    expect(byLevel.rows).toEqual([{ level: 'INFO', n: '3' }]);
  });

  it('sorts, limits, dedups (events without the field kept) and displays', () => {
    expect(run('sort @timestamp asc | limit 2').rows.map((r) => r['@ptr'])).toEqual(['p1', 'p2']);
    expect(run('sort ms desc | limit 1 | display ms').rows).toEqual([{ ms: '6000', '@ptr': 'p8' }]);
    expect(run('dedup level').rows.map((r) => r['@ptr'])).toEqual(['p9', 'p8', 'p7']);
    expect(run('dedup ms').rows).toHaveLength(6);
    expect(run('fields @message as m | display m').fields).toEqual(['m', '@ptr']);
  });

  it('leaves the events it was given as they were', () => {
    const before = JSON.stringify(EVENTS);
    run('parse @message "took * ms" as took | fields @message as m | sort ms asc | dedup level');
    expect(JSON.stringify(EVENTS)).toBe(before);
  });

  it('counts the events matched before limits and stats', () => {
    expect(run('filter level = "INFO" | limit 1').recordsMatched).toBe(3);
    expect(run('filter level = "ERROR" | stats count(*)').recordsMatched).toBe(2);
  });
});

describe('infra/demo/logs-insights errors', () => {
  it.each([
    ['filter (@message like /x/', 'the end of the query'],
    ['this is not a query', "'this'"],
    ['fields @message |', 'the end of the query'],
    ['filter @message like /unclosed', 'no closing /'],
    ['stats avg(d', "')' to close avg("],
    ['limit ten', 'whole number'],
    ['parse @message "a * b *" as x', "2 * but 1 name follow 'as'"],
    ['filter @message like /(/', 'not a valid regular expression'],
    ['sort @timestamp desc | dedup x | sort x', 'only limit may follow dedup'],
  ])('finds %s malformed, saying where', (query, words) => {
    const error = syntaxError(query);
    expect(error).toBeInstanceOf(QuerySyntaxError);
    expect((error as QuerySyntaxError).message).toContain(words);
    const { start, end } = (error as QuerySyntaxError).span;
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeLessThanOrEqual(query.length);
  });

  it.each([
    ['pattern @message', '`pattern`'],
    ['fields strlen(@message) as n', '`strlen()` here'],
    ['filter level in ["ERROR"]', '`in [...]`'],
    ['fields ms * 2', 'arithmetic (`*`)'],
    ['stats pct(ms, 99)', '`pct()` here'],
    ['stats count(*) by bin(1mo)', "the bin() unit 'mo'"],
  ])('refuses %s as unsupported, not with wrong rows', (query, feature) => {
    const error = syntaxError(query);
    expect(error).toBeInstanceOf(QueryUnsupportedError);
    expect((error as QueryUnsupportedError).feature).toBe(feature);
  });

  it('never throws anything but its two errors, whatever the text', () => {
    const pieces = fc.constantFrom(
      'fields',
      'filter',
      'stats',
      'parse',
      'sort',
      'limit',
      'dedup',
      'display',
      'like',
      'and',
      'or',
      'not',
      'as',
      'by',
      'bin(5m)',
      'count(*)',
      'avg(ms)',
      'ispresent(x)',
      '@message',
      'ms',
      '"str"',
      '"a*b"',
      '/re/',
      '/(?i)x/',
      '/(/',
      '|',
      '(',
      ')',
      ',',
      '=',
      '!=',
      '<',
      '>',
      '=~',
      '10',
      '-1',
      '*',
      '#',
      '\n',
      '`q`',
      "'",
    );
    const queries = fc.oneof(
      fc.string(),
      fc.array(pieces, { maxLength: 14 }).map((p) => p.join(' ')),
    );
    fc.assert(
      fc.property(queries, (query) => {
        const outcome = attempt(() => evaluate(parseQuery(query), EVENTS, 100));
        // Rows, or a refusal that points inside the query (an unsupported feature names no place).
        expect(outcome).toSatisfy(
          (o: typeof outcome) =>
            o.ok ||
            o.error instanceof QueryUnsupportedError ||
            (o.error instanceof QuerySyntaxError && o.error.span.start <= query.length),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
