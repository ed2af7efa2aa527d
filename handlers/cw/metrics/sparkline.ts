const LEVELS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

export interface SparklineInput {
  timestamps: Date[];
  values: number[];
  start: Date;
  end: Date;
  periodSeconds: number;
  /** Characters at most; longer series are folded, keeping each slot's peak so spikes stay visible. */
  width: number;
}

/** A Unicode sparkline over the whole range: periods with no datapoint show as a gap. */
export function sparkline({ timestamps, values, start, end, periodSeconds, width }: SparklineInput): string {
  const periodMs = periodSeconds * 1000;
  const slotCount = Math.max(1, Math.ceil((end.getTime() - start.getTime()) / periodMs));
  const perChar = Math.max(1, Math.ceil(slotCount / Math.max(1, width)));
  const chars = Math.ceil(slotCount / perChar);
  const peaks: (number | undefined)[] = new Array(chars).fill(undefined);
  timestamps.forEach((timestamp, i) => {
    const value = values[i];
    if (value === undefined || !Number.isFinite(value)) return;
    const slot = Math.floor((timestamp.getTime() - start.getTime()) / periodMs);
    if (slot < 0 || slot >= slotCount) return;
    const at = Math.floor(slot / perChar);
    const current = peaks[at];
    peaks[at] = current === undefined ? value : Math.max(current, value);
  });
  const present = peaks.filter((v): v is number => v !== undefined);
  if (present.length === 0) return '';
  const low = Math.min(...present);
  const high = Math.max(...present);
  const top = LEVELS.length - 1;
  return peaks
    .map((v) => {
      if (v === undefined) return ' ';
      // A constant series (zero or not) has no rise to show: a flat low line, not a half-height bar.
      if (high === low) return LEVELS[0];
      return LEVELS[Math.round(((v - low) / (high - low)) * top)];
    })
    .join('')
    .trimEnd();
}
