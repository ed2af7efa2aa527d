import { type FlagGrammar, isFlagWord, parseFlags, readFlagWord, SHARE_FLAG } from '../../command-flags.ts';
import { echo } from '../../command-text.ts';
import { durationHint, parseDuration, readDuration } from '../../duration.ts';
import { UserInputError } from '../../errors.ts';
import type { Dimension, MetricSpec } from '../../ports.ts';
import { type Account, SCOPE_FLAGS, type TypedScope, typedScope } from '../../scope.ts';
import { closestWords, didYouMean, editDistance, sameButCase } from '../../suggest-word.ts';
import { KNOWN_NAMESPACES, knownMetrics, SHORTCUTS } from './catalog.ts';
import { periodLongerThanRange } from './period.ts';

export interface MetricsQuery {
  series: MetricSpec[];
  sinceSeconds: number;
  /** `--since` as the user typed it (`3 hours`), for messages; absent for the default range. */
  sinceText?: string;
  /** Only when the user asked for one; otherwise a period is chosen for the range. */
  periodSeconds?: number;
  /** Post the answer in the channel instead of only to the person who asked. */
  share: boolean;
  /** Also post a PNG graph of the range to the channel. */
  graph: boolean;
  /** The words after `/cw metrics`, re-joined. */
  args: string;
  /** The same words without `--since`, `--from` or `--to`: the Graph button adds the answer's own window. */
  argsWithoutRange: string;
  /**
   * The words that name the series and the statistic, without the range, the period, `--graph` or
   * `--share`: the range buttons redraw these over their range, with a period chosen for it.
   */
  redrawWords: string[];
  /** `--from`/`--to`: an absolute window instead of the last `sinceSeconds` (the end defaults to now). */
  window?: { from: Date; to?: Date };
  /** `--region` and `--account` as typed; the plan decides the scope (handlers/scope.ts). */
  scope?: TypedScope;
  /** The linked account the series are read from, once the plan decided it (each series carries its id). */
  account?: Account;
}

export const MAX_SERIES = 20;
/** CloudWatch keeps 1-hour data for 455 days; asking for more returns nothing. */
export const MAX_SINCE_SECONDS = 455 * 86400;
const DEFAULT_SINCE_SECONDS = 3 * 3600;

export const METRICS_USAGE = [
  '`/cw metrics <Namespace> <MetricName> [Dim=Value ...] [--since 3h | --from ISO --to ISO] [--stat Average] [--period 5m] [--region eu-west-1] [--account prod] [--share] [--graph]`',
  'Example: `/cw metrics AWS/EC2 CPUUtilization InstanceId=i-0abc1234def567890 --since 3h` or `/cw metrics rds cpu orders-db --since 1d`',
  'See `/cw help metrics` for every flag and shortcut.',
].join('\n');

/** The one line that matters when a shortcut went wrong. */
export const SHORTCUT_USAGE = [
  `\`/cw metrics <shortcut> <metric> <resource>[,<resource>...] [flags]\`, shortcuts: ${Object.keys(SHORTCUTS).join(', ')}`,
  'Example: `/cw metrics rds cpu orders-db,users-db --since 1d`',
  'See `/cw help metrics` for every flag and shortcut.',
].join('\n');

export const METRICS_FLAGS: FlagGrammar = {
  command: '/cw metrics',
  usage: METRICS_USAGE,
  flags: [
    { name: 'since', kind: 'duration', example: '3h' },
    { name: 'stat', kind: 'value', aliases: ['statistic'], example: 'p99' },
    { name: 'period', kind: 'duration', example: '5m' },
    { name: 'from', kind: 'value', example: '2026-12-02T05:00:00Z' },
    { name: 'to', kind: 'value', example: '2026-12-02T07:00:00Z' },
    SHARE_FLAG,
    { name: 'graph', kind: 'boolean' },
    ...SCOPE_FLAGS,
  ],
};

