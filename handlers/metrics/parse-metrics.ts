import { durationHint, parseDuration, readDuration } from '../duration.ts';
import { UserInputError } from '../errors.ts';
import type { Dimension, MetricSpec } from '../ports.ts';
import { SHORTCUTS } from './catalog.ts';

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
  /** The words after `/cw metrics`, re-joined: what the message's Graph button runs again. */
  args: string;
}

export const MAX_SERIES = 20;
/** CloudWatch keeps 1-hour data for 455 days; asking for more returns nothing. */
export const MAX_SINCE_SECONDS = 455 * 86400;
const DEFAULT_SINCE_SECONDS = 3 * 3600;

export const METRICS_USAGE = [
  '`/cw metrics <Namespace> <MetricName> [Dim=Value ...] [--stat Average|Sum|Minimum|Maximum|SampleCount|pNN] [--period 1m|5m|1h|1d] [--since 30m|3h|1d|7d] [--share] [--graph]`',
  '`/cw metrics <shortcut> <metric> <resource>[,<resource>...] [flags]`, shortcuts: ' +
    Object.entries(SHORTCUTS)
      .map(([name, s]) => `\`${name}\` (${Object.keys(s.metrics).join(', ')})`)
      .join('; '),
  'Example: `/cw metrics AWS/EC2 CPUUtilization InstanceId=i-0abc1234def567890 --since 3h` or `/cw metrics rds cpu orders-db --since 1d`',
].join('\n');

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

function fail(message: string): never {
  throw new UserInputError(message, METRICS_USAGE);
}

/** Parses the words after `/cw metrics`. Throws {@link UserInputError} with usage for anything it cannot use. */
export function parseMetricsArgs(tokens: readonly string[]): MetricsQuery {
  const positional: string[] = [];
  let stat: string | undefined;
  let periodSeconds: number | undefined;
  let sinceSeconds = DEFAULT_SINCE_SECONDS;
  let sinceText: string | undefined;
  let share = false;
  let graph = false;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (!token.startsWith('--')) {
      positional.push(token);
      continue;
    }
    const [flag = '', inline] = splitOnce(token, '=');
    const takeValue = (): string => {
      if (inline !== undefined) return inline;
      const next = tokens[i + 1];
      if (next === undefined || next.startsWith('--')) fail(`\`${flag}\` needs a value.`);
      i++;
      return next;
    };
    switch (flag.toLowerCase()) {
      case '--stat':
        stat = parseStat(takeValue());
        break;
      case '--period':
        periodSeconds = parsePeriod(takeValue());
        break;
      case '--since':
        ({ seconds: sinceSeconds, text: sinceText } = parseSince(takeValue()));
        break;
      case '--share':
        if (inline !== undefined) fail('`--share` takes no value.');
        share = true;
        break;
      case '--graph':
        if (inline !== undefined) fail('`--graph` takes no value.');
        graph = true;
        break;
      default:
        fail(`Unknown option \`${flag}\`. Options are --stat, --period, --since, --share and --graph.`);
    }
  }

  if (positional.length === 0) fail('Which metric? Name a namespace and metric, or a shortcut.');
  const series = isShortcut(positional[0] ?? '') ? parseShortcut(positional, stat) : parseFullForm(positional, stat);
  if (series.length > MAX_SERIES) fail(`That asks for ${series.length} series; at most ${MAX_SERIES} fit a message.`);
  return {
    series,
    sinceSeconds,
    share,
    graph,
    args: joinArgs(tokens),
    ...(periodSeconds === undefined ? {} : { periodSeconds }),
    ...(sinceText === undefined ? {} : { sinceText }),
  };
}

/** Lower-case words without a slash are shortcuts; AWS namespaces are `AWS/Service`, custom ones rarely all lower case. */
function isShortcut(word: string): boolean {
  return /^[a-z][a-z0-9-]*$/.test(word);
}

