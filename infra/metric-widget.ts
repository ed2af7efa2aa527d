import { titleWithWindow } from '../handlers/cw/metrics/window-text.ts';
import type { MetricImageRequest, WidgetImageRequest } from '../handlers/ports.ts';

/**
 * The MetricWidget GetMetricWidgetImage takes (the dashboard widget format), as one typed value:
 * infra/aws/metric-image.ts sends it to CloudWatch and the demo renderer draws from it, so the demo
 * draws what AWS would. Structure: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Metric-Widget-Structure.html
 */
export interface MetricWidget {
  title: string;
  view: 'timeSeries';
  stacked: false;
  region: string;
  period: number;
  start: string;
  end: string;
  width: number;
  height: number;
  timezone: '+0000';
  /** `[Namespace, MetricName, DimName, DimValue, …, options]`, or `[{ expression, id, … }]`. */
  metrics: WidgetMetric[];
  annotations?: WidgetAnnotations;
}

export interface MetricOptions {
  stat: string;
  /** The source account of a cross-account metric (the metrics array's rendering properties). */
  accountId?: string;
  id?: string;
  visible?: false;
  label?: string;
}

export interface ExpressionOptions {
  expression: string;
  id: string;
  label?: string;
  visible?: false;
}

export type WidgetMetric = (string | MetricOptions)[] | [ExpressionOptions];

export interface HorizontalAnnotation {
  value: number;
  label?: string;
  /** Six-digit hex with `#`. */
  color?: string;
  fill?: 'above' | 'below';
}

export interface VerticalAnnotation {
  /** An ISO 8601 time. */
  value: string;
  label?: string;
  color?: string;
}

export interface WidgetAnnotations {
  horizontal?: HorizontalAnnotation[];
  vertical?: VerticalAnnotation[];
}

function annotations(request: MetricImageRequest): WidgetAnnotations | undefined {
  const horizontal = (request.annotations?.horizontal ?? []).map((h) => ({
    value: h.value,
    label: h.label,
    ...(h.color ? { color: h.color } : {}),
    ...(h.fill ? { fill: h.fill } : {}),
  }));
  const vertical = (request.annotations?.vertical ?? []).map((v) => ({
    value: v.value.toISOString(),
    label: v.label,
    ...(v.color ? { color: v.color } : {}),
  }));
  if (horizontal.length === 0 && vertical.length === 0) return undefined;
  return {
    ...(horizontal.length > 0 ? { horizontal } : {}),
    ...(vertical.length > 0 ? { vertical } : {}),
  };
}

/**
 * The widget for a request. Its title is what the request draws and then its window in UTC, so the
 * picture says which hours it shows, whoever draws it (CloudWatch or the demo).
 */
export function buildMetricWidget(request: MetricImageRequest, region: string): MetricWidget {
  const notes = annotations(request);
  return {
    title: titleWithWindow(request.title, request.start, request.end),
    view: 'timeSeries',
    stacked: false,
    region,
    period: request.periodSeconds,
    start: request.start.toISOString(),
    end: request.end.toISOString(),
    width: request.width ?? 800,
    height: request.height ?? 400,
    timezone: '+0000',
    metrics: [
      ...request.series.map(
        (s): WidgetMetric => [
          s.namespace,
          s.metricName,
          ...s.dimensions.flatMap((d) => [d.name, d.value]),
          {
            stat: s.stat,
            ...(s.accountId ? { accountId: s.accountId } : {}),
            ...(s.id ? { id: s.id } : {}),
            ...(s.visible === false ? { visible: false as const } : {}),
          },
        ],
      ),
      ...(request.expressions ?? []).map(
        (e): WidgetMetric => [
          {
            expression: e.expression,
            id: e.id,
            ...(e.label ? { label: e.label } : {}),
            ...(e.visible === false ? { visible: false as const } : {}),
          },
        ],
      ),
    ],
    ...(notes ? { annotations: notes } : {}),
  };
}

/**
 * Dashboard-only properties GetMetricWidgetImage has no use for: the console's refresh and layout
 * settings (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Metric-Widget-Structure.html
 * lists what an image takes). The range and size are the request's, not the dashboard's.
 */
const NOT_FOR_IMAGES = new Set([
  'liveData',
  'setPeriodToTimeRange',
  'sparkline',
  'trend',
  'start',
  'end',
  'width',
  'height',
]);

/**
 * A dashboard's metric widget as GetMetricWidgetImage takes it: its own properties (metrics, stat,
 * period, view, yAxis, annotations, …), the chosen range and size, and the deployment's region when
 * the widget names none. Times in UTC, as every graph the bot draws.
 */
export function dashboardWidget(request: WidgetImageRequest, region: string): Record<string, unknown> {
  const own = Object.fromEntries(Object.entries(request.properties).filter(([key]) => !NOT_FOR_IMAGES.has(key)));
  return {
    ...own,
    region: typeof own.region === 'string' && own.region !== '' ? own.region : region,
    start: request.start.toISOString(),
    end: request.end.toISOString(),
    width: request.width,
    height: request.height,
    timezone: '+0000',
  };
}
