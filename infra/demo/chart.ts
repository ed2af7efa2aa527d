import type { Unit } from '../../handlers/cw/metrics/catalog.ts';
import { rangeCaption, timeAxis, valueAxis } from './chart-scale.ts';
import { titleLines } from './chart-title.ts';
import { drawText, fitText, GLYPH_HEIGHT, textWidth } from './font.ts';
import { Raster, type Rgb } from './raster.ts';

export interface Point {
  t: number;
  v: number;
}

/** What one graph shows, already fetched and computed (infra/demo/widget-data.ts builds it from a widget). */
export interface ChartModel {
  title: string;
  width: number;
  height: number;
  start: number;
  end: number;
  unit: Unit | undefined;
  series: { label: string; color: Rgb; points: Point[] }[];
  bands: { label: string; color: Rgb; lower: Point[]; upper: Point[] }[];
  horizontal: { value: number; label: string; color: Rgb }[];
  vertical: { at: number; label: string; color: Rgb }[];
  /** Said under the legend: what the demo could not draw. */
  notes: string[];
}

const INK: Rgb = [33, 37, 41];
const MUTED: Rgb = [108, 117, 125];
const GRID: Rgb = [226, 230, 234];
const AXIS: Rgb = [150, 156, 162];
const WHITE: Rgb = [255, 255, 255];
/** Text is drawn at twice the font's size: readable where Slack shows the picture smaller. */
const SCALE = 2;
const LINE = (GLYPH_HEIGHT + 2) * SCALE;
const PAD = 12;

function legendItems(model: ChartModel): { label: string; color: Rgb; kind: 'line' | 'dash' | 'band' }[] {
  return [
    ...model.series.map((s) => ({ label: s.label, color: s.color, kind: 'line' as const })),
    ...model.bands.map((b) => ({ label: b.label, color: b.color, kind: 'band' as const })),
    ...model.horizontal.map((h) => ({ label: h.label, color: h.color, kind: 'dash' as const })),
  ];
}

/** Legend entries laid out left to right, wrapping; returns their rows. */
function layoutLegend(items: ReturnType<typeof legendItems>, width: number) {
  const rows: { x: number; item: (typeof items)[number]; label: string }[][] = [[]];
  let x = PAD;
  for (const item of items) {
    const label = fitText(item.label, width - 2 * PAD - 34, SCALE);
    const w = 30 + textWidth(label, SCALE) + 24;
    if (x + w > width - PAD && (rows.at(-1)?.length ?? 0) > 0) {
      rows.push([]);
      x = PAD;
    }
    rows.at(-1)?.push({ x, item, label });
    x += w;
  }
  return rows.filter((r) => r.length > 0);
}

function allValues(model: ChartModel): number[] {
  return [
    ...model.series.flatMap((s) => s.points.map((p) => p.v)),
    ...model.bands.flatMap((b) => [...b.lower, ...b.upper].map((p) => p.v)),
    ...model.horizontal.map((h) => h.value),
  ].filter(Number.isFinite);
}

/** Text on a white patch, so a label over a line or a band stays readable. */
function label(raster: Raster, x: number, y: number, text: string, color: Rgb): void {
  raster.fillRect(x - 3, y - 2, textWidth(text, SCALE) + 6, GLYPH_HEIGHT * SCALE + 2, WHITE);
  drawText(raster, x, y, text, color, { scale: SCALE });
}

/**
 * A line chart a person can read: title and date range, y-axis values with their unit, a time axis
 * in UTC, one colour per series with a legend, bands, threshold lines and change markers.
 */