const STAT_ALIASES: Record<string, string> = {
  average: 'Average',
  avg: 'Average',
  mean: 'Average',
  sum: 'Sum',
  minimum: 'Minimum',
  min: 'Minimum',
  maximum: 'Maximum',
  max: 'Maximum',
  samplecount: 'SampleCount',
  count: 'SampleCount',
};

const HIGH_RESOLUTION_PERIODS = new Set([1, 5, 10, 20, 30]);

/**
 * Metrics AWS services publish (`AWS/…`) are standard resolution, one datapoint a minute; only a
 * metric stored with `StorageResolution` 1 (PutMetricData, custom namespaces) is high resolution,
 * and only a high-resolution metric can be read with a period under 60 s: "For metrics with regular
 * resolution, a period can be as short as one minute (60 seconds) and must be a multiple of 60."
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricStat.html
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/publishingMetrics.html#high-resolution-metrics
 */
export function isStandardResolution(namespace: string): boolean {
  return namespace.startsWith('AWS/');
}

function subMinuteRefusal(periodSeconds: number, namespace: string): string {
  return (
    `\`--period ${periodSeconds}s\` is for high-resolution metrics; ${namespace} publishes one datapoint a minute, ` +
    'so its shortest period is 1m, e.g. `--period 1m`.'
  );
}

/**
 * How long AWS lets these resources' names be, so a value no resource can have is refused before
 * any call: an RDS DB instance or cluster identifier has 1 to 63 letters, numbers or hyphens
 * (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html), a Lambda
 * function name at most 64 characters (https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html),
 * an EC2 instance ID is `i-` and 17 hex digits. Any dimension value is at most 1,024 ASCII characters
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_Dimension.html).
 */
const NAME_LIMITS: Record<string, { max: number; what: string }> = {
  DBInstanceIdentifier: { max: 63, what: 'an RDS DB instance identifier' },
  DBClusterIdentifier: { max: 63, what: 'an RDS DB cluster identifier' },
  FunctionName: { max: 64, what: 'a Lambda function name' },
  InstanceId: { max: 19, what: 'an EC2 instance ID' },
};
const MAX_DIMENSION_VALUE = 1024;

/**
 * The characters a namespace can have: letters, digits, `.` `-` `_` `/` `#` `:`, at most 255 of them
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html#Namespace),
 * never a `:` first (the `Namespace` pattern `[^:].*`,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_Metric.html). A word with any
 * other (`<!everyone>`, `café`) is refused before any call, and never built into a suggestion.
 */
const NAMESPACE_CHARACTER = /[A-Za-z0-9._/#:-]/;
export const MAX_NAME = 255;

/**
 * A metric name is printable ASCII (32 to 126, the space included), with at least one character that
 * is not a space, at most 255
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricStreamFilter.html).
 */
export const METRIC_NAME = /^[\x20-\x7e]*[\x21-\x7e][\x20-\x7e]*$/;

/** Why `word` cannot be a namespace, or `undefined` when it can be one. */
export function namespaceProblem(word: string): string | undefined {
  const chars = Array.from(word);
  if (chars.length > MAX_NAME) return `it is ${chars.length} characters long`;
  const bad = chars.find((c) => !NAMESPACE_CHARACTER.test(c));
  if (bad !== undefined) return bad === ' ' ? 'it has a space' : `it has \`${bad}\``;
  if (word.startsWith(':')) return 'it starts with `:`';
  return undefined;
}

function fail(message: string, usage = METRICS_USAGE): never {
  throw new UserInputError(message, usage);
}

/**
 * Parses the words after `/cw metrics`. Throws {@link UserInputError} with the usage line of the
 * form typed (a shortcut's or the namespace form's) for anything it cannot use.
 */
export function parseMetricsArgs(tokens: readonly string[]): MetricsQuery {
  try {
    return parseMetricsWords(tokens);
  } catch (error) {
    if (error instanceof UserInputError && error.usage === METRICS_USAGE && typedForm(tokens) === 'shortcut') {
      throw new UserInputError(error.message, SHORTCUT_USAGE, { cause: error });
    }
    throw error;
  }
}

/**
 * Which form the words are in, read before the flags are (a bad flag must still get the right
 * usage): the first word that is neither a flag nor a flag's value decides.
 */
function typedForm(tokens: readonly string[]): 'shortcut' | 'namespace' {
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const flag = isFlagWord(token, METRICS_FLAGS) ? readFlagWord(token) : undefined;
    if (!flag) {
      words.push(token);
      continue;
    }
    const spec = METRICS_FLAGS.flags.find((f) => f.name === flag.name || f.aliases?.includes(flag.name));
    if (spec && spec.kind !== 'boolean' && flag.inline === undefined) i++;
  }
  return shortcutOf(words) ? 'shortcut' : 'namespace';
}

