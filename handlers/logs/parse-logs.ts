import { type FlagGrammar, isFlagWord, parseFlags, SHARE_FLAG } from '../command-flags.ts';
import { decodeSlackText, straightenQuotes } from '../command-text.ts';
import { durationHint, formatDuration, formatSpan, readDuration } from '../duration.ts';
import { UserInputError } from '../errors.ts';

export const LOGS_USAGE = [
  '`/cw logs query <group|prefix*>[,…] [--since 1h] [--from ISO --to ISO] [--limit N] [--share] [<Logs Insights query>]`',
  'Example: `/cw logs query /aws/lambda/checkout-api --since 1h filter @message like /ERROR/ | sort @timestamp desc | limit 50`',
  'Flags go before the query. See `/cw help logs` for every flag, `saved` and `run`.',
].join('\n');

/** The one line that matters when `/cw logs run` went wrong. */
export const LOGS_RUN_USAGE = [
  '`/cw logs run <saved query name> [--since 1h] [--from ISO --to ISO] [--limit N] [--share]`',
  'Example: `/cw logs run checkout errors --since 3h` (`/cw logs saved` lists the names)',
  'See `/cw help logs` for every flag.',
].join('\n');

const RANGE_FLAGS = [
  { name: 'since', kind: 'duration', example: '1h' },
  { name: 'from', kind: 'value', example: '2026-11-25T09:30:00Z' },
  { name: 'to', kind: 'value', example: '2026-11-25T10:30:00Z' },
  { name: 'limit', kind: 'value', example: '50' },
  SHARE_FLAG,
] as const;

export const LOGS_QUERY_FLAGS: FlagGrammar = { command: '/cw logs query', usage: LOGS_USAGE, flags: RANGE_FLAGS };
export const LOGS_RUN_FLAGS: FlagGrammar = { command: '/cw logs run', usage: LOGS_RUN_USAGE, flags: RANGE_FLAGS };
export const LOGS_SAVED_FLAGS: FlagGrammar = { command: '/cw logs saved', usage: LOGS_USAGE, flags: [SHARE_FLAG] };

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
  /** Post the answer in the channel instead of only to the person who asked (`--share`). */
  share?: boolean;
}

export interface SavedQueryRun {
  name: string;
  range: TimeRange;
  limit: number | undefined;
  share?: boolean;
}

function fail(message: string, usage = LOGS_USAGE): never {
  throw new UserInputError(message, usage);
}

/** Splits the first whitespace-separated word off `text`, keeping the rest exactly as typed. */
function nextWord(text: string): [string, string] {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text);
  return match ? [match[1] ?? '', match[2] ?? ''] : ['', ''];
}

interface Options {
  range: TimeRange;
  limit: number | undefined;
  share: boolean;
  rest: string;
}

/** Reads the flags from the front of `text` (the shared grammar); what follows is the query, as typed. */
function readOptions(text: string, grammar: FlagGrammar): Options {
  const words = text.trim() === '' ? [] : text.trim().split(/\s+/);
  const flags = parseFlags(words, grammar, 'leading');
  let rest = text.trim();
  for (let n = 0; n < flags.consumed; n++) rest = nextWord(rest)[1];
  const since = flags.values.get('since');
  const fromText = flags.values.get('from');
  const toText = flags.values.get('to');
  const limitText = flags.values.get('limit');
  let sinceSeconds: number | undefined;
  let sinceText: string | undefined;
  if (since !== undefined) {
    const duration = readDuration(since);
    if (duration === undefined) throw new UserInputError(durationHint(since, '--since'), grammar.usage);
    ({ seconds: sinceSeconds, text: sinceText } = duration);
  }
  const from = fromText === undefined ? undefined : parseTime(fromText, '--from');
  const to = toText === undefined ? undefined : parseTime(toText, '--to');
  let limit: number | undefined;
  if (limitText !== undefined) {
    limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      fail(`\`--limit\` is a whole number from 1 to ${MAX_LIMIT}.`, grammar.usage);
  }
  if (sinceSeconds !== undefined && (from || to)) fail('Use either `--since` or `--from`/`--to`, not both.');
  if (to && !from) fail('`--to` needs a `--from`.');
  const range: TimeRange = from
    ? { from, ...(to ? { to } : {}) }
    : { sinceSeconds: sinceSeconds ?? DEFAULT_SINCE_SECONDS, ...(sinceText === undefined ? {} : { sinceText }) };
  return { range, limit, share: flags.set.has('share'), rest: rest.trim() };
}

function parseTime(text: string, flag: string): Date {
  const ms = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) fail(`\`${flag} ${text}\` is not a time. Use ISO 8601, e.g. 2026-11-25T09:30:00Z.`);
  return new Date(ms);
}

/** Parses the text after `/cw logs query`. */
export function parseLogsQuery(raw: string): LogsQuery {
  const text = decodeSlackText(raw).trim();
  let [groupList, afterGroups] = nextWord(text);
  if (!groupList || isFlagWord(groupList, LOGS_QUERY_FLAGS))
    fail('Which log group? Name one or more, separated by commas.');
  // `/a, /b` and `/a ,/b`: a space beside a comma still continues the list.
  for (;;) {
    const [next, after] = nextWord(afterGroups);
    if (!next || isFlagWord(next, LOGS_QUERY_FLAGS) || !(groupList.endsWith(',') || next.startsWith(','))) break;
    groupList += next;
    afterGroups = after;
  }
  const logGroupNames = [...new Set(groupList.split(',').map((g) => g.trim()))];
  if (logGroupNames.some((g) => g === '')) fail(`\`${groupList}\` has an empty log group name.`);
  const badStar = logGroupNames.find((g) => g.slice(0, -1).includes('*') || g === '*');
  if (badStar) fail(`\`${badStar}\`: a \`*\` may only end a prefix, like /aws/lambda/checkout-*.`);
  if (logGroupNames.length > MAX_GROUPS) fail(`At most ${MAX_GROUPS} log groups per query.`);
  const { range, limit, share, rest } = readOptions(afterGroups, LOGS_QUERY_FLAGS);
  // Logs Insights only knows straight quotes.
  const queryString = rest ? straightenQuotes(rest) : defaultQuery(limit);
  return { logGroupNames, range, limit, queryString, share };
}

/** Parses the text after `/cw logs run`. */
export function parseSavedQueryRun(raw: string): SavedQueryRun {
  const text = decodeSlackText(raw).trim();
  // A saved query's name may contain spaces: everything up to the first flag is the name.
  const words = text === '' ? [] : text.split(/\s+/);
  const at = words.findIndex((word) => isFlagWord(word, LOGS_RUN_FLAGS));
  const name = (at < 0 ? words : words.slice(0, at)).join(' ');
  if (!name) fail('Which saved query? `/cw logs saved` lists them.', LOGS_RUN_USAGE);
  const { range, limit, share, rest } = readOptions(at < 0 ? '' : words.slice(at).join(' '), LOGS_RUN_FLAGS);
  if (rest) fail(`Unexpected \`${rest.slice(0, 40)}\` after the flags.`, LOGS_RUN_USAGE);
  return { name, range, limit, share };
}

/** Parses the text after `/cw logs saved`: only `--share`. */
export function parseSavedList(raw: string): { share: boolean } {
  const words = decodeSlackText(raw)
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const flags = parseFlags(words, LOGS_SAVED_FLAGS);
  if (flags.positional.length > 0)
    fail(`Unexpected \`${flags.positional.join(' ').slice(0, 40)}\`: \`/cw logs saved\` lists every saved query.`);
  return { share: flags.set.has('share') };
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
