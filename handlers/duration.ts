/**
 * Durations as people type them: `3h`, `3 hours`, `1.5h`, `2h30m`, `90m`, `1 day`, `2 weeks`, `PT3H`,
 * and the Korean units (`3시간`, `2시간 30분`, `1일`).
 */

/** A duration as typed: its length, and the user's own spelling to show back to them. */
export interface Duration {
  seconds: number;
  /** What the user typed, trimmed and with runs of spaces made one; messages show this, not a conversion. */
  text: string;
}

const UNITS = [
  { size: 604800, short: 'w', names: ['w', 'wk', 'wks', 'week', 'weeks', '주', '주일'] },
  { size: 86400, short: 'd', names: ['d', 'day', 'days', '일'] },
  { size: 3600, short: 'h', names: ['h', 'hr', 'hrs', 'hour', 'hours', '시간'] },
  { size: 60, short: 'm', names: ['m', 'min', 'mins', 'minute', 'minutes', '분'] },
  { size: 1, short: 's', names: ['s', 'sec', 'secs', 'second', 'seconds', '초'] },
] as const;

const UNIT_BY_NAME = new Map<string, { size: number; rank: number }>(
  UNITS.flatMap((u, rank) => u.names.map((name) => [name, { size: u.size, rank }] as const)),
);

/** Units with no fixed length: CloudWatch counts in seconds, so these get a hint instead of a guess. */
const VAGUE_UNITS = new Map<string, number>([
  ...['mo', 'mos', 'mon', 'month', 'months', '개월', '달'].map((u) => [u, 30] as const),
  ...['y', 'yr', 'yrs', 'year', 'years', '년'].map((u) => [u, 365] as const),
]);

/** `a month`, `an hour`, `한 달`: a word for "one" before the unit. */
const ONE_WORD = /^(?:(?:an?|one)\s+|한\s*)(?=[a-z\uac00-\ud7a3])/i;

/** Nobody means more than ten years; this also keeps every value a safe integer. */
const MAX_SECONDS = 10 * 365 * 86400;

/** One `<number><unit>` part; spaces may sit between the two and between parts, as may `,` or `and`. */
const PART = /(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+|[\uac00-\ud7a3]+)/giy;
const SEPARATOR = /(?:\s+and\s+|\s*,\s*|\s+)/iy;
const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i;

