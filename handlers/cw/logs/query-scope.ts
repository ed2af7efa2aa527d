import { UserInputError } from '../../errors.ts';

/**
 * Which log groups a Logs Insights query reads is the bot's to decide, never the query text's.
 * A leading `SOURCE logGroups(namePrefix: […], class: […])` is read into prefixes the allowlist checks
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Source.html) and taken
 * out of the text; StartQuery then gets only explicit names. Every other way a text could choose its
 * log groups (SOURCE elsewhere, `logGroups(…)` in any language, SQL `FROM`, PPL `source=`) is refused,
 * read pessimistically: anywhere in the text, strings and comments included, since a reading that
 * differs from Logs Insights' own by one quote must not open a way around the allowlist.
 */

/** The log classes `SOURCE … class:` names (DescribeLogGroups' `logGroupClass` filter). */
export type SourceLogClass = 'STANDARD' | 'INFREQUENT_ACCESS';

export interface QueryScope {
  /** The SOURCE command's name prefixes, as typed (no `*`). */
  prefixes: string[];
  /** The SOURCE command's classes; SOURCE reads Standard when it names none. */
  classes: SourceLogClass[];
  /** The query without its SOURCE command, as Logs Insights will get it. */
  queryString: string;
}

export const SOURCE_USAGE = [
  "`/cw logs query SOURCE logGroups(namePrefix: ['<prefix>', …]) | <Logs Insights query>` or name the groups: `/cw logs query <group|prefix*>[,…] <query>`",
  "Example: `/cw logs query SOURCE logGroups(namePrefix: ['/aws/lambda/checkout-']) | filter @message like /ERROR/`",
].join('\n');

/** SOURCE takes at most five prefixes (the AWS page above). */
export const MAX_SOURCE_PREFIXES = 5;

function refuse(message: string): never {
  throw new UserInputError(message, SOURCE_USAGE);
}

