import { type FlagGrammar, parseFlags, SHARE_FLAG } from '../../command-flags.ts';
import { echo } from '../../command-text.ts';
import { durationHint, readDuration } from '../../duration.ts';
import { UserInputError } from '../../errors.ts';
import type { InsightsFunction } from '../../ports.ts';
import { didYouMean, sameButCase } from '../../suggest-word.ts';
import { SHORTCUTS, type ShortcutService } from '../metrics/catalog.ts';
import { canonicalNames, MAX_NAME, METRIC_NAME, namespaceProblem, parseStat } from '../metrics/parse-metrics.ts';
import { INSIGHTS_FUNCTIONS } from './insights-query.ts';

export interface TopQuery {
  namespace: string;
  metricName: string;
  /** The dimension each row is a value of. */
  dimension: string;
  /** The CloudWatch statistic shown (Maximum, Average, …) and the Insights function that ranks by it. */
  stat: string;
  func: InsightsFunction;
  limit: number;
  sinceSeconds: number;
  /** `--since` as typed, for messages; absent for the default. */
  sinceText?: string;
  share: boolean;
  /** Why the statistic is not the one the shortcut's `/cw metrics` uses (a percentile Insights lacks). */
  statNote?: string;
}

export const TOP_USAGE = [
  '`/cw top <shortcut> <metric> | <Namespace> <MetricName> [by <Dimension>] [--stat Maximum|Average|Sum|Minimum|SampleCount] [--since 1h] [--limit 10] [--share]`',
  'Example: `/cw top ec2 cpu` or `/cw top AWS/ApplicationELB HTTPCode_Target_5XX_Count by LoadBalancer --stat Sum`',
  'See `/cw help top` for every flag.',
].join('\n');

export const TOP_FLAGS: FlagGrammar = {
  command: '/cw top',
  usage: TOP_USAGE,
  flags: [
    { name: 'since', kind: 'duration', example: '1h' },
    { name: 'stat', kind: 'value', aliases: ['statistic'], example: 'Maximum' },
    { name: 'limit', kind: 'value', aliases: ['top', 'n'], example: '10' },
    SHARE_FLAG,
  ],
};

export const DEFAULT_LIMIT = 10;
/** Rows one message holds, each a section with its link (Metrics Insights itself returns up to 500). */
export const MAX_LIMIT = 20;
const DEFAULT_SINCE_SECONDS = 3600;
/**
 * Metrics Insights serves the most recent two weeks of data to queries (alarms: three hours).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-limits.html
 */
export const MAX_SINCE_SECONDS = 14 * 86400;

function fail(message: string): never {
  throw new UserInputError(message, TOP_USAGE);
}

function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Parses the words after `/cw top`; every refusal is a {@link UserInputError} with {@link TOP_USAGE}. */
export function parseTopArgs(tokens: readonly string[]): TopQuery {
  try {
    return parseTopWords(tokens);
  } catch (error) {
    // A refusal from the metrics rules (a namespace typo) speaks of `/cw metrics`: show this usage.
    if (error instanceof UserInputError && error.usage !== TOP_USAGE) {
      throw new UserInputError(error.message, TOP_USAGE, { cause: error });
    }
    throw error;
  }
}

