import { type CloudWatchClient, GetMetricWidgetImageCommand } from '@aws-sdk/client-cloudwatch';
import type {
  CallOptions,
  MetricImagePort,
  MetricImageRequest,
  WidgetImagePort,
  WidgetImageRequest,
} from '../../handlers/ports.ts';
import { buildMetricWidget, dashboardWidget } from '../metric-widget.ts';
import { translateAwsError } from './aws-errors.ts';

/** The MetricWidget JSON GetMetricWidgetImage takes (built in infra/metric-widget.ts, which the demo draws too). */
export function metricWidget(request: MetricImageRequest, region: string): string {
  return JSON.stringify(buildMetricWidget(request, region));
}

/** GetMetricWidgetImage's PNG of one widget JSON, its errors in the ports' terms. */
function drawer(client: CloudWatchClient) {
  return async function draw(widget: string, options: CallOptions): Promise<Uint8Array> {
    try {
      const out = await client.send(new GetMetricWidgetImageCommand({ MetricWidget: widget, OutputFormat: 'png' }), {
        abortSignal: options.signal,
      });
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
  };
}

/** The {@link MetricImagePort} backed by GetMetricWidgetImage (PNG bytes). */
export function createCloudWatchMetricImage(client: CloudWatchClient, region: string): MetricImagePort {
  const draw = drawer(client);
  return { getMetricImage: (request, options: CallOptions = {}) => draw(metricWidget(request, region), options) };
}

/** The {@link WidgetImagePort}: a dashboard's metric widget as written, with the chosen range and size. */
export function createCloudWatchWidgetImage(client: CloudWatchClient, region: string): WidgetImagePort {
  const draw = drawer(client);
  return {
    getWidgetImage: (request: WidgetImageRequest, options: CallOptions = {}) =>
      draw(JSON.stringify(dashboardWidget(request, region)), options),
  };
}
