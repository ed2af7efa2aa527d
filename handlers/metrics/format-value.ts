import type { Unit } from './catalog.ts';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

function number(value: number): string {
  return Math.abs(value) >= 10_000 ? compact.format(value) : plain.format(value);
}

/** How a value reads when it is a count of things: whole numbers as such, an average of counts with one decimal. */
function count(value: number): string {
  if (Math.abs(value) >= 10_000) return compact.format(value);
  return Number.isInteger(value) ? plain.format(value) : value.toFixed(1);
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

/** A statistic's value as people read it: {@link formatValue} in the unit {@link statUnit} gives. */
export function formatStatValue(value: number, unit: Unit | undefined, stat: string): string {
  return formatValue(value, statUnit(unit, stat));
}

/** A value with its unit, in the form a person reads fastest (`1.2 GiB`, `230 ms`, `42.1%`). */
export function formatValue(value: number, unit: Unit | undefined): string {
  switch (unit) {
    case 'Percent':
      return `${value.toFixed(1)}%`;
    case 'Bytes': {
      let scaled = value;
      let index = 0;
      while (Math.abs(scaled) >= 1024 && index < BYTE_UNITS.length - 1) {
        scaled /= 1024;
        index++;
      }
      return `${index === 0 ? Math.round(scaled) : scaled.toFixed(1)} ${BYTE_UNITS[index]}`;
    }
    case 'Milliseconds':
      return Math.abs(value) < 1000 ? `${plain.format(value)} ms` : `${(value / 1000).toFixed(2)} s`;
    case 'Seconds':
      if (Math.abs(value) < 1) return `${plain.format(value * 1000)} ms`;
      return Math.abs(value) < 120 ? `${value.toFixed(2)} s` : `${(value / 60).toFixed(1)} min`;
    case 'Count/Second':
      return `${number(value)}/s`;
    case 'Count':
      return count(value);
    default:
      return number(value);
  }
}
