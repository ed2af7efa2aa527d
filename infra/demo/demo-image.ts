import type { MetricImagePort, MetricsPort, WidgetImagePort } from '../../handlers/ports.ts';
import { buildMetricWidget } from '../metric-widget.ts';
import { renderChart } from './chart.ts';
import { metricWidgetFromDashboard } from './dashboard-widget.ts';
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

/** The demo's dashboard widgets, read as CloudWatch reads them (infra/demo/dashboard-widget.ts) and drawn with the demo data. */
export function createDemoWidgetImage(metrics: MetricsPort): WidgetImagePort {
  return {
    async getWidgetImage(request) {
      return encodePng(renderChart(await chartFromWidget(metricWidgetFromDashboard(request), metrics)));
    },
  };
}
