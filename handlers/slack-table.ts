/**
 * Slack's `table` block (docs.slack.dev/reference/block-kit/blocks/table-block), within its limits,
 * and where it goes in a message. A table that cannot fit is not sent as one: the caller shows its
 * text form instead (a code block), and the CSV file keeps every row either way.
 */
import type { KnownBlock, RawTextElement, RichTextBlock, TableBlock } from '@slack/types';
import { type SlackMessage, truncate } from './slack-message.ts';

/**
 * The table block's limits. Rows, cells per row and `column_settings` are Slack's published ones
 * (the table-block reference; @slack/types 3.2.0 `TableBlock` says the same). Slack publishes no cap
 * on a cell's or a table's characters for this block; its newer data_table block caps the cells of a
 * table and of a message at 10,000 characters (docs.slack.dev/reference/block-kit/blocks/data-table-block),
 * which the bot keeps to here as well rather than find the table block's own cap by failing.
 * One table per message: not in the reference, reported by several projects as `invalid_attachments`
 * for a second one (github.com/netclaw-dev/netclaw/issues/55, github.com/openclaw/openclaw/pull/57717).
 */
export const TABLE_LIMITS = {
  /** The header row included. */
  rows: 100,
  cellsPerRow: 20,
  columnSettings: 20,
  /** Characters in all the cells of a table (and of a message, which has one). */
  cellCharacters: 10_000,
  /** What the bot puts in one cell; a longer value is cut, the CSV keeps it whole. */
  cellText: 500,
  tablesPerMessage: 1,
} as const;

export interface TableColumn {
  label: string;
  /** Numbers read best right-aligned. */
  align?: 'left' | 'center' | 'right';
  /** Long text (a log message) wraps instead of running off to the right. */
  wrap?: boolean;
}

/** A cell that links somewhere (a console page): a `rich_text` cell holding one link element. */
export interface TableLink {
  text: string;
  url: string;
}

export interface TableSpec {
  columns: TableColumn[];
  /**
   * Each row's cells in column order: plain text, shown as typed (a `raw_text` cell, like a
   * rich_text `text` element, is never read as a mention: mentions are elements of their own), a
   * link, or rich text of the caller's (bold numbers in a reason).
   */
  rows: (string | TableLink | RichTextBlock)[][];
}

/** A table that fits, with how many of the rows it shows, or why it cannot be a table. */
export type TableFit =
  | { kind: 'table'; block: TableBlock; shown: number }
  | { kind: 'text'; reason: 'columns' | 'empty' | 'characters' };

const length = (text: string) => Array.from(text).length;

/** A cell as Slack takes it: one line, at least one character (`raw_text` has a minimum of 1), cut to {@link TABLE_LIMITS.cellText}. */
export function cellText(value: string): string {
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? '—' : truncate(text, TABLE_LIMITS.cellText);
}

type Cell = RawTextElement | RichTextBlock;

function cell(value: string | TableLink | RichTextBlock): Cell {
  if (typeof value === 'string') return { type: 'raw_text', text: cellText(value) };
  if ('type' in value) return cellCharacters(value) > 0 ? value : { type: 'raw_text', text: '—' };
  const link = { type: 'link' as const, url: value.url, text: cellText(value.text) };
  return { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [link] }] };
}

/** The characters a reader sees in a cell: a link's text, not its address. */
export function cellCharacters(c: TableBlock['rows'][number][number]): number {
  if (c.type !== 'rich_text') return length(c.text);
  // Flattened to one level: a cell's rich text is sections (or lists of them) of text and links.
  const inline: unknown[] = c.elements.flatMap((e): unknown[] => ('elements' in e ? [...e.elements] : []));
  return inline.reduce<number>((sum, e) => {
    const text = (e as { text?: unknown }).text;
    return sum + (typeof text === 'string' ? length(text) : 0);
  }, 0);
}

