import { UserInputError } from '../../errors.ts';
import { withUsage } from '../../port-errors.ts';
import type { MetricSpec, MetricsPort, SeriesData } from '../../ports.ts';
import { type Unit, unitOf } from './catalog.ts';
import { METRICS_USAGE, type MetricsQuery } from './parse-metrics.ts';
import { choosePeriod, metricsWindow } from './period.ts';
import { type DimensionSuggestions, suggestDimensions } from './suggest.ts';

export interface SeriesSummary {
  latest: number;
  latestAt: Date;
  minimum: number;
  average: number;
  maximum: number;
}

export interface SeriesResult {
  spec: MetricSpec;
  data: SeriesData;
  unit: Unit | undefined;
  summary: SeriesSummary | undefined;
}

export interface MetricsResult {
  query: MetricsQuery;
  periodSeconds: number;
  periodNote: string | undefined;
  start: Date;
  end: Date;
  region: string;
  series: SeriesResult[];
  /** Only when no series had data: what ListMetrics says does exist. */
  suggestions: DimensionSuggestions | undefined;
  /**
   * Only when no series had data: the other metrics of the namespace the asked-for resource does
   * publish (it exists; this metric is one it does not report). Empty when it publishes none.
   */
  publishedByResource: string[] | undefined;
}

export interface MetricsDeps {
  metrics: MetricsPort;
  region: string;
  now: () => Date;
}

export function summarize(data: SeriesData): SeriesSummary | undefined {
  const n = data.values.length;
  const latest = data.values[n - 1];
  const latestAt = data.timestamps[n - 1];
  if (latest === undefined || latestAt === undefined) return undefined;
  let minimum = latest;
  let maximum = latest;
  let sum = 0;
  for (const v of data.values) {
    if (v < minimum) minimum = v;
    if (v > maximum) maximum = v;
    sum += v;
  }
  return { latest, latestAt, minimum, maximum, average: sum / n };
}

/** Fetches every series of the query in one GetMetricData call and summarizes each. */
export async function runMetrics(
  deps: MetricsDeps,
  query: MetricsQuery,
  options: { signal?: AbortSignal } = {},
): Promise<MetricsResult> {
  const now = deps.now();
  const { window } = query;
  if (window && window.from.getTime() >= now.getTime() - 60_000) {
    throw new UserInputError(
      '`--from` is in the future (or less than a minute ago): there is no data there yet.',
      METRICS_USAGE,
    );
  }
  // An absolute window: its own length, and its age for CloudWatch's retention.
  const length = window ? ((window.to?.getTime() ?? now.getTime()) - window.from.getTime()) / 1000 : query.sinceSeconds;
  const age = window ? (now.getTime() - window.from.getTime()) / 1000 : query.sinceSeconds;
  const { periodSeconds, note } = choosePeriod(length, query.periodSeconds, age);
  const { start, end } = metricsWindow(now, query.sinceSeconds, periodSeconds, window);
  const data = await deps.metrics
    .getMetricData({ series: query.series, periodSeconds, start, end }, options)
    .catch((error: unknown) => {
      throw withUsage(error, METRICS_USAGE);
    });
  const series = query.series.map((spec, i) => {
    const seriesData = data[i] ?? { timestamps: [], values: [], status: 'Complete' as const, messages: [] };
    return { spec, data: seriesData, unit: unitOf(spec.namespace, spec.metricName), summary: summarize(seriesData) };
  });
  const noData = series.every((s) => !s.summary);
  const [suggestions, publishedByResource] = noData
    ? await Promise.all([findSuggestions(deps, query, options), findPublished(deps, query, options)])
    : [undefined, undefined];
  return {
    query,
    periodSeconds,
    periodNote: note,
    start,
    end,
    region: deps.region,
    series,
    suggestions,
    publishedByResource,
  };
}

/**
 * What else the first series' resource publishes in its namespace (ListMetrics by dimension value),
 * so "no data" can tell a resource that does not report this metric from one that does not exist.
 * Best effort, like {@link findSuggestions}.
 */
async function findPublished(
  deps: MetricsDeps,
  query: MetricsQuery,
  options: { signal?: AbortSignal },
): Promise<string[] | undefined> {
  const first = query.series[0];
  if (!first || first.dimensions.length === 0) return undefined;
  try {
    const existing = await deps.metrics.listMetrics(
      { namespace: first.namespace, dimensions: first.dimensions, ...accountOf(first) },
      options,
    );
    const sameSet = existing.filter((m) => m.dimensions.length === first.dimensions.length);
    return [...new Set(sameSet.map((m) => m.metricName))].filter((n) => n !== first.metricName).sort();
  } catch {
    return undefined;
  }
}

/** A linked account's series are looked up in that account (ListMetrics' OwningAccount). */
function accountOf(spec: MetricSpec): { accountId?: string } {
  return spec.accountId ? { accountId: spec.accountId } : {};
}

/** Best effort: a failing ListMetrics must not hide the "no data" answer itself. */
async function findSuggestions(
  deps: MetricsDeps,
  query: MetricsQuery,
  options: { signal?: AbortSignal },
): Promise<DimensionSuggestions | undefined> {
  const first = query.series[0];
  if (!first) return undefined;
  try {
    const existing = await deps.metrics.listMetrics(
      { namespace: first.namespace, metricName: first.metricName, ...accountOf(first) },
      options,
    );
    return suggestDimensions(first.dimensions, existing);
  } catch {
    return undefined;
  }
}
