import type { KnownBlock, SectionBlock } from '@slack/types';
import { formatDuration } from '../../duration.ts';
import type { MetricSpec } from '../../ports.ts';
import { betweenText, crossesDay, momentText, rangeText, sinceText } from '../../range-text.ts';
import {
  context,
  escapeMrkdwn,
  header,
  inlineCode,
  LIMITS,
  type SlackMessage,
  section,
  truncate,
} from '../../slack-message.ts';
import { metricsActions } from './actions.ts';
import { kindNotes } from './catalog.ts';
import { metricConsoleUrl } from './console-link.ts';
import { averageFormat, statFormat } from './format-value.ts';
import type { MetricsResult, SeriesResult } from './run-metrics.ts';
import { sparkline } from './sparkline.ts';
import { closeMetricNames, formatDimensions } from './suggest.ts';

/** Sparkline characters: fits a phone screen inside a code block. */
const SPARK_WIDTH = 48;

/** The range as the user asked for it: `3 hours` stays `3 hours`, `7d` stays `7d`; none for `--from`/`--to`. */
function since(result: MetricsResult): string | undefined {
  return result.query.window ? undefined : sinceText(result.query.sinceSeconds, result.query.sinceText);
}

/** `in the last 3h`, or `between … – …` for an absolute window. */
function inRange(result: MetricsResult): string {
  const relative = since(result);
  return relative === undefined
    ? `between ${betweenText(result.start, result.end)}`
    : `in the last ${escapeMrkdwn(relative)}`;
}

/** An instant as the Graph button's `--from`/`--to` carry it: ISO 8601 in UTC, whole seconds. */
const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * What the Graph button runs: the same command over the answer's own window (its absolute start and
 * end, and its period), so pressing it later draws what the answer showed, not a newer "last 1d".
 */
export function graphCommand(result: MetricsResult): string {
  const period = result.query.periodSeconds === undefined ? ` --period ${formatDuration(result.periodSeconds)}` : '';
  const words = result.query.argsWithoutRange;
  return `metrics ${words}${period} --from ${isoSeconds(result.start)} --to ${isoSeconds(result.end)} --graph`;
}

/** What distinguishes one series from the others in the same message. */
function seriesLabel(spec: MetricSpec, all: MetricSpec[]): string {
  const sameMetric = all.every((s) => s.metricName === spec.metricName && s.namespace === spec.namespace);
  const dims = formatDimensions(spec.dimensions) || '(no dimensions)';
  return sameMetric ? dims : `${spec.metricName} ${dims}`;
}

function title(specs: MetricSpec[]): string {
  const names = [...new Set(specs.map((s) => s.metricName))];
  const namespaces = [...new Set(specs.map((s) => s.namespace))];
  return `📈 ${names.join(', ')} · ${namespaces.join(', ')}`;
}

/**
 * One way to write the numbers of every series in the message that shares this one's unit and
 * statistic: the same scale and decimals for all, so values side by side compare at a glance.
 */
function formatterFor(result: MetricsResult, s: SeriesResult): (value: number) => string {
  const alike = result.series.filter((o) => o.unit === s.unit && o.spec.stat === s.spec.stat);
  const values = alike.flatMap((o) =>
    o.summary ? [o.summary.latest, o.summary.minimum, o.summary.average, o.summary.maximum] : [],
  );
  return statFormat(
    values,
    s.unit,
    s.spec.stat,
    alike.flatMap((o) => o.data.values),
  );
}

/** The Average fields' formatter: {@link averageFormat} over the alike series' averages. */
function averageFormatterFor(result: MetricsResult, s: SeriesResult): (value: number) => string {
  const alike = result.series.filter((o) => o.unit === s.unit && o.spec.stat === s.spec.stat);
  const f = formatterFor(result, s);
  const averages = alike.flatMap((o) => (o.summary ? [o.summary.average] : []));
  const shared = averageFormat(
    averages,
    s.unit,
    s.spec.stat,
    alike.flatMap((o) => o.data.values),
  );
  // Only the decimals are shared; the scale stays the one every field uses.
  return (v) => (/^-?[\d,]+$/.test(f(v)) ? shared(v) : f(v));
}

