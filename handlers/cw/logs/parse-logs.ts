import {
  type FlagGrammar,
  type FlagSpec,
  HELP_FLAG,
  HelpRequested,
  isFlagWord,
  isHelpWord,
  parseFlags,
  readFlagWord,
  SHARE_FLAG,
} from '../../command-flags.ts';
import { decodeSlackText, echo, straightenQuotes, stripCodeFences, stripInlineCode } from '../../command-text.ts';
import { durationHint, formatDuration, formatSpan, readDuration } from '../../duration.ts';
import { UserInputError } from '../../errors.ts';
import { type Account, REGION_FLAG, SCOPE_FLAGS, type TypedScope, typedScope } from '../../scope.ts';
import { readQueryScope } from './query-scope.ts';

export const LOGS_USAGE = [
  '`/cw logs query <group|prefix*>[,…] [--since 1h] [--from ISO --to ISO] [--limit N] [--region eu-west-1] [--account prod] [--share] [<Logs Insights query>]`',
  'Example: `/cw logs query /aws/lambda/checkout-api --since 1h filter @message like /ERROR/ | sort @timestamp desc | limit 50`',
  'Flags go before or after the query. See `/cw help logs` for every flag, `saved` and `run`.',
].join('\n');

/** The one line that matters when `/cw logs run` went wrong. */
export const LOGS_RUN_USAGE = [
  '`/cw logs run <saved query name> [--since 1h] [--from ISO --to ISO] [--limit N] [--region eu-west-1] [--account prod] [--share]`',
  'Example: `/cw logs run checkout errors --since 3h` (`/cw logs saved` lists the names)',
  'See `/cw help logs` for every flag.',
].join('\n');

const RANGE_FLAGS: readonly FlagSpec[] = [
  { name: 'since', kind: 'duration', example: '1h' },
  { name: 'from', kind: 'value', example: '2026-11-25T09:30:00Z' },
  { name: 'to', kind: 'value', example: '2026-11-25T10:30:00Z' },
  { name: 'limit', kind: 'value', example: '50' },
  SHARE_FLAG,
  ...SCOPE_FLAGS,
];

export const LOGS_QUERY_FLAGS: FlagGrammar = { command: '/cw logs query', usage: LOGS_USAGE, flags: RANGE_FLAGS };
export const LOGS_RUN_FLAGS: FlagGrammar = { command: '/cw logs run', usage: LOGS_RUN_USAGE, flags: RANGE_FLAGS };
/** Saved queries are defined in the account the bot runs in (a cross-account query's must be): a Region only. */
export const LOGS_SAVED_FLAGS: FlagGrammar = {
  command: '/cw logs saved',
  usage: LOGS_USAGE,
  flags: [SHARE_FLAG, REGION_FLAG],
};

export const DEFAULT_LIMIT = 20;
/**
 * The query run when none is typed: the latest messages, as many as `--limit` asks (its own `limit`
 * would win). With several groups it names `@log`, or rows from different groups cannot be told apart.
 */
export function defaultQuery(limit = DEFAULT_LIMIT, groupCount = 1): string {
  const log = groupCount > 1 ? '@log, ' : '';
  return `fields @timestamp, ${log}@message | sort @timestamp desc | limit ${limit}`;
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
  /** What the answer must say about how the range was read (`--from` without a zone read as UTC). */
  notes?: string[];
}

export interface LogsQuery {
  logGroupNames: string[];
  range: TimeRange;
  limit: number | undefined;
  queryString: string;
  /** No query was typed: `queryString` is {@link defaultQuery}'s, redone once prefixes name the groups. */
  defaultQuery?: boolean;
  /** Post the answer in the channel instead of only to the person who asked (`--share`). */
  share?: boolean;
  /** `--region` and `--account` as typed; the plan decides the scope (handlers/scope.ts). */
  scope?: TypedScope;
  /** Once the plan decided: the linked account whose groups are read (by ARN). */
  account?: Account;
}

export interface SavedQueryRun {
  name: string;
  range: TimeRange;
  limit: number | undefined;
  share?: boolean;
  scope?: TypedScope;
  account?: Account;
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
  scope?: TypedScope;
  rest: string;
}