function parseMetricsWords(tokens: readonly string[]): MetricsQuery {
  const flags = parseFlags(tokens, METRICS_FLAGS);
  const stat = optional(flags.values.get('stat'), parseStat);
  const periodSeconds = optional(flags.values.get('period'), parsePeriod);
  const since = optional(flags.values.get('since'), parseSince);
  const from = optional(flags.values.get('from'), (t) => parseTime(t, '--from'));
  const to = optional(flags.values.get('to'), (t) => parseTime(t, '--to'));
  if (since && from) fail('Use either `--since` or `--from`/`--to`, not both.');
  if (to && !from) fail('`--to` needs a `--from`, e.g. `--from 2026-12-02T05:00:00Z --to 2026-12-02T07:00:00Z`.');
  if (from && to && to.getTime() <= from.getTime()) fail('`--to` must be later than `--from`.');
  const windowSeconds = from && to ? (to.getTime() - from.getTime()) / 1000 : undefined;
  if (windowSeconds !== undefined && windowSeconds < 60)
    fail('The window from `--from` to `--to` must be at least 1m.');
  const sinceSeconds = since?.seconds ?? windowSeconds ?? DEFAULT_SINCE_SECONDS;
  const sinceText = since?.text;
  const dashes = flags.positional.find((w) => /^[-\u2010-\u2015]+$/.test(w));
  if (dashes !== undefined) {
    fail(
      `\`${echo(dashes)}\` is a flag without its name. The flags are ${METRICS_FLAGS.flags.map((f) => `--${f.name}`).join(', ')}, e.g. \`--since 1d\`.`,
    );
  }
  const positional = joinCommaLists(flags.positional);

  if (positional.length === 0) fail('Which metric? Name a namespace and metric, or a shortcut.');
  const shortcut = shortcutOf(positional);
  const series = shortcut ? parseShortcut(shortcut, positional, stat) : parseFullForm(positional, stat);
  if (series.length > MAX_SERIES) fail(`That asks for ${series.length} series; at most ${MAX_SERIES} fit a message.`);
  if (periodSeconds !== undefined) {
    const standard = series.find((s) => isStandardResolution(s.namespace));
    if (periodSeconds < 60 && standard) fail(subMinuteRefusal(periodSeconds, standard.namespace));
    const tooLong = from && !to ? undefined : periodLongerThanRange(periodSeconds, sinceSeconds);
    if (tooLong) fail(tooLong);
  }
  return {
    series,
    sinceSeconds,
    share: flags.set.has('share'),
    graph: flags.set.has('graph'),
    ...typedScope(flags.values),
    args: joinArgs(tokens),
    argsWithoutRange: joinArgs(withoutFlags(tokens, ['since', 'from', 'to'])),
    redrawWords: withoutFlags(tokens, ['since', 'from', 'to', 'period', 'graph', 'share']),
    ...(from ? { window: { from, ...(to ? { to } : {}) } } : {}),
    ...(periodSeconds === undefined ? {} : { periodSeconds }),
    ...(sinceText === undefined ? {} : { sinceText }),
  };
}

/** A table entry, never one inherited from `Object.prototype` (`constructor`, `__proto__`). */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function optional<T>(value: string | undefined, parse: (text: string) => T): T | undefined {
  return value === undefined ? undefined : parse(value);
}

