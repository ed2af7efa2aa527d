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

/** A note under the answer, above its buttons, so the buttons stay last. */
function withNote(message: SlackMessage, text: string): SlackMessage {
  const blocks = [...(message.blocks ?? [])];
  const last = blocks.at(-1);
  const at = last?.type === 'actions' ? blocks.length - 1 : blocks.length;
  blocks.splice(at, 0, section(text));
  return { ...message, blocks };
}

/**
 * `/cw metrics … --graph`: the summary as usual, and a PNG of the same range posted to the channel
 * with the summary as its comment. When the picture cannot be posted, the summary still arrives.
 * A range button's redraw passes `replaceFileId`, the graph on show: the new one is posted, then
 * that one removed (Slack cannot change a posted file's picture, and an image block needs a file
 * the viewer can see anyway, so the picture is replaced as a file).
 */
export async function runMetricsGraph(
  deps: GraphDeps,
  query: MetricsQuery,
  options: { signal?: AbortSignal; channelId?: string; replaceFileId?: string },
): Promise<SlackMessage> {
  const signal = options.signal ? { signal: options.signal } : {};
  const result = await runMetrics(deps, query, signal);
  // Until a new picture is up, the one on show stays the one the buttons replace.
  const summary = renderMetrics(result, options.replaceFileId ? { pictureFileId: options.replaceFileId } : {});
  if (!result.series.some((s) => s.summary)) return summary;
  if (!deps.files || !options.channelId) return withNote(summary, '_No channel to post the graph to._');
  // The picture says which window it draws (the widget adds it to the title it is sent): a Graph
  // button pressed later draws the answer's window.
  const titled = titleWithWindow(graphTitle(query), result.start, result.end);
  let upload: FileLocation;
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
    upload = await deps.files.upload({
      channelId: options.channelId,
      filename: 'metric.png',
      title: titled,
      content: png,
      comment: summary.text,
      altText: `Graph of ${titled}`,
    });
  } catch (error) {
    return withNote(summary, `:warning: The graph could not be posted: ${failureReason(error, deps.reportError)}.`);
  }
  // The answer's range buttons now carry this picture, so the next redraw replaces it in turn.
  const answer = renderMetrics(result, upload.fileId ? { pictureFileId: upload.fileId } : {});
  const replaced = options.replaceFileId
    ? await removePicture(deps.files, options.replaceFileId, deps.reportError)
    : undefined;
  return withNote(answer, [uploadedNote(upload), replaced].filter(Boolean).join('\n'));
}

/** Removes the graph a redraw replaces; a failure leaves it up and says so, never fails the answer. */
export async function removePicture(
  files: FilesPort,
  fileId: string,
  report: ReportError | undefined,
): Promise<string | undefined> {
  if (!files.deleteFile) return undefined;
  try {
    await files.deleteFile(fileId);
    return undefined;
  } catch (error) {
    return `:warning: The previous graph is still up: ${failureReason(error, report)}.`;
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
