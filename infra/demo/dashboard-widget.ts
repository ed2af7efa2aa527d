import { titleWithWindow } from '../../handlers/cw/metrics/window-text.ts';
import type { WidgetImageRequest } from '../../handlers/ports.ts';
import type { HorizontalAnnotation, MetricOptions, MetricWidget, WidgetMetric } from '../metric-widget.ts';

/**
 * A dashboard's metric widget (its own `properties`) read as the demo renderer's {@link MetricWidget},
 * the way CloudWatch reads the metrics array: `.` repeats the value at that place in the row above,
 * a leading `...` the row above's words up to those that follow it, and the widget's `stat` and
 * `period` are each row's defaults (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html).
 */
export function metricWidgetFromDashboard(request: WidgetImageRequest): MetricWidget {
  const p = request.properties;
  const stat = typeof p.stat === 'string' ? p.stat : 'Average';
  const period = typeof p.period === 'number' && p.period > 0 ? p.period : 300;
  const rows = Array.isArray(p.metrics) ? p.metrics : [];
  const metrics: WidgetMetric[] = [];
  let previous: string[] = [];
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    const options = row.find((e): e is Record<string, unknown> => typeof e === 'object' && e !== null);
    if (options && typeof options.expression === 'string') {
      metrics.push([
        {
          expression: options.expression,
          id: typeof options.id === 'string' ? options.id : `e${metrics.length}`,
          ...(typeof options.label === 'string' ? { label: options.label } : {}),
          ...(options.visible === false ? { visible: false as const } : {}),
        },
      ]);
      continue;
    }
    const typed = row.filter((e): e is string => typeof e === 'string');
    const words =
      typed[0] === '...'
        ? [...previous.slice(0, Math.max(0, previous.length - (typed.length - 1))), ...typed.slice(1)]
        : typed.map((w, i) => (w === '.' ? (previous[i] ?? '') : w));
    previous = words;
    const own: MetricOptions = {
      stat: typeof options?.stat === 'string' ? options.stat : stat,
      ...(typeof options?.id === 'string' ? { id: options.id } : {}),
      ...(typeof options?.label === 'string' ? { label: options.label } : {}),
      ...(options?.visible === false ? { visible: false as const } : {}),
    };
    metrics.push([...words, own]);
  }
  const annotations = (p.annotations ?? {}) as { horizontal?: unknown };
  const horizontal = (Array.isArray(annotations.horizontal) ? annotations.horizontal : []).flatMap(
    (h): HorizontalAnnotation[] =>
      typeof h === 'object' && h !== null && typeof (h as { value?: unknown }).value === 'number'
        ? [
            {
              value: (h as { value: number }).value,
              ...(typeof (h as { label?: unknown }).label === 'string'
                ? { label: (h as { label: string }).label }
                : {}),
            },
          ]
        : [],
  );
  return {
    title: titleWithWindow(typeof p.title === 'string' ? p.title : 'Dashboard widget', request.start, request.end),
    view: 'timeSeries',
    stacked: false,
    region: 'demo',
    period,
    start: request.start.toISOString(),
    end: request.end.toISOString(),
    width: request.width,
    height: request.height,
    timezone: '+0000',
    metrics,
    ...(horizontal.length > 0 ? { annotations: { horizontal } } : {}),
  };
}