/**
 * `orders-db, users-db` and `orders-db ,users-db` (a space after or before a comma) are one list.
 * Only values are lists: the first two words (the shortcut or namespace, and the metric) never take
 * the next word in, so `rds cpu ,orders-db` is a list starting with nothing, not a metric `cpu,orders-db`.
 */
function joinCommaLists(words: readonly string[]): string[] {
  const joined: string[] = [];
  for (const word of words) {
    const previous = joined[joined.length - 1];
    if (joined.length > 2 && previous !== undefined && (previous.endsWith(',') || word.startsWith(','))) {
      joined[joined.length - 1] = previous + word;
    } else {
      joined.push(word);
    }
  }
  return joined;
}

/**
 * The shortcut the words name, if they name one: lower-case words without a slash (AWS namespaces
 * are `AWS/Service`, custom ones rarely all lower case), or any case when a shortcut metric follows.
 */
function shortcutOf(words: readonly string[]): string | undefined {
  const [first = '', second = ''] = words;
  const lower = first.toLowerCase();
  const service = own(SHORTCUTS, lower);
  if (service && (first === lower || own(service.metrics, second.toLowerCase()))) return lower;
  return /^[a-z][a-z0-9-]*$/.test(first) ? first : undefined;
}

function parseShortcut(serviceName: string, words: string[], stat: string | undefined): MetricSpec[] {
  const [, metricKey, resources, ...extra] = words;
  const service = own(SHORTCUTS, serviceName);
  if (!service) {
    fail(
      `\`${serviceName}\` is not a shortcut.${didYouMean(serviceName, Object.keys(SHORTCUTS))} Shortcuts are ${Object.keys(SHORTCUTS).join(', ')}; ` +
        'for anything else give the namespace, e.g. `AWS/ECS CPUUtilization ClusterName=prod`.',
      SHORTCUT_USAGE,
    );
  }
  const known = Object.keys(service.metrics).join(', ');
  if (!metricKey) fail(`Which ${serviceName} metric? One of: ${known}.`, SHORTCUT_USAGE);
  const metrics = own(service.metrics, metricKey.toLowerCase());
  if (!metrics) {
    fail(
      `\`${metricKey}\` is not a ${serviceName} shortcut metric.${didYouMean(metricKey, Object.keys(service.metrics))} One of: ${known}.`,
      SHORTCUT_USAGE,
    );
  }
  if (!resources) fail(`Which ${service.resource}? e.g. \`/cw metrics ${service.example}\``, SHORTCUT_USAGE);
  if (extra.length > 0)
    fail(
      `Unexpected \`${echo(extra.join(' '))}\`. Shortcuts take one ${service.resource} (or a comma list).`,
      SHORTCUT_USAGE,
    );
  const values = splitValues(resources, service.dimension, service.namespace);
  return metrics.flatMap((metric) =>
    values.map((value) => ({
      namespace: service.namespace,
      metricName: metric.metricName,
      dimensions: [{ name: service.dimension, value }],
      stat: stat ?? metric.stat,
    })),
  );
}

/**
 * CloudWatch names are case-sensitive, so `aws/ec2` or `cpuutilization` would find nothing: a
 * namespace or metric the catalog knows, differing only in case, is read as the catalog spells it.
 * `AWS/` is reserved for AWS's own namespaces (PutMetricData refuses it), so an `AWS/…` namespace,
 * in any case or with its `AWS` mistyped (`ASW/EC2`), that is a typo away from one AWS publishes is
 * refused with the suggestion before any AWS call. A metric name that is merely close to a known one
 * is run as typed: real metrics sit one edit apart (`HTTPCode_ELB_4XX_Count` and `…_5XX_Count`), so
 * closeness proves nothing; the no-data answer suggests it instead.
 */
