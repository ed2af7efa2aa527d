import { failureReason, type ReportError } from '../../failure-note.ts';
import type { FileLocation, FilesPort, MetricImagePort } from '../../ports.ts';
import { type SlackMessage, section } from '../../slack-message.ts';
import type { MetricsQuery } from './parse-metrics.ts';
import { renderMetrics } from './render-metrics.ts';
import { type MetricsDeps, runMetrics } from './run-metrics.ts';
import { titleWithWindow } from './window-text.ts';

export interface GraphDeps extends MetricsDeps {
  images: MetricImagePort;
  files?: FilesPort;
  /** Logs why the graph failed when the user is only given a reference. */
  reportError?: ReportError;
}

function graphTitle(query: MetricsQuery): string {
  const names = [...new Set(query.series.map((s) => s.metricName))].join(', ');
  const dims =
    query.series.length === 1
      ? query.series[0]?.dimensions.map((d) => d.value).join(' ')
      : `${query.series.length} series`;
  // A linked account's graph says whose it is: the same metric names exist in every account.
  const account = query.account ? ` (${query.account.alias})` : '';
  return `${`${names} ${dims ?? ''}`.trim()}${account}`;
}

/**
 * `/cw metrics … --graph`: the summary as usual, and a PNG of the same range posted to the channel
 * with the summary as its comment. When the picture cannot be posted, the summary still arrives.
 */
export async function runMetricsGraph(
  deps: GraphDeps,
  query: MetricsQuery,
  options: { signal?: AbortSignal; channelId?: string },
): Promise<SlackMessage> {
  const signal = options.signal ? { signal: options.signal } : {};
  const result = await runMetrics(deps, query, signal);
  const summary = renderMetrics(result);
  const note = (text: string): SlackMessage => ({ ...summary, blocks: [...(summary.blocks ?? []), section(text)] });
  if (!result.series.some((s) => s.summary)) return summary;
  if (!deps.files || !options.channelId) return note('_No channel to post the graph to._');
  // The picture says which window it draws (the widget adds it to the title it is sent): a Graph
  // button pressed later draws the answer's window.
  const titled = titleWithWindow(graphTitle(query), result.start, result.end);
  try {
    const png = await deps.images.getMetricImage(
      {
        series: query.series,
        periodSeconds: result.periodSeconds,
        start: result.start,
        end: result.end,
        title: graphTitle(query),
        width: 800,
        height: 400,
      },
      signal,
    );
    const upload = await deps.files.upload({
      channelId: options.channelId,
      filename: 'metric.png',
      title: titled,
      content: png,
      comment: summary.text,
      altText: `Graph of ${titled}`,
    });
    return note(uploadedNote(upload));
  } catch (error) {
    return note(`:warning: The graph could not be posted: ${failureReason(error, deps.reportError)}.`);
  }
}

/**
 * Where the graph went. A path on disk (`npm start`'s local files) is for that terminal only, and
 * says nothing was posted; in Slack only a web link is ever shown, so no server path can leak.
 */
export function uploadedNote(upload: FileLocation): string {
  if (upload.savedLocally) {
    return `:frame_with_picture: Nothing was posted to Slack (this is the local shell): the graph is saved in ${upload.location ?? 'the local files folder'}`;
  }
  const link = upload.location && /^https:\/\//.test(upload.location) ? `: ${upload.location}` : '.';
  return `:frame_with_picture: Graph posted to the channel${link}`;
}
