import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  type DescribeLogGroupsCommandInput,
  DescribeQueryDefinitionsCommand,
  GetQueryResultsCommand,
  ListLogGroupsForQueryCommand,
  StartQueryCommand,
  type StartQueryCommandInput,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CommandInput } from '../../../../../handlers/command.ts';
import { readCommandRequest } from '../../../../../handlers/command-request.ts';
import { isAllowed } from '../../../../../handlers/cw/logs/allowlist.ts';
import type { ScopeLogger } from '../../../../../handlers/cw/logs/run-logs.ts';
import { planCommand } from '../../../../../handlers/dispatch.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import { completeCommand } from '../../../../../handlers/lifecycle.ts';
import { REGISTRY } from '../../../../../handlers/registry.ts';
import type { SlackMessage } from '../../../../../handlers/slack-message.ts';
import { createCloudWatchLogs } from '../../../../../infra/aws/cloudwatch-logs.ts';
import { commandDeps, runtimeOf } from '../../../../fixtures/command-deps.ts';
import { fakeTime, resultRow, STATS } from '../../../../fixtures/logs.ts';

// Ways a query text could choose its own log groups, each run end to end (the ack's check, then the
// worker's run through the CloudWatch Logs adapter), asserting what StartQuery was sent.
// SOURCE: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Source.html
// StartQuery (logGroupNames, logGroupIdentifiers, or a SOURCE in queryString):
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_StartQuery.html
// ListLogGroupsForQuery: https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_ListLogGroupsForQuery.html

const ALLOWED = ['/aws/lambda/checkout-*', '/ecs/web'];
/** The account's log groups and their classes, as DescribeLogGroups reports them. */
const ACCOUNT: { logGroupName: string; logGroupClass: 'STANDARD' | 'INFREQUENT_ACCESS' }[] = [
  { logGroupName: '/aws/lambda/checkout-api', logGroupClass: 'STANDARD' },
  { logGroupName: '/aws/lambda/checkout-worker', logGroupClass: 'STANDARD' },
  { logGroupName: '/aws/lambda/checkout-archive', logGroupClass: 'INFREQUENT_ACCESS' },
  { logGroupName: '/aws/lambda/payments', logGroupClass: 'STANDARD' },
  { logGroupName: '/ecs/web', logGroupClass: 'STANDARD' },
  { logGroupName: '/ecs/web-admin', logGroupClass: 'STANDARD' },
  { logGroupName: '/secret/db', logGroupClass: 'STANDARD' },
];

const logsMock = mockClient(CloudWatchLogsClient);
const client = () =>
  new CloudWatchLogsClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

interface Logged {
  level: 'info' | 'warn';
  message: string;
  fields: Record<string, unknown>;
}

function setUp(saved: { name: string; queryString: string; logGroupNames?: string[] }[] = []) {
  const time = fakeTime();
  const logged: Logged[] = [];
  const logger: ScopeLogger = {
    info: (message, ...extra) => logged.push({ level: 'info', message, fields: Object.assign({}, ...extra) }),
    warn: (message, ...extra) => logged.push({ level: 'warn', message, fields: Object.assign({}, ...extra) }),
  };
  logsMock.on(DescribeLogGroupsCommand).callsFake((input: DescribeLogGroupsCommandInput) => ({
    logGroups: ACCOUNT.filter(
      (g) =>
        g.logGroupName.startsWith(input.logGroupNamePrefix ?? '') &&
        (input.logGroupClass === undefined || g.logGroupClass === input.logGroupClass),
    ),
  }));
  logsMock.on(StartQueryCommand).resolves({ queryId: 'q-1' });
  logsMock.on(GetQueryResultsCommand).resolves({
    status: 'Complete',
    statistics: STATS,
    results: [resultRow({ '@timestamp': '2026-11-25 11:59:01.000', '@message': 'ERROR pool exhausted' })],
  });
  // What Logs Insights read: the names StartQuery was given.
  logsMock.on(ListLogGroupsForQueryCommand).callsFake(() => ({ logGroupIdentifiers: sentGroups().flat() }));
  logsMock.on(DescribeQueryDefinitionsCommand).resolves({
    queryDefinitions: saved.map((q, i) => ({ queryDefinitionId: `d-${i}`, ...q })),
  });
  const deps = commandDeps({
    logs: createCloudWatchLogs(client()),
    logsPolicy: { allowed: ALLOWED, maxRangeSeconds: 7 * 86400, pricePerGb: 0.005 },
    now: time.now,
    sleep: time.sleep,
  });
  const runtime = { ...runtimeOf(deps), logger };
  /** The ack's check, then (when it passes) the worker's run, as Slack and the worker would do them. */
  const run = async (text: string): Promise<SlackMessage> => {
    const input: CommandInput = { command: '/cw', text };
    planCommand(input, deps);
    return completeCommand(readCommandRequest(input, REGISTRY), runtime, { deadlineMs: 60_000, reference: 'r' });
  };
  return { run, deps, logged };
}

