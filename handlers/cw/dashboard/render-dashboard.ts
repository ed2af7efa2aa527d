import type { KnownBlock } from '@slack/types';
import { stateMarker } from '../../alarm-display.ts';
import type { AlarmState } from '../../ports.ts';
import { sinceText } from '../../range-text.ts';
import {
  context,
  escapeText,
  header,
  inlineCode,
  LIMITS,
  type SlackMessage,
  section,
  truncate,
} from '../../slack-message.ts';
import { type DashboardWidget, widgetCounts } from './dashboard-body.ts';
import type { DashboardQuery } from './parse-dashboard.ts';

/** How the graphs went: posted in the thread, failed one by one, or not posted at all (and why). */
export interface GraphOutcome {
  posted: number;
  failures: { title: string; reason: string }[];
  /** Graphs left out because Slack did not say where the first one went, so no thread could be made. */
  notThreaded: number;
  savedLocally: boolean;
  /** The first graph's permalink (or, saved locally, its path: shown only in that terminal). */
  location?: string;
  noChannel?: true;
}

/** A section's text stays under Block Kit's 3,000 characters with room for the cut mark. */
const SECTION_CHARS = 2900;
/** Blocks kept for the header, the summary, the graphs line and the closing context. */
const MAX_BODY_BLOCKS = 44;
const TEXT_WIDGET_CHARS = 1200;

/** Lines into sections of at most {@link SECTION_CHARS}, a line too long cut. */
function sections(lines: readonly string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncate(raw, SECTION_CHARS);
    if (current && Array.from(current).length + 1 + Array.from(line).length > SECTION_CHARS) {
      blocks.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) blocks.push(section(current));
  return blocks;
}

const named = (title: string | undefined, fallback: string) => `*${escapeText(truncate(title ?? fallback, 150))}*`;

/** The `/cw logs query` that runs a log widget's query, when the query names its groups. */
export function logsCommandFor(widget: Extract<DashboardWidget, { kind: 'log' }>, query: DashboardQuery): string {
  const since = sinceText(query.sinceSeconds, query.sinceText).replace(/\s+/g, '');
  return `/cw logs query ${widget.logGroups.join(',')} --since ${since} ${widget.query}`.trim();
}

function alarmLines(
  widget: Extract<DashboardWidget, { kind: 'alarm' }>,
  states: Map<string, AlarmState> | string,
): string[] {
  const lines = [named(widget.title, 'Alarm status')];
  if (typeof states === 'string') return [...lines, `_The alarms' states could not be read: ${states}._`];
  if (widget.alarmNames.length === 0) return [...lines, '_It lists no alarms._'];
  for (const name of widget.alarmNames.slice(0, 20)) {
    const state = states.get(name);
    lines.push(`${stateMarker(state)} ${escapeText(truncate(name, 200))} · ${state ?? 'not found in this account'}`);
  }
  if (widget.alarmNames.length > 20) lines.push(`…and ${widget.alarmNames.length - 20} more`);
  return lines;
}

function notDrawnLine(widget: DashboardWidget, query: DashboardQuery): string | undefined {
  if (widget.kind === 'log') {
    const title = named(widget.title, 'Log widget');
    if (widget.logGroups.length === 0) {
      return `• ${title} (log): its query names no log groups with \`SOURCE\`, so there is no \`/cw logs query\` to offer.`;
    }
    return `• ${title} (log): run it with ${inlineCode(truncate(logsCommandFor(widget, query), 1500))}`;
  }
  if (widget.kind === 'other') {
    return `• ${named(widget.title, 'Untitled')} (${escapeText(truncate(widget.type, 40))}): not drawn, ${widget.why}.`;
  }
  return undefined;
}

