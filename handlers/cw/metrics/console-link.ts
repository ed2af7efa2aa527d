import type { MetricSpec } from '../../ports.ts';

/** The console host for a region's partition (commercial, China, GovCloud). */
export function consoleBase(region: string): string {
  if (region.startsWith('cn-')) return `https://${region}.console.amazonaws.cn`;
  if (region.startsWith('us-gov-')) return `https://${region}.console.amazonaws-us-gov.com`;
  return `https://${region}.console.aws.amazon.com`;
}

/**
 * A link that opens these series in CloudWatch's metrics explorer over the message's own window:
 * absolute ISO 8601 start and end, so the chart a reader opens later still shows what the message
 * showed. `deeplink.js` accepts the graph as URL-encoded JSON in the shape of a dashboard metric
 * widget, whose `start`/`end` take a relative offset or an ISO 8601 time. A linked account's metric
 * carries `accountId` in its rendering properties, as the console writes a cross-account graph.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 */
export function metricConsoleUrl(
  region: string,
  series: MetricSpec[],
  periodSeconds: number,
  window: { start: Date; end: Date },
) {
  const graph = {
    view: 'timeSeries',
    stacked: false,
    region,
    period: periodSeconds,
    start: window.start.toISOString(),
    end: window.end.toISOString(),
    metrics: series.map((s) => [
      s.namespace,
      s.metricName,
      ...s.dimensions.flatMap((d) => [d.name, d.value]),
      { stat: s.stat, period: periodSeconds, ...(s.accountId ? { accountId: s.accountId } : {}) },
    ]),
  };
  return `${consoleBase(region)}/cloudwatch/deeplink.js?region=${region}#metricsV2:graph=${encodeURIComponent(JSON.stringify(graph))}`;
}

/** Logs Insights' console keeps its state in a JSURL-like fragment: `~` separates, `'` starts a string, `*` escapes. */
function insightsValue(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%/g, '*');
}

/**
 * A link that opens the query in the Logs Insights console on the same log groups and the same
 * absolute window as the message.
 */
export function logsInsightsConsoleUrl(
  region: string,
  groups: string[],
  queryString: string,
  window: { start: Date; end: Date },
): string {
  const detail = [
    `~(end~'${insightsValue(window.end.toISOString())}`,
    `~start~'${insightsValue(window.start.toISOString())}`,
    "~timeType~'ABSOLUTE~tz~'UTC",
    `~editorString~'${insightsValue(queryString)}`,
    `~source~(${groups.map((g) => `~'${insightsValue(g)}`).join('')}))`,
  ].join('');
  // The fragment itself is escaped once more, with `$` in place of `%`, as the console writes it.
  const fragment = encodeURIComponent(`?queryDetail=${detail}`).replace(/%/g, '$');
  return `${consoleBase(region)}/cloudwatch/home?region=${region}#logsV2:logs-insights${fragment}`;
}