/** A word of a Logs Insights query, where it is in the text, and whether it began outside a string or regex. */
interface QueryWord {
  text: string;
  start: number;
  end: number;
  /** Began outside quotes and `/regex/`: only such a word can be a flag. */
  plain: boolean;
}

/** Whether a `/` after `before` opens a regex (`like /x/`, `=~ /x/`, `parse @message /…/`) rather than divides. */
function opensRegex(before: string): boolean {
  const prev = before.trimEnd();
  return prev === '' || /[(,=~!|]$/.test(prev) || /(?:^|\s)(?:like|parse)$/i.test(prev);
}

/**
 * Splits a query into whitespace-separated words, as Logs Insights reads it: whitespace inside
 * `"…"`, `'…'`, `` `…` `` or a `/regex/` does not split, so `like /a --b/` and `"a --b"` stay one word.
 */
export function queryWords(text: string): QueryWord[] {
  const words: QueryWord[] = [];
  let close: string | undefined;
  let start = -1;
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (close !== undefined) {
      if (ch === '\\') i++;
      else if (ch === close) close = undefined;
      continue;
    }
    if (/\s/.test(ch)) {
      if (start >= 0) words.push({ text: text.slice(start, i), start, end: i, plain });
      start = -1;
      continue;
    }
    const opens = ch === '"' || ch === "'" || ch === '`' || (ch === '/' && opensRegex(text.slice(0, i)));
    if (start < 0) {
      start = i;
      plain = !opens;
    }
    if (opens) close = ch;
  }
  if (start >= 0) words.push({ text: text.slice(start), start, end: text.length, plain });
  return words;
}

/**
 * Whether a query word starts the trailing flags: Logs Insights has no `--` syntax, so a `--word`
 * outside strings and regexes is a flag (declared or a typo to refuse); a `-word` only when it names
 * a flag exactly (`x -limit` could be arithmetic on a field).
 */
function startsTrailingFlags(word: QueryWord, grammar: FlagGrammar): boolean {
  if (!word.plain) return false;
  const flag = readFlagWord(word.text);
  if (!flag) return false;
  if (!flag.singleDash) return true;
  return [...grammar.flags, HELP_FLAG].some((f) => f.name === flag.name || f.aliases?.includes(flag.name));
}

/**
 * Reads the flags of `text` (the shared grammar): those before the query and those after it
 * (`… | limit 5 --share`), as on every other command. What lies between is the query, as typed.
 */
function readOptions(text: string, grammar: FlagGrammar): Options {
  // Logs Insights only knows straight quotes, and the words are split as it reads them.
  const trimmed = straightenQuotes(text).trim();
  const words = queryWords(trimmed);
  const leading = parseFlags(
    words.map((w) => w.text),
    grammar,
    'leading',
  ).consumed;
  let tail = words.length;
  for (let i = leading; i < words.length; i++) {
    const word = words[i];
    if (word && startsTrailingFlags(word, grammar)) {
      tail = i;
      break;
    }
  }
  const flagWords = [...words.slice(0, leading), ...words.slice(tail)].map((w) => w.text);
  const flags = parseFlags(flagWords, grammar);
  const [stray] = flags.positional;
  if (stray !== undefined) {
    fail(
      `\`${stray.slice(0, 40)}\` comes after the flags; put the query before or after the flags, not among them.`,
      grammar.usage,
    );
  }
  const first = words[leading];
  const last = words[tail - 1];
  const rest = first && last && tail > leading ? trimmed.slice(first.start, last.end) : '';
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
  const fromTime = fromText === undefined ? undefined : parseTime(fromText, '--from', grammar.usage);
  const toTime = toText === undefined ? undefined : parseTime(toText, '--to', grammar.usage);
  const from = fromTime?.date;
  const to = toTime?.date;
  const notes = [fromTime?.note, toTime?.note].filter((n): n is string => n !== undefined);
  let limit: number | undefined;
  if (limitText !== undefined) {
    limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      fail(`\`--limit\` is a whole number from 1 to ${MAX_LIMIT}.`, grammar.usage);
  }
  if (sinceSeconds !== undefined && (from || to)) fail('Use either `--since` or `--from`/`--to`, not both.');
  if (to && !from) fail('`--to` needs a `--from`.');
  const range: TimeRange = from
    ? { from, ...(to ? { to } : {}), ...(notes.length > 0 ? { notes } : {}) }
    : { sinceSeconds: sinceSeconds ?? DEFAULT_SINCE_SECONDS, ...(sinceText === undefined ? {} : { sinceText }) };
  return { range, limit, share: flags.set.has('share'), ...typedScope(flags.values), rest: rest.trim() };
}