/** Leading blank lines and `#` comment lines, which Logs Insights skips before the first command. */
const LEADING_COMMENTS = /^(?:\s*#[^\n]*(?:\n|$)|\s+)*/;

interface Cursor {
  text: string;
  at: number;
}

function skipSpace(c: Cursor): void {
  while (c.at < c.text.length && /\s/.test(c.text[c.at] ?? '')) c.at++;
}

function expect(c: Cursor, token: string, what: string): void {
  skipSpace(c);
  if (c.text.slice(c.at, c.at + token.length) !== token) refuse(`${what} The SOURCE command could not be read.`);
  c.at += token.length;
}

function readWord(c: Cursor): string {
  skipSpace(c);
  const match = /^[A-Za-z_]\w*/.exec(c.text.slice(c.at));
  const word = match?.[0] ?? '';
  c.at += word.length;
  return word;
}

/** A quoted list `['a', "b"]`: plain quotes, no escapes (a backslash would make the reading uncertain). */
function readList(c: Cursor, key: string): string[] {
  expect(c, '[', `\`${key}\` takes a list in brackets, like \`${key}: ['…']\`.`);
  const values: string[] = [];
  for (;;) {
    skipSpace(c);
    if (c.text[c.at] === ']' && values.length === 0) break;
    const quote = c.text[c.at];
    if (quote !== "'" && quote !== '"') refuse(`\`${key}\` takes quoted values, like \`${key}: ['…']\`.`);
    const close = c.text.indexOf(quote, c.at + 1);
    if (close < 0) refuse(`A quote in \`${key}\` is not closed.`);
    const value = c.text.slice(c.at + 1, close);
    if (value.includes('\\')) refuse(`\`${key}\` values may not contain a backslash.`);
    values.push(value);
    c.at = close + 1;
    skipSpace(c);
    if (c.text[c.at] === ',') {
      c.at++;
      continue;
    }
    break;
  }
  expect(c, ']', `\`${key}\`'s list is not closed with \`]\`.`);
  return values;
}

const LOG_GROUP_PREFIX = /^[\w#./-]+$/;

/** Reads `SOURCE logGroups(…)` at `c.at`; the cursor ends after its `)`. */
function readSource(c: Cursor): { prefixes: string[]; classes: SourceLogClass[] } {
  readWord(c); // SOURCE
  if (readWord(c).toLowerCase() !== 'loggroups')
    refuse('`SOURCE` is followed by `logGroups(…)` here; other sources cannot be checked against the allowlist.');
  expect(c, '(', '`logGroups` is followed by `(`.');
  const seen = new Map<string, string[]>();
  skipSpace(c);
  while (c.text[c.at] !== ')') {
    const key = readWord(c);
    const name = key.toLowerCase();
    if (!['nameprefix', 'accountidentifiers', 'accountidentifier', 'class', 'loggroupclass'].includes(name))
      refuse(`\`${key || c.text.slice(c.at, c.at + 20)}\` is not something SOURCE logGroups(…) takes here.`);
    const canonical = name.startsWith('account') ? 'account' : name.endsWith('class') ? 'class' : name;
    if (seen.has(canonical)) refuse(`\`${key}\` is given twice.`);
    expect(c, ':', `\`${key}\` is followed by \`:\`.`);
    seen.set(canonical, readList(c, key));
    skipSpace(c);
    if (c.text[c.at] === ',') c.at++;
    else if (c.text[c.at] !== ')') refuse('`logGroups(…)` is not closed with `)`.');
    skipSpace(c);
  }
  c.at++;
  if (seen.has('account'))
    refuse(
      "`accountIdentifiers` picks other accounts' log groups; this bot reads only the allowed log groups of its own account.",
    );
  const prefixes = seen.get('nameprefix') ?? [];
  if (prefixes.length === 0)
    refuse(
      '`SOURCE logGroups()` without `namePrefix` selects every log group in the account (and in linked accounts), more than the allowlist lets me read.',
    );
  if (prefixes.length > MAX_SOURCE_PREFIXES) refuse(`SOURCE takes at most ${MAX_SOURCE_PREFIXES} name prefixes.`);
  const bad = prefixes.find((p) => !LOG_GROUP_PREFIX.test(p));
  if (bad !== undefined) refuse(`\`${bad.slice(0, 60)}\` is not a log group name prefix.`);
  const classes = (seen.get('class') ?? ['STANDARD']).map((v) => v.toUpperCase());
  const badClass = classes.find((v) => v !== 'STANDARD' && v !== 'INFREQUENT_ACCESS');
  if (badClass !== undefined) refuse(`\`${badClass.slice(0, 40)}\` is not a log class: STANDARD or INFREQUENT_ACCESS.`);
  return { prefixes: [...new Set(prefixes)], classes: [...new Set(classes)] as SourceLogClass[] };
}

/** What in a query text could choose log groups, wherever it stands; each is refused with why. */
const SCOPE_MARKERS: { pattern: RegExp; why: string }[] = [
  {
    pattern: /log\s*groups\s*\(/i,
    why: '`logGroups(…)` chooses log groups; only one SOURCE command, first in the query, is read (and checked) here',
  },
  {
    pattern: /(?:^|[|\n\r\u2028\u2029])\s*(?:search\s+)?source\b/i,
    why: 'a `SOURCE` (or PPL `source=`) command chooses log groups; only one SOURCE command, first in the query, is read (and checked) here',
  },
  {
    pattern: /^\s*(?:select|with)\b/i,
    why: 'that reads as OpenSearch SQL, whose `FROM` chooses log groups; `/cw logs query` runs Logs Insights QL on the groups you name',
  },
  { pattern: /\bfrom\s*[`(]/i, why: 'an SQL `FROM` chooses log groups; name them with the command instead' },
];

/**
 * Reads a query's own choice of log groups: a leading SOURCE becomes prefixes (taken out of the
 * text); any other choice, or one that cannot be read for sure, is refused before any AWS call.
 */
export function readQueryScope(queryString: string): QueryScope {
  const lead = LEADING_COMMENTS.exec(queryString)?.[0] ?? '';
  let prefixes: string[] = [];
  let classes: SourceLogClass[] = [];
  let rest = queryString;
  const first = queryString.slice(lead.length);
  if (/^(?:search\s+)?source\b/i.test(first) && !/^source\s+log\s*groups\b/i.test(first))
    refuse(
      "A query may begin with `SOURCE` only as `SOURCE logGroups(namePrefix: ['…'])`, which I check against the allowlist; to name log groups, put them before the query.",
    );
  if (/^source\s+log\s*groups\b/i.test(first)) {
    const c: Cursor = { text: queryString, at: lead.length };
    ({ prefixes, classes } = readSource(c));
    const after = queryString.slice(c.at).replace(/^\s*/, '');
    if (after !== '' && !after.startsWith('|'))
      refuse('After `SOURCE logGroups(…)` comes `|` and the rest of the query.');
    rest = `${queryString.slice(0, lead.length)}${after.replace(/^\|\s*/, '')}`;
  }
  for (const { pattern, why } of SCOPE_MARKERS) {
    if (pattern.test(rest)) refuse(`I can't run that query: ${why} (even inside a string or a comment, to be safe).`);
  }
  return { prefixes, classes, queryString: rest.trim() };
}
