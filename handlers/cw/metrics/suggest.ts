import type { Dimension, MetricIdentity } from '../../ports.ts';
import { closestWords, editDistance } from '../../suggest-word.ts';
import { knownMetrics } from './catalog.ts';

/**
 * Metric names of `namespace` the catalog knows that `metricName` is a typo of (`CPUUtilisation`,
 * the British spelling, is `CPUUtilization`): suggested in the no-data answer, never substituted,
 * since real metrics sit one edit apart.
 */
export function closeMetricNames(namespace: string, metricName: string): string[] {
  return closestWords(metricName, knownMetrics(namespace)).filter((name) => name !== metricName);
}

export interface DimensionSuggestions {
  /** Existing dimension sets close to what was asked (a typo or a prefix away), e.g. `InstanceId=i-0abd…`. */
  closest: string[];
  /** Some dimension sets with the same names, when none is close. */
  examples: string[];
  /** The dimension-name sets this metric is published with, when none matches the names asked for. */
  dimensionSets: string[];
  /** How many metrics with this namespace and name exist at all. */
  total: number;
  /**
   * The value asked for, found under another dimension of this metric (`billing-cluster` is a
   * `DBClusterIdentifier`, not a `DBInstanceIdentifier`): the dimension sets that hold it.
   */
  elsewhere: string[];
}

export function formatDimensions(dimensions: Dimension[]): string {
  return dimensions.map((d) => `${d.name}=${d.value}`).join(' ');
}

/** A typo's worth: up to 40% of the characters differ. */
const CLOSE = 0.4;

/**
 * How far an existing dimension set is from the one asked for (0 is the same ignoring case); a
 * prefix counts as close, anything further than a typo on any dimension is not close at all.
 */
function score(asked: Dimension[], existing: Dimension[]): number {
  return asked.reduce((total, want) => {
    const a = want.value.toLowerCase();
    const b = (existing.find((d) => d.name === want.name)?.value ?? '').toLowerCase();
    if (a === b) return total;
    // `public-web` is the load balancer `app/public-web/50dc…`: a segment of an ARN-like value names it too.
    if (b.startsWith(a) || a.startsWith(b) || (a.length >= 3 && b.split('/').includes(a))) return total + 0.5;
    const relative = editDistance(a, b) / Math.max(a.length, b.length, 1);
    return relative <= CLOSE ? total + 0.5 + relative : Number.POSITIVE_INFINITY;
  }, 0);
}

const nameKey = (dimensions: Dimension[]) =>
  dimensions
    .map((d) => d.name)
    .sort()
    .join(',');

/** What exists that resembles `asked`, from a ListMetrics answer. */
export function suggestDimensions(asked: Dimension[], existing: MetricIdentity[], limit = 5): DimensionSuggestions {
  const wanted = nameKey(asked);
  const sameNames = existing.filter((m) => nameKey(m.dimensions) === wanted);
  const closest = sameNames
    .map((m) => ({ m, s: score(asked, m.dimensions) }))
    .filter(({ s }) => Number.isFinite(s))
    .sort((x, y) => x.s - y.s)
    .slice(0, limit)
    .map(({ m }) => formatDimensions(m.dimensions));
  const examples = closest.length > 0 ? [] : sameNames.slice(0, 3).map((m) => formatDimensions(m.dimensions));
  const dimensionSets =
    sameNames.length > 0
      ? []
      : [...new Set(existing.map((m) => nameKey(m.dimensions) || '(no dimensions)'))].slice(0, 8);
  const values = new Set(asked.map((d) => d.value.toLowerCase()));
  const elsewhere =
    closest.length > 0
      ? []
      : existing
          .filter(
            (m) =>
              nameKey(m.dimensions) !== wanted &&
              m.dimensions.length === asked.length &&
              m.dimensions.every((d) => values.has(d.value.toLowerCase())),
          )
          .slice(0, 3)
          .map((m) => formatDimensions(m.dimensions));
  return { closest, examples, dimensionSets, total: existing.length, elsewhere };
}