export function renderChart(model: ChartModel): Raster {
  const { width, height } = model;
  const raster = new Raster(width, height);
  const caption = rangeCaption(model.start, model.end);
  drawText(raster, width - PAD - textWidth(caption, SCALE), PAD, caption, MUTED, { scale: SCALE });
  // The window is never cut: the title wraps before it loses anything, and loses its metric part first.
  const titles = titleLines(model.title, width - 3 * PAD - textWidth(caption, SCALE), width - 2 * PAD, SCALE);
  titles.forEach((line, i) => {
    drawText(raster, PAD, PAD + i * LINE, line, INK, { scale: SCALE, bold: true });
  });

  const items = legendItems(model);
  const legend = layoutLegend(items, width);
  const values = allValues(model);
  const axis = valueAxis(Math.min(0, ...values), Math.max(0, ...values), model.unit);
  const labelWidth = Math.max(...axis.ticks.map((t) => textWidth(t.label, SCALE)));
  const left = PAD + labelWidth + 8;
  const right = width - PAD - 4;
  // Below the title's lines, one line for the unit.
  const top = PAD + (titles.length + 1) * LINE + 8;
  const notesHeight = model.notes.length * LINE;
  const bottom = height - PAD - LINE - 8 - legend.length * LINE - notesHeight - 6;
  const x = (t: number) => left + ((t - model.start) / Math.max(1, model.end - model.start)) * (right - left);
  const y = (v: number) => bottom - ((v - axis.low) / Math.max(1e-12, axis.high - axis.low)) * (bottom - top);

  // Grid and value labels.
  for (const tick of axis.ticks) {
    const ty = Math.round(y(tick.value));
    raster.line(left, ty, right, ty, GRID);
    drawText(raster, left - 8 - textWidth(tick.label, SCALE), ty - (7 * SCALE) / 2, tick.label, MUTED, {
      scale: SCALE,
    });
  }
  // Time labels: as many as fit without touching.
  const ticks = timeAxis(model.start, model.end, Math.max(2, Math.floor((right - left) / 90)));
  for (const tick of ticks) {
    const tx = Math.round(x(tick.at));
    raster.line(tx, top, tx, bottom, GRID);
    raster.line(tx, bottom, tx, bottom + 4, AXIS);
    const w = textWidth(tick.label, SCALE);
    const lx = Math.min(Math.max(tx - w / 2, left - w / 2), width - PAD - w);
    drawText(raster, lx, bottom + 8, tick.label, MUTED, { scale: SCALE });
  }
  // The unit by name where the value labels carry none (Count) or as a reminder of what they measure.
  if (model.unit) drawText(raster, PAD, top - 10 - 8 * SCALE, model.unit, MUTED, { scale: SCALE });
  raster.line(left, top, left, bottom, AXIS);
  raster.line(left, bottom, right, bottom, AXIS);

  // Bands under the lines, lines over them, annotations on top.
  for (const band of model.bands) {
    for (let i = 0; i + 1 < band.lower.length; i++) {
      const a = band.lower[i];
      const b = band.lower[i + 1];
      const ua = band.upper[i];
      const ub = band.upper[i + 1];
      if (!a || !b || !ua || !ub) continue;
      for (let px = Math.round(x(a.t)); px <= Math.round(x(b.t)); px++) {
        const f = (px - x(a.t)) / Math.max(1, x(b.t) - x(a.t));
        const lo = y(a.v + (b.v - a.v) * f);
        const hi = y(ua.v + (ub.v - ua.v) * f);
        for (let py = Math.round(hi); py <= Math.round(lo); py++) raster.tint(px, py, band.color, 0.3);
      }
    }
  }
  for (const series of model.series) {
    let previous: [number, number] | undefined;
    for (const p of series.points) {
      const point: [number, number] = [x(p.t), y(p.v)];
      if (previous) raster.line(previous[0], previous[1], point[0], point[1], series.color, 2);
      else raster.fillRect(point[0] - 1, point[1] - 1, 3, 3, series.color);
      previous = point;
    }
  }
  // Labels stay off the plot, so they never hide a datapoint: thresholds are named in the legend,
  // change markers in the strip above the plot.
  for (const h of model.horizontal) {
    const hy = Math.round(y(h.value));
    raster.line(left, hy, right, hy, h.color, 2, [10, 6]);
  }
  for (const v of model.vertical) {
    if (v.at < model.start || v.at > model.end) continue;
    const vx = Math.round(x(v.at));
    raster.line(vx, top - 6, vx, bottom, v.color, 2, [8, 5]);
    const w = textWidth(v.label, SCALE);
    label(raster, vx + 6 + w > width - PAD ? vx - 6 - w : vx + 6, top - 4 - 7 * SCALE, v.label, v.color);
  }

  // Legend rows, then notes.
  let ly = bottom + LINE + 14;
  for (const row of legend) {
    for (const { x: lx, item, label: text } of row) {
      const my = ly + (7 * SCALE) / 2;
      if (item.kind === 'band') raster.fillRect(lx, my - 6, 24, 12, mixWhite(item.color));
      else raster.line(lx, my, lx + 24, my, item.color, 3, item.kind === 'dash' ? [6, 4] : undefined);
      drawText(raster, lx + 30, ly, text, INK, { scale: SCALE });
    }
    ly += LINE;
  }
  for (const note of model.notes) {
    drawText(raster, PAD, ly, fitText(note, width - 2 * PAD, SCALE), MUTED, { scale: SCALE });
    ly += LINE;
  }
  return raster;
}

/** The band's colour as it looks tinted over white, for its legend swatch. */
function mixWhite(rgb: Rgb): Rgb {
  const mix = (c: number) => Math.round(255 * 0.7 + c * 0.3);
  return [mix(rgb[0]), mix(rgb[1]), mix(rgb[2])];
}
