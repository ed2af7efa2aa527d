import type { ActionsBlock, Button as ButtonElement, KnownBlock, SectionBlock, TableBlock } from '@slack/types';
import { tokenize } from '../../command-text.ts';
import { formatDuration } from '../../duration.ts';
import { rangeText, sinceText } from '../../range-text.ts';
import { ACCOUNT_ALIAS, accountName, scopeText } from '../../scope.ts';
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
import { fitTable, type TableLink, withTable } from '../../slack-table.ts';
import { GRAPH_ACTION } from '../metrics/buttons.ts';
import { metricConsoleUrl } from '../metrics/console-link.ts';
import { averageFormat, statFormat } from '../metrics/format-value.ts';
import { parseMetricsArgs } from '../metrics/parse-metrics.ts';
import { sparkline } from '../metrics/sparkline.ts';
import type { TopResult, TopRow } from './run-top.ts';

/** Rows that get a Graph button: the few worth a picture. */
export const GRAPH_ROWS = 3;
/** Sparkline characters in a row: short enough to stay on one line on a phone. */
const SPARK_WIDTH = 24;
/** A longer link would crowd the row's 3,000 characters; the row then shows no link. */
const MAX_URL = 2500;
/** What a button's value holds. */
const MAX_BUTTON_VALUE = 2000;

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** One word of `/cw` text: quoted when it has a space, so the slash reader gives it back whole. */
function word(text: string): string {
  return /\s/.test(text) ? `"${text}"` : text;
}

/**
 * The `/cw metrics … --graph` text the row's Graph button runs: that resource's metric at the same
 * statistic, period and absolute window. Only when that text reads back as exactly this one series
 * (a label with a quote, a comma or an `&amp;` would not), so a press never graphs something else.
 */
export function rowGraphCommand(result: TopResult, row: TopRow): string | undefined {
  const { query } = result;
  // Slack's own markup characters: never carried into a command a press runs.
  if (/[<>]/.test(row.label)) return undefined;
  const dimension = `${query.dimension}=${row.label}`;
  // The same place again: the Region typed, the row's account (a known one: an unknown id would be
  // refused, and no account would read another).
  const account = row.account;
  if (account && !ACCOUNT_ALIAS.test(account.alias)) return undefined;
  const scope = [
    ...(query.scope?.region !== undefined ? ['--region', result.region] : []),
    ...(account ? ['--account', account.alias] : []),
  ];
  const words = [
    'metrics',
    word(query.namespace),
    word(query.metricName),
    word(dimension),
    '--stat',
    query.stat,
    '--period',
    formatDuration(result.periodSeconds),
    '--from',
    isoSeconds(result.start),
    '--to',
    isoSeconds(result.end),
    ...scope,
    '--graph',
  ];
  const text = words.join(' ');
  if (text.length > MAX_BUTTON_VALUE) return undefined;
  try {
    const [, ...args] = tokenize(text);
    const parsed = parseMetricsArgs(args);
    const [only, ...others] = parsed.series;
    const same =
      others.length === 0 &&
      only?.namespace === query.namespace &&
      only.metricName === query.metricName &&
      only.dimensions.length === 1 &&
      only.dimensions[0]?.name === query.dimension &&
      only.dimensions[0]?.value === row.label;
    return same ? text : undefined;
  } catch {
    return undefined;
  }
}

function graphAccessory(value: string, rank: number): ButtonElement {
  return {
    type: 'button',
    action_id: GRAPH_ACTION,
    text: { type: 'plain_text', text: 'Graph' },
    value,
    accessibility_label: `Graph row ${rank}`,
  };
}

/** How the rows' values read: one scale and decimals for all, so they compare at a glance. */
function formatter(result: TopResult): (value: number) => string {
  const values = result.rows.map((r) => r.value);
  const datapoints = result.rows.flatMap((r) => r.group.values);
  const { unit, query } = result;
  return query.stat === 'Average'
    ? averageFormat(values, unit, query.stat, datapoints)
    : statFormat(values, unit, query.stat, datapoints);
}

function rowUrl(result: TopResult, row: TopRow): string {
  const { query } = result;
  return metricConsoleUrl(
    result.region,
    [
      {
        namespace: query.namespace,
        metricName: query.metricName,
        dimensions: [{ name: query.dimension, value: row.label }],
        stat: query.stat,
        ...(row.account ? { accountId: row.account.id } : {}),
      },
    ],
    result.periodSeconds,
    result,
  );
}

function rowSpark(result: TopResult, row: TopRow): string {
  return sparkline({
    timestamps: row.group.timestamps,
    values: row.group.values,
    start: result.start,
    end: result.end,
    periodSeconds: result.periodSeconds,
    width: SPARK_WIDTH,
  });
}