export function canonicalNames(namespace: string, metricName: string): [string, string] {
  const knownNamespace = KNOWN_NAMESPACES.includes(namespace) ? namespace : sameButCase(namespace, KNOWN_NAMESPACES);
  if (!knownNamespace) {
    const close = closeAwsNamespaces(namespace);
    if (close.length > 0) {
      fail(
        `\`${namespace}\` is not a CloudWatch namespace: AWS publishes none by that name. Did you mean ${close.map((n) => `\`${n}\``).join(' or ')}?`,
      );
    }
    return [namespace, metricName];
  }
  const metrics = knownMetrics(knownNamespace);
  if (metrics.includes(metricName)) return [knownNamespace, metricName];
  return [knownNamespace, sameButCase(metricName, metrics) ?? metricName];
}

/**
 * The AWS namespaces `typed` is a typo of: its service part (after the `/`) within a typo's worth of
 * one AWS publishes, and its first part `AWS` or a typo of it. Ignores case, as people type it.
 */
function closeAwsNamespaces(typed: string): string[] {
  const slash = typed.indexOf('/');
  if (slash < 0) return [];
  const prefix = typed.slice(0, slash);
  const service = typed.slice(slash + 1);
  if (prefix.toLowerCase() !== 'aws' && editDistance(prefix.toLowerCase(), 'aws') > 1) return [];
  const aws = KNOWN_NAMESPACES.filter((n) => n.startsWith('AWS/'));
  const exact = aws.find((n) => n.slice(4).toLowerCase() === service.toLowerCase());
  if (exact) return [exact];
  const services = closestWords(
    service,
    aws.map((n) => n.slice(4)),
  );
  return services.map((s) => `AWS/${s}`);
}

function parseFullForm(words: string[], stat: string | undefined): MetricSpec[] {
  const [typedNamespace = '', typedMetric, ...dimensionWords] = words;
  const problem = namespaceProblem(typedNamespace);
  if (problem !== undefined) {
    fail(
      `\`${echo(typedNamespace)}\` is neither a shortcut (${Object.keys(SHORTCUTS).join(', ')}) nor a CloudWatch namespace: ` +
        `${problem}, and a namespace has only letters, digits and \`. - _ / # :\` (at most ${MAX_NAME}), e.g. \`AWS/EC2\` or \`MyApp\`.`,
    );
  }
  if (!typedMetric)
    fail(`Which metric in \`${typedNamespace}\`? e.g. \`/cw metrics ${typedNamespace} CPUUtilization ...\``);
  if (typedMetric.includes('=')) fail(`\`${echo(typedMetric)}\` looks like a dimension; the metric name comes first.`);
  if (Array.from(typedMetric).length > MAX_NAME) {
    fail(
      `\`${echo(typedMetric)}\` (${Array.from(typedMetric).length} characters) is longer than a metric name can be (255).`,
    );
  }
  if (!METRIC_NAME.test(typedMetric)) {
    fail(
      `\`${echo(typedMetric)}\` is not a metric name: those are printable ASCII characters (letters, digits, spaces, punctuation), e.g. \`CPUUtilization\`.`,
    );
  }
  const [namespace, metricName] = canonicalNames(typedNamespace, typedMetric);

  // Each dimension may list several values; the series are every combination.
  let combinations: Dimension[][] = [[]];
  const seen = new Set<string>();
  for (const word of dimensionWords) {
    const [name = '', value] = splitOnce(word, '=');
    if (value === undefined || name === '' || value === '') {
      fail(
        `\`${echo(word)}\` is not a dimension. Write dimensions as Name=Value, e.g. InstanceId=i-0abc1234def567890.`,
      );
    }
    if (name.length > 255) fail('A dimension name is longer than CloudWatch allows (255).');
    if (seen.has(name)) fail(`Dimension \`${name}\` is given twice; list several values as ${name}=a,b.`);
    seen.add(name);
    if (seen.size > 30) fail('CloudWatch allows at most 30 dimensions.');
    const values = splitValues(value, name, namespace);
    combinations = combinations.flatMap((dims) => values.map((v) => [...dims, { name, value: v }]));
    if (combinations.length > MAX_SERIES) {
      fail(`Those values make more than ${MAX_SERIES} series; at most ${MAX_SERIES} fit a message.`);
    }
  }
  return combinations.map((dimensions) => ({ namespace, metricName, dimensions, stat: stat ?? 'Average' }));
}