/**
 * `2026-11-25T09:30:00Z`, `…+09:00`, `2026-11-25 09:30` (the flag parser keeps the two words
 * together), `2026-11-25T09:30` or a bare date. Without a zone the time is read as UTC (what
 * Logs Insights shows), never as the server's local time, and the answer says so.
 */
const TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseTime(text: string, flag: string, usage: string): { date: Date; note?: string } {
  const bad = (): never =>
    fail(`\`${flag} ${text}\` is not a time. Use ISO 8601 with a \`T\`, e.g. 2026-11-25T09:30:00Z.`, usage);
  const match = TIME.exec(text.trim());
  if (!match) return bad();
  const [, y = '', mo = '', d = '', h = '0', mi = '0', sec = '0', frac = '', zone] = match;
  const offset = zoneOffsetMinutes(zone);
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec));
  const check = new Date(utc);
  // Date.UTC rolls 2026-02-30 over to March: a day or hour that does not exist is a typo.
  if (
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    check.getUTCHours() !== Number(h) ||
    check.getUTCMinutes() !== Number(mi) ||
    check.getUTCSeconds() !== Number(sec)
  )
    return bad();
  const date = new Date(utc + Math.round(Number(frac || '0') * 1000) - offset * 60_000);
  if (zone !== undefined) return { date };
  return { date, note: `\`${flag} ${text}\` has no time zone: read as UTC.` };
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (zone === undefined || /^(?:z|utc|gmt)$/i.test(zone)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  const sign = match?.[1] === '-' ? -1 : 1;
  return sign * (Number(match?.[2] ?? 0) * 60 + Number(match?.[3] ?? 0));
}

/** Parses the text after `/cw logs query`. */
export function parseLogsQuery(raw: string): LogsQuery {
  const text = decodeSlackText(stripCodeFences(raw)).trim();
  let [groupList, afterGroups] = nextWord(text);
  if (/^source$/i.test(groupList) && /^log\s*groups\b/i.test(afterGroups)) {
    // `SOURCE logGroups(namePrefix: […]) | …` names the groups in the query: read it, and check it, as a query.
    const { range, limit, share, rest } = readOptions(text, LOGS_QUERY_FLAGS);
    const queryString = unwrapInlineCode(rest);
    readQueryScope(queryString);
    return { logGroupNames: [], range, limit, queryString, share };
  }
  if (!groupList || isFlagWord(groupList, LOGS_QUERY_FLAGS)) {
    // The flags are read anyway: `--help` shows the help, a mistyped flag says so.
    readOptions(text, LOGS_QUERY_FLAGS);
    fail('Which log group? Name one or more, separated by commas.');
  }
  groupList = stripInlineCode(groupList);
  // `/a, /b` and `/a ,/b`: a space beside a comma still continues the list.
  for (;;) {
    const [next, after] = nextWord(afterGroups);
    if (!next || isFlagWord(next, LOGS_QUERY_FLAGS) || !(groupList.endsWith(',') || next.startsWith(','))) break;
    groupList += stripInlineCode(next);
    afterGroups = after;
  }
  const { range, limit, share, scope, rest } = readOptions(afterGroups, LOGS_QUERY_FLAGS);
  const logGroupNames = [...new Set(groupList.split(',').map((g) => g.trim()))];
  if (logGroupNames.some((g) => g === '')) fail(`\`${groupList}\` has an empty log group name.`);
  const badStar = logGroupNames.find((g) => g.slice(0, -1).includes('*') || g === '*');
  if (badStar) fail(`\`${badStar}\`: a \`*\` may only end a prefix, like /aws/lambda/checkout-*.`);
  if (logGroupNames.length > MAX_GROUPS) fail(`At most ${MAX_GROUPS} log groups per query.`);
  const query = unwrapInlineCode(rest);
  // A query that chooses its own log groups is read (or refused) here, in the ack.
  readQueryScope(query);
  const queryString = query || defaultQuery(limit, logGroupNames.length);
  return {
    logGroupNames,
    range,
    limit,
    queryString,
    ...(query ? {} : { defaultQuery: true }),
    share,
    ...(scope ? { scope } : {}),
  };
}

