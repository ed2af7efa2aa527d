import type { KnownBlock, TableBlock } from '@slack/types';
import { counted } from '../../count-words.ts';
import type { QueryResults, QueryStatistics } from '../../ports.ts';
import { crossesDay, rangeText } from '../../range-text.ts';
import { type Account, logGroupArn } from '../../scope.ts';
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
import { fitTable, TABLE_LIMITS, cellText as tableCellText, withTable } from '../../slack-table.ts';
import { logsInsightsConsoleUrl } from '../metrics/console-link.ts';

/** Code-block sections for the table; with header, context and notes this stays far below 50 blocks. */
const TABLE_SECTIONS = 3;
const SECTION_ROOM = LIMITS.sectionText - 8;

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
  return `${counted(stats.recordsMatched, 'record', 'records', compact.format(stats.recordsMatched))} matched · ${compact.format(stats.recordsScanned)} scanned · ${formatBytes(stats.bytesScanned)} scanned (${costText} at $${pricePerGb}/GB)`;
}

/**
 * A phone shows about 60 characters of a code block before it wraps and breaks the columns: short
 * columns are cut at {@link NARROW_COLUMN}, the last one (usually `@message`) gets what is left of
 * {@link LINE_WIDTH}. Cut cells end in `…`; the CSV keeps every character.
 */
export const LINE_WIDTH = 64;
const NARROW_COLUMN = 20;
/** The short columns give way until `@message` has this much of the line… */
const WANTED_LAST_COLUMN = 40;
/** …or until they cannot narrow further; it never gets less than this. */
const MIN_LAST_COLUMN = 24;
const GAP = '  ';

/** The table as shown: columns and cells shortened for reading; the CSV uses the results as they are. */
export interface DisplayTable {
  fields: string[];
  /** The header of each column. */
  labels: string[];
  rows: Record<string, string>[];
}

/** The longest prefix every value shares, ending at a separator (`/`, `]`, `:`), so what is cut is whole words. */
function sharedPrefix(values: string[]): string {
  const [first, ...others] = values;
  if (first === undefined || others.length === 0) return '';
  let length = first.length;
  for (const v of others) {
    let i = 0;
    while (i < length && i < v.length && v[i] === first[i]) i++;
    length = i;
  }
  const cut = Math.max(...['/', ']', ':'].map((c) => first.lastIndexOf(c, length - 1)));
  // Keep something of each value: a prefix equal to a whole value is not a prefix to cut.
  return cut > 0 && others.every((v) => v.length > cut + 1) && first.length > cut + 1 ? first.slice(0, cut + 1) : '';
}

/**
 * `2026-11-25 09:30:05.123` as the time alone when every row is on the one day the window covers
 * (the range line has the date), else without the year.
 */
function shortTimestamps(values: string[], window: { start: Date; end: Date } | undefined): (value: string) => string {
  const stamp = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)/;
  const days = new Set(values.map((v) => stamp.exec(v)?.[1] ?? v));
  const oneDay = days.size === 1 && (window === undefined || !crossesDay(window.start, window.end));
  if (!oneDay) return (v) => v.replace(/^\d{4}-/, '');
  return (v) => stamp.exec(v)?.[2] ?? v;
}

/**
 * Lambda and many loggers start a line with its own time, which the `@timestamp` column shows
 * already; Lambda then writes the request id. Both are dropped from the table (the CSV keeps them).
 */
function withoutOwnTimestamp(message: string, timestamp: string | undefined): string {
  const stamp = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)Z?\s+/.exec(message);
  if (!stamp || !timestamp?.replace('T', ' ').startsWith(`${stamp[1]} ${stamp[2]}`)) return message;
  return message
    .slice(stamp[0].length)
    .replace(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s+/i, '');
}

/**
 * What the table shows of a result: `@log` only when more than one log group is queried (with one
 * it repeats the group named above the table), `@logStream` and `@log` without the prefix all rows
 * share (Lambda's `2026/11/25/[$LATEST]`, the account id), `@timestamp` without the date when all
 * rows are on the window's one day. Logs Insights writes `@timestamp` in UTC, while the range line
 * is in each reader's zone, so its header says UTC.
 */
