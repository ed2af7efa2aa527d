import type { KnownBlock } from '@slack/types';
import { stateMarker } from '../../alarm-display.ts';
import { formatDuration } from '../../duration.ts';
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
import { refusedGroups } from '../logs/allowlist.ts';
import { MAX_GROUPS } from '../logs/parse-logs.ts';
import type { LogsPolicy } from '../logs/run-logs.ts';
import { type DashboardWidget, widgetCounts } from './dashboard-body.ts';
import type { DashboardQuery } from './parse-dashboard.ts';

/** How the graphs went: posted in the summary's thread, failed one by one, or not posted at all (and why). */
export interface GraphOutcome {
  posted: number;
  failures: { title: string; reason: string }[];
  savedLocally: boolean;
  /** The first graph's permalink (or, saved locally, its path: shown only in that terminal). */
  location?: string;
  /** Why no graph was posted at all: no channel, or the summary they hang from could not be posted. */
  notPosted?: string;
}

/** A section's text stays under Block Kit's 3,000 characters with room for the cut mark. */
const SECTION_CHARS = 2900;
/** Blocks kept for the header, the summary, the graphs line and the closing context. */
const MAX_BODY_BLOCKS = 44;
const TEXT_WIDGET_CHARS = 1200;
/** A `/cw logs query` line longer than this is not offered: Slack's message box is no place for it. */
const MAX_COMMAND_CHARS = 1500;
/** CloudWatch Logs' log group names: 1–512 of letters, digits, `_ - / . #` (CreateLogGroup's pattern). */
const LOG_GROUP_NAME = /^[\w./#-]{1,512}$/;

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

type LogWidget = Extract<DashboardWidget, { kind: 'log' }>;

/** What the log line needs to know: the deployment's region and the logs allowlist and range. */
export interface LogsOffer {
  region: string;
  policy: Pick<LogsPolicy, 'allowed' | 'maxRangeSeconds'>;
}

/**
 * The `/cw logs query` that runs a log widget's query over the dashboard's range (capped at the
 * range `/cw logs` allows), or why none can be offered. The command is offered only when `/cw logs
 * query` would accept it, so what the user copies runs.
 */
export function logsOfferFor(
  widget: LogWidget,
  query: DashboardQuery,
  offer: LogsOffer,
): { command: string } | { why: string } {
  if (widget.logGroups.length === 0) {
    return { why: 'its query names no log groups with `SOURCE`, so there is no `/cw logs query` to offer' };
  }
  if (widget.region && widget.region !== offer.region) {
    return { why: `its logs are in ${escapeText(widget.region)} and this bot reads ${escapeText(offer.region)}` };
  }
  const malformed = widget.logGroups.find((g) => !LOG_GROUP_NAME.test(g));
  if (malformed !== undefined) {
    return { why: `its \`SOURCE\` ${inlineCode(truncate(malformed, 80))} is not a log group name` };
  }
  if (widget.logGroups.length > MAX_GROUPS) {
    return { why: `it reads ${widget.logGroups.length} log groups, more than the ${MAX_GROUPS} one query may` };
  }
  const refused = refusedGroups(widget.logGroups, offer.policy.allowed);
  if (refused.length > 0) {
    const shown = refused
      .slice(0, 3)
      .map((g) => inlineCode(truncate(g, 120)))
      .join(', ');
    return {
      why: `${shown}${refused.length > 3 ? ` and ${refused.length - 3} more` : ''} ${refused.length === 1 ? 'is' : 'are'} not among the log groups this bot may read (\`LOG_GROUPS_ALLOWED\`), so \`/cw logs query\` would refuse ${refused.length === 1 ? 'it' : 'them'}`,
    };
  }
  const seconds = Math.min(query.sinceSeconds, offer.policy.maxRangeSeconds);
  const since =
    seconds === query.sinceSeconds
      ? sinceText(query.sinceSeconds, query.sinceText).replace(/\s+/g, '')
      : formatDuration(seconds);
  const command = `/cw logs query ${widget.logGroups.join(',')} --since ${since} ${widget.query}`.trim();
  if (command.length > MAX_COMMAND_CHARS) return { why: 'its query is too long to offer as one command' };
  return { command };
}

function alarmLines(widget: Extract<DashboardWidget, { kind: 'alarm' }>, states: Map<string, AlarmState> | string) {
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

function notDrawnLines(widget: DashboardWidget, query: DashboardQuery, offer: LogsOffer, url: string): string[] {
  if (widget.kind === 'log') {
    const title = named(widget.title, 'Log widget');
    const logs = logsOfferFor(widget, query, offer);
    if ('why' in logs) return [`• ${title} (log): not drawn; ${logs.why}. <${url}|Open it in the console>.`];
    // A code block: the query may hold backticks, and the line is copied whole.
    return [`• ${title} (log): not drawn; run its query here with`, `\`\`\`${escapeText(logs.command)}\`\`\``];
  }
  if (widget.kind === 'other') {
    return [
      `• ${named(widget.title, 'Untitled')} (${escapeText(truncate(widget.type, 40))}): not drawn, ${widget.why}.`,
    ];
  }
  return [];
}

function graphsLines(graphs: GraphOutcome, drawable: number, metricCount: number, maxGraphs: number, url: string) {
  if (metricCount === 0) return [];
  if (graphs.notPosted) return [`:warning: No graphs were posted: ${graphs.notPosted}. <${url}|Open the dashboard>.`];
  const lines: string[] = [];
  if (graphs.posted > 0) {
    const where = graphs.savedLocally
      ? `saved in ${graphs.location ?? 'the local files folder'} (this is the local shell: nothing was posted to Slack)`
      : `posted in the thread under the dashboard's summary in this channel${graphs.location && /^https:\/\//.test(graphs.location) ? ` (first: ${graphs.location})` : ''}`;
    lines.push(`:frame_with_picture: ${graphs.posted} graph${graphs.posted === 1 ? '' : 's'} ${where}.`);
  }
  for (const f of graphs.failures) {
    lines.push(`:warning: ${named(f.title, 'A graph')} could not be drawn: ${f.reason}.`);
  }
  if (metricCount > Math.min(drawable, maxGraphs)) {
    lines.push(
      `Drew the first ${Math.min(drawable, maxGraphs)} of ${metricCount} metric widgets; <${url}|the rest are in the console>.`,
    );
  }
  return lines;
}

export interface DashboardAnswer {
  name: string;
  url: string;
  /** Every widget of the body, in reading order. */
  widgets: readonly DashboardWidget[];
  /** How many of them, from the top, the answer goes through; the rest are left to the console link. */
  maxWidgets: number;
  states: Map<string, AlarmState> | string;
  graphs: GraphOutcome;
  maxGraphs: number;
  query: DashboardQuery;
  logs: LogsOffer;
}

/** The dashboard in one line: `3 widgets (2 metric, 1 text)`. */
export function countsText(widgets: readonly DashboardWidget[]): string {
  return widgets.length === 0
    ? 'no widgets'
    : `${widgets.length} widget${widgets.length === 1 ? '' : 's'} (${widgetCounts(widgets)})`;
}

/**
 * The message the graphs are threaded under, posted in the channel first: the dashboard's name,
 * its widgets by kind, the range and the console link. One line of `text` for notifications.
 */
export function renderThreadHead(
  name: string,
  url: string,
  widgets: readonly DashboardWidget[],
  query: DashboardQuery,
) {
  const since = sinceText(query.sinceSeconds, query.sinceText);
  const line = `Dashboard ${name}: ${countsText(widgets)}, graphs over the last ${since}`;
  return {
    text: truncate(escapeText(line).replace(/\s+/g, ' '), LIMITS.fallbackText),
    blocks: [
      section(
        truncate(
          `:bar_chart: Dashboard *${escapeText(truncate(name, 200))}* · ${escapeText(truncate(countsText(widgets), 600))} · graphs over the last ${escapeText(since)} · <${url}|Open in CloudWatch>`,
          SECTION_CHARS,
        ),
      ),
      context('The graphs of its metric widgets are in this thread.'),
    ],
  };
}

/**
 * The answer: name, console link, the widgets by kind, where the graphs went, the text and alarm
 * widgets, and what was not drawn. Only the first `maxWidgets` widgets are gone through.
 */
export function renderDashboard(answer: DashboardAnswer): SlackMessage {
  const { name, url, widgets, query } = answer;
  const counts = countsText(widgets);
  const since = sinceText(query.sinceSeconds, query.sinceText);
  const summary = `<${url}|Open in CloudWatch> · ${escapeText(truncate(counts, 600))} · graphs over the last ${escapeText(since)}`;
  const shown = widgets.slice(0, answer.maxWidgets);
  const metricCount = widgets.filter((w) => w.kind === 'metric').length;
  const drawable = shown.filter((w) => w.kind === 'metric').length;
  const body: KnownBlock[] = [];
  for (const w of shown) {
    if (w.kind === 'text' && w.markdown.trim() !== '') {
      body.push(...sections([escapeText(truncate(w.markdown.trim(), TEXT_WIDGET_CHARS))]));
    }
    if (w.kind === 'alarm') body.push(...sections(alarmLines(w, answer.states)));
  }
  const notDrawn = shown.flatMap((w) => notDrawnLines(w, query, answer.logs, url));
  if (notDrawn.length > 0) body.push(...sections(['*Not drawn here*', ...notDrawn]));
  const kept = body.slice(0, MAX_BODY_BLOCKS);
  const blocks: KnownBlock[] = [
    header(truncate(`Dashboard ${name}`, 150)),
    section(summary),
    ...sections(graphsLines(answer.graphs, drawable, metricCount, answer.maxGraphs, url)),
    ...kept,
  ];
  const more: string[] = [];
  if (shown.length < widgets.length) {
    more.push(`Showed the first ${shown.length} of ${widgets.length} widgets: <${url}|the rest are in the console>.`);
  } else if (kept.length < body.length) {
    more.push(`More widgets than fit in one message: <${url}|open the dashboard>.`);
  }
  if (more.length > 0) blocks.push(context(...more));
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
