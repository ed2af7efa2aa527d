import { type CloudWatchClient, GetMetricWidgetImageCommand } from '@aws-sdk/client-cloudwatch';
import type { CallOptions, MetricImagePort, MetricImageRequest } from '../../handlers/ports.ts';
import { buildMetricWidget } from '../metric-widget.ts';
import { translateAwsError } from './aws-errors.ts';

/** The MetricWidget JSON GetMetricWidgetImage takes (built in infra/metric-widget.ts, which the demo draws too). */
export function metricWidget(request: MetricImageRequest, region: string): string {
  return JSON.stringify(buildMetricWidget(request, region));
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
        throw await translateAwsError(error, {
          service: 'CloudWatch',
          client,
          accessDenied: "The bot's AWS role may not draw metric graphs (cloudwatch:GetMetricWidgetImage).",
          request: 'the graph',
        });
      }
    },
  };
}