const startQueries = (): StartQueryCommandInput[] =>
  logsMock.commandCalls(StartQueryCommand).map((call) => call.args[0].input);
const sentGroups = () => startQueries().map((input) => input.logGroupNames ?? []);

/** Every StartQuery that left named only allowed groups, by name, and its text chose none itself. */
function expectNoWiderScope(): void {
  for (const input of startQueries()) {
    expect(input.logGroupNames?.length ?? 0).toBeGreaterThan(0);
    for (const name of input.logGroupNames ?? []) expect(isAllowed(name, ALLOWED)).toBe(true);
    expect(input.logGroupIdentifiers).toBeUndefined();
    expect(input.logGroupName).toBeUndefined();
    expect(input.queryLanguage ?? 'CWLI').toBe('CWLI');
    expect(input.queryString).not.toMatch(/log\s*groups\s*\(|(?:^|[|\n])\s*source\b/i);
  }
}

/** Refused in the ack (the plan throws what the person reads), and no AWS call at all. */
function expectRefusedInAck(text: string, why: RegExp): void {
  const { deps } = setUp();
  expect(() => planCommand({ command: '/cw', text }, deps)).toThrow(why);
  expect(logsMock.calls()).toHaveLength(0);
}

beforeEach(() => logsMock.reset());

describe('handlers/cw/logs: the allowlist holds whatever the query says', () => {
  it('reads SOURCE namePrefix within the allowlist into the groups it names, and sends the query without it', async () => {
    // Prepare
    const { run, logged } = setUp();

    // Act
    const message = await run(
      "logs query SOURCE logGroups(namePrefix: ['/aws/lambda/checkout-']) | filter @message like /ERROR/ --since 1h",
    );

    // Assess: Standard-class groups under the prefix (SOURCE's default class), by name
    expect(message.text).not.toMatch(/may not|can't/);
    expect(logsMock).toHaveReceivedCommandWith(DescribeLogGroupsCommand, {
      logGroupNamePrefix: '/aws/lambda/checkout-',
      logGroupClass: 'STANDARD',
    });
    expect(startQueries()).toEqual([
      expect.objectContaining({
        logGroupNames: ['/aws/lambda/checkout-api', '/aws/lambda/checkout-worker'],
        queryString: 'filter @message like /ERROR/',
      }),
    ]);
    expectNoWiderScope();
    expect(logged).toContainEqual({
      level: 'info',
      message: 'Logs Insights query scope confirmed',
      fields: {
        queryId: 'q-1',
        requestedGroups: ['/aws/lambda/checkout-api', '/aws/lambda/checkout-worker'],
        scannedGroups: ['/aws/lambda/checkout-api', '/aws/lambda/checkout-worker'],
        otherAccounts: 0,
      },
    });
  });

  it("keeps SOURCE's log class when it names one", async () => {
    const { run } = setUp();
    await run("logs query SOURCE logGroups(namePrefix: ['/aws/lambda/checkout-'], class: ['INFREQUENT_ACCESS'])");
    expect(sentGroups()).toEqual([['/aws/lambda/checkout-archive']]);
    expectNoWiderScope();
  });

  it('adds SOURCE prefixes to the groups the command names, each checked', async () => {
    const { run } = setUp();
    await run("logs query /ecs/web SOURCE logGroups(namePrefix: ['/aws/lambda/checkout-w']) | limit 5");
    expect(sentGroups()).toEqual([['/ecs/web', '/aws/lambda/checkout-worker']]);
    expectNoWiderScope();
  });

  it.each([
    [
      "logs query SOURCE logGroups(namePrefix: ['/aws/lambda/']) | fields @message",
      /I may not read `\/aws\/lambda\/\*`/,
    ],
    ["logs query SOURCE logGroups(namePrefix: ['/ecs/web']) | fields @message", /I may not read `\/ecs\/web\*`/],
    ["logs query /ecs/web SOURCE logGroups(namePrefix: ['/secret/']) | fields @message", /`\/secret\/\*`/],
  ])('refuses SOURCE namePrefix outside the allowlist in the ack: %s', (text, why) => {
    expectRefusedInAck(text, why);
  });

  it.each([
    ['logs query SOURCE logGroups() | fields @message', /every log group in the account \(and in linked accounts\)/],
    ['logs query /ecs/web SOURCE logGroups() | fields @message', /every log group/],
    [
      "logs query SOURCE logGroups(accountIdentifiers: ['111122223333'], namePrefix: ['/aws/lambda/checkout-'])",
      /other accounts/,
    ],
    ["logs query /ecs/web fields @message | SOURCE logGroups(namePrefix: ['/secret/'])", /first in the query/],
    ["logs query /ecs/web fields @message\nSOURCE logGroups(namePrefix: ['/secret/'])", /first in the query/],
    ['logs query /ecs/web fields @message | source=`/secret/db` | head 5', /PPL `source=`/],
    ['logs query /ecs/web SELECT * FROM `/secret/db`', /OpenSearch SQL/],
    ['logs query /ecs/web sOuRcE   LoGgRoUpS(  ) | fields @message', /every log group/],
    ['logs query /ecs/web # SOURCE logGroups()\nfields @message', /even inside a string or a comment/],
    ['logs query /ecs/web filter @message like "x" # | SOURCE logGroups()', /first in the query/],
  ])('refuses a query that chooses log groups it cannot check, in the ack: %j', (text, why) => {
    expectRefusedInAck(text, why);
  });

  it('gives a refusal the usage line and an example', () => {
    const { deps } = setUp();
    const refusal = (() => {
      try {
        planCommand({ command: '/cw', text: 'logs query SOURCE logGroups()' }, deps);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(UserInputError);
    expect((refusal as UserInputError).usage).toMatch(/^`\/cw logs query SOURCE logGroups\(namePrefix:/);
    expect((refusal as UserInputError).usage).toContain('Example: `/cw logs query SOURCE');
  });

  it('reads SOURCE first after comment lines, and checks it', async () => {
    const { run } = setUp();
    await run(
      "logs query /ecs/web # checkout errors\nSOURCE logGroups(namePrefix: ['/aws/lambda/checkout-a'])\n| limit 5",
    );
    expect(startQueries()).toEqual([
      expect.objectContaining({
        logGroupNames: ['/ecs/web', '/aws/lambda/checkout-api'],
        queryString: '# checkout errors\nlimit 5',
      }),
    ]);
    expectNoWiderScope();
  });

  it('never sends a group the prefix expansion returned outside the allowlist (IAM is the wall after this one)', async () => {
    // Prepare: a DescribeLogGroups answer that strays outside the prefix asked for
    const { run } = setUp();
    logsMock.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: '/secret/db' }] });

    // Act
    const message = await run("logs query SOURCE logGroups(namePrefix: ['/aws/lambda/checkout-'])");

    // Assess
    expect(message.text).toContain('I may not read `/secret/db`');
    expect(logsMock).toHaveReceivedCommandTimes(StartQueryCommand, 0);
  });

  it('warns in the log when Logs Insights says it read a group outside the allowlist', async () => {
    const { run, logged } = setUp();
    logsMock.on(ListLogGroupsForQueryCommand).resolves({
      logGroupIdentifiers: ['/ecs/web', 'arn:aws:logs:us-east-1:111122223333:log-group:/secret/db:*'],
    });
    await run('logs query /ecs/web fields @message');
    expect(logged).toContainEqual({
      level: 'warn',
      message: 'Logs Insights read log groups outside the requested scope',
      fields: expect.objectContaining({ outside: ['/secret/db'], otherAccounts: 1 }),
    });
  });

  describe('saved queries', () => {
    it('checks a saved query whose text has SOURCE, and runs it on the groups SOURCE names', async () => {
      const { run } = setUp([
        { name: 'checkout errors', queryString: "SOURCE logGroups(namePrefix: ['/aws/lambda/checkout-']) | limit 5" },
      ]);
      await run('logs run checkout errors');
      expect(startQueries()).toEqual([
        expect.objectContaining({
          logGroupNames: ['/aws/lambda/checkout-api', '/aws/lambda/checkout-worker'],
          queryString: 'limit 5',
        }),
      ]);
      expectNoWiderScope();
    });

    it.each([
      ['SOURCE logGroups() | limit 5', [], /`everything`: .*every log group/],
      ["SOURCE logGroups(namePrefix: ['/secret/']) | limit 5", [], /I may not read `\/secret\/\*`/],
      ["fields @message | SOURCE logGroups(namePrefix: ['/secret/'])", ['/ecs/web'], /`everything`: .*first in/],
      ['SELECT * FROM `/secret/db`', ['/ecs/web'], /`everything`: .*OpenSearch SQL/],
    ])('refuses a saved query whose text is %j, with no StartQuery', async (queryString, logGroupNames, why) => {
      const { run } = setUp([{ name: 'everything', queryString, logGroupNames }]);
      const message = await run('logs run everything');
      expect(`${message.text} ${JSON.stringify(message.blocks ?? [])}`).toMatch(why);
      expect(logsMock).toHaveReceivedCommandTimes(StartQueryCommand, 0);
    });
  });

  it('never lets a StartQuery leave with a wider scope, whatever the query text', async () => {
    const piece = fc.constantFrom(
      'SOURCE ',
      'source',
      ' logGroups(',
      'LOGGROUPS (',
      "namePrefix: ['/aws/lambda/checkout-']",
      "namePrefix: ['/aws/lambda/']",
      "namePrefix: ['/secret/', '/ecs/web']",
      "accountIdentifiers: ['111122223333']",
      "class: ['INFREQUENT_ACCESS']",
      ', ',
      ')',
      ' | ',
      '\n',
      '# note ',
      '"',
      "'",
      '`/secret/db`',
      'fields @message',
      'filter @message like /x/',
      ' source=',
      'SELECT * FROM ',
      ' limit 5',
    );
    const groups = fc.constantFrom('/ecs/web', '/aws/lambda/checkout-*', '/aws/lambda/checkout-api,/ecs/web', 'SOURCE');
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(groups, fc.array(piece, { maxLength: 12 }), async (group, parts) => {
        logsMock.reset();
        const { run } = setUp();
        await Promise.resolve()
          .then(() => run(`logs query ${group} ${parts.join('')}`))
          .catch(() => undefined);
        expectNoWiderScope();
        sent += startQueries().length;
      }),
      { numRuns: 150 },
    );
    // Not only refusals: many texts did run, and what left was within the allowlist.
    expect(sent).toBeGreaterThan(10);
  });
});