function parseShortcut(words: string[], stat: string | undefined): MetricSpec[] {
  const [serviceName = '', metricKey, resources, ...extra] = words;
  const service = SHORTCUTS[serviceName];
  if (!service) {
    fail(
      `\`${serviceName}\` is not a shortcut. Shortcuts are ${Object.keys(SHORTCUTS).join(', ')}; ` +
        'for anything else give the namespace, e.g. `AWS/ECS CPUUtilization ClusterName=prod`.',
    );
  }
  const known = Object.keys(service.metrics).join(', ');
  if (!metricKey) fail(`Which ${serviceName} metric? One of: ${known}.`);
  const metrics = service.metrics[metricKey.toLowerCase()];
  if (!metrics) fail(`\`${metricKey}\` is not a ${serviceName} shortcut metric. One of: ${known}.`);
  if (!resources) fail(`Which ${service.resource}? e.g. \`/cw metrics ${service.example}\``);
  if (extra.length > 0)
    fail(`Unexpected \`${extra.join(' ')}\`. Shortcuts take one ${service.resource} (or a comma list).`);
  const values = splitValues(resources, service.dimension);
  return metrics.flatMap((metric) =>
    values.map((value) => ({
      namespace: service.namespace,
      metricName: metric.metricName,
      dimensions: [{ name: service.dimension, value }],
      stat: stat ?? metric.stat,
    })),
  );
}

function parseFullForm(words: string[], stat: string | undefined): MetricSpec[] {
  const [namespace = '', metricName, ...dimensionWords] = words;
  if (namespace.length > 255 || namespace.startsWith(':')) fail(`\`${namespace.slice(0, 40)}\` is not a namespace.`);
  if (!metricName) fail(`Which metric in \`${namespace}\`? e.g. \`/cw metrics ${namespace} CPUUtilization ...\``);
  if (metricName.includes('=')) fail(`\`${metricName}\` looks like a dimension; the metric name comes first.`);
  if (metricName.length > 255) fail('The metric name is longer than CloudWatch allows (255).');

  // Each dimension may list several values; the series are every combination.
  let combinations: Dimension[][] = [[]];
  const seen = new Set<string>();
  for (const word of dimensionWords) {
    const [name = '', value] = splitOnce(word, '=');
    if (value === undefined || name === '' || value === '') {
      fail(`\`${word}\` is not a dimension. Write dimensions as Name=Value, e.g. InstanceId=i-0abc1234def567890.`);
    }
    if (name.length > 255) fail('A dimension name is longer than CloudWatch allows (255).');
    if (seen.has(name)) fail(`Dimension \`${name}\` is given twice; list several values as ${name}=a,b.`);
    seen.add(name);
    if (seen.size > 30) fail('CloudWatch allows at most 30 dimensions.');
    const values = splitValues(value, name);
    combinations = combinations.flatMap((dims) => values.map((v) => [...dims, { name, value: v }]));
    if (combinations.length > MAX_SERIES) {
      fail(`Those values make more than ${MAX_SERIES} series; at most ${MAX_SERIES} fit a message.`);
    }
  }
  return combinations.map((dimensions) => ({ namespace, metricName, dimensions, stat: stat ?? 'Average' }));
}

function splitValues(list: string, dimension: string): string[] {
  const values = list.split(',').map((v) => v.trim());
  if (values.some((v) => v === '')) fail(`\`${list}\` has an empty value for ${dimension}.`);
  if (values.some((v) => v.length > 1024)) fail(`A ${dimension} value is longer than CloudWatch allows (1024).`);
  return [...new Set(values)];
}

function parseStat(text: string): string {
  const alias = STAT_ALIASES[text.toLowerCase()];
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

/** Quotes words with spaces so the text parses back to the same words. */
function joinArgs(tokens: readonly string[]): string {
  return tokens.map((t) => (/\s/.test(t) || t === '' ? `"${t.replace(/"/g, '')}"` : t)).join(' ');
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
