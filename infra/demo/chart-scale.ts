import type { Unit } from '../../handlers/cw/metrics/catalog.ts';

/**
 * The numbers on a graph's axes: round values a person reads at a glance (0, 25, 50, 75, 100 %;
 * 12:00, 12:30, 13:00), with the unit on each value label.
 */

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** The unit's own scale for a range (bytes in powers of 1024, milliseconds as seconds from 1,000 up). */
function scaleFor(unit: Unit | undefined, high: number): { factor: number; suffix: string } {
  if (unit === 'Bytes') {
    let index = 0;
    while (high / 1024 ** index >= 1024 && index < BYTE_UNITS.length - 1) index++;
    return { factor: 1024 ** index, suffix: ` ${BYTE_UNITS[index]}` };
  }
  if (unit === 'Percent') return { factor: 1, suffix: '%' };
  if (unit === 'Milliseconds') return high >= 2000 ? { factor: 1000, suffix: ' s' } : { factor: 1, suffix: ' ms' };
  if (unit === 'Seconds') return high < 1 ? { factor: 0.001, suffix: ' ms' } : { factor: 1, suffix: ' s' };
  if (unit === 'Count/Second') return { factor: 1, suffix: '/s' };
  return { factor: 1, suffix: '' };
}

function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= rough) return m * power;
  return 10 * power;
}

export interface ValueAxis {
  low: number;
  high: number;
  ticks: { value: number; label: string }[];
}

function compact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${trim(value / 1e9)}G`;
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e4) return `${trim(value / 1e3)}k`;
  return trim(value);
}

function trim(value: number): string {
  return String(Number(value.toFixed(3)));
}

/** About `count` round ticks covering [min, max], starting at 0 for values that cannot be negative. */
export function valueAxis(min: number, max: number, unit: Unit | undefined, count = 5): ValueAxis {
  const low0 = Math.min(0, min);
  const high0 = max > low0 ? max : low0 + 1;
  const { factor, suffix } = scaleFor(unit, Math.max(Math.abs(low0), Math.abs(high0)));
  const step = niceStep((high0 - low0) / factor / (count - 1));
  const low = Math.floor(low0 / factor / step) * step;
  const high = Math.ceil(high0 / factor / step - 1e-9) * step;
  const ticks: ValueAxis['ticks'] = [];
  for (let v = low; v <= high + step / 2; v += step) {
    ticks.push({ value: v * factor, label: `${compact(v)}${suffix}` });
  }
  return { low: low * factor, high: Math.max(high, low + step) * factor, ticks };
}

const MINUTE = 60_000;
const INTERVALS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((m) => m * MINUTE);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function dayLabel(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
}

function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

/**
 * Ticks on whole UTC minutes, hours or days, at most `maxTicks` of them. A tick at midnight shows
 * the date instead of 00:00, so a range that crosses a day says which.
 */
export function timeAxis(start: number, end: number, maxTicks: number): { at: number; label: string }[] {
  const span = Math.max(end - start, MINUTE);
  const interval = INTERVALS.find((i) => span / i <= maxTicks) ?? span;
  const ticks: { at: number; label: string }[] = [];
  for (let t = Math.ceil(start / interval) * interval; t <= end; t += interval) {
    const midnight = t % (1440 * MINUTE) === 0;
    ticks.push({ at: t, label: interval >= 1440 * MINUTE || midnight ? dayLabel(t) : clock(t) });
  }
  return ticks;
}

/** The dates a range covers, for the graph's corner: `Nov 25 (UTC)` or `Nov 24 – Nov 25 (UTC)`. */
export function rangeCaption(start: number, end: number): string {
  const first = dayLabel(start);
  const last = dayLabel(end - 1);
  return `${first === last ? first : `${first} – ${last}`} ${new Date(end - 1).getUTCFullYear()} (UTC)`;
}
