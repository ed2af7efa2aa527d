import { decodeSlackText, normalizeDashes, straightenQuotes } from '../command-text.ts';
import { durationHint, formatDuration, formatSpan, readDuration } from '../duration.ts';
import { UserInputError } from '../errors.ts';

export const LOGS_USAGE = [
  '`/cw logs query <group|prefix*>[,…] [--since 15m|1h|1d] [--from ISO --to ISO] [--limit N] [<Logs Insights query>]`',
  '`/cw logs saved` lists saved queries; `/cw logs run <name> [--since …] [--limit N]` runs one on its own log groups.',
  'Options go before the query. With no query: the latest 20 messages.',
  'Example: `/cw logs query /aws/lambda/checkout-api --since 1h filter @message like /ERROR/ | sort @timestamp desc | limit 50`',
].join('\n');

export const DEFAULT_LIMIT = 20;
/** The query run when none is typed: the latest messages, as many as `--limit` asks (its own `limit` would win). */
export function defaultQuery(limit = DEFAULT_LIMIT): string {
  return `fields @timestamp, @message | sort @timestamp desc | limit ${limit}`;
}
export const DEFAULT_QUERY = defaultQuery();
/** Logs Insights returns at most 10,000 rows a page; more than that is not a chat answer. */
export const MAX_LIMIT = 10_000;
/** CloudWatch allows 50 log groups per query. */
export const MAX_GROUPS = 50;
const DEFAULT_SINCE_SECONDS = 15 * 60;

export interface TimeRange {
  /** Relative: from `sinceSeconds` ago until now. */
  sinceSeconds?: number;
  /** `--since` as typed (`3 hours`), to show back; absent for the default range. */
  sinceText?: string;
  /** Absolute. */
  from?: Date;
  to?: Date;
}

export interface LogsQuery {
  logGroupNames: string[];
  range: TimeRange;
  limit: number | undefined;
  queryString: string;
}

export interface SavedQueryRun {
  name: string;
  range: TimeRange;
  limit: number | undefined;
}

function fail(message: string): never {
  throw new UserInputError(message, LOGS_USAGE);
}

/** Splits the first whitespace-separated word off `text`, keeping the rest exactly as typed. */
function nextWord(text: string): [string, string] {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text);
  return match ? [match[1] ?? '', match[2] ?? ''] : ['', ''];
}

/** A flag as typed, with phones' autocorrected dashes (`—since`) undone. */
function asFlag(word: string): string | undefined {
  const normalized = normalizeDashes(word);
  return normalized.startsWith('--') ? normalized.toLowerCase() : undefined;
}

interface Options {
  range: TimeRange;
  limit: number | undefined;
  rest: string;
}

/** Reads `--since/--from/--to/--limit` from the front of `text`; what follows is the query. */
function readOptions(text: string): Options {
  let rest = text;
  let sinceSeconds: number | undefined;
  let sinceText: string | undefined;
  let from: Date | undefined;
  let to: Date | undefined;
  let limit: number | undefined;
  for (;;) {
    const [word, after] = nextWord(rest);
    const flag = asFlag(word);
    if (!flag) break;
    const eq = flag.indexOf('=');
    const name = eq < 0 ? flag : flag.slice(0, eq);
    let value = eq < 0 ? undefined : word.slice(word.indexOf('=') + 1);
    rest = after;
    if (value === undefined) {
      [value, rest] = nextWord(rest);
      if (!value) fail(`\`${name}\` needs a value.`);
    }
    switch (name) {
      case '--since': {
        const duration = readDuration(value);
        if (duration === undefined) fail(durationHint(value, name));
        ({ seconds: sinceSeconds, text: sinceText } = duration);
        break;
      }
      case '--from':
        from = parseTime(value, name);
        break;
      case '--to':
        to = parseTime(value, name);
        break;
      case '--limit': {
        limit = Number(value);
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
          fail(`\`--limit\` is a whole number from 1 to ${MAX_LIMIT}.`);
        break;
      }
      default:
        fail(`Unknown option \`${name}\`. Options are --since, --from, --to and --limit, before the query.`);
    }
  }
  if (sinceSeconds !== undefined && (from || to)) fail('Use either `--since` or `--from`/`--to`, not both.');
  if (to && !from) fail('`--to` needs a `--from`.');
  const range: TimeRange = from
    ? { from, ...(to ? { to } : {}) }
    : { sinceSeconds: sinceSeconds ?? DEFAULT_SINCE_SECONDS, ...(sinceText === undefined ? {} : { sinceText }) };
  return { range, limit, rest: rest.trim() };
}

function parseTime(text: string, flag: string): Date {
  const ms = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) fail(`\`${flag} ${text}\` is not a time. Use ISO 8601, e.g. 2026-11-25T09:30:00Z.`);
  return new Date(ms);
}

/** Parses the text after `/cw logs query`. */
export function parseLogsQuery(raw: string): LogsQuery {
  const text = decodeSlackText(raw).trim();
  const [groupList, afterGroups] = nextWord(text);
  if (!groupList || asFlag(groupList)) fail('Which log group? Name one or more, separated by commas.');
  const logGroupNames = [...new Set(groupList.split(',').map((g) => g.trim()))];
  if (logGroupNames.some((g) => g === '')) fail(`\`${groupList}\` has an empty log group name.`);
  const badStar = logGroupNames.find((g) => g.slice(0, -1).includes('*') || g === '*');
  if (badStar) fail(`\`${badStar}\`: a \`*\` may only end a prefix, like /aws/lambda/checkout-*.`);
  if (logGroupNames.length > MAX_GROUPS) fail(`At most ${MAX_GROUPS} log groups per query.`);
  const { range, limit, rest } = readOptions(afterGroups);
  // Logs Insights only knows straight quotes.
  const queryString = rest ? straightenQuotes(rest) : defaultQuery(limit);
  return { logGroupNames, range, limit, queryString };
}

/** Parses the text after `/cw logs run`. */
export function parseSavedQueryRun(raw: string): SavedQueryRun {
  const text = decodeSlackText(raw).trim();
  // A saved query's name may contain spaces: everything up to the first option is the name.
  const at = text.search(/\s(--|[\u2012-\u2015\u2212])[a-z]/i);
  const name = (at < 0 ? text : text.slice(0, at)).trim();
  if (!name) fail('Which saved query? `/cw logs saved` lists them.');
  const { range, limit, rest } = readOptions(at < 0 ? '' : text.slice(at).trim());
  if (rest) fail(`Unexpected \`${rest.slice(0, 40)}\` after the options.`);
  return { name, range, limit };
}

/** Resolves a range against the clock and the allowed maximum. */
export function resolveRange(range: TimeRange, now: Date, maxRangeSeconds: number): { start: Date; end: Date } {
  const end = range.to ?? now;
  const start = range.from ?? new Date(now.getTime() - (range.sinceSeconds ?? DEFAULT_SINCE_SECONDS) * 1000);
  if (start >= end) fail('`--from` must be before `--to`.');
  const seconds = (end.getTime() - start.getTime()) / 1000;
  if (seconds > maxRangeSeconds) {
    const asked = range.from ? formatSpan(seconds) : (range.sinceText ?? formatDuration(seconds));
    fail(
      `That asks for ${asked} of logs; one query may read at most ${formatDuration(maxRangeSeconds)} here. Narrow the range.`,
    );
  }
  return { start, end };
}