export function displayTable(
  results: Pick<QueryResults, 'fields' | 'rows'>,
  groups: string[],
  window?: { start: Date; end: Date },
): DisplayTable {
  const kept = visibleFields(results).filter((f) => f !== '@log' || groups.length > 1);
  // `@message` last: it is the wide, ragged column, and a phone wraps it without breaking the others.
  const fields = kept.includes('@message') ? [...kept.filter((f) => f !== '@message'), '@message'] : kept;
  const columnValues = (f: string) => results.rows.map((r) => r[f] ?? '');
  // Stream and group names repeat their date, `[$LATEST]`, account id and path in every row: show what differs.
  const prefixes = new Map(
    ['@logStream', '@log'].filter((f) => fields.includes(f)).map((f) => [f, sharedPrefix(columnValues(f))]),
  );
  const timestamp = fields.includes('@timestamp')
    ? shortTimestamps(columnValues('@timestamp'), window)
    : (v: string) => v;
  const rows = results.rows.map((row) => {
    const shown: Record<string, string> = {};
    for (const f of fields) {
      const value = row[f] ?? '';
      const prefix = prefixes.get(f);
      if (prefix) shown[f] = `…${value.slice(prefix.length)}`;
      else if (f === '@timestamp') shown[f] = timestamp(value);
      else if (f === '@message') shown[f] = withoutOwnTimestamp(value, row['@timestamp']);
      else shown[f] = value;
    }
    return shown;
  });
  const labels = fields.map((f) => (f === '@timestamp' ? '@timestamp UTC' : f));
  return { fields, labels, rows };
}

/** One line of the table: columns padded to their width, the last one left ragged. */
function line(cells: string[], widths: number[]): string {
  return cells
    .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
    .join(GAP)
    .trimEnd();
}

/** Names that differ at their end (stream ids, group names) are cut at the front, to keep what tells them apart. */
const CUT_FRONT = new Set(['@logStream', '@log']);

