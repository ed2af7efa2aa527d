import {
  type CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeQueryDefinitionsCommand,
  GetQueryResultsCommand,
  type GetQueryResultsCommandOutput,
  ListLogGroupsForQueryCommand,
  StartQueryCommand,
  StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { DataSourceBusyError } from '../../handlers/errors.ts';
import { LogGroupNotFoundError, MalformedQueryError } from '../../handlers/port-errors.ts';
import type { CallOptions, LogsPort, QueryResults, QueryStatus, SavedQuery } from '../../handlers/ports.ts';
import { logGroupArn } from '../../handlers/scope.ts';
import { inlineCode } from '../../handlers/slack-message.ts';
import { translateAwsError } from './aws-errors.ts';

/** A finished query's rows arrive in pages; 10 pages of 10,000 is Logs Insights' own maximum. */
const MAX_RESULT_PAGES = 10;
const MAX_SAVED_QUERY_PAGES = 5;
/** ListLogGroupsForQuery pages (500 each) read to confirm a query's scope. */
const MAX_SCANNED_PAGES = 4;

interface CompileError {
  message?: string;
  location?: { startCharOffset?: number; endCharOffset?: number };
}

/**
 * Logs Insights' parser reports ANTLR-style messages ("mismatched input 'count' expecting {K_PARSE, …}")
 * and token offsets; the end offset is taken as inclusive, ANTLR's convention for a token's stop index.
 */
function malformed(error: Error, queryString: string): MalformedQueryError {
  const compile = (error as { queryCompileError?: CompileError }).queryCompileError;
  const start = compile?.location?.startCharOffset;
  const end = compile?.location?.endCharOffset;
  const location =
    start !== undefined && start >= 0
      ? { start, end: end !== undefined && end >= start ? end + 1 : start + 1 }
      : undefined;
  return new MalformedQueryError(compile?.message || error.message, queryString, location, { cause: error });
}

/**
 * StartQuery names the missing group: "Log group '/aws/lambda/x' does not exist for account ID '…'"
 * (as reported in https://github.com/lumigo-io/lumigo-CLI/issues/79). The account id is left out.
 */
function notFound(error: Error): LogGroupNotFoundError {
  const groups = [...error.message.matchAll(/log group '([^']+)'/gi)].flatMap((m) => m[1] ?? []);
  const message =
    groups.length > 0
      ? `Log group ${groups.map((g) => inlineCode(g)).join(', ')} does not exist in this account and region.`
      : // Without a name to quote, AWS's own text (the account id in it) is left out too.
        'A log group the query names does not exist in this account and region.';
  return new LogGroupNotFoundError(message, groups, { cause: error });
}

/** Logs Insights' own errors; the rest (throttling, access, bad parameters, credentials, network) are every adapter's. */
function logsSpecific(error: Error, queryString: string): Error | undefined {
  switch (error.name) {
    case 'MalformedQueryException':
      return malformed(error, queryString);
    case 'LimitExceededException':
      return new DataSourceBusyError('Too many Logs Insights queries are running in this account right now.', {
        cause: error,
      });
    case 'ResourceNotFoundException':
      return notFound(error);
    default:
      return undefined;
  }
}

function toResults(page: GetQueryResultsCommandOutput): QueryResults {
  const fields: string[] = [];
  const rows = (page.results ?? []).map((row) => {
    const out: Record<string, string> = {};
    for (const cell of row) {
      if (!cell.field) continue;
      if (!fields.includes(cell.field)) fields.push(cell.field);
      out[cell.field] = cell.value ?? '';
    }
    return out;
  });
  return {
    status: (page.status ?? 'Unknown') as QueryStatus,
    fields,
    rows,
    statistics: {
      recordsMatched: page.statistics?.recordsMatched ?? 0,
      recordsScanned: page.statistics?.recordsScanned ?? 0,
      bytesScanned: page.statistics?.bytesScanned ?? 0,
    },
  };
}

/**
 * The {@link LogsPort} backed by CloudWatch Logs Insights, in `region` (the client's): a linked
 * account's log groups are named by ARN in that Region.
 */
export function createCloudWatchLogs(client: CloudWatchLogsClient, region?: string): LogsPort {
  // The client's own Region unless the caller says it (infra/data-source.ts does).
  const regionOf = async () => region ?? (await client.config.region());
  const send = async <T>(run: () => Promise<T>, queryString?: string): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw await translateAwsError(error, {
        service: 'CloudWatch Logs',
        client,
        accessDenied: "The bot's AWS role may not query these log groups.",
        request: 'the query',
        specific: (e) => logsSpecific(e, queryString ?? ''),
      });
    }
  };
  return {
    startQuery: (request, options: CallOptions = {}) =>
      send(async () => {
        const arnRegion = request.accountId ? await regionOf() : '';
        const out = await client.send(
          new StartQueryCommand({
            // A source account's groups must be ARNs in logGroupIdentifiers (no `:*` at the end);
            // StartQuery takes exactly one of logGroupName, logGroupNames and logGroupIdentifiers.
            // https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_StartQuery.html
            ...(request.accountId
              ? {
                  logGroupIdentifiers: request.logGroupNames.map((name) =>
                    logGroupArn(arnRegion, request.accountId ?? '', name),
                  ),
                }
              : { logGroupNames: request.logGroupNames }),
            // Logs Insights takes epoch seconds, both ends inclusive.
            startTime: Math.floor(request.start.getTime() / 1000),
            endTime: Math.floor(request.end.getTime() / 1000),
            queryString: request.queryString,
            ...(request.limit ? { limit: request.limit } : {}),
          }),
          { abortSignal: options.signal },
        );
        if (!out.queryId) throw new Error('StartQuery returned no queryId');
        return out.queryId;
      }, request.queryString),

    getQueryResults: (queryId, options: CallOptions = {}) =>
      send(async () => {
        let page = await client.send(new GetQueryResultsCommand({ queryId }), { abortSignal: options.signal });
        const merged = toResults(page);
        // While running the rows are partial; only a complete query's full set is worth paging through.
        if (merged.status !== 'Complete') return merged;
        for (let pages = 1; page.nextToken && pages < MAX_RESULT_PAGES; pages++) {
          page = await client.send(new GetQueryResultsCommand({ queryId, nextToken: page.nextToken }), {
            abortSignal: options.signal,
          });
          const next = toResults(page);
          for (const f of next.fields) if (!merged.fields.includes(f)) merged.fields.push(f);
          merged.rows.push(...next.rows);
        }
        return merged;
      }),

    stopQuery: (queryId) =>
      send(async () => {
        await client.send(new StopQueryCommand({ queryId }));
      }),

    listLogGroups: (prefix, limit, options: CallOptions & { accountId?: string } = {}, logGroupClass) =>
      send(async () => {
        const names: string[] = [];
        let nextToken: string | undefined;
        do {
          const page = await client.send(
            new DescribeLogGroupsCommand({
              logGroupNamePrefix: prefix,
              limit: 50,
              nextToken,
              // A source account's groups, from the monitoring account.
              // https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DescribeLogGroups.html
              ...(options.accountId ? { includeLinkedAccounts: true, accountIdentifiers: [options.accountId] } : {}),
              ...(logGroupClass ? { logGroupClass } : {}),
            }),
            { abortSignal: options.signal },
          );
          for (const group of page.logGroups ?? []) if (group.logGroupName) names.push(group.logGroupName);
          nextToken = page.nextToken;
        } while (nextToken && names.length < limit);
        return names.slice(0, limit);
      }),

    listQueryLogGroups: (queryId, options: CallOptions = {}) =>
      send(async () => {
        const identifiers: string[] = [];
        let nextToken: string | undefined;
        let pages = 0;
        do {
          // 500 a page is the most it returns; a query reads at most 50 named groups.
          const page = await client.send(new ListLogGroupsForQueryCommand({ queryId, maxResults: 500, nextToken }), {
            abortSignal: options.signal,
          });
          identifiers.push(...(page.logGroupIdentifiers ?? []));
          nextToken = page.nextToken;
          pages++;
        } while (nextToken && pages < MAX_SCANNED_PAGES);
        return identifiers;
      }),

    listSavedQueries: (options: CallOptions = {}) =>
      send(async () => {
        const saved: SavedQuery[] = [];
        let nextToken: string | undefined;
        let pages = 0;
        do {
          const page = await client.send(new DescribeQueryDefinitionsCommand({ maxResults: 1000, nextToken }), {
            abortSignal: options.signal,
          });
          for (const q of page.queryDefinitions ?? []) {
            if (q.name && q.queryString)
              saved.push({ name: q.name, queryString: q.queryString, logGroupNames: q.logGroupNames ?? [] });
          }
          nextToken = page.nextToken;
          pages++;
        } while (nextToken && pages < MAX_SAVED_QUERY_PAGES);
        return saved;
      }),
  };
}