/**
 * A query sent as Slack inline code (`` `filter … | limit 2` ``) is unwrapped: no Logs Insights
 * query begins with a backtick, and inline code cannot hold one, so the pair is formatting.
 * Backticks inside a query (around a field name, `` `@message` ``) are the query's own.
 */
export function unwrapInlineCode(query: string): string {
  const match = /^`([^`]+)`$/.exec(query.trim());
  return match ? (match[1] ?? '').trim() : query;
}

function unquote(text: string): string {
  const match = /^(["'])(.*)\1$/.exec(text.trim());
  return (match ? (match[2] ?? '') : text).trim();
}

/** Parses the text after `/cw logs run`. */
export function parseSavedQueryRun(raw: string): SavedQueryRun {
  const text = decodeSlackText(raw).trim();
  // A saved query's name may contain spaces: everything up to the first flag is the name.
  const words = text === '' ? [] : text.split(/\s+/);
  const at = words.findIndex((word) => isFlagWord(word, LOGS_RUN_FLAGS));
  // `"checkout errors"` (or in curly quotes): the quotes mark the name's bounds, as in `/cw metrics`.
  const name = unquote(straightenQuotes((at < 0 ? words : words.slice(0, at)).map(stripInlineCode).join(' ')));
  if (words.some(isHelpWord)) throw new HelpRequested(LOGS_RUN_FLAGS.command);
  if (!name) fail('Which saved query? `/cw logs saved` lists them.', LOGS_RUN_USAGE);
  const { range, limit, share, scope, rest } = readOptions(at < 0 ? '' : words.slice(at).join(' '), LOGS_RUN_FLAGS);
  if (rest) fail(`Unexpected \`${echo(rest)}\` after the flags.`, LOGS_RUN_USAGE);
  return { name, range, limit, share, ...(scope ? { scope } : {}) };
}

/** Parses the text after `/cw logs saved`: only `--share`. */
export function parseSavedList(raw: string): { share: boolean; scope?: TypedScope } {
  const words = decodeSlackText(raw)
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const flags = parseFlags(words, LOGS_SAVED_FLAGS);
  if (flags.positional.length > 0)
    fail(`Unexpected \`${echo(flags.positional.join(' '))}\`: \`/cw logs saved\` lists every saved query.`);
  return { share: flags.set.has('share'), ...typedScope(flags.values) };
}

export interface ResolvedRange {
  start: Date;
  end: Date;
  /** What the answer must say about the window: a `--to` clipped to now, a time read as UTC. */
  notes?: string[];
}

function utcText(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Resolves a range against the clock and the allowed maximum. A window never ends after now (there
 * are no logs from the future, and a window that does would read as longer than what was searched):
 * a `--to` ahead is clipped to now and the answer says so; a `--from` ahead is refused.
 */
export function resolveRange(range: TimeRange, now: Date, maxRangeSeconds: number): ResolvedRange {
  const notes = [...(range.notes ?? [])];
  if (range.from && range.from > now) {
    fail(`\`--from\` is in the future (${utcText(range.from)}); the latest it can be is now (${utcText(now)}).`);
  }
  let end = range.to ?? now;
  if (end > now) {
    notes.push(`\`--to\` ${utcText(end)} is in the future: the window ends now.`);
    end = now;
  }
  const start = range.from ?? new Date(now.getTime() - (range.sinceSeconds ?? DEFAULT_SINCE_SECONDS) * 1000);
  if (start >= end) fail('`--from` must be before `--to`.');
  const seconds = (end.getTime() - start.getTime()) / 1000;
  if (seconds > maxRangeSeconds) {
    const asked = range.from ? formatSpan(seconds) : (range.sinceText ?? formatDuration(seconds));
    fail(
      `That asks for ${asked} of logs; one query may read at most ${formatDuration(maxRangeSeconds)} here. Narrow the range.`,
    );
  }
  return { start, end, ...(notes.length > 0 ? { notes } : {}) };
}