function cellText(value: string | undefined, width: number, field = ''): string {
  const text = (value ?? '').replace(/\s+/g, ' ').replace(/```/g, "'''");
  if (!CUT_FRONT.has(field)) return truncate(text, width);
  const chars = Array.from(text.startsWith('…') ? text.slice(1) : text);
  return chars.length + (text.startsWith('…') ? 1 : 0) <= width
    ? text
    : `…${chars.slice(chars.length - width + 1).join('')}`;
}

/** Whether a column's values are times (`2026-12-02 06:40:00.000`, `06:40:00`), which are never cut. */
function holdsTimes(values: string[]): boolean {
  const time = /^(?:\d{4}-\d{2}-\d{2}[ T])?\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?$/;
  const present = values.filter((v) => v !== '');
  return present.length > 0 && present.every((v) => time.test(v) || /^\d{2}-\d{2} \d{2}:\d{2}/.test(v));
}

/**
 * Column widths within {@link LINE_WIDTH}: `@message` (or else the last column) is the wide one and
 * gets what the others leave; the others are as wide as their content up to {@link NARROW_COLUMN},
 * and narrower still, widest first, when the line would not fit.
 */
function columnWidths(labels: string[], fields: string[], rows: Record<string, string>[]): number[] {
  const sample = rows.slice(0, 200);
  const natural = fields.map((f, i) =>
    Math.max(Array.from(labels[i] ?? f).length, ...sample.map((r) => Array.from(r[f] ?? '').length)),
  );
  const wide = fields.includes('@message') ? fields.indexOf('@message') : fields.length - 1;
  // A table that fits the line is shown whole: nothing is cut that there is room for.
  const whole = natural.reduce((sum, w) => sum + w, 0) + GAP.length * (fields.length - 1);
  if (whole <= LINE_WIDTH) return natural;
  // Timestamps are never cut, in any column (`@timestamp`, `bin(5m)`, a parsed time): a cut time misleads.
  const isTime = fields.map((f, i) => f === '@timestamp' || holdsTimes(sample.map((r) => r[fields[i] ?? ''] ?? '')));
  const widths = natural.map((w, i) => (i === wide || isTime[i] ? w : Math.min(w, NARROW_COLUMN)));
  const room = () =>
    LINE_WIDTH - widths.reduce((sum, w, i) => (i === wide ? sum : sum + w), 0) - GAP.length * (fields.length - 1);
  const floor = (i: number) =>
    isTime[i] ? (natural[i] ?? 0) : Math.min(natural[i] ?? 0, Math.max(Array.from(fields[i] ?? '').length, 8));
  for (;;) {
    if (room() >= Math.min(natural[wide] ?? 0, WANTED_LAST_COLUMN)) break;
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      if (i !== wide && (widths[i] ?? 0) > floor(i) && (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0)))
        widest = i;
    }
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  widths[wide] = Math.min(natural[wide] ?? 0, Math.max(MIN_LAST_COLUMN, room()));
  return widths;
}

/** Packs rows into code blocks that fit Slack's section limit; returns how many rows fit. */
export function tableBlocks(
  fields: string[],
  rows: Record<string, string>[],
  labels: string[] = fields,
): { blocks: KnownBlock[]; shown: number } {
  if (fields.length === 0) return { blocks: [], shown: 0 };
  const widths = columnWidths(labels, fields, rows);
  // Columns are padded on the text people see, then escaped; sizes are measured on what Slack receives.
  const head = escapeMrkdwn(
    line(
      labels.map((f, i) => cellText(f, widths[i] ?? f.length)),
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
        fields.map((f, i) => cellText(row[f], widths[i] ?? NARROW_COLUMN, f)),
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

/**
 * The results as Slack's table block when they fit one (up to 99 rows, Slack's cell limits), else
 * as code blocks (more than 20 columns, or cells too long for one table); `shown` is how many rows
 * either form holds, so the CSV is posted when it is fewer than all. `cut`: a table cell lost
 * characters to the cell limit (a long `@message`), which the CSV keeps too.
 */
export function resultsTable(
  results: Pick<QueryResults, 'fields' | 'rows'>,
  groups: string[],
  window?: { start: Date; end: Date },
):
  | { kind: 'table'; table: { block: TableBlock; shown: number }; cut: boolean }
  | { kind: 'text'; blocks: KnownBlock[]; shown: number } {
  const shown = displayTable(results, groups, window);
  const rows = shown.rows.map((row) => shown.fields.map((f) => row[f] ?? ''));
  const fit = fitTable({
    columns: shown.fields.map((f, i) => ({ label: shown.labels[i] ?? f, ...(f === '@message' ? { wrap: true } : {}) })),
    rows,
  });
  if (fit.kind === 'table') {
    const cut = rows
      .slice(0, fit.shown)
      .some((row) => row.some((value) => tableCellText(value) !== (value.replace(/\s+/g, ' ').trim() || '—')));
    return { kind: 'table', table: fit, cut };
  }
  return { kind: 'text', ...tableBlocks(shown.fields, shown.rows, shown.labels) };
}

/** Whether the answer shows every row of `results`, and every character of a table's cells; else the CSV is posted. */
export function showsEverything(
  results: Pick<QueryResults, 'fields' | 'rows'>,
  groups: string[],
  window?: { start: Date; end: Date },
): boolean {
  const table = resultsTable(results, groups, window);
  return table.kind === 'table'
    ? table.table.shown >= results.rows.length && !table.cut
    : table.shown >= results.rows.length;
}

export interface LogsAnswer {
  title: string;
  groups: string[];
  start: Date;
  end: Date;
  /** A relative range's length as the user typed it (`3 hours`); absent for `--from`. */
  since?: string;
  queryString: string;
  /** `--limit`, when given: StartQuery's own cap on the rows. */
  limit?: number;
  /** For the console link. */
  region?: string;
  /** A linked account's groups: the console link names them by ARN, as it does for a source account. */
  account?: Account;
  results: QueryResults;
  pricePerGb: number;
  /** What happened to the full result set when the table could not show it all. */
  csvNote?: string;
  /** How the window was read: a `--to` clipped to now, a time without a zone read as UTC. */
  notes?: string[];
}

/** A completed query: what ran, the table, and the statistics with the cost. */
export function renderLogsResults(answer: LogsAnswer): SlackMessage {
  const { results } = answer;
  const blocks: KnownBlock[] = [header(answer.title), context(rangeLine(answer), queryLine(answer))];
  const table = results.rows.length === 0 ? undefined : resultsTable(results, answer.groups, answer);
  if (!table) {
    blocks.push(section('_No log events matched in this range._'));
  } else {
    if (table.kind === 'text') blocks.push(...table.blocks);
    const shown = table.kind === 'table' ? table.table.shown : table.shown;
    if (shown < results.rows.length) {
      blocks.push(
        context(
          `Showing ${shown} of ${counted(results.rows.length, 'row')}.${answer.csvNote ? ` ${answer.csvNote}` : ''}`,
        ),
      );
    } else if (table.kind === 'table' && table.cut) {
      blocks.push(
        context(
          `Cells longer than ${TABLE_LIMITS.cellText} characters are cut.${answer.csvNote ? ` ${answer.csvNote}` : ''}`,
        ),
      );
    }
  }
  blocks.push(context(statisticsLine(results.statistics, answer.pricePerGb)));
  if (answer.region) {
    const { region, account } = answer;
    const sources = account ? answer.groups.map((g) => logGroupArn(region, account.id, g)) : answer.groups;
    const url = logsInsightsConsoleUrl(region, sources, answer.queryString, answer);
    if (url.length <= 3000) blocks.push(context(`<${url}|Open in Logs Insights>`));
  }
  const message: SlackMessage = {
    response_type: 'ephemeral',
    text: truncate(
      `${answer.title}: ${counted(results.rows.length, 'row')}. ${statisticsLine(results.statistics, answer.pricePerGb)}`,
      LIMITS.fallbackText,
    ),
    blocks,
  };
  // Slack shows the table under the blocks: the statistics and the console link come first.
  return table?.kind === 'table' ? withTable(message, table.table.block) : message;
}

/** The groups and the window, in the units the user typed and each reader's own time zone. */
function rangeLine(answer: Pick<LogsAnswer, 'groups' | 'start' | 'end' | 'since' | 'notes'>): string {
  const groups = answer.groups.map((g) => `${inlineCode(g)}`).join(', ');
  const range = rangeText({
    start: answer.start,
    end: answer.end,
    ...(answer.since === undefined ? {} : { since: escapeMrkdwn(answer.since) }),
  });
  const notes = (answer.notes ?? []).map((n) => ` · ${n}`).join('');
  return `${truncate(groups, 1500)} · ${range}${notes}`;
}

/** The query that ran and, when `--limit` capped it and the query text does not say so, that cap. */
function queryLine(answer: Pick<LogsAnswer, 'queryString' | 'limit'>): string {
  const query = `${inlineCode(truncate(answer.queryString.replace(/\s*\n\s*/g, ' '), 400))}`;
  const inQuery = new RegExp(`\\|\\s*limit\\s+${answer.limit}\\s*$`, 'i').test(answer.queryString.trim());
  return answer.limit === undefined || inQuery
    ? query
    : `${query} · at most ${counted(answer.limit, 'row')} (\`--limit\`)`;
}

/** While the query runs: the progress Slack shows in place of "working on it". */
export function renderProgress(title: string, elapsedMs: number, stats: QueryStatistics | undefined): SlackMessage {
  const scanned =
    stats && stats.recordsScanned > 0
      ? ` — ${counted(stats.recordsScanned, 'record', 'records', compact.format(stats.recordsScanned))} scanned`
      : '';
  return {
    response_type: 'ephemeral',
    text: `:hourglass_flowing_sand: ${title}: running for ${Math.round(elapsedMs / 1000)} s${scanned}…`,
  };
}
