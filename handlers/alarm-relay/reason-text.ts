import { alarmNameFromArn } from './alarm-event.ts';

/**
 * Reads the sentence CloudWatch writes in `state.reason`. It is the only place that names the
 * comparison (the EventBridge event carries no `comparisonOperator`) and, for older alarms and
 * for OK, the only place with the datapoints. The forms, from AWS's samples (see
 * test/fixtures/alarm-events/reasons.ts):
 * - `Threshold Crossed: 1 out of the last 1 datapoints [99.5 (02/10/19 16:59:00)] was greater than the threshold (50.0) (…)`
 * - `Threshold Crossed: 3 out of the last 3 datapoints [1.0 (…), 1.0 (…), 2.0 (…)] were greater than or equal to the threshold (1.0) (…)`
 * - `Threshold Crossed: 2 datapoints were not greater than the threshold (70.0). The most recent datapoints: [38.958, 40.292].`
 * - `Threshold Crossed: 1 datapoint (5.199) was greater than or equal to the threshold (5.0).`
 * - `Thresholds Crossed: 1 out of the last 1 datapoints [0.0 (…)] was less than the lower thresholds [0.02] or greater than the upper thresholds [0.3] (…)`
 * - `Insufficient Data: 5 datapoints were unknown.`
 * - composite: `arn:aws:cloudwatch:…:alarm:Child transitioned to ALARM at …`
 * Numbers may be in Java's exponent notation (`2.147483648E9`).
 */

export const COMPARISONS = ['greater than or equal to', 'greater than', 'less than or equal to', 'less than'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** Which side of an anomaly-detection band the datapoints were on. */
export type BandSide = 'outside' | 'above' | 'below';

export type ReasonText =
  | {
      form: 'threshold';
      comparison: Comparison;
      negated: boolean;
      threshold?: number;
      datapoints: number[];
      crossed?: { count: number; of?: number };
    }
  | {
      form: 'band';
      side: BandSide;
      negated: boolean;
      lower: number[];
      upper: number[];
      datapoints: number[];
      crossed?: { count: number; of?: number };
    }
  | { form: 'insufficient'; unknown: number }
  | { form: 'other' };

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/;

function leadingNumber(text: string): number | undefined {
  const match = NUMBER.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[0]);
  return Number.isFinite(value) ? value : undefined;
}

/** `[99.5 (02/10/19 16:59:00), 2.1E9 (…)]` → the numbers; the times are dropped. */
function numberList(inner: string): number[] {
  return inner
    .split(',')
    .map(leadingNumber)
    .filter((v): v is number => v !== undefined);
}

/** The first bracketed list that is not a list of band thresholds: the datapoints. */
function datapointList(reason: string): number[] {
  for (const match of reason.matchAll(/\[([^\]]*)\]/g)) {
    const before = reason.slice(Math.max(0, (match.index ?? 0) - 12), match.index);
    if (/thresholds?\s*$/.test(before)) continue;
    const values = numberList(match[1] ?? '');
    if (values.length > 0) return values;
  }
  // The older single-datapoint form: `1 datapoint (5.199) was …`.
  const legacy = /datapoints? \(([^)]*)\) (?:was|were)\b/.exec(reason);
  const value = legacy ? leadingNumber(legacy[1] ?? '') : undefined;
  return value === undefined ? [] : [value];
}

function crossedCount(reason: string): { count: number; of?: number } | undefined {
  const match = /(\d+) (?:out of the last (\d+) )?datapoints?\b/.exec(reason);
  if (!match) return undefined;
  return { count: Number(match[1]), ...(match[2] ? { of: Number(match[2]) } : {}) };
}

function bracketAfter(reason: string, words: RegExp): number[] {
  const match = new RegExp(`${words.source}\\s*\\[([^\\]]*)\\]`).exec(reason);
  return match ? numberList(match[1] ?? '') : [];
}

export function readReasonText(reason: string): ReasonText {
  const insufficient = /Insufficient Data: (\d+) datapoints? (?:was|were) unknown/i.exec(reason);
  if (insufficient) return { form: 'insufficient', unknown: Number(insufficient[1]) };

  const below = /\b(not )?less than the lower thresholds?\b/.exec(reason);
  const above = /\b(not )?greater than the upper thresholds?\b/.exec(reason);
  if (below || above) {
    const side: BandSide = below && above ? 'outside' : above ? 'above' : 'below';
    return {
      form: 'band',
      side,
      negated: Boolean((below ?? above)?.[1]),
      lower: bracketAfter(reason, /lower thresholds?/),
      upper: bracketAfter(reason, /upper thresholds?/),
      datapoints: datapointList(reason),
      crossed: crossedCount(reason),
    };
  }

  const comparison = new RegExp(
    `\\b(?:was|were) (not )?(${COMPARISONS.join('|')}) the threshold(?: \\(([^)]*)\\))?`,
  ).exec(reason);
  if (comparison) {
    const threshold = comparison[3] === undefined ? undefined : leadingNumber(comparison[3]);
    return {
      form: 'threshold',
      comparison: comparison[2] as Comparison,
      negated: Boolean(comparison[1]),
      ...(threshold === undefined ? {} : { threshold }),
      datapoints: datapointList(reason),
      crossed: crossedCount(reason),
    };
  }
  return { form: 'other' };
}

/**
 * CloudWatch's sentence with every alarm ARN replaced by the alarm's name (composite reasons name
 * their children by ARN). A name runs to the verb CloudWatch puts after it, or to the next space.
 */
export function withAlarmNames(reason: string): string {
  return reason.replace(
    /arn:aws[a-z-]*:cloudwatch:[a-z0-9-]*:\d*:alarm:(?:(?:(?!arn:).)+?(?= transitioned to | was created| was updated| evaluates? )|[^\s,;)]+)/g,
    (arn) => alarmNameFromArn(arn),
  );
}