function seriesBlock(result: MetricsResult, s: SeriesResult, label: string | undefined): SectionBlock {
  const labelLine = label ? `*${escapeMrkdwn(truncate(label, 300))}*\n` : '';
  if (!s.summary) {
    return section(`${labelLine}_No datapoints in this range._`);
  }
  const { summary } = s;
  const f = formatterFor(result, s);
  const withDate = crossesDay(result.start, result.end);
  const spark = sparkline({
    ...s.data,
    start: result.start,
    end: result.end,
    periodSeconds: result.periodSeconds,
    width: SPARK_WIDTH,
  });
  const block = section(`${labelLine}\`\`\`${spark}\`\`\``);
  block.fields = [
    `*Latest* (${momentText(summary.latestAt, withDate)})\n${f(summary.latest)}`,
    `*Average*\n${averageFormatterFor(result, s)(summary.average)}`,
    `*Minimum*\n${f(summary.minimum)}`,
    `*Maximum*\n${f(summary.maximum)}`,
  ].map((text) => ({ type: 'mrkdwn', text }));
  return block;
}

function noDataBlocks(result: MetricsResult): KnownBlock[] {
  const first = result.query.series[0];
  const what = first ? `${first.namespace} ${first.metricName} ${formatDimensions(first.dimensions)}`.trim() : '';
  const lines = [`No datapoints for ${inlineCode(truncate(what, 500))} ${inRange(result)}.`];
  const names = first ? closeMetricNames(first.namespace, first.metricName) : [];
  if (names.length > 0)
    lines.push(
      `${escapeMrkdwn(first?.namespace ?? '')} has ${names.map((n) => `\`${n}\``).join(' or ')}: did you mean it?`,
    );
  const hints = result.suggestions;
  const published = result.publishedByResource ?? [];
  const asked = first ? formatDimensions(first.dimensions) : '';
  if (first && hints?.closest.includes(asked)) {
    // It exists and reported in the last two weeks: "did you mean" itself would be no help.
    lines.push(
      `${inlineCode(truncate(asked, 200))} reports ${escapeMrkdwn(first.metricName)} (ListMetrics lists it), but not in this range: it may have been stopped or idle. Try a longer \`--since\`.`,
    );
  } else if (first && published.length > 0) {
    // The resource exists and reports other metrics: this one is not published for it.
    lines.push(notPublishedLine(first, published));
  } else if (first && hints && hints.elsewhere.length > 0) {
    // The value exists under another dimension name: the command that reads it, ready to run.
    const commands = hints.elsewhere.map((d) =>
      inlineCode(truncate(`/cw metrics ${first.namespace} ${first.metricName} ${d}`, 300)),
    );
    lines.push(
      `${inlineCode(truncate(asked, 200))} is not a dimension set of this metric. Did you mean ${commands.join(' or ')}?`,
    );
  } else if (hints && hints.closest.length > 0) {
    lines.push(`Did you mean ${hints.closest.map((c) => `${inlineCode(truncate(c, 200))}`).join(' or ')}?`);
  } else if (hints && hints.examples.length > 0) {
    lines.push(
      `Nothing close to that exists. This metric is published for, e.g., ${hints.examples.map((c) => `${inlineCode(truncate(c, 200))}`).join(', ')}.`,
    );
  } else if (hints && hints.dimensionSets.length > 0) {
    lines.push(
      `This metric is published with these dimensions: ${hints.dimensionSets.map((d) => `${inlineCode(d)}`).join(', ')}.`,
    );
  } else if (hints && hints.total === 0) {
    lines.push(
      `CloudWatch has no such metric in ${result.region} that reported in the last two weeks. Names are case-sensitive: check the namespace, the metric name and the region.`,
    );
  } else {
    lines.push('Dimension values are case-sensitive, and a resource that is stopped or idle may publish nothing.');
  }
  return [section(lines.join('\n'))];
}

/** `billing-1 publishes no FreeStorageSpace: Aurora reports storage per cluster (…). It does publish …` */
function notPublishedLine(spec: MetricSpec, published: string[]): string {
  const resource = spec.dimensions.map((d) => d.value).join(' ');
  const notes = kindNotes(spec.namespace, spec.metricName).map((n) => n.note);
  const why =
    notes.length > 0
      ? `: ${notes.join('; ')}`
      : ', though it exists: AWS does not publish every metric for every kind of resource';
  const shown = published.slice(0, 6).map((m) => `${inlineCode(m)}`);
  const more = published.length > shown.length ? ` and ${published.length - shown.length} more` : '';
  return (
    `${inlineCode(truncate(resource, 200))} publishes no ${escapeMrkdwn(spec.metricName)}${escapeMrkdwn(why)}. ` +
    `It does publish ${shown.join(', ')}${more} in ${escapeMrkdwn(spec.namespace)}.`
  );
}