function normalize(text: string): string {
  // NFKC turns a phone keyboard's full-width digits (３시간) into ASCII ones.
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

function parseIso(text: string): number | undefined {
  const match = ISO.exec(text);
  if (!match || !/\d/.test(text)) return undefined;
  const [, w, d, h, m, s] = match;
  return [w, d, h, m, s].reduce((sum, part, i) => sum + Number(part ?? 0) * (UNITS[i]?.size ?? 0), 0);
}

/** The parts of `text` in order, or `undefined` when something in it is not a `<number><unit>` part. */
function parts(text: string): { amount: string; unit: string }[] | undefined {
  const found: { amount: string; unit: string }[] = [];
  let at = 0;
  while (at < text.length) {
    if (found.length > 0) {
      SEPARATOR.lastIndex = at;
      if (SEPARATOR.exec(text)) at = SEPARATOR.lastIndex;
    }
    PART.lastIndex = at;
    const match = PART.exec(text);
    if (!match) return undefined;
    found.push({ amount: match[1] ?? '', unit: (match[2] ?? '').toLowerCase() });
    at = PART.lastIndex;
  }
  return found.length > 0 ? found : undefined;
}

function secondsOf(text: string): number | undefined {
  const iso = parseIso(text);
  if (iso !== undefined) return iso;
  const list = parts(text);
  if (!list) return undefined;
  let total = 0;
  let lastRank = -1;
  for (const { amount, unit } of list) {
    const known = UNIT_BY_NAME.get(unit);
    // Units go from the largest down, each once (`2h30m`), and only a lone part may have a fraction (`1.5h`).
    if (!known || known.rank <= lastRank) return undefined;
    if (amount.includes('.') && list.length > 1) return undefined;
    lastRank = known.rank;
    total += Number(amount) * known.size;
  }
  // Fractions must come out in whole seconds (`1.5h`, not `0.3s`): CloudWatch counts in seconds.
  const rounded = Math.round(total * 1000) / 1000;
  return Number.isInteger(rounded) ? rounded : undefined;
}

/** Reads a duration, keeping the user's spelling; `undefined` when it is not one (see {@link durationHint}). */
export function readDuration(raw: string): Duration | undefined {
  const text = normalize(raw);
  if (text.length === 0 || text.length > 40) return undefined;
  const seconds = secondsOf(text.replace(ONE_WORD, '1 '));
  if (seconds === undefined || seconds <= 0 || seconds > MAX_SECONDS) return undefined;
  return { seconds, text };
}

/** Parses a duration into seconds; `undefined` when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  return readDuration(text)?.seconds;
}

/**
 * Why `raw` is not a duration, in one sentence with examples, for a user who typed it after `flag`.
 * Callers use this only after {@link readDuration} refused the text.
 */
export function durationHint(raw: string, flag = '--since'): string {
  const text = normalize(raw);
  const shown = `\`${flag} ${text.replace(/`/g, "'").slice(0, 40)}\``;
  const examples = 'e.g. 30m, 3h, 1.5h, 2h30m, 1d or 2 weeks';
  if (text === '') return `\`${flag}\` needs a duration, ${examples}.`;
  if (/^\d+(\.\d+)?$/.test(text)) return `${shown} needs a unit: ${text}m, ${text}h or ${text}d?`;
  if (/^[-−]/.test(text)) return `${shown}: a duration counts back from now, so write it without a minus, ${examples}.`;
  const list = parts(text.replace(ONE_WORD, '1 '));
  const vague = list?.find((p) => VAGUE_UNITS.has(p.unit));
  if (vague) {
    const days = Math.round(Number(vague.amount) * (VAGUE_UNITS.get(vague.unit) ?? 30));
    const what = (VAGUE_UNITS.get(vague.unit) ?? 30) === 365 ? 'years' : 'months';
    return `${shown}: ${what} have no fixed length: write ${days}d.`;
  }
  const unknown = list?.find((p) => !UNIT_BY_NAME.has(p.unit));
  if (unknown) return `${shown}: \`${unknown.unit}\` is not a unit. Use s, m, h, d or w, ${examples}.`;
  if (list?.every((p) => Number(p.amount) === 0)) return `${shown} is zero; ${examples}.`;
  if (list && list.length > 1) {
    return `${shown}: write the parts from the largest unit down, each once and in whole numbers, like 2h30m or 1d12h.`;
  }
  const seconds = list ? secondsOf(text) : undefined;
  if (seconds !== undefined && seconds > MAX_SECONDS) return `${shown} is more than ten years; ${examples}.`;
  if (list) return `${shown} is not a whole number of seconds; ${examples}.`;
  return `${shown} is not a duration. Write a number and a unit, ${examples}.`;
}

/**
 * Seconds as an exact compact form that {@link parseDuration} reads back: `90` → `1m30s`,
 * `604800` → `7d` (days, not weeks: people count days), `9000` → `2h30m`.
 */
export function formatDuration(seconds: number): string {
  let rest = Math.max(0, Math.round(seconds));
  if (rest === 0) return '0s';
  let text = '';
  for (const unit of UNITS.slice(1)) {
    const count = Math.floor(rest / unit.size);
    if (count > 0) text += `${count}${unit.short}`;
    rest -= count * unit.size;
  }
  return text;
}

/**
 * A length of time that no one typed (a `--from` without `--to`, the time since an event), rounded
 * to its two largest units: `564208` → `6d12h`, `7530` → `2h5m`.
 */
export function formatSpan(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const units = UNITS.slice(1);
  const first = units.findIndex((u) => total >= u.size);
  if (first < 0) return '0s';
  const big = units[first];
  const small = units[first + 1];
  if (!big) return '0s';
  if (!small) return formatDuration(total);
  // Round to the smaller unit, then split; 1d23h59m rounds up to 2d.
  const inSmall = Math.round(total / small.size);
  const bigCount = Math.floor((inSmall * small.size) / big.size);
  const smallCount = inSmall - (bigCount * big.size) / small.size;
  return `${bigCount}${big.short}${smallCount > 0 ? `${smallCount}${small.short}` : ''}`;
}
