import { type CloudWatchClient, GetMetricWidgetImageCommand } from '@aws-sdk/client-cloudwatch';
import type { CallOptions, MetricImagePort, MetricImageRequest } from '../../handlers/ports.ts';
import { translateCloudWatchError } from './cloudwatch-metrics.ts';

/** The MetricWidget JSON GetMetricWidgetImage takes (the dashboard widget format). */
export function metricWidget(request: MetricImageRequest, region: string): string {
  return JSON.stringify({
    title: request.title,
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
      ...request.series.map((s) => [
        s.namespace,
        s.metricName,
        ...s.dimensions.flatMap((d) => [d.name, d.value]),
        { stat: s.stat, ...(s.id ? { id: s.id } : {}), ...(s.visible === false ? { visible: false } : {}) },
      ]),
      ...(request.expressions ?? []).map((e) => [
        {
          expression: e.expression,
          id: e.id,
          ...(e.label ? { label: e.label } : {}),
          ...(e.visible === false ? { visible: false } : {}),
        },
      ]),
    ],
  });
}

/** The {@link MetricImagePort} backed by GetMetricWidgetImage (PNG bytes). */
export function createCloudWatchMetricImage(client: CloudWatchClient, region: string): MetricImagePort {
  return {
    async getMetricImage(request, options: CallOptions = {}) {
      try {
        const out = await client.send(
          new GetMetricWidgetImageCommand({ MetricWidget: metricWidget(request, region), OutputFormat: 'png' }),
          { abortSignal: options.signal },
        );
        if (!out.MetricWidgetImage?.length) throw new Error('GetMetricWidgetImage returned no image');
        return out.MetricWidgetImage;
      } catch (error) {
        throw translateCloudWatchError(error);
      }
    },
  };
}
