import { UserInputError } from '../../handlers/errors.ts';
import { LOGS_USAGE } from '../../handlers/logs/parse-logs.ts';
import type { LogsPort, LogsQueryRequest, QueryResults, SavedQuery } from '../../handlers/ports.ts';
import { incidentStart } from './demo-metrics.ts';

/**
 * Demo Logs Insights: synthetic log events for three groups, with the same incident as the demo
 * metrics. It understands a small part of the query language, enough to try the command:
 * `fields`, `filter @message like /re/` (or "text"), `sort @timestamp asc|desc`, `limit N` and
 * `stats count(*) by bin(5m)`; other commands are ignored. Queries go Scheduled → Running → Complete.
 */

import { DEMO_LOG_GROUPS } from './demo-resources.ts';

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

type Event = { '@timestamp': string; '@message': string; '@logStream': string; '@log': string };

const STEP_MS = 30_000;

function eventAt(group: string, t: number, incident: number): Event {
  const during = t >= incident && t < incident + 25 * 60_000;
  const n = Math.floor(t / STEP_MS);
  const stamp = new Date(t).toISOString().replace('T', ' ').replace('Z', '');
  let message: string;
  if (group.endsWith('checkout-api')) {
    message =
      during && n % 2 === 0
        ? `ERROR Task timed out: connection pool exhausted (orders-db) requestId=${(n * 7919).toString(16)}`
        : `INFO order placed order_id=${100000 + n} duration_ms=${180 + (n % 40)}`;
  } else if (group.endsWith('image-resizer')) {
    message = `INFO resized image key=uploads/${n % 997}.jpg bytes=${20000 + (n % 5000)} duration_ms=${900 + (n % 120)}`;
  } else {
    const status = during && n % 3 === 0 ? 502 : 200;
    message = `10.0.${n % 255}.${n % 7} "GET /checkout HTTP/1.1" ${status} ${status === 200 ? 1234 : 0} ${status === 200 ? '0.12' : '1.60'}`;
  }
  return {
    '@timestamp': stamp,
    '@message': message,
    '@logStream': `2026/11/25/[$LATEST]${(n % 4).toString(16)}`,
    '@log': `123456789012:${group}`,
  };
}

