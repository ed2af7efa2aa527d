import type { MetricImagePort, MetricsPort } from '../../handlers/ports.ts';
import { buildMetricWidget } from '../metric-widget.ts';
import { renderChart } from './chart.ts';
import { encodePng } from './png.ts';
import { chartFromWidget } from './widget-data.ts';

/**
 * The demo's stand-in for GetMetricWidgetImage: it builds the same widget JSON the AWS adapter sends
 * (infra/metric-widget.ts), reads it back as CloudWatch would, and draws it with the demo data, so a
 * local run shows the picture AWS would post, threshold and change marker included.
 */
export function createDemoMetricImage(metrics: MetricsPort): MetricImagePort {
  return {
    async getMetricImage(request) {
      const widget = buildMetricWidget(request, 'demo');
      return encodePng(renderChart(await chartFromWidget(widget, metrics)));
    },
  };
}