/** A row as its own section, when the rows cannot be one table block. */
function rowBlock(result: TopResult, row: TopRow, f: (value: number) => string): SectionBlock {
  const url = rowUrl(result, row);
  const label = truncate(row.label || '(empty)', 200);
  const name = url.length <= MAX_URL ? `<${url}|${escapeText(label)}>` : inlineCode(label);
  const spark = rowSpark(result, row);
  // Across accounts the same name can be in several: each row says whose it is.
  const whose = result.query.acrossAccounts && row.account ? ` _${escapeText(accountName(row.account))}_` : '';
  const block = section(
    `*${row.rank}.* ${name}${whose}  *${escapeText(f(row.value))}*${spark ? `  \`${spark}\`` : ''}`,
  );
  const graph = row.rank <= GRAPH_ROWS ? rowGraphCommand(result, row) : undefined;
  if (graph) block.accessory = graphAccessory(graph, row.rank);
  return block;
}

/**
 * The rows as one table block (rank, resource linked to its console graph, value, sparkline), when
 * all of them fit one; the Graph buttons then sit in one actions block above it.
 */
function rankedTable(result: TopResult, f: (value: number) => string): TableBlock | undefined {
  // Across accounts the same name can be in several: a column says whose each row is.
  const across = result.query.acrossAccounts === true;
  const rows = result.rows.map((row): (string | TableLink)[] => {
    const url = rowUrl(result, row);
    const label = row.label || '(empty)';
    return [
      String(row.rank),
      url.length <= MAX_URL ? { text: label, url } : label,
      ...(across ? [row.account ? accountName(row.account) : ''] : []),
      f(row.value),
      rowSpark(result, row),
    ];
  });
  const fit = fitTable({
    columns: [
      { label: '#', align: 'right' },
      { label: result.query.dimension },
      ...(across ? [{ label: 'Account' }] : []),
      { label: result.query.stat, align: 'right' },
      { label: 'Trend' },
    ],
    rows,
  });
  return fit.kind === 'table' && fit.shown === result.rows.length ? fit.block : undefined;
}

function graphButtons(result: TopResult): ActionsBlock | undefined {
  const elements = result.rows
    .filter((row) => row.rank <= GRAPH_ROWS)
    .flatMap((row) => {
      const graph = rowGraphCommand(result, row);
      if (!graph) return [];
      const button = graphAccessory(graph, row.rank);
      return [
        {
          ...button,
          text: {
            type: 'plain_text' as const,
            text: truncate(
              `Graph ${row.rank}. ${row.label}${result.query.acrossAccounts && row.account ? ` (${row.account.alias})` : ''}`,
              75,
            ),
          },
        },
      ];
    });
  return elements.length > 0 ? { type: 'actions', elements } : undefined;
}

function since(result: TopResult): string {
  return sinceText(result.query.sinceSeconds, result.query.sinceText);
}

/** The `/cw top` answer: the ranked rows, each with its value, sparkline, console link, and Graph for the top few. */
export function renderTop(result: TopResult): SlackMessage {
  const { query } = result;
  const blocks: KnownBlock[] = [
    header(`🔥 Top ${query.metricName} by ${query.dimension}`),
    context(
      [
        escapeText(query.namespace),
        query.stat,
        `period ${formatDuration(result.periodSeconds)}`,
        rangeText({ start: result.start, end: result.end, since: escapeText(since(result)) }),
        escapeText(
          scopeText({
            region: result.region,
            ...(query.account ? { account: query.account } : {}),
            ...(query.acrossAccounts ? { acrossAccounts: true } : {}),
          }),
        ),
      ].join(' · '),
    ),
  ];
  const f = formatter(result);
  const table = result.rows.length > 0 ? rankedTable(result, f) : undefined;
  if (table) {
    const buttons = graphButtons(result);
    if (buttons) blocks.push(buttons);
  } else if (result.rows.length === 0) {
    blocks.push(
      section(
        `No ${inlineCode(`${query.namespace} ${query.metricName}`)} reported with exactly the dimension ` +
          `${inlineCode(query.dimension)} in the last ${escapeText(since(result))}. Metrics Insights' SCHEMA ` +
          'matches only metrics whose one dimension is that one; names are case-sensitive. Try a longer `--since`, ' +
          'or another `by` dimension.',
      ),
    );
  } else {
    // Header, context, notes and the query leave this many blocks; the parser allows fewer rows still.
    for (const row of result.rows.slice(0, LIMITS.blocksPerMessage - 5)) blocks.push(rowBlock(result, row, f));
  }
  const notes = [
    ...(query.statNote ? [query.statNote] : []),
    ...(result.rows.length === query.limit ? [`The ${query.limit} highest; \`--limit\` shows up to 20.`] : []),
    ...statusNotes(result),
  ];
  if (notes.length > 0) blocks.push(context(...notes.map((n) => truncate(n, 1000))));
  blocks.push(context(`Metrics Insights: ${inlineCode(truncate(result.expression, 1500))}`));
  const message: SlackMessage = {
    response_type: query.share ? 'in_channel' : 'ephemeral',
    text: truncate(fallbackText(result, f), LIMITS.fallbackText),
    blocks,
  };
  return table ? withTable(message, table) : message;
}

function statusNotes(result: TopResult): string[] {
  const notes: string[] = [];
  if (result.status === 'PartialData') notes.push('CloudWatch returned partial data.');
  if (result.status === 'Forbidden') notes.push('CloudWatch refused some of the data (Forbidden).');
  if (result.status === 'InternalError') notes.push('CloudWatch had an internal error on some of the data.');
  for (const m of result.messages.slice(0, 3)) notes.push(`CloudWatch: ${escapeText(truncate(m, 300))}`);
  return notes;
}

/** One line for notifications and screen readers: what was ranked and the first rows. */
function fallbackText(result: TopResult, f: (value: number) => string): string {
  const { query } = result;
  const where = query.account ? ` in ${accountName(query.account)}` : '';
  const head = `Top ${query.metricName} by ${query.dimension}${where} (${query.stat}, last ${since(result)})`;
  if (result.rows.length === 0) return escapeText(`${head}: no data.`);
  const rows = result.rows
    .slice(0, 5)
    .map(
      (r) =>
        `${r.rank}. ${truncate(r.label, 80)}${query.acrossAccounts && r.account ? ` (${r.account.alias})` : ''} ${f(r.value)}`,
    );
  return escapeText(`${head}: ${rows.join(', ')}`);
}