function graphsLine(graphs: GraphOutcome, metricCount: number, maxGraphs: number, url: string): string[] {
  if (metricCount === 0) return [];
  if (graphs.noChannel) return ['_No channel to post the graphs to._'];
  const lines: string[] = [];
  if (graphs.posted > 0) {
    const where = graphs.savedLocally
      ? `saved in ${graphs.location ?? 'the local files folder'} (this is the local shell: nothing was posted to Slack)`
      : `posted in one thread in the channel${graphs.location && /^https:\/\//.test(graphs.location) ? `: ${graphs.location}` : ''}`;
    lines.push(`:frame_with_picture: ${graphs.posted} graph${graphs.posted === 1 ? '' : 's'} ${where}.`);
  }
  for (const f of graphs.failures) {
    lines.push(`:warning: ${named(f.title, 'A graph')} could not be drawn: ${f.reason}.`);
  }
  if (graphs.notThreaded > 0) {
    lines.push(
      `:warning: ${graphs.notThreaded} more graph${graphs.notThreaded === 1 ? '' : 's'} not posted: Slack did not say where the first went, so there was no thread for them. <${url}|Open the dashboard>.`,
    );
  }
  if (metricCount > maxGraphs) {
    lines.push(`Drew the first ${maxGraphs} of ${metricCount} metric widgets; <${url}|the rest are in the console>.`);
  }
  return lines;
}

export interface DashboardAnswer {
  name: string;
  url: string;
  widgets: readonly DashboardWidget[];
  states: Map<string, AlarmState> | string;
  graphs: GraphOutcome;
  maxGraphs: number;
  query: DashboardQuery;
}

/** The summary: name, console link, the widgets by kind, the graphs, text and alarm widgets, what was not drawn. */
export function renderDashboard(answer: DashboardAnswer): SlackMessage {
  const { name, url, widgets, query } = answer;
  const counts =
    widgets.length === 0
      ? 'no widgets'
      : `${widgets.length} widget${widgets.length === 1 ? '' : 's'} (${widgetCounts(widgets)})`;
  const since = sinceText(query.sinceSeconds, query.sinceText);
  const summary = `<${url}|Open in CloudWatch> · ${escapeText(truncate(counts, 600))} · graphs over the last ${escapeText(since)}`;
  const metricCount = widgets.filter((w) => w.kind === 'metric').length;
  const body: KnownBlock[] = [];
  for (const w of widgets) {
    if (w.kind === 'text' && w.markdown.trim() !== '') {
      body.push(...sections([escapeText(truncate(w.markdown.trim(), TEXT_WIDGET_CHARS))]));
    }
    if (w.kind === 'alarm') body.push(...sections(alarmLines(w, answer.states)));
  }
  const notDrawn = widgets.map((w) => notDrawnLine(w, query)).filter((l): l is string => l !== undefined);
  if (notDrawn.length > 0) body.push(...sections(['*Not drawn here*', ...notDrawn]));
  const kept = body.slice(0, MAX_BODY_BLOCKS);
  const blocks: KnownBlock[] = [
    header(truncate(`Dashboard ${name}`, 150)),
    section(summary),
    ...sections(graphsLine(answer.graphs, metricCount, answer.maxGraphs, url)),
    ...kept,
  ];
  if (kept.length < body.length)
    blocks.push(context(`More widgets than fit in one message: <${url}|open the dashboard>.`));
  return {
    response_type: query.share ? 'in_channel' : 'ephemeral',
    text: truncate(`Dashboard ${escapeText(name)}: ${escapeText(counts)}`.replace(/\s+/g, ' '), LIMITS.fallbackText),
    blocks,
  };
}

/** A body the bot cannot read: said plainly, with the console link, instead of a stack trace. */
export function renderUnreadable(name: string, problem: string, url: string, query: DashboardQuery): SlackMessage {
  const text = `:warning: The dashboard ${inlineCode(name)} cannot be shown here: ${problem}. <${url}|Open it in CloudWatch>.`;
  return { response_type: query.share ? 'in_channel' : 'ephemeral', text, blocks: [section(text)] };
}
