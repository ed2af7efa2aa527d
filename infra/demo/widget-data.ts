import { type Unit, unitOf } from '../../handlers/cw/metrics/catalog.ts';
import type { MetricSpec, MetricsPort } from '../../handlers/ports.ts';
import type { ExpressionOptions, MetricOptions, MetricWidget } from '../metric-widget.ts';
import type { ChartModel, Point } from './chart.ts';
import { evaluateExpression } from './expression.ts';
import type { Rgb } from './raster.ts';

/**
 * CloudWatch's graph palette, less its red, which the threshold and ALARM marker use: ten colours far
 * enough apart to tell the lines apart.
 */
export const PALETTE: Rgb[] = [
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [148, 103, 189],
  [140, 86, 75],
  [227, 119, 194],
  [23, 190, 207],
  [188, 189, 34],
  [127, 127, 127],
  [52, 58, 64],
];
const BAND: Rgb = [120, 130, 140];
const DAY = 86_400_000;

export function hexColor(hex: string | undefined, fallback: Rgb): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  return m
    ? [Number.parseInt(m[1] ?? '0', 16), Number.parseInt(m[2] ?? '0', 16), Number.parseInt(m[3] ?? '0', 16)]
    : fallback;
}

interface ParsedMetric {
  spec: MetricSpec;
  options: MetricOptions;
}

function parseEntry(entry: MetricWidget['metrics'][number]): ParsedMetric | ExpressionOptions | undefined {
  const [first] = entry;
  if (typeof first === 'object' && 'expression' in first) return first;
  const words = entry.filter((e): e is string => typeof e === 'string');
  const options = entry.find((e): e is MetricOptions => typeof e === 'object') ?? { stat: 'Average' };
  const [namespace, metricName, ...pairs] = words;
  if (!namespace || !metricName) return undefined;
  const dimensions = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) dimensions.push({ name: pairs[i] ?? '', value: pairs[i + 1] ?? '' });
  const account = options.accountId ? { accountId: options.accountId } : {};
  return { spec: { namespace, metricName, dimensions, stat: options.stat, ...account }, options };
}

/** The metric and its resource, so two lines of one metric (orders-db, users-db) have different names. */
function metricLabel(spec: MetricSpec): string {
  return `${spec.metricName} ${spec.dimensions.map((d) => d.value).join(' ')}`.trim();
}

/**
 * Reads a widget as GetMetricWidgetImage would: fetches its metrics from the demo data, computes its
 * expressions (arithmetic on ids, ANOMALY_DETECTION_BAND), and takes its annotations.
 */
export async function chartFromWidget(widget: MetricWidget, metrics: MetricsPort): Promise<ChartModel> {
  const start = new Date(widget.start);
  const end = new Date(widget.end);
  const entries = widget.metrics.map(parseEntry);
  const specs = entries.filter((e): e is ParsedMetric => e !== undefined && 'spec' in e);
  const expressions = entries.filter((e): e is ExpressionOptions => e !== undefined && 'expression' in e);
  const data = await metrics.getMetricData({
    series: specs.map((s) => s.spec),
    periodSeconds: widget.period,
    start,
    end,
  });
  const byId = new Map<string, Point[]>();
  const model: ChartModel = {
    title: widget.title,
    width: widget.width,
    height: widget.height,
    start: start.getTime(),
    end: end.getTime(),
    unit: undefined,
    series: [],
    bands: [],
    horizontal: [],
    vertical: [],
    notes: [],
  };
  const nextColor = () => PALETTE[model.series.length % PALETTE.length] ?? PALETTE[0] ?? [0, 0, 0];
  const units: (Unit | undefined)[] = [];
  specs.forEach((s, i) => {
    const d = data[i];
    const points = (d?.timestamps ?? []).map((t, j) => ({ t: t.getTime(), v: d?.values[j] ?? Number.NaN }));
    if (s.options.id) byId.set(s.options.id, points);
    if (s.options.visible === false) return;
    units.push(unitOf(s.spec.namespace, s.spec.metricName));
    const label = s.options.label ?? metricLabel(s.spec);
    model.series.push({ label: points.length > 0 ? label : `${label} (no data)`, color: nextColor(), points });
  });
  for (const e of expressions) {
    const band = /^\s*ANOMALY_DETECTION_BAND\s*\(\s*(\w+)\s*(?:,\s*([\d.]+)\s*)?\)\s*$/i.exec(e.expression);
    const source = band ? specs.find((s) => s.options.id === band[1]) : undefined;
    if (band && source) {
      if (e.visible === false) continue;
      model.bands.push({
        label: e.label ?? `${source.spec.metricName} (expected)`,
        color: BAND,
        ...(await expectedBand(metrics, source.spec, widget.period, start, end, Number(band[2] ?? 2))),
      });
      units.push(unitOf(source.spec.namespace, source.spec.metricName));
      continue;
    }
    const points = evaluateExpression(e.expression, byId);
    if (!points) {
      model.notes.push(`Not drawn by the demo: ${e.label ?? e.id} = ${e.expression}`);
      continue;
    }
    byId.set(e.id, points);
    if (e.visible === false) continue;
    units.push(undefined);
    model.series.push({ label: e.label ?? e.id, color: nextColor(), points });
  }
  // One unit on the axis only when every line shares it (an expression's unit is unknown).
  model.unit = units.length > 0 && units.every((u) => u === units[0]) ? units[0] : undefined;
  for (const h of widget.annotations?.horizontal ?? []) {
    model.horizontal.push({
      value: h.value,
      label: h.label ?? String(h.value),
      color: hexColor(h.color, [214, 39, 40]),
    });
  }
  for (const v of widget.annotations?.vertical ?? []) {
    model.vertical.push({
      at: new Date(v.value).getTime(),
      label: v.label ?? '',
      color: hexColor(v.color, [90, 90, 90]),
    });
  }
  return model;
}

/**
 * The demo's anomaly model: the same hours yesterday are what is expected (the demo's incident is
 * today's), and the band is `width` standard deviations of the period-to-period change around it.
 */
async function expectedBand(
  metrics: MetricsPort,
  spec: MetricSpec,
  period: number,
  start: Date,
  end: Date,
  width: number,
): Promise<{ lower: Point[]; upper: Point[] }> {
  const [yesterday] = await metrics.getMetricData({
    series: [spec],
    periodSeconds: period,
    start: new Date(start.getTime() - DAY),
    end: new Date(end.getTime() - DAY),
  });
  const values = yesterday?.values ?? [];
  const diffs = values.slice(1).map((v, i) => v - (values[i] ?? v));
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const sd = Math.sqrt(diffs.reduce((a, d) => a + d * d, 0) / Math.max(1, diffs.length) / 2);
  const half = width * Math.max(sd, Math.abs(mean) * 0.02);
  const points = (yesterday?.timestamps ?? []).map((t, i) => ({ t: t.getTime() + DAY, v: values[i] ?? 0 }));
  return {
    lower: points.map((p) => ({ t: p.t, v: Math.max(0, p.v - half) })),
    upper: points.map((p) => ({ t: p.t, v: p.v + half })),
  };
}
