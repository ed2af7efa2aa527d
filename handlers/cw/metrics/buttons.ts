import { type ButtonPress, type CommandDeps, defineButton, type RunContext } from '../../command.ts';
import { formatDuration } from '../../duration.ts';
import { ephemeral, type SlackMessage } from '../../slack-message.ts';
import {
  decodeMetricsRange,
  GRAPH_ACTION,
  METRICS_RANGE_PREFIX,
  RANGES,
  type Range,
  rangeActionId,
} from './actions.ts';
import { runMetricsGraph } from './graph.ts';
import { parseMetricsArgs } from './parse-metrics.ts';
import { renderMetrics } from './render-metrics.ts';
import { runMetrics } from './run-metrics.ts';

export { GRAPH_ACTION } from './actions.ts';

const OLDER_BUTTON = ':warning: This button is from an older version of the bot; run the command again.';

/**
 * A range button's press: the same words over the new range, read by `parseMetricsArgs` as if typed
 * (so the same checks apply), the statistic kept, the user's period kept only where it is no longer
 * than the range (else the period rules choose one for it). A graph is redrawn and the one on show
 * replaced; the answer replaces the message the button is on.
 */
async function redrawMetrics(
  range: Range,
  press: ButtonPress,
  deps: CommandDeps<'metrics' | 'images' | 'files'>,
  { signal }: RunContext,
): Promise<SlackMessage> {
  const value = decodeMetricsRange(press.value);
  if (!value) return ephemeral(OLDER_BUTTON);
  const keepPeriod = value.p !== undefined && value.p <= range.seconds;
  const query = parseMetricsArgs([
    ...value.w,
    '--since',
    range.label,
    ...(keepPeriod && value.p !== undefined ? ['--period', formatDuration(value.p)] : []),
    ...(value.g ? ['--graph'] : []),
    ...(value.s ? ['--share'] : []),
  ]);
  const options = signal ? { signal } : {};
  if (!query.graph) return renderMetrics(await runMetrics(deps, query, options));
  return runMetricsGraph(deps, query, {
    ...options,
    channelId: press.channelId,
    ...(value.f ? { replaceFileId: value.f } : {}),
  });
}

/**
 * The metrics message's buttons. Graph runs its `/cw` text again, under the access rule of the
 * command that text names; each range button redraws under the `/cw metrics` rule, in place.
 */
export const METRICS_BUTTONS = [
  defineButton({ actionId: GRAPH_ACTION, rerun: '/cw' }),
  ...RANGES.map((range) =>
    defineButton({
      actionId: rangeActionId(METRICS_RANGE_PREFIX, range),
      path: ['/cw', 'metrics'],
      needs: ['metrics', 'images', 'files'],
      answer: 'replace',
      press: (press, deps, context) => redrawMetrics(range, press, deps, context),
    }),
  ),
];
