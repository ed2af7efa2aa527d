import { formatDuration } from '../../duration.ts';

/** Aim for about this many points per series when the user does not pick a period. */
export const TARGET_POINTS = 100;
/** A period the user picks may give up to this many points; past it the period grows. */
export const MAX_POINTS = 1440;

const NICE_PERIODS = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
/** The periods CloudWatch accepts under a minute (high-resolution metrics only): never chosen unless asked for. */
const HIGH_RESOLUTION_PERIODS = [1, 5, 10, 30];

export interface PeriodChoice {
  periodSeconds: number;
  /** Why the period differs from the one asked for. */
  note?: string;
}

/**
 * CloudWatch's retention rules decide which periods still hold data at a given age: high-resolution
 * (< 60 s) only for the last 3 h, 1-minute data for 15 days, 5-minute for 63 days, then 1-hour.
 */
export function minimumPeriodMultiple(ageSeconds: number): number {
  if (ageSeconds > 63 * 86400) return 3600;
  if (ageSeconds > 15 * 86400) return 300;
  if (ageSeconds > 3 * 3600) return 60;
  return 1;
}

/** For each retention step, the finer data that is gone by then and how long it was kept. */
const FINER_DATA_KEPT: Record<number, string> = {
  60: 'sub-minute data for 3h',
  300: '1-minute data for 15d',
  3600: '5-minute data for 63d',
};

/**
 * Picks the period for a range `sinceSeconds` long that starts `ageSeconds` ago (the same for "the
 * last …"), honouring a requested period where CloudWatch can.
 */
export function choosePeriod(sinceSeconds: number, requested?: number, ageSeconds = sinceSeconds): PeriodChoice {
  const multiple = minimumPeriodMultiple(ageSeconds);
  const fits = (period: number, maxPoints: number) => period % multiple === 0 && sinceSeconds / period <= maxPoints;
  const smallestNice = (maxPoints: number, atLeast = 0) =>
    // A sub-minute period asked for grows through the sub-minute periods first: 1s over 3h is 10s, not 1m.
    [...(atLeast > 0 && atLeast < 60 ? HIGH_RESOLUTION_PERIODS : []), ...NICE_PERIODS].find(
      (p) => p >= atLeast && fits(p, maxPoints),
    ) ?? 86400;

  if (requested === undefined) return { periodSeconds: smallestNice(TARGET_POINTS) };
  if (fits(requested, MAX_POINTS)) return { periodSeconds: requested };
  // Both reasons can apply at once (1m over 16 days): the note names each that does.
  const reasons: string[] = [];
  if (requested % multiple !== 0) {
    // Say how long the finer data is kept, not the coarser: "1m data 5h back" reads as if minutes lasted 5 h.
    reasons.push(
      `CloudWatch keeps ${FINER_DATA_KEPT[multiple] ?? 'finer data for less'} only and this range starts ${formatDuration(ageSeconds)} back`,
    );
  }
  if (sinceSeconds / Math.max(requested, multiple) > MAX_POINTS) {
    reasons.push(
      `${formatDuration(Math.max(requested, multiple))} over ${formatDuration(sinceSeconds)} is more than ${MAX_POINTS} points`,
    );
  }
  const periodSeconds = smallestNice(MAX_POINTS, requested);
  return { periodSeconds, note: `${reasons.join(', and ')}, so the period is ${formatDuration(periodSeconds)}.` };
}

/**
 * The window a query reads: it ends now (never later: a future end only adds empty periods and
 * shows a range no one asked for) and starts at the period boundary at or before `now − since`, so
 * CloudWatch answers from whole periods from the start and the newest, still-filling period is
 * included. The window is at least `since` long and so, as the period never exceeds the range
 * ({@link periodLongerThanRange}), at least one period.
 */
export function metricsWindow(
  now: Date,
  sinceSeconds: number,
  periodSeconds: number,
  window?: { from: Date; to?: Date },
): { start: Date; end: Date } {
  if (window) {
    // An absolute window (the Graph button's): the same instants whenever it is read, never past now.
    const end = Math.floor(Math.min(window.to?.getTime() ?? now.getTime(), now.getTime()) / 1000) * 1000;
    const periodMs = periodSeconds * 1000;
    return { start: new Date(Math.floor(window.from.getTime() / periodMs) * periodMs), end: new Date(end) };
  }
  // Whole seconds: CloudWatch counts in seconds, and the console link carries the same instant.
  const end = Math.floor(now.getTime() / 1000) * 1000;
  const periodMs = periodSeconds * 1000;
  const start = Math.floor((end - sinceSeconds * 1000) / periodMs) * periodMs;
  return { start: new Date(start), end: new Date(end) };
}

/** Why a period cannot be read over a range, when it is longer than the range (`--period 1d --since 3h`). */
export function periodLongerThanRange(periodSeconds: number, sinceSeconds: number): string | undefined {
  if (periodSeconds <= sinceSeconds) return undefined;
  return (
    `A ${formatDuration(periodSeconds)} period is longer than the ${formatDuration(sinceSeconds)} range, so it would ` +
    `show one partial period: use a shorter \`--period\` or a longer \`--since\`, e.g. ` +
    `\`--period ${formatDuration(periodSeconds)} --since ${formatDuration(periodSeconds * 2)}\`.`
  );
}