/**
 * The first rows of `spec` that fit one table block: at most 99 under the header and
 * {@link TABLE_LIMITS.cellCharacters} in all; `maxRows` lowers that. More columns than a row may
 * have, or not even one row that fits, is not a table.
 */
export function fitTable(spec: TableSpec, maxRows: number = TABLE_LIMITS.rows - 1): TableFit {
  const width = spec.columns.length;
  if (width === 0 || width > TABLE_LIMITS.cellsPerRow) return { kind: 'text', reason: 'columns' };
  if (spec.rows.length === 0) return { kind: 'text', reason: 'empty' };
  const header = spec.columns.map((c) => cell(c.label));
  let used = header.reduce((sum, c) => sum + cellCharacters(c), 0);
  const rows: Cell[][] = [];
  for (const row of spec.rows.slice(0, Math.min(maxRows, TABLE_LIMITS.rows - 1))) {
    const cells = spec.columns.map((_, i) => cell(row[i] ?? ''));
    const size = cells.reduce((sum, c) => sum + cellCharacters(c), 0);
    if (used + size > TABLE_LIMITS.cellCharacters) break;
    used += size;
    rows.push(cells);
  }
  if (rows.length === 0) return { kind: 'text', reason: 'characters' };
  const settings = spec.columns.map((c) => ({
    ...(c.align && c.align !== 'left' ? { align: c.align } : {}),
    ...(c.wrap ? { is_wrapped: true } : {}),
  }));
  const block: TableBlock = {
    type: 'table',
    rows: [header, ...rows],
    ...(settings.some((s) => Object.keys(s).length > 0) ? { column_settings: settings } : {}),
  };
  return { kind: 'table', block, shown: rows.length };
}

/**
 * The message with its table where Slack documents it: a table block in the message's
 * `attachments` ("Apps can programmatically publish messages that include a table by providing a
 * table block in the attachments field", table-block reference), which Slack shows under the
 * message's blocks. A message has one table, so this replaces any table it had.
 */
export function withTable<T extends SlackMessage>(
  message: T,
  table: TableBlock,
): T & Required<Pick<SlackMessage, 'attachments'>> {
  return { ...message, attachments: [{ blocks: [table] }] };
}

/** Every table block in a message, wherever it is. */
export function tablesOf(message: SlackMessage): TableBlock[] {
  const all: KnownBlock[] = [...(message.blocks ?? []), ...(message.attachments ?? []).flatMap((a) => a.blocks)];
  return all.filter((b): b is TableBlock => b.type === 'table');
}

/** The limits of {@link TABLE_LIMITS} a message breaks, in words; empty when it keeps them all. */
export function tableProblems(message: SlackMessage): string[] {
  const problems: string[] = [];
  const tables = tablesOf(message);
  if (tables.length > TABLE_LIMITS.tablesPerMessage) problems.push(`${tables.length} tables in one message`);
  if ((message.blocks ?? []).some((b) => b.type === 'table')) problems.push('a table in blocks, not in attachments');
  let characters = 0;
  tables.forEach((table, t) => {
    if (table.rows.length > TABLE_LIMITS.rows) problems.push(`table ${t} has ${table.rows.length} rows`);
    if (table.rows.length < 2) problems.push(`table ${t} has no row under its header`);
    if ((table.column_settings ?? []).length > TABLE_LIMITS.columnSettings)
      problems.push(`table ${t} has ${(table.column_settings ?? []).length} column settings`);
    const width = table.rows[0]?.length ?? 0;
    table.rows.forEach((row, r) => {
      if (row.length > TABLE_LIMITS.cellsPerRow) problems.push(`table ${t} row ${r} has ${row.length} cells`);
      if (row.length !== width) problems.push(`table ${t} row ${r} has ${row.length} cells, the header ${width}`);
      for (const c of row) {
        if (cellCharacters(c) < 1) problems.push(`table ${t} row ${r} has an empty cell`);
        characters += cellCharacters(c);
      }
    });
  });
  if (characters > TABLE_LIMITS.cellCharacters) problems.push(`${characters} characters in table cells`);
  return problems;
}
