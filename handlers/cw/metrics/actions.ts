/**
 * The buttons under a metric answer or graph, as rendered: Graph, and the range buttons (1h · 3h ·
 * 1d · 7d) that redraw the same metric over that range in place. What a press does is in
 * ./buttons.ts; this half has no imports of the commands, so renderers can use it.
 */
import type { ActionsBlock, Button } from '@slack/types';

/** The metrics message's Graph button: its value is the `/cw` text to run with `--graph`. */
export const GRAPH_ACTION = 'cw_metrics_graph';

/** Slack's limit on a button's `value` (docs.slack.dev/reference/block-kit/block-elements/button-element). */
export const BUTTON_VALUE_MAX = 2000;

/** The ranges every metric answer and graph can be redrawn over, each its own button. */
export const RANGES = [
  { label: '1h', seconds: 3600 },
  { label: '3h', seconds: 3 * 3600 },
  { label: '1d', seconds: 86400 },
  { label: '7d', seconds: 7 * 86400 },
] as const;
export type Range = (typeof RANGES)[number];

/** The range buttons of a metric answer: `cw_metrics_range_1h` … (an action id per range: Slack wants them unique). */
export const METRICS_RANGE_PREFIX = 'cw_metrics_range';

export const rangeActionId = (prefix: string, range: Range) => `${prefix}_${range.label}`;

/**
 * The four range buttons, each carrying the same value (the range is the action id's). The one the
 * message shows is marked. None when the value is longer than a button holds.
 */
export function rangeButtons(prefix: string, value: string, currentSeconds?: number): Button[] {
  if (value.length > BUTTON_VALUE_MAX) return [];
  return RANGES.map((range) => ({
    type: 'button',
    action_id: rangeActionId(prefix, range),
    text: { type: 'plain_text', text: range.label },
    value,
    ...(range.seconds === currentSeconds ? { style: 'primary' as const } : {}),
  }));
}

/**
 * What a metric answer's range buttons carry: the words that name its series and statistic (as
 * `parseMetricsArgs` reads them), the period the user picked, whether it was a graph or shared, and
 * the picture on show, which a redraw replaces.
 */
export interface MetricsRangeValue {
  v: 1;
  /** `MetricsQuery.redrawWords`. */
  w: string[];
  /** The period the user typed, in seconds: kept where it suits the new range, else one is chosen. */
  p?: number;
  g?: 1;
  s?: 1;
  /** The file id of the graph on show, removed once the redrawn one is posted. */
  f?: string;
}

export function encodeMetricsRange(value: MetricsRangeValue): string {
  return JSON.stringify(value);
}

/** The value back, or `undefined` when it is not one of ours (a hand-made payload, an older bot). */
export function decodeMetricsRange(raw: string): MetricsRangeValue | undefined {
  try {
    const v = JSON.parse(raw) as Partial<MetricsRangeValue> | null;
    if (v?.v !== 1 || !Array.isArray(v.w) || !v.w.every((w) => typeof w === 'string')) return undefined;
    if (v.p !== undefined && (typeof v.p !== 'number' || !Number.isInteger(v.p) || v.p <= 0)) return undefined;
    if (v.f !== undefined && (typeof v.f !== 'string' || !/^F[A-Z0-9]{1,30}$/.test(v.f))) return undefined;
    return {
      v: 1,
      w: v.w,
      ...(v.p !== undefined ? { p: v.p } : {}),
      ...(v.g === 1 ? { g: 1 as const } : {}),
      ...(v.s === 1 ? { s: 1 as const } : {}),
      ...(v.f !== undefined ? { f: v.f } : {}),
    };
  } catch {
    return undefined;
  }
}

/** The actions under a metric answer: Graph when it has data and is not a graph already, then the ranges. */
export function metricsActions(options: {
  graphCommand?: string;
  range: MetricsRangeValue;
  currentSeconds?: number;
}): ActionsBlock | undefined {
  const elements: Button[] = [];
  // A button's value holds 2,000 characters; a longer command simply gets no button.
  if (options.graphCommand !== undefined && options.graphCommand.length <= BUTTON_VALUE_MAX) {
    elements.push({
      type: 'button',
      action_id: GRAPH_ACTION,
      text: { type: 'plain_text', text: 'Graph' },
      value: options.graphCommand,
    });
  }
  elements.push(...rangeButtons(METRICS_RANGE_PREFIX, encodeMetricsRange(options.range), options.currentSeconds));
  return elements.length > 0 ? { type: 'actions', elements } : undefined;
}
