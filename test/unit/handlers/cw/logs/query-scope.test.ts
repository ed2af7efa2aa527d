import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readQueryScope, SOURCE_USAGE } from '../../../../../handlers/cw/logs/query-scope.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';

// SOURCE's syntax: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Source.html
// (`SOURCE logGroups()`, `namePrefix: [...]`, `accountIdentifiers: [...]`, `class: ['INFREQUENT_ACCESS']`);
// SQL `FROM` and PPL `source=`: CWL_AnalyzeLogData_SQL.html, CWL_AnalyzeLogData_PPL.html.

function refusal(text: string): UserInputError {
  try {
    readQueryScope(text);
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error(`not refused: ${text}`);
}

describe('handlers/cw/logs/query-scope', () => {
  it('keeps fields whose names begin with source (CloudTrail `sourceIPAddress`)', () => {
    const text = 'fields eventName,\n sourceIPAddress | stats count(*) by\nsourceIPAddress';
    expect(readQueryScope(text).queryString).toBe(text);
  });

  it('leaves a query that chooses no log groups as it is', () => {
    expect(readQueryScope('filter source = "aws.s3" | stats count(*) by source')).toEqual({
      prefixes: [],
      classes: [],
      queryString: 'filter source = "aws.s3" | stats count(*) by source',
    });
  });

  it('reads a leading SOURCE into prefixes and takes it out of the query', () => {
    expect(
      readQueryScope("SOURCE logGroups(namePrefix: ['/aws/lambda/checkout-', '/ecs/web']) | filter @message like /x/"),
    ).toEqual({
      prefixes: ['/aws/lambda/checkout-', '/ecs/web'],
      classes: ['STANDARD'],
      queryString: 'filter @message like /x/',
    });
  });

  it.each([
    ["source loggroups(namePrefix:['/a/'])|fields @message", 'fields @message'],
    ['SOURCE\n  logGroups (\n namePrefix : [ "/a/" ] ,\n)\n| fields @message', 'fields @message'],
    ["  Source  LogGroups(NAMEPREFIX: ['/a/'])   ", ''],
    [
      "# why this runs\n\nSOURCE logGroups(namePrefix: ['/a/'])\n| fields @message",
      '# why this runs\n\nfields @message',
    ],
  ])('reads SOURCE whatever its case, spacing and leading comments: %j', (text, rest) => {
    expect(readQueryScope(text)).toMatchObject({ prefixes: ['/a/'], queryString: rest });
  });

  it.each([["SOURCE '/aws/lambda/checkout-api' | fields @message"], ['source=`/ecs/web` | head 5']])(
    'says how a query may begin with SOURCE when %j does not read as logGroups(…)',
    (text) => {
      expect(refusal(text).message).toMatch(/only as `SOURCE logGroups\(namePrefix: \['…'\]\)`.*before the query/);
    },
  );

  it('keeps the log classes SOURCE names', () => {
    expect(
      readQueryScope("SOURCE logGroups(namePrefix: ['/a/'], class: ['INFREQUENT_ACCESS', 'standard'])"),
    ).toMatchObject({ classes: ['INFREQUENT_ACCESS', 'STANDARD'] });
  });

  it.each([
    ['SOURCE logGroups()', /every log group in the account \(and in linked accounts\)/],
    ['SOURCE logGroups() | fields @message', /every log group/],
    ["SOURCE logGroups(class: ['INFREQUENT_ACCESS'])", /every log group/],
    ['SOURCE logGroups(namePrefix: [])', /every log group/],
    ["SOURCE logGroups(accountIdentifiers: ['111122223333'])", /other accounts/],
    ["SOURCE logGroups(accountIdentifiers:['111122223333'], namePrefix: ['/a/'])", /other accounts/],
    ["SOURCE logGroups(namePrefix: ['/a/'], namePrefix: ['/b/'])", /given twice/],
    ["SOURCE logGroups(namePrefix: ['/a/'], dataSource: ['x'])", /not something SOURCE/],
    ["SOURCE logGroups(namePrefix: ['/a/\\' , '/b/'])", /backslash/],
    ["SOURCE logGroups(namePrefix: ['/a/*'])", /not a log group name prefix/],
    ["SOURCE logGroups(namePrefix: ['1','2','3','4','5','6'])", /at most 5/],
    ["SOURCE logGroups(namePrefix: ['/a/'], class: ['DELIVERY'])", /not a log class/],
    ["SOURCE logGroups(namePrefix: ['/a/']) fields @message", /comes `\|`/],
    ["SOURCE logGroups(namePrefix: ['/a/']) | SOURCE logGroups()", /SOURCE command, first/],
  ])('refuses %j and says why', (text, why) => {
    const error = refusal(text);
    expect(error.message).toMatch(why);
    expect(error.usage).toBe(SOURCE_USAGE);
  });

  it.each([
    ["fields @message | SOURCE logGroups(namePrefix: ['/a/'])", 'SOURCE not first'],
    ["fields @message\nSOURCE logGroups(namePrefix: ['/a/'])", 'SOURCE on a later line'],
    ['filter x = 1 |source logGroups()', 'pipe-embedded, no space'],
    ['fields @message |SOURCElogGroups()', 'no space at all'],
    ['fields @message\r\nsource = `/secret/db`', 'after a CRLF'],
    ['filter x = 1 | source=`/secret/db` | head 5', 'PPL source= after a pipe'],
    ['source=`/secret/db` | fields @message', 'PPL source= first'],
    ['search source=`/secret/db`', 'PPL search source='],
    ['SELECT * FROM `/secret/db` LIMIT 5', 'SQL FROM'],
    ["select * from `logGroups(logGroupIdentifier: ['/secret/db'])`", 'SQL logGroups()'],
    ['WITH t AS (SELECT 1) SELECT * FROM t', 'SQL WITH'],
    ['fields @message | filter x in (select y from `/secret/db`)', 'SQL FROM in a sub-query'],
    ['# SOURCE logGroups()\nfields @message', 'SOURCE in a comment'],
    ['fields @message # | SOURCE logGroups()', 'SOURCE after a trailing comment'],
    ['filter @message like "a | SOURCE logGroups()"', 'SOURCE in a string'],
    ['SOURCE /secret/db | fields @message', 'SOURCE without logGroups'],
  ])('refuses %j (%s): its log groups cannot be checked', (text) => {
    expect(refusal(text).message).toMatch(/^I can't run that query: |SOURCE/);
  });

  it('refuses, or leaves nothing that chooses log groups, whatever the text', () => {
    const piece = fc.constantFrom(
      'SOURCE',
      'source',
      ' ',
      '\n',
      '|',
      '#',
      'logGroups',
      'LOGGROUPS',
      '(',
      ')',
      '[',
      ']',
      ':',
      ',',
      "'",
      '"',
      '`',
      '/',
      '\\',
      'namePrefix',
      'accountIdentifiers',
      'class',
      "'/aws/lambda/checkout-'",
      "'/secret/'",
      'fields @message',
      'filter',
      '=',
      'select',
      'FROM',
      'search',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 24 }).map((parts) => parts.join('')),
        (text) => {
          let scope: ReturnType<typeof readQueryScope> | undefined;
          let refused: unknown;
          try {
            scope = readQueryScope(text);
          } catch (error) {
            refused = error;
          }
          // Refused only ever as bad input the person reads, never as a crash.
          expect(refused === undefined || refused instanceof UserInputError).toBe(true);
          if (scope === undefined) return;
          // What Logs Insights gets chooses nothing itself: read again, it has no SOURCE and is kept as it is.
          expect(scope.queryString).not.toMatch(/log\s*groups\s*\(/i);
          expect(readQueryScope(scope.queryString)).toEqual({
            prefixes: [],
            classes: [],
            queryString: scope.queryString,
          });
          for (const prefix of scope.prefixes) expect(prefix).toMatch(/^[\w#./-]+$/);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