function parseTopWords(tokens: readonly string[]): TopQuery {
  const flags = parseFlags(tokens, TOP_FLAGS);
  const typedStat = flags.values.get('stat');
  const limitText = flags.values.get('limit');
  const sinceFlag = flags.values.get('since');
  const limit = limitText === undefined ? DEFAULT_LIMIT : parseLimit(limitText);
  const since = sinceFlag === undefined ? undefined : parseSince(sinceFlag);
  const words = [...flags.positional];
  const dashes = words.find((w) => /^[-\u2010-\u2015]+$/.test(w));
  if (dashes !== undefined) fail(`\`${echo(dashes)}\` is a flag without its name, e.g. \`--since 1h\`.`);

  // `… by Dimension` ends the words.
  const byAt = words.findIndex((w, i) => i >= 2 && w.toLowerCase() === 'by');
  let typedDimension: string | undefined;
  if (byAt >= 0) {
    const after = words.slice(byAt + 1);
    if (after.length === 0) fail('`by` needs a dimension, e.g. `by InstanceId`.');
    if (after.length > 1) fail(`\`/cw top\` ranks by one dimension; \`by ${echo(after.join(' '))}\` names more.`);
    typedDimension = after[0];
    words.splice(byAt);
  }
  if (words.length === 0) fail('Which metric? Name a shortcut and metric (`ec2 cpu`) or a namespace and metric.');
  const assignment = words.find((w) => w.includes('='));
  if (assignment !== undefined) {
    fail(
      `\`${echo(assignment)}\` picks one resource, but \`/cw top\` ranks them all: leave it out, or use ` +
        '`/cw metrics` to see that one.',
    );
  }

  const shortcut = shortcutOf(words);
  const picked = shortcut ? fromShortcut(shortcut, words) : fromFullForm(words);
  const dimension = typedDimension === undefined ? picked.dimension : checkDimension(typedDimension, picked.namespace);
  if (dimension === undefined) {
    fail(
      `By which dimension? No shortcut covers \`${echo(picked.namespace)}\`, so name one: \`/cw top ${echo(picked.namespace)} ${echo(picked.metricName)} by <DimensionName>\`.`,
    );
  }
  const { stat, func, statNote } = pickStat(typedStat, picked.defaultStat);
  return {
    namespace: picked.namespace,
    metricName: picked.metricName,
    dimension,
    stat,
    func,
    limit,
    sinceSeconds: since?.seconds ?? DEFAULT_SINCE_SECONDS,
    share: flags.set.has('share'),
    ...(since ? { sinceText: since.text } : {}),
    ...(statNote ? { statNote } : {}),
  };
}

interface Picked {
  namespace: string;
  metricName: string;
  dimension: string | undefined;
  defaultStat: string;
}

/** A shortcut when the first word is lower case without a slash, as `/cw metrics` reads it. */
function shortcutOf(words: readonly string[]): string | undefined {
  const [first = '', second = ''] = words;
  const lower = first.toLowerCase();
  const service = own(SHORTCUTS, lower);
  if (service && (first === lower || own(service.metrics, second.toLowerCase()))) return lower;
  return /^[a-z][a-z0-9-]*$/.test(first) ? first : undefined;
}

function fromShortcut(name: string, words: readonly string[]): Picked {
  const [, metricKey, ...extra] = words;
  const service = own(SHORTCUTS, name);
  const names = Object.keys(SHORTCUTS);
  if (!service) {
    fail(
      `\`${echo(name)}\` is not a shortcut.${didYouMean(name, names)} Shortcuts are ${names.join(', ')}; ` +
        'for anything else give the namespace, e.g. `/cw top AWS/ECS CPUUtilization by ClusterName`.',
    );
  }
  const known = Object.keys(service.metrics).join(', ');
  if (!metricKey) fail(`Which ${name} metric? One of: ${known}, e.g. \`/cw top ${name} ${firstKey(service)}\`.`);
  const metrics = own(service.metrics, metricKey.toLowerCase());
  if (!metrics) {
    fail(
      `\`${echo(metricKey)}\` is not a ${name} shortcut metric.${didYouMean(metricKey, Object.keys(service.metrics))} One of: ${known}.`,
    );
  }
  if (extra.length > 0) {
    fail(
      `Unexpected \`${echo(extra.join(' '))}\`: \`/cw top\` ranks every ${service.resource}, so it takes no resource ` +
        `(\`/cw metrics ${name} ${metricKey} <${service.resource}>\` shows one).`,
    );
  }
  const [metric, ...more] = metrics;
  if (!metric) fail(`\`${name} ${metricKey}\` has no metric.`);
  if (more.length > 0) {
    // One Insights query ranks one metric: name the single ones instead.
    const singles = metrics.map((m) => {
      const key = Object.entries(service.metrics).find(
        ([, ms]) => ms.length === 1 && ms[0]?.metricName === m.metricName,
      );
      return key ? `\`/cw top ${name} ${key[0]}\`` : `\`/cw top ${service.namespace} ${m.metricName}\``;
    });
    fail(
      `\`${name} ${metricKey.toLowerCase()}\` is ${metrics.length} metrics (${metrics.map((m) => m.metricName).join(', ')}); ` +
        `\`/cw top\` ranks one: ${singles.join(' or ')}.`,
    );
  }
  return {
    namespace: service.namespace,
    metricName: metric.metricName,
    dimension: service.dimension,
    defaultStat: metric.stat,
  };
}

