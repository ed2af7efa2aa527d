import { LogGroupNotFoundError, MalformedQueryError, RequestRejectedError } from '../../handlers/port-errors.ts';
import type { LogsPort, LogsQueryRequest, QueryResults, SavedQuery } from '../../handlers/ports.ts';
import { inlineCode } from '../../handlers/slack-message.ts';
import { demoLogEvents } from './demo-log-events.ts';
import { incidentStart } from './demo-metrics.ts';
import { DEMO_LOG_GROUPS } from './demo-resources.ts';
import type { Command } from './logs-insights/ast.ts';
import { evaluate } from './logs-insights/evaluate.ts';
import { parseQuery } from './logs-insights/parse-query.ts';
import { QuerySyntaxError, QueryUnsupportedError } from './logs-insights/query-error.ts';

/**
 * Demo Logs Insights: synthetic events for three groups (demo-log-events.ts), with the same
 * incident as the demo metrics, and a real evaluator for a subset of the query language
 * (logs-insights/). A query outside the subset is refused with what is not supported; a malformed
 * one gets the same error, and where, as Logs Insights' MalformedQueryException gives on AWS.
 * Queries go Scheduled → Running → Complete.
 */

export const DEMO_QUERY_SUBSET =
  'fields, display, filter (like, =~, =, !=, <, >, and, or, not, ispresent), parse, stats (count, count_distinct, avg, sum, min, max … by bin() or fields), sort, limit and dedup';

/** The query is Logs Insights, but more than the demo evaluates: said plainly rather than answered wrongly. */
export class DemoUnsupportedQueryError extends RequestRejectedError {
  override name = 'DemoUnsupportedQueryError';
  constructor(feature: string) {
    super(
      `The demo data source does not support ${feature}. It runs ${DEMO_QUERY_SUBSET}; against AWS (DATA_SOURCE=aws) the whole query language works.`,
    );
  }
}

const SAVED: SavedQuery[] = [
  {
    name: 'checkout errors',
    logGroupNames: ['/aws/lambda/checkout-api'],
    queryString: 'fields @timestamp, @message\n| filter @message like /ERROR/\n| sort @timestamp desc\n| limit 50',
  },
  {
    name: 'web 5xx by 5 minutes',
    logGroupNames: ['/ecs/public-web'],
    queryString: 'filter @message like / 5\\d\\d /\n| stats count(*) as errors by bin(5m)',
  },
];

/** Logs Insights' own default and maximum page of rows. */
const MAX_ROWS = 10_000;

/** Parses as StartQuery would: a query that cannot run never gets an id. */
function compile(queryString: string): Command[] {
  try {
    return parseQuery(queryString);
  } catch (error) {
    if (error instanceof QuerySyntaxError) {
      throw new MalformedQueryError(error.message, queryString, error.span, { cause: error });
    }
    if (error instanceof QueryUnsupportedError) throw new DemoUnsupportedQueryError(error.feature);
    throw error;
  }
}

function run(
  request: LogsQueryRequest,
  commands: Command[],
  incident: number,
  now: Date,
): Omit<QueryResults, 'status'> {
  // No log line is written after now, whatever window is asked for.
  const end = Math.min(request.end.getTime(), now.getTime());
  const events = demoLogEvents(request.logGroupNames, request.start.getTime(), end, incident);
  const bytes = events.reduce((sum, e) => sum + (e.values['@message']?.length ?? 0) + 26, 0);
  const result = evaluate(commands, events, Math.min(request.limit ?? MAX_ROWS, MAX_ROWS));
  return {
    fields: result.fields,
    rows: result.rows,
    statistics: { recordsMatched: result.recordsMatched, recordsScanned: events.length, bytesScanned: bytes },
  };
}

interface RunningQuery {
  request: LogsQueryRequest;
  commands: Command[];
  polls: number;
  stopped: boolean;
  result?: Omit<QueryResults, 'status'>;
}

export function createDemoLogs(options: { now?: () => Date } = {}): LogsPort {
  const now = options.now ?? (() => new Date());
  const queries = new Map<string, RunningQuery>();
  let next = 0;
  return {
    async startQuery(request) {
      const unknown = request.logGroupNames.filter((g) => !DEMO_LOG_GROUPS.includes(g));
      if (unknown.length > 0) {
        throw new LogGroupNotFoundError(
          `Log group ${unknown.map((g) => inlineCode(g)).join(', ')} does not exist in the demo. It has ${DEMO_LOG_GROUPS.map((g) => inlineCode(g)).join(', ')}.`,
          unknown,
        );
      }
      const commands = compile(request.queryString);
      next += 1;
      const id = `demo-query-${next}`;
      queries.set(id, { request, commands, polls: 0, stopped: false });
      return id;
    },
    async getQueryResults(queryId) {
      const query = queries.get(queryId);
      if (!query) throw new Error(`Unknown query ${queryId}`);
      query.polls += 1;
      const at = now();
      query.result ??= run(query.request, query.commands, incidentStart(at), at);
      const result = query.result;
      if (query.stopped) return { ...result, status: 'Cancelled', rows: [] };
      if (query.polls === 1)
        return {
          fields: [],
          rows: [],
          statistics: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
          status: 'Scheduled',
        };
      if (query.polls === 2) {
        const half = { ...result.statistics, recordsScanned: Math.floor(result.statistics.recordsScanned / 2) };
        return { fields: [], rows: [], statistics: half, status: 'Running' };
      }
      return { ...result, status: 'Complete' };
    },
    async stopQuery(queryId) {
      const query = queries.get(queryId);
      if (query) query.stopped = true;
    },
    async listLogGroups(prefix, limit, _options, logGroupClass) {
      // Every demo log group is in the Standard class.
      if (logGroupClass === 'INFREQUENT_ACCESS') return [];
      return DEMO_LOG_GROUPS.filter((g) => g.startsWith(prefix)).slice(0, limit);
    },
    async listQueryLogGroups(queryId) {
      return queries.get(queryId)?.request.logGroupNames ?? [];
    },
    async listSavedQueries() {
      return SAVED;
    },
  };
}