/**
 * The `/cw metrics` answer: what was asked, each series' summary and sparkline, a console link, and
 * the buttons (Graph; 1h · 3h · 1d · 7d). `pictureFileId` is the graph posted with it, which a range
 * button replaces.
 */
export function renderMetrics(result: MetricsResult, options: { pictureFileId?: string } = {}): SlackMessage {
  const specs = result.query.series;
  const stats = [...new Set(specs.map((s) => s.stat))].join(', ');
  const blocks: KnownBlock[] = [
    header(title(specs)),
    context(
      [
        specs.length === 1 && specs[0] ? escapeMrkdwn(formatDimensions(specs[0].dimensions)) : `${specs.length} series`,
        stats,
        `period ${formatDuration(result.periodSeconds)}`,
        rangeText({
          start: result.start,
          end: result.end,
          ...(since(result) === undefined ? {} : { since: escapeMrkdwn(since(result) ?? '') }),
        }),
        result.region,
      ]
        .filter(Boolean)
        .join(' · '),
    ),
  ];
  const hasData = result.series.some((s) => s.summary);
  if (hasData) {
    // Header, context and up to two notes and the link leave this many blocks for series.
    const room = LIMITS.blocksPerMessage - 6;
    const shown = result.series.slice(0, room);
    for (const s of shown)
      blocks.push(seriesBlock(result, s, specs.length > 1 ? seriesLabel(s.spec, specs) : undefined));
    if (shown.length < result.series.length) {
      blocks.push(context(`Showing ${shown.length} of ${result.series.length} series.`));
    }
  } else {
    blocks.push(...noDataBlocks(result));
  }
  const notes = [result.periodNote, ...partialNotes(result)].filter((n): n is string => Boolean(n));
  if (notes.length > 0) blocks.push(context(...notes.map(escapeMrkdwn)));
  const url = metricConsoleUrl(result.region, specs, result.periodSeconds, result);
  blocks.push(
    context(url.length <= 3000 ? `<${url}|Open in the CloudWatch console>` : 'The console link is too long for Slack.'),
  );
  const actions = metricsActions({
    ...(hasData && !result.query.graph ? { graphCommand: graphCommand(result) } : {}),
    range: {
      v: 1,
      w: result.query.redrawWords,
      ...(result.query.periodSeconds !== undefined ? { p: result.query.periodSeconds } : {}),
      ...(result.query.graph ? { g: 1 as const } : {}),
      ...(result.query.share ? { s: 1 as const } : {}),
      ...(options.pictureFileId ? { f: options.pictureFileId } : {}),
    },
    ...(result.query.window ? {} : { currentSeconds: result.query.sinceSeconds }),
  });
  if (actions) blocks.push(actions);

  return {
    response_type: result.query.share ? 'in_channel' : 'ephemeral',
    text: truncate(fallbackText(result), LIMITS.fallbackText),
    blocks,
  };
}

function partialNotes(result: MetricsResult): string[] {
  const notes = new Set<string>();
  for (const s of result.series) {
    if (s.data.status === 'PartialData') notes.add('CloudWatch returned partial data for some series.');
    if (s.data.status === 'Forbidden') notes.add('CloudWatch refused some series (Forbidden).');
    if (s.data.status === 'InternalError') notes.add('CloudWatch had an internal error on some series.');
  }
  return [...notes];
}

function fallbackText(result: MetricsResult): string {
  return result.series
    .map((s) => {
      const name = `${s.spec.metricName} ${formatDimensions(s.spec.dimensions)}`.trim();
      if (!s.summary)
        return `${name}: no data ${since(result) === undefined ? 'in this window' : `in the last ${since(result)}`}`;
      const f = formatterFor(result, s);
      return `${name}: latest ${f(s.summary.latest)}, min ${f(s.summary.minimum)}, avg ${averageFormatterFor(result, s)(s.summary.average)}, max ${f(s.summary.maximum)}`;
    })
    .join('\n');
}
