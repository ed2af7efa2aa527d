import type { Unit } from './catalog.ts';

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
/** Numbers people compare at a glance: about three significant digits, `12.3K` past ten thousand. */
const SIGNIFICANT = 3;
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: SIGNIFICANT });

/** `decimals` fixed digits (so a column of values lines up), with thousands separators. */
function fixed(value: number, decimals: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** The decimals that give the largest value about three significant digits (`0.123`, `12.3`, `123`). */
function decimalsFor(largest: number): number {
  if (largest === 0 || !Number.isFinite(largest)) return 0;
  const digits = Math.floor(Math.log10(largest)) + 1;
  return Math.min(3, Math.max(0, SIGNIFICANT - digits));
}

const largestOf = (values: readonly number[]) =>
  values.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0);

/** Plain numbers by one rule: compact past ten thousand, else the decimals the largest needs. */
function plainRule(values: readonly number[]): (value: number) => string {
  const largest = largestOf(values);
  if (largest >= 10_000) return (v) => compact.format(v);
  const decimals = decimalsFor(largest);
  return (v) => fixed(v, decimals);
}

/** Counts of things: whole numbers as such, an average of counts (a fraction) with one decimal. */
function countRule(values: readonly number[]): (value: number) => string {
  if (largestOf(values) >= 10_000) return (v) => compact.format(v);
  return (v) => (Number.isInteger(v) ? fixed(v, 0) : fixed(v, 1));
}

/** A scale (`ms` or `s`, `MiB` or `GiB`) chosen by the largest value, with the decimals it then needs. */
function scaledRule(
  values: readonly number[],
  scales: readonly { below: number; divisor: number; suffix: string }[],
  decimals?: number,
): (value: number) => string {
  const largest = largestOf(values);
  const scale = scales.find((s) => largest < s.below) ?? scales[scales.length - 1];
  if (!scale) return (v) => fixed(v, 0);
  const places = decimals ?? decimalsFor(largest / scale.divisor);
  return (v) => `${fixed(v / scale.divisor, places)}${scale.suffix}`;
}

const TIME_IN_MS = [
  { below: 1000, divisor: 1, suffix: ' ms' },
  { below: 120_000, divisor: 1000, suffix: ' s' },
  { below: Number.POSITIVE_INFINITY, divisor: 60_000, suffix: ' min' },
];

const BYTE_SCALES = BYTE_UNITS.map((suffix, i) => ({
  below: i === BYTE_UNITS.length - 1 ? Number.POSITIVE_INFINITY : 1024 ** (i + 1),
  divisor: 1024 ** i,
  suffix: ` ${suffix}`,
}));

/**
 * One way to write every value of a set (the latest, minimum, average and maximum of the series in
 * one message): the same unit scale and the same decimals for all, chosen by the largest, so
 * `198.86 ms` never sits beside `299.9 ms`. Percentages have one decimal; bytes one decimal in the
 * scale of the largest (`512.0 MiB`, `1.2 GiB`); counts are whole, an average of them one decimal;
 * everything else about three significant digits.
 */
export function valueFormat(values: readonly number[], unit: Unit | undefined): (value: number) => string {
  switch (unit) {
    case 'Percent':
      return (v) => `${v.toFixed(1)}%`;
    case 'Bytes': {
      const largest = largestOf(values);
      if (largest < 1024) return (v) => `${fixed(v, 0)} B`;
      return scaledRule(values, BYTE_SCALES, 1);
    }
    case 'Milliseconds':
      return scaledRule(values, TIME_IN_MS);
    case 'Seconds': {
      const rule = scaledRule(
        values.map((v) => v * 1000),
        TIME_IN_MS,
      );
      return (v) => rule(v * 1000);
    }
    case 'Count/Second': {
      const rule = plainRule(values);
      return (v) => `${rule(v)}/s`;
    }
    case 'Count':
      return countRule(values);
    default:
      return plainRule(values);
  }
}

/**
 * The unit a statistic of a metric is in. Most statistics keep the metric's unit (an average,
 * minimum, maximum or percentile of milliseconds is milliseconds), but:
 * - `SampleCount` counts datapoints, whatever they measure: no unit;
 * - `Sum` of a `Percent` adds up shares of different wholes (CPU of several instances or
 *   periods), which is no longer a percentage of anything: a plain number;
 * - `Sum` of bytes, seconds, counts or rates is still bytes, seconds, a count or a rate.
 */
export function statUnit(unit: Unit | undefined, stat: string): Unit | undefined {
  if (stat === 'SampleCount') return 'Count';
  if (stat === 'Sum' && unit === 'Percent') return undefined;
  return unit;
}

/**
 * How a statistic's values read, by one rule for all of `values` ({@link valueFormat} in the unit
 * {@link statUnit} gives). A metric of unknown unit whose datapoints are all whole numbers is read as
 * a count (a custom `OrdersPlaced` Sum): its average gets one decimal, as a count's does.
 */
export function statFormat(
  values: readonly number[],
  unit: Unit | undefined,
  stat: string,
  datapoints: readonly number[] = [],
): (value: number) => string {
  return valueFormat(values, shownUnit(unit, stat, datapoints));
}

/** The unit {@link statFormat} writes in: {@link statUnit}, or a count for whole datapoints of no known unit. */
function shownUnit(unit: Unit | undefined, stat: string, datapoints: readonly number[]): Unit | undefined {
  const shown = statUnit(unit, stat);
  const counted =
    shown === undefined && unit === undefined && datapoints.length > 0 && datapoints.every(Number.isInteger);
  return counted ? 'Count' : shown;
}

/**
 * How the Averages of a message read: by {@link statFormat}, except that an average of counts (a
 * `SampleCount`, a `Count` metric by any statistic, whole datapoints of no known unit) always has one
 * decimal, `1.0` even when it comes out whole, as it may have a fraction (compact past ten thousand,
 * as every count). Other averages share their decimals with the message's other values.
 */
export function averageFormat(
  averages: readonly number[],
  unit: Unit | undefined,
  stat: string,
  datapoints: readonly number[] = [],
): (value: number) => string {
  const rule = statFormat(averages, unit, stat, datapoints);
  if (shownUnit(unit, stat, datapoints) === 'Count' && largestOf(averages) < 10_000) return (v) => fixed(v, 1);
  return rule;
}

/** One statistic's value alone: {@link statFormat} for that value. */
export function formatStatValue(value: number, unit: Unit | undefined, stat: string): string {
  return statFormat([value], unit, stat)(value);
}

/** A value with its unit, in the form a person reads fastest (`1.2 GiB`, `230 ms`, `42.1%`). */
export function formatValue(value: number, unit: Unit | undefined): string {
  return valueFormat([value], unit)(value);
}
