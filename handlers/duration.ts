const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  m: 60,
  min: 60,
  mins: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
  w: 604800,
  week: 604800,
  weeks: 604800,
};

/** Parses `30m`, `3h`, `1d`, `2w` (and `90min`, `3hours`) into seconds; `undefined` when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,6})\s*([a-z]+)$/i.exec(text.trim());
  if (!match) return undefined;
  const [, amount, unit] = match;
  const seconds = UNIT_SECONDS[(unit ?? '').toLowerCase()];
  const value = Number(amount) * (seconds ?? Number.NaN);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Seconds as the shortest exact human form: `90` → `90s`, `10800` → `3h`, `5400` → `90m`. */
export function formatDuration(seconds: number): string {
  for (const [unit, size] of [
    ['w', 604800],
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
