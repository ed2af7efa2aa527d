import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  ListLogGroupsForQueryCommand,
  MalformedQueryException,
  StartQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { LogGroupNotFoundError, MalformedQueryError, RequestRejectedError } from '../../../../handlers/port-errors.ts';
import { createCloudWatchLogs } from '../../../../infra/aws/cloudwatch-logs.ts';
import { createDemoLogs } from '../../../../infra/demo/demo-logs.ts';

const logsMock = mockClient(CloudWatchLogsClient);
const client = () =>
  new CloudWatchLogsClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

const request = (queryString: string) => ({
  logGroupNames: ['/aws/lambda/checkout-api'],
  start: new Date('2026-12-02T05:00:00Z'),
  end: new Date('2026-12-02T06:00:00Z'),
  queryString,
});

/**
 * The exception's shape is the documented one (botocore `CloudWatchLogs.Client.exceptions.MalformedQueryException`:
 * `queryCompileError: { location: { startCharOffset, endCharOffset }, message }`,
 * https://docs.aws.amazon.com/botocore/latest/reference/services/logs/client/exceptions/MalformedQueryException.html);
 * the message is the one Logs Insights gave for this query in boto/boto3#3450.
 */
const COUNT_QUERY = 'fields @timestamp, custom_field | count()';
const COUNT_MESSAGE =
  "mismatched input 'count' expecting {K_PARSE, K_SEARCH, K_FIELDS, K_DISPLAY, K_FILTER, K_SORT, K_ORDER, K_HEAD, K_LIMIT, K_TAIL}";
const malformed = (location?: { startCharOffset: number; endCharOffset: number }) =>
  new MalformedQueryException({
    $metadata: { httpStatusCode: 400 },
    message: COUNT_MESSAGE,
    queryCompileError: { message: COUNT_MESSAGE, ...(location ? { location } : {}) },
  });

describe('infra/aws/cloudwatch-logs malformed queries', () => {
  beforeEach(() => logsMock.reset());

  it('names where in the query Logs Insights stopped reading, and what it said', async () => {
    // Prepare: `count` spans characters 34–38 (0-based, the stop index inclusive).
    logsMock.on(StartQueryCommand).rejects(malformed({ startCharOffset: 34, endCharOffset: 38 }));

    // Act
    const act = createCloudWatchLogs(client()).startQuery(request(COUNT_QUERY));

    // Assess
    const error = await act.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedQueryError);
    expect(error).toBeInstanceOf(RequestRejectedError);
    expect((error as MalformedQueryError).message).toBe(
      `Logs Insights could not read the query at character 35 (\`count\`): ${COUNT_MESSAGE}.`,
    );
    expect((error as MalformedQueryError).location).toEqual({ start: 34, end: 39 });
  });

  it('still explains a compile error that carries no location', async () => {
    logsMock.on(StartQueryCommand).rejects(malformed());
    const error = await createCloudWatchLogs(client())
      .startQuery(request(COUNT_QUERY))
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(`Logs Insights could not read the query: ${COUNT_MESSAGE}.`);
  });

  it('frames the complaint the same way on AWS and on the demo, so the user reads one message', async () => {
    // Prepare: the demo's own complaint about the same query, replayed as Logs Insights would send it.
    const demo = await createDemoLogs()
      .startQuery(request(COUNT_QUERY))
      .catch((e: unknown) => e);
    expect(demo).toBeInstanceOf(MalformedQueryError);
    const { detail, location } = demo as MalformedQueryError;
    if (!location) throw new Error('the demo gave no location');
    logsMock.on(StartQueryCommand).rejects(
      new MalformedQueryException({
        $metadata: { httpStatusCode: 400 },
        message: detail,
        queryCompileError: {
          message: detail,
          location: { startCharOffset: location.start, endCharOffset: location.end - 1 },
        },
      }),
    );

    // Act
    const aws = await createCloudWatchLogs(client())
      .startQuery(request(COUNT_QUERY))
      .catch((e: unknown) => e);

    // Assess
    expect((aws as Error).message).toBe((demo as Error).message);
    expect((demo as Error).message).toMatch(/^Logs Insights could not read the query at character 35 \(`count`\): /);
  });
});

describe('infra/aws/cloudwatch-logs missing log groups', () => {
  beforeEach(() => logsMock.reset());

  it('names the group AWS names, never the account id beside it', async () => {
    logsMock.on(StartQueryCommand).rejects(
      Object.assign(new Error("Log group '/aws/lambda/gone' does not exist for account ID '123456789012'"), {
        name: 'ResourceNotFoundException',
      }),
    );
    const error = await createCloudWatchLogs(client())
      .startQuery(request('fields @message'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LogGroupNotFoundError);
    expect((error as LogGroupNotFoundError).groups).toEqual(['/aws/lambda/gone']);
    expect((error as Error).message).toBe('Log group `/aws/lambda/gone` does not exist in this account and region.');
  });

  it('says a group does not exist without AWS’s text when it names none', async () => {
    logsMock.on(StartQueryCommand).rejects(
      Object.assign(new Error('The specified resource does not exist in account 123456789012 (arn:aws:logs:…)'), {
        name: 'ResourceNotFoundException',
      }),
    );
    const error = await createCloudWatchLogs(client())
      .startQuery(request('fields @message'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LogGroupNotFoundError);
    expect((error as Error).message).toBe('A log group the query names does not exist in this account and region.');
  });
});

describe('infra/aws/cloudwatch-logs query scope', () => {
  beforeEach(() => logsMock.reset());

  it('reads every page of ListLogGroupsForQuery (names and ARNs, as it returns them)', async () => {
    // Prepare: https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_ListLogGroupsForQuery.html
    logsMock
      .on(ListLogGroupsForQueryCommand, { queryId: 'q-1', nextToken: undefined })
      .resolves({ logGroupIdentifiers: ['/aws/lambda/checkout-api'], nextToken: 't-2' })
      .on(ListLogGroupsForQueryCommand, { queryId: 'q-1', nextToken: 't-2' })
      .resolves({ logGroupIdentifiers: ['arn:aws:logs:us-east-1:111122223333:log-group:/ecs/web'] });

    // Act
    const scanned = await createCloudWatchLogs(client()).listQueryLogGroups('q-1');

    // Assess
    expect(scanned).toEqual(['/aws/lambda/checkout-api', 'arn:aws:logs:us-east-1:111122223333:log-group:/ecs/web']);
    expect(logsMock).toHaveReceivedCommandWith(ListLogGroupsForQueryCommand, { queryId: 'q-1', maxResults: 500 });
  });

  it('filters DescribeLogGroups by log class only when asked', async () => {
    logsMock.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: '/a/b' }] });
    const logs = createCloudWatchLogs(client());
    await logs.listLogGroups('/a/', 10, {}, 'INFREQUENT_ACCESS');
    await logs.listLogGroups('/a/', 10);
    const inputs = logsMock.commandCalls(DescribeLogGroupsCommand).map((c) => c.args[0].input);
    expect(inputs).toEqual([
      { logGroupNamePrefix: '/a/', limit: 50, logGroupClass: 'INFREQUENT_ACCESS' },
      { logGroupNamePrefix: '/a/', limit: 50 },
    ]);
  });
});
