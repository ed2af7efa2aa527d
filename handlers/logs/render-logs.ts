import type { KnownBlock } from '@slack/types';
import { formatDuration } from '../duration.ts';
import type { QueryResults, QueryStatistics } from '../ports.ts';
import { context, escapeMrkdwn, header, LIMITS, type SlackMessage, section, truncate } from '../slack-message.ts';

/** Code-block sections for the table; with header, context and notes this stays far below 50 blocks. */
const TABLE_SECTIONS = 3;
const SECTION_ROOM = LIMITS.sectionText - 8;
const WIDE_COLUMN = 100;
const NARROW_COLUMN = 32;

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** The columns to show: the query's own fields, without `@ptr` (an opaque pointer, not for people). */
export function visibleFields(results: Pick<QueryResults, 'fields'>): string[] {
  return results.fields.filter((f) => f !== '@ptr');
}

function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return `${i === 0 ? value : value.toFixed(1)} ${units[i]}`;
}

/** Records matched and scanned, bytes scanned and what that costs at the configured price per GB. */
export function statisticsLine(stats: QueryStatistics, pricePerGb: number): string {
  const cost = (stats.bytesScanned / 1e9) * pricePerGb;
  const costText = cost < 0.01 ? '< $0.01' : `≈ $${cost.toFixed(2)}`;
  return `${compact.format(stats.recordsMatched)} records matched · ${compact.format(stats.recordsScanned)} scanned · ${formatBytes(stats.bytesScanned)} scanned (${costText} at $${pricePerGb}/GB)`;
}

/** One line of the table: columns padded to their width, the last one left ragged. */
function line(cells: string[], widths: number[]): string {
  return cells
    .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
    .join('  ')
    .trimEnd();
}

function cellText(value: string | undefined, width: number): string {
  return truncate((value ?? '').replace(/\s+/g, ' ').replace(/```/g, "'''"), width);
}

/** Packs rows into code blocks that fit Slack's section limit; returns how many rows fit. */
export function tableBlocks(fields: string[], rows: Record<string, string>[]): { blocks: KnownBlock[]; shown: number } {
  if (fields.length === 0) return { blocks: [], shown: 0 };
  const limitFor = (f: string, i: number) =>
    i === fields.length - 1 || f === '@message' ? WIDE_COLUMN : NARROW_COLUMN;
  const widths = fields.map((f, i) =>
    Math.min(limitFor(f, i), Math.max(f.length, ...rows.slice(0, 200).map((r) => (r[f] ?? '').length))),
  );
  // Columns are padded on the text people see, then escaped; sizes are measured on what Slack receives.
  const head = escapeMrkdwn(
    line(
      fields.map((f, i) => cellText(f, widths[i] ?? f.length)),
      widths,
    ),
  );
  const blocks: KnownBlock[] = [];
  const codeBlock = (lines: string[]) => section(`\`\`\`${lines.join('\n')}\`\`\``);
  let current = [head];
  let size = head.length;
  let shown = 0;
  for (const row of rows) {
    const text = escapeMrkdwn(
      line(
        fields.map((f, i) => cellText(row[f], widths[i] ?? NARROW_COLUMN)),
        widths,
      ),
    );
    if (size + text.length + 1 > SECTION_ROOM) {
      blocks.push(codeBlock(current));
      if (blocks.length === TABLE_SECTIONS) return { blocks, shown };
      current = [head];
      size = head.length;
    }
    current.push(text);
    size += text.length + 1;
    shown++;
  }
  blocks.push(codeBlock(current));
  return { blocks, shown };
}

export interface LogsAnswer {
  title: string;
  groups: string[];
  start: Date;
  end: Date;
  queryString: string;
  results: QueryResults;
  pricePerGb: number;
  /** What happened to the full result set when the table could not show it all. */
  csvNote?: string;
}

/** A completed query: what ran, the table, and the statistics with the cost. */
export function renderLogsResults(answer: LogsAnswer): SlackMessage {
  const fields = visibleFields(answer.results);
  const { results } = answer;
  const blocks: KnownBlock[] = [
    header(answer.title),
    context(rangeText(answer), `\`${escapeMrkdwn(truncate(answer.queryString.replace(/\s*\n\s*/g, ' '), 400))}\``),
  ];
  if (results.rows.length === 0) {
    blocks.push(section('_No log events matched in this range._'));
  } else {
    const table = tableBlocks(fields, results.rows);
    blocks.push(...table.blocks);
    if (table.shown < results.rows.length) {
      blocks.push(
        context(`Showing ${table.shown} of ${results.rows.length} rows.${answer.csvNote ? ` ${answer.csvNote}` : ''}`),
      );
    }
  }
  blocks.push(context(statisticsLine(results.statistics, answer.pricePerGb)));
  return {
    response_type: 'ephemeral',
    text: truncate(
      `${answer.title}: ${results.rows.length} rows. ${statisticsLine(results.statistics, answer.pricePerGb)}`,
      LIMITS.fallbackText,
    ),
    blocks,
  };
}

function rangeText(answer: Pick<LogsAnswer, 'groups' | 'start' | 'end'>): string {
  const groups = answer.groups.map((g) => `\`${escapeMrkdwn(g)}\``).join(', ');
  const span = formatDuration(Math.round((answer.end.getTime() - answer.start.getTime()) / 1000));
  return `${truncate(groups, 1500)} · ${answer.start.toISOString().slice(0, 16)}Z – ${answer.end.toISOString().slice(0, 16)}Z (${span})`;
}

/** While the query runs: the progress Slack shows in place of "working on it". */
export function renderProgress(title: string, elapsedMs: number, stats: QueryStatistics | undefined): SlackMessage {
  const scanned = stats && stats.recordsScanned > 0 ? ` — ${compact.format(stats.recordsScanned)} records scanned` : '';
  return {
    response_type: 'ephemeral',
    text: `:hourglass_flowing_sand: ${title}: running for ${Math.round(elapsedMs / 1000)} s${scanned}…`,
  };
}
