import type { MetricImagePort, MetricsPort } from '../../handlers/ports.ts';
import { encodePng, Raster } from './png.ts';

/** CloudWatch's default graph palette, roughly. */
const COLORS: [number, number, number][] = [
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [214, 39, 40],
  [148, 103, 189],
  [140, 86, 75],
];
const GRID: [number, number, number] = [225, 228, 232];
const AXIS: [number, number, number] = [120, 124, 130];

/**
 * The demo's stand-in for GetMetricWidgetImage: a line chart of the demo data, drawn here, so a
 * local run shows a real picture. No text: the title and numbers travel in the file's comment.
 */
export function createDemoMetricImage(metrics: MetricsPort): MetricImagePort {
  return {
    async getMetricImage(request) {
      const width = request.width ?? 800;
      const height = request.height ?? 400;
      const data = await metrics.getMetricData(request);
      const raster = new Raster(width, height);
      const left = 40;
      const right = width - 20;
      const top = 20;
      const bottom = height - 30;
      for (let i = 0; i <= 4; i++) {
        const y = top + ((bottom - top) * i) / 4;
        raster.line(left, y, right, y, GRID);
      }
      raster.line(left, top, left, bottom, AXIS);
      raster.line(left, bottom, right, bottom, AXIS);
      const values = data.flatMap((s) => s.values);
      const low = Math.min(0, ...values);
      const high = Math.max(...values, low + 1);
      const t0 = request.start.getTime();
      const span = Math.max(1, request.end.getTime() - t0);
      data.forEach((series, s) => {
        const color = COLORS[s % COLORS.length] ?? [0, 0, 0];
        let previous: [number, number] | undefined;
        series.timestamps.forEach((t, i) => {
          const x = left + ((t.getTime() - t0) / span) * (right - left);
          const y = bottom - (((series.values[i] ?? 0) - low) / (high - low)) * (bottom - top);
          if (previous) raster.line(previous[0], previous[1], x, y, color, 2);
          previous = [x, y];
        });
      });
      return encodePng(raster);
    },
  };
}
