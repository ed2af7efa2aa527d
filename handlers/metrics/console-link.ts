import type { MetricSpec } from '../ports.ts';

/** The console host for a region's partition (commercial, China, GovCloud). */
export function consoleBase(region: string): string {
  if (region.startsWith('cn-')) return `https://${region}.console.amazonaws.cn`;
  if (region.startsWith('us-gov-')) return `https://${region}.console.amazonaws-us-gov.com`;
  return `https://${region}.console.aws.amazon.com`;
}

/**
 * A link that opens these series in CloudWatch's metrics explorer. `deeplink.js` accepts the
 * graph as URL-encoded JSON in the same shape as a dashboard metric widget.
 */
export function metricConsoleUrl(region: string, series: MetricSpec[], periodSeconds: number, sinceSeconds: number) {
  const graph = {
    view: 'timeSeries',
    stacked: false,
    region,
    period: periodSeconds,
    start: `-PT${Math.round(sinceSeconds / 60)}M`,
    end: 'P0D',
    metrics: series.map((s) => [
      s.namespace,
      s.metricName,
      ...s.dimensions.flatMap((d) => [d.name, d.value]),
      { stat: s.stat, period: periodSeconds },
    ]),
  };
  return `${consoleBase(region)}/cloudwatch/deeplink.js?region=${region}#metricsV2:graph=${encodeURIComponent(JSON.stringify(graph))}`;
}