function firstKey(service: ShortcutService): string {
  return Object.keys(service.metrics)[0] ?? '';
}

function fromFullForm(words: readonly string[]): Picked {
  const [typedNamespace = '', typedMetric, ...extra] = words;
  const problem = namespaceProblem(typedNamespace);
  if (problem !== undefined) {
    fail(
      `\`${echo(typedNamespace)}\` is neither a shortcut (${Object.keys(SHORTCUTS).join(', ')}) nor a CloudWatch namespace: ` +
        `${problem}, and a namespace has only letters, digits and \`. - _ / # :\` (at most ${MAX_NAME}), e.g. \`AWS/EC2\`.`,
    );
  }
  if (!typedMetric) fail(`Which metric in \`${typedNamespace}\`? e.g. \`/cw top AWS/EC2 CPUUtilization\`.`);
  if (Array.from(typedMetric).length > MAX_NAME || !METRIC_NAME.test(typedMetric)) {
    fail(
      `\`${echo(typedMetric)}\` is not a metric name: those are up to ${MAX_NAME} printable ASCII characters, e.g. \`CPUUtilization\`.`,
    );
  }
  if (extra.length > 0) {
    fail(`Unexpected \`${echo(extra.join(' '))}\`: name the dimension to rank by with \`by\`, e.g. \`by InstanceId\`.`);
  }
  const [namespace, metricName] = canonicalNames(typedNamespace, typedMetric);
  const service = Object.values(SHORTCUTS).find((s) => s.namespace === namespace);
  return { namespace, metricName, dimension: service?.dimension, defaultStat: 'Maximum' };
}

/**
 * A dimension name: ASCII, at least one character that is not a space, not starting with `:`, at
 * most 255 (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_Dimension.html).
 * A known one typed in another case (`instanceid`) is read as AWS spells it: names are case-sensitive.
 */
function checkDimension(typed: string, namespace: string): string {
  const chars = Array.from(typed);
  if (chars.length > MAX_NAME || !/^[\x20-\x7e]*[\x21-\x7e][\x20-\x7e]*$/.test(typed) || typed.startsWith(':')) {
    fail(
      `\`${echo(typed)}\` is not a dimension name: those are up to ${MAX_NAME} ASCII characters, not starting with \`:\`, e.g. \`InstanceId\`.`,
    );
  }
  const known = Object.values(SHORTCUTS)
    .filter((s) => s.namespace === namespace)
    .map((s) => s.dimension);
  return known.includes(typed) ? typed : (sameButCase(typed, known) ?? typed);
}

function pickStat(
  typed: string | undefined,
  defaultStat: string,
): { stat: string; func: InsightsFunction; statNote?: string } {
  if (typed !== undefined) {
    const stat = parseStat(typed);
    const func = own(INSIGHTS_FUNCTIONS, stat);
    if (!func) {
      fail(
        `Metrics Insights cannot rank by ${stat}: it has no percentiles, only Average, Maximum, Minimum, Sum and ` +
          'SampleCount, e.g. `--stat Maximum`. For a percentile of one resource use `/cw metrics`.',
      );
    }
    return { stat, func };
  }
  const func = own(INSIGHTS_FUNCTIONS, defaultStat);
  if (func) return { stat: defaultStat, func };
  return {
    stat: 'Maximum',
    func: 'MAX',
    statNote: `Ranked by Maximum: Metrics Insights has no percentiles (\`/cw metrics\` shows ${defaultStat}).`,
  };
}

function parseLimit(text: string): number {
  if (!/^\d+$/.test(text)) fail(`\`--limit ${echo(text)}\` is not a number of rows, e.g. \`--limit 10\`.`);
  const n = Number(text);
  if (n < 1 || n > MAX_LIMIT) fail(`\`--limit\` is 1 to ${MAX_LIMIT}: that many rows fit one message.`);
  return n;
}

function parseSince(text: string): { seconds: number; text: string } {
  const duration = readDuration(text);
  if (duration === undefined) fail(durationHint(text, '--since'));
  if (duration.seconds < 60) fail('`--since` must be at least 1m.');
  if (duration.seconds > MAX_SINCE_SECONDS) {
    fail(
      'Metrics Insights queries only the most recent two weeks, so `--since` is at most 14d. ' +
        'For older data use `/cw metrics` on one resource.',
    );
  }
  return duration;
}