function splitValues(list: string, dimension: string, namespace: string): string[] {
  const values = list.split(',').map((v) => v.trim());
  if (values.some((v) => v === '')) {
    fail(
      `\`${echo(list)}\` has an empty value for ${dimension}: list values as \`a,b\`, with nothing empty around a comma.`,
    );
  }
  const limit = namespace.startsWith('AWS/') ? own(NAME_LIMITS, dimension) : undefined;
  for (const value of values) {
    const length = Array.from(value).length;
    if (limit && length > limit.max) {
      fail(
        `\`${echo(value)}\` (${length} characters) cannot be ${limit.what}: those are at most ${limit.max} characters.`,
      );
    }
    if (length > MAX_DIMENSION_VALUE) {
      fail(
        `\`${echo(value)}\` (${length} characters) is too long for a ${dimension} value: CloudWatch allows at most ${MAX_DIMENSION_VALUE}.`,
      );
    }
    if (!/^[\x20-\x7e]+$/.test(value)) {
      fail(`\`${echo(value)}\` cannot be a ${dimension} value: CloudWatch's dimension values are ASCII characters.`);
    }
  }
  return [...new Set(values)];
}

export function parseStat(text: string): string {
  const alias = own(STAT_ALIASES, text.toLowerCase());
  if (alias) return alias;
  const percentile = /^p(\d{1,2}(?:\.\d{1,2})?|100)$/i.exec(text);
  if (percentile) return `p${percentile[1]}`;
  return fail(
    `\`${text}\` is not a statistic. Use Average, Sum, Minimum, Maximum, SampleCount or a percentile like p99.`,
  );
}

function parsePeriod(text: string): number {
  const seconds = parseDuration(text);
  if (seconds === undefined) fail(`\`${text}\` is not a period. Use 1m, 5m, 1h or 1d (or 1s–30s for high-resolution).`);
  if (seconds > 86400) fail('The longest period CloudWatch offers is 1d.');
  if (seconds % 60 !== 0 && !HIGH_RESOLUTION_PERIODS.has(seconds)) {
    fail('A period is 1s, 5s, 10s, 20s, 30s or a whole number of minutes.');
  }
  return seconds;
}

function parseSince(text: string): { seconds: number; text: string } {
  const duration = readDuration(text);
  if (duration === undefined) fail(durationHint(text, '--since'));
  const { seconds } = duration;
  if (seconds < 60) fail('`--since` must be at least 1m.');
  if (seconds > MAX_SINCE_SECONDS) fail('CloudWatch keeps metrics for 455 days; `--since` can go back no further.');
  return duration;
}

/** The words without the named flags and their values. */
function withoutFlags(tokens: readonly string[], names: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const flag = isFlagWord(token, METRICS_FLAGS) ? readFlagWord(token) : undefined;
    const spec = flag && METRICS_FLAGS.flags.find((f) => f.name === flag.name || f.aliases?.includes(flag.name));
    if (!spec || !names.includes(spec.name)) {
      kept.push(token);
      continue;
    }
    if (spec.kind !== 'boolean' && flag?.inline === undefined) i++;
  }
  return kept;
}

/**
 * An ISO 8601 time (`2026-12-02T05:00:00Z`, `2026-12-02`); one without a zone is read as UTC, as
 * CloudWatch's times are, never as the server's local time.
 */
function parseTime(text: string, flag: string): Date {
  const zoned = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? `${text}Z` : text;
  const ms = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(zoned) : Number.NaN;
  if (Number.isNaN(ms)) fail(`\`${flag} ${echo(text)}\` is not a time. Use ISO 8601, e.g. 2026-12-02T05:00:00Z.`);
  return new Date(ms);
}

/** Quotes words with spaces so the text parses back to the same words. */
function joinArgs(tokens: readonly string[]): string {
  return tokens.map((t) => (/\s/.test(t) || t === '' ? `"${t.replace(/"/g, '')}"` : t)).join(' ');
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
