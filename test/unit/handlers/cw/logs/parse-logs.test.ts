import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HelpRequested } from '../../../../../handlers/command-flags.ts';
import {
  isAllowed,
  isRequestAllowed,
  meantGroup,
  parseAllowlist,
  refusedGroups,
} from '../../../../../handlers/cw/logs/allowlist.ts';
import { toCsv } from '../../../../../handlers/cw/logs/csv.ts';
import {
  DEFAULT_QUERY,
  LOGS_USAGE,
  parseLogsQuery,
  parseSavedQueryRun,
  resolveRange,
} from '../../../../../handlers/cw/logs/parse-logs.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import { attempt } from '../../../../fixtures/outcome.ts';

describe('handlers/cw/logs/parse-logs', () => {
  it('keeps the query exactly as typed, quotes, pipes and regexes included', () => {
    // Act
    const query = parseLogsQuery(
      '/aws/lambda/a,/aws/lambda/b --since 1h --limit 50 filter @message like /ERROR|WARN/ and @message != "x y" | stats count(*) by bin(5m)',
    );

    // Assess
    expect(query).toEqual({
      logGroupNames: ['/aws/lambda/a', '/aws/lambda/b'],
      range: { sinceSeconds: 3600, sinceText: '1h' },
      limit: 50,
      queryString: 'filter @message like /ERROR|WARN/ and @message != "x y" | stats count(*) by bin(5m)',
      share: false,
    });
  });

  it('defaults to the latest 20 messages of the last 15 minutes', () => {
    expect(parseLogsQuery('/ecs/web')).toEqual({
      logGroupNames: ['/ecs/web'],
      range: { sinceSeconds: 900 },
      limit: undefined,
      queryString: DEFAULT_QUERY,
      defaultQuery: true,
      share: false,
    });
  });

  it('undoes Slack’s entities, curly quotes and autocorrected dashes', () => {
    const query = parseLogsQuery('/ecs/web —since 2h filter @message like “a &amp; b” and @x &gt; 3');
    expect(query.range).toEqual({ sinceSeconds: 7200, sinceText: '2h' });
    expect(query.queryString).toBe('filter @message like "a & b" and @x > 3');
  });

  it('reads an absolute range', () => {
    const query = parseLogsQuery('/ecs/web --from 2026-11-25T09:00:00Z --to=2026-11-25T10:30:00Z');
    expect(query.range).toEqual({ from: new Date('2026-11-25T09:00:00Z'), to: new Date('2026-11-25T10:30:00Z') });
  });

  it.each([
    ['', /Which log group/],
    ['--since 1h', /Which log group/],
    ['/a,,/b', /empty log group/],
    ['/a --since soon', /`--since soon` is not a duration/],
    ['/a --since', /needs a value/],
    ['/a --limit 0', /1 to 10000/],
    ['/a --limit 20000', /1 to 10000/],
    ['/a --from yesterday', /not a time/],
    ['/a --to 2026-11-25T10:00:00Z', /needs a `--from`/],
    ['/a --since 1h --from 2026-11-25T10:00:00Z', /either `--since`/],
    ['/a --verbose fields @message', /`--verbose` is not a flag of `\/cw logs query`/],
    ['/a --limt 5', /Did you mean `--limit`\?/],
    ['/a --share=yes', /`--share` takes no value/],
    ['/a --since 1h --since 2h', /given twice/],
    [Array.from({ length: 51 }, (_, i) => `/g${i}`).join(','), /At most 50/],
    ['/aws/*/checkout', /may only end a prefix/],
    ['*', /may only end a prefix/],
  ])('rejects %j with the usage', (text, reason) => {
    expect(() => parseLogsQuery(text)).toThrow(reason);
    expect(() => parseLogsQuery(text)).toThrow(UserInputError);
  });

  it('reads a saved query’s name with spaces, then its options', () => {
    expect(parseSavedQueryRun('checkout errors --since 3h --limit 10')).toEqual({
      name: 'checkout errors',
      range: { sinceSeconds: 10800, sinceText: '3h' },
      limit: 10,
      share: false,
    });
    expect(() => parseSavedQueryRun('')).toThrow(/Which saved query/);
  });

  it.each(['"checkout errors" --since 3h', '“checkout errors” --since 3h', "'checkout errors' --since 3h"])(
    'reads a quoted name without its quotes: %s',
    (text) => {
      expect(parseSavedQueryRun(text).name).toBe('checkout errors');
    },
  );

  it('resolves ranges against the clock and refuses ranges over the cap or backwards', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    expect(resolveRange({ sinceSeconds: 3600 }, now, 86400)).toEqual({
      start: new Date('2026-11-25T11:00:00Z'),
      end: now,
    });
    expect(() => resolveRange({ sinceSeconds: 2 * 86400 }, now, 86400)).toThrow(
      /asks for 2d of logs; one query may read at most 1d/,
    );
    expect(() => resolveRange({ from: now, to: new Date('2026-11-25T11:00:00Z') }, now, 86400)).toThrow(/before/);
  });

  it('never crashes on arbitrary text, and every rejection carries the usage', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const outcome = attempt(() => parseLogsQuery(text));
        expect(outcome).toSatisfy((o: typeof outcome) =>
          o.ok
            ? o.value.logGroupNames.length > 0
            : // A help word (`-H` too) asks for help: an answer, not a rejection.
              o.error instanceof HelpRequested || (o.error instanceof UserInputError && o.error.usage === LOGS_USAGE),
        );
      }),
      { numRuns: 2000 },
    );
  });

  describe('the shared flag grammar', () => {
    it.each([
      '/ecs/web --share --since 1h',
      '/ecs/web --since 1h --share',
      '/ecs/web -share -since 1h',
      '/ecs/web --since=1h --share',
      '/ecs/web \u2014share \u2014since 1h',
    ])('shares and reads the range in %j', (text) => {
      // Act
      const query = parseLogsQuery(text);

      // Assess
      expect(query.share).toBe(true);
      expect(query.range).toEqual({ sinceSeconds: 3600, sinceText: '1h' });
      expect(query.queryString).toBe(DEFAULT_QUERY);
    });

    it('passes a duration in words through to the duration parser, then reads the query', () => {
      // Act
      const query = parseLogsQuery('/ecs/web --since 3 hours filter @message like /x/');

      // Assess
      expect(query.range).toEqual({ sinceSeconds: 3 * 3600, sinceText: '3 hours' });
      expect(query.queryString).toBe('filter @message like /x/');
    });

    it('does not take a flag after a trailing comma as a group', () => {
      expect(() => parseLogsQuery('/ecs/web, --since 1h')).toThrow(/empty log group/);
    });

    it('reads groups listed with a space after the comma', () => {
      expect(parseLogsQuery('/ecs/web, /aws/lambda/checkout-api --since 1h').logGroupNames).toEqual([
        '/ecs/web',
        '/aws/lambda/checkout-api',
      ]);
    });

    it('starts the query at the first word that is not a flag, even one with a dash', () => {
      expect(parseLogsQuery('/ecs/web --since 1h -x').queryString).toBe('-x');
    });

    it('shares a saved query run, whose name may hold a dashed word', () => {
      expect(parseSavedQueryRun('deploy -v2 errors --share -since 2h')).toEqual({
        name: 'deploy -v2 errors',
        range: { sinceSeconds: 7200, sinceText: '2h' },
        limit: undefined,
        share: true,
      });
    });

    it('refuses `/cw logs run` mistakes with the run usage line', () => {
      expect(() => parseSavedQueryRun('checkout --limit x')).toThrow(
        expect.objectContaining({ usage: expect.stringMatching(/^`\/cw logs run <saved query name>/) }),
      );
    });
  });
});

describe('handlers/cw/logs/allowlist', () => {
  it('allows exact names and prefixes ending in *', () => {
    const allowed = parseAllowlist(' /ecs/web , /aws/lambda/checkout-* ,,');
    expect(allowed).toEqual(['/ecs/web', '/aws/lambda/checkout-*']);
    expect(isAllowed('/ecs/web', allowed)).toBe(true);
    expect(isAllowed('/ecs/web-2', allowed)).toBe(false);
    expect(isAllowed('/aws/lambda/checkout-api', allowed)).toBe(true);
    expect(isAllowed('/aws/lambda/payments', allowed)).toBe(false);
    expect(refusedGroups(['/ecs/web', '/x', '/y'], allowed)).toEqual(['/x', '/y']);
  });

  it('allows a requested prefix only inside an allowed prefix', () => {
    const allowed = ['/aws/lambda/*', '/ecs/web'];
    expect(isRequestAllowed('/aws/lambda/checkout-*', allowed)).toBe(true);
    expect(isRequestAllowed('/aws/lambda/*', allowed)).toBe(true);
    expect(isRequestAllowed('/aws/*', allowed)).toBe(false);
    expect(isRequestAllowed('/ecs/web*', allowed)).toBe(false);
    expect(refusedGroups(['/aws/lambda/a-*', '/aws/*'], allowed)).toEqual(['/aws/*']);
  });

  it('allows nothing when empty, and no group that is not under an allowed prefix', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string()), (group, names) => {
        expect(isAllowed(group, [])).toBe(false);
        const exact = names.filter((n) => !n.endsWith('*'));
        expect(isAllowed(group, exact)).toBe(exact.includes(group));
        expect(isAllowed(`${group}suffix`, [`${group}*`])).toBe(true);
      }),
    );
  });
});

describe('handlers/cw/logs/csv', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 asks', () => {
    expect(toCsv(['a', 'b'], [{ a: 'x,y', b: 'say "hi"\nbye' }, { a: 'plain' }])).toBe(
      'a,b\r\n"x,y","say ""hi""\nbye"\r\nplain,\r\n',
    );
  });
});

describe('handlers/cw/logs/parse-logs ranges and the default query', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('names the cap in days and the asked range as typed: 8d is not "more than 1w"', () => {
    const act = () => resolveRange(parseLogsQuery('/a --since 8d').range, now, 7 * 86400);
    expect(act).toThrow('That asks for 8d of logs; one query may read at most 7d here. Narrow the range.');
    expect(() => resolveRange(parseLogsQuery('/a --since 2weeks').range, now, 7 * 86400)).toThrow(
      /asks for 2weeks of logs/,
    );
  });

  it('reads --since as people type it and keeps their spelling', () => {
    // `--since 3 hours` with a space reaches here as one value once the shared flag grammar hands it over.
    expect(parseLogsQuery('/a --since 3시간').range).toEqual({ sinceSeconds: 10800, sinceText: '3시간' });
    expect(parseLogsQuery('/a --since 2h30m').range).toEqual({ sinceSeconds: 9000, sinceText: '2h30m' });
    expect(() => parseLogsQuery('/a --since 3months')).toThrow(/months have no fixed length: write 90d/);
  });

  it('lets --limit decide the rows of the default query', () => {
    expect(parseLogsQuery('/a --limit 5').queryString).toBe(
      'fields @timestamp, @message | sort @timestamp desc | limit 5',
    );
    expect(parseLogsQuery('/a').queryString).toBe('fields @timestamp, @message | sort @timestamp desc | limit 20');
  });
});

describe('handlers/cw/logs/parse-logs: flags after the query (Logs Insights has no `--` syntax)', () => {
  it.each([
    [
      '/aws/lambda/checkout-api filter @message like /ERROR/ --share',
      'filter @message like /ERROR/',
      { share: true, limit: undefined, range: { sinceSeconds: 900 } },
    ],
    [
      '/ecs/web stats count(*) by bin(5m) | limit 5 --since 1h --limit 5',
      'stats count(*) by bin(5m) | limit 5',
      { share: false, limit: 5, range: { sinceSeconds: 3600, sinceText: '1h' } },
    ],
    [
      '/ecs/web --since 2h fields @timestamp, @duration - 100 as over | sort over desc —share',
      'fields @timestamp, @duration - 100 as over | sort over desc',
      { share: true, limit: undefined, range: { sinceSeconds: 7200, sinceText: '2h' } },
    ],
    [
      '/ecs/web stats sum(bytes) / 1024 - avg(x) by host --since 3 hours',
      'stats sum(bytes) / 1024 - avg(x) by host',
      { share: false, limit: undefined, range: { sinceSeconds: 10800, sinceText: '3 hours' } },
    ],
  ])('reads the flags after %j', (text, queryString, rest) => {
    // Act
    const query = parseLogsQuery(text);

    // Assess
    expect(query).toMatchObject({ queryString, ...rest });
  });

  it.each([
    ['/ecs/web filter @message like /--x/', 'filter @message like /--x/'],
    ['/ecs/web filter @message like / --share/ --since 1h', 'filter @message like / --share/'],
    ['/ecs/web filter @message = "a--b"', 'filter @message = "a--b"'],
    ['/ecs/web filter @message = "a --share b" | limit 3', 'filter @message = "a --share b" | limit 3'],
    ["/ecs/web filter msg = 'x --since 1h'", "filter msg = 'x --since 1h'"],
    ['/ecs/web filter @message like “--limit 5”', 'filter @message like "--limit 5"'],
    [
      '/ecs/web parse @message /(?<level>\\w+) --(?<flag>\\w+)/ | stats count(*) by flag',
      'parse @message /(?<level>\\w+) --(?<flag>\\w+)/ | stats count(*) by flag',
    ],
    ['/ecs/web fields @duration -latency', 'fields @duration -latency'],
    ['/ecs/web fields @duration - 1 -x', 'fields @duration - 1 -x'],
  ])('keeps dashes inside strings and regexes, and arithmetic, in the query: %j', (text, queryString) => {
    // Act
    const query = parseLogsQuery(text);

    // Assess
    expect(query.queryString).toBe(queryString);
    expect(query.share).toBe(false);
  });

  it.each([
    ['/ecs/web filter x --shar', /`--shar` is not a flag of `\/cw logs query`. Did you mean `--share`/],
    ['/ecs/web filter x --share | limit 5', /`\|` comes after the flags/],
    ['/ecs/web --since 1h filter x --since 2h', /`--since` is given twice/],
  ])('refuses %j with the usage line', (text, message) => {
    // Act
    const error = catchError(() => parseLogsQuery(text));

    // Assess
    expect(error).toBeInstanceOf(UserInputError);
    expect(error?.message).toMatch(message);
    expect((error as UserInputError).usage).toBe(LOGS_USAGE);
  });
});

function catchError(run: () => unknown): Error | undefined {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}

describe('handlers/cw/logs/allowlist: the group meant', () => {
  const allowed = ['/aws/lambda/*', '/ecs/public-web', '/ecs/orders-worker'];

  it.each([
    ['aws/lambda/checkout-api', '/aws/lambda/checkout-api'],
    ['ecs/public-web', '/ecs/public-web'],
    ['/ecs/public-wbe', '/ecs/public-web'],
    ['ecs/orders-worker', '/ecs/orders-worker'],
    ['aws/lambda/checkout-*', '/aws/lambda/checkout-*'],
  ])('`%s` is meant as `%s`', (refused, meant) => {
    expect(meantGroup(refused, allowed)).toBe(meant);
  });

  it.each(['secret/audit', '/rds/cluster/x'])('`%s` is meant as nothing allowed', (refused) => {
    expect(meantGroup(refused, allowed)).toBeUndefined();
  });
});

describe('handlers/cw/logs/parse-logs: flags after the query, as a property', () => {
  const field = fc.constantFrom('@message', '@duration', 'status', 'bytes');
  const inside = fc.stringMatching(/^[a-z -]{0,12}$/).map((s) => s.replace(/ {2,}/g, ' '));
  const clause = fc.oneof(
    fc.tuple(field, inside).map(([f, s]) => `filter ${f} = "${s}--${s}"`),
    fc.tuple(field, inside).map(([f, s]) => `filter ${f} like /${s.replace(/\//g, '')} --x/`),
    fc.tuple(field, fc.integer({ min: 0, max: 999 })).map(([f, n]) => `fields ${f} - ${n} as d`),
    fc.integer({ min: 1, max: 99 }).map((n) => `stats count(*) by bin(${n}m)`),
  );
  const query = fc.array(clause, { minLength: 1, maxLength: 4 }).map((clauses) => clauses.join(' | '));

  it('keeps any query whole and reads the flags after it', () => {
    fc.assert(
      fc.property(query, fc.boolean(), fc.integer({ min: 1, max: 100 }), (q, share, limit) => {
        // Act
        const parsed = parseLogsQuery(`/ecs/web ${q} --limit ${limit}${share ? ' --share' : ''}`);

        // Assess
        expect(parsed.queryString).toBe(q);
        expect(parsed.limit).toBe(limit);
        expect(parsed.share).toBe(share);
      }),
    );
  });
});