interface Pipeline {
  fields?: string[];
  filter?: RegExp;
  sortDesc: boolean;
  limit?: number;
  binMinutes?: number;
  countAs?: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The commands the demo understands, each with what it sets on the pipeline. */
const COMMANDS: [RegExp, (m: RegExpExecArray, p: Pipeline) => void][] = [
  [
    /^fields\s+(.+)$/is,
    (m, p) => {
      p.fields = (m[1] ?? '').split(',').map((f) => f.trim());
    },
  ],
  [
    /^filter\s+@message\s+like\s+\/(.+)\/$/is,
    (m, p) => {
      p.filter = compile(m[1] ?? '');
    },
  ],
  [
    /^filter\s+@message\s+like\s+"(.+)"$/is,
    (m, p) => {
      p.filter = compile(escapeRegExp(m[1] ?? ''));
    },
  ],
  [
    /^sort\s+@timestamp\s+(asc|desc)$/i,
    (m, p) => {
      p.sortDesc = (m[1] ?? '').toLowerCase() === 'desc';
    },
  ],
  [
    /^limit\s+(\d+)$/i,
    (m, p) => {
      p.limit = Number(m[1]);
    },
  ],
  [
    /^stats\s+count\(\*\)(?:\s+as\s+(\w+))?\s+by\s+bin\((\d+)m\)$/i,
    (m, p) => {
      p.countAs = m[1] ?? 'count(*)';
      p.binMinutes = Number(m[2]);
    },
  ],
];

/** A regex in the query that JavaScript cannot compile is the user's to fix, not a crash. */
function compile(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch {
    throw new UserInputError(`\`/${pattern}/\` is not a regular expression the demo can read.`, LOGS_USAGE);
  }
}

function parsePipeline(query: string): Pipeline {
  const pipeline: Pipeline = { sortDesc: true };
  for (const raw of query.split('|')) {
    const command = raw.trim();
    for (const [pattern, apply] of COMMANDS) {
      const match = pattern.exec(command);
      if (match) {
        apply(match, pipeline);
        break;
      }
    }
  }
  return pipeline;
}

function evaluate(request: LogsQueryRequest, incident: number): Omit<QueryResults, 'status'> {
  const pipeline = parsePipeline(request.queryString);
  const events: Event[] = [];
  const first = Math.ceil(request.start.getTime() / STEP_MS) * STEP_MS;
  for (const group of request.logGroupNames) {
    for (let t = first; t <= request.end.getTime(); t += STEP_MS) events.push(eventAt(group, t, incident));
  }
  const scanned = events.length;
  const bytes = events.reduce((sum, e) => sum + e['@message'].length + 120, 0);
  let matched = pipeline.filter ? events.filter((e) => pipeline.filter?.test(e['@message'])) : events;
  matched.sort((a, b) => (pipeline.sortDesc ? -1 : 1) * a['@timestamp'].localeCompare(b['@timestamp']));
  const statistics = { recordsMatched: matched.length, recordsScanned: scanned, bytesScanned: bytes };
  if (pipeline.binMinutes && pipeline.countAs) {
    const size = pipeline.binMinutes * 60_000;
    const bins = new Map<number, number>();
    for (const e of matched) {
      const bin = Math.floor(Date.parse(`${e['@timestamp']}Z`) / size) * size;
      bins.set(bin, (bins.get(bin) ?? 0) + 1);
    }
    const field = `bin(${pipeline.binMinutes}m)`;
    const rows = [...bins.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([bin, count]) => ({
        [field]: new Date(bin).toISOString().replace('T', ' ').replace('Z', ''),
        [pipeline.countAs ?? 'count']: String(count),
      }));
    return { fields: [field, pipeline.countAs], rows, statistics };
  }
  matched = matched.slice(0, Math.min(pipeline.limit ?? 10_000, request.limit ?? 10_000));
  const fields = pipeline.fields ?? ['@timestamp', '@message', '@logStream', '@log'];
  const rows = matched.map((e, i) => {
    const row: Record<string, string> = {};
    for (const f of fields) row[f] = (e as Record<string, string>)[f] ?? '';
    row['@ptr'] = `demo-${i}`;
    return row;
  });
  return { fields: [...fields, '@ptr'], rows, statistics };
}

export function createDemoLogs(options: { now?: () => Date } = {}): LogsPort {
  const now = options.now ?? (() => new Date());
  const queries = new Map<string, { request: LogsQueryRequest; polls: number; stopped: boolean }>();
  let next = 0;
  return {
    async startQuery(request) {
      const unknown = request.logGroupNames.filter((g) => !DEMO_LOG_GROUPS.includes(g));
      if (unknown.length > 0) {
        throw new UserInputError(
          `Log group ${unknown.map((g) => `\`${g}\``).join(', ')} does not exist in the demo. It has ${DEMO_LOG_GROUPS.map((g) => `\`${g}\``).join(', ')}.`,
          LOGS_USAGE,
        );
      }
      next += 1;
      const id = `demo-query-${next}`;
      queries.set(id, { request, polls: 0, stopped: false });
      return id;
    },
    async getQueryResults(queryId) {
      const query = queries.get(queryId);
      if (!query) throw new Error(`Unknown query ${queryId}`);
      query.polls += 1;
      const result = evaluate(query.request, incidentStart(now()));
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
    async listLogGroups(prefix, limit) {
      return DEMO_LOG_GROUPS.filter((g) => g.startsWith(prefix)).slice(0, limit);
    },
    async listSavedQueries() {
      return SAVED;
    },
  };
}
