import type { KnownBlock } from '@slack/types';
import { context, escapeMrkdwn, header, LIMITS, type SlackMessage, section } from '../../slack-message.ts';
import { fitTable, withTable } from '../../slack-table.ts';
import { count } from '../plural.ts';
import type { Finding, Measurements } from './fleet-findings.ts';
import type { FleetReview, ReviewedDatabase } from './fleet-review.ts';

const SEVERITY: Record<Finding['severity'], string> = {
  high: ':red_circle:',
  medium: ':large_orange_circle:',
  low: ':white_circle:',
};
const RANK: Record<Finding['severity'], number> = { high: 0, medium: 1, low: 2 };
/** Header, summary and footer leave this many blocks for databases. */
const MAX_DATABASE_BLOCKS = LIMITS.blocksPerMessage - 4;

const GiB = 1024 ** 3;

function measuredLine(m: Measurements | undefined, days: number, cluster: boolean): string {
  if (!m) return `_no CloudWatch data in ${days} days_`;
  const parts: string[] = [];
  if (m.cpuAverage !== undefined) parts.push(`CPU ${m.cpuAverage.toFixed(0)}% avg`);
  if (m.connectionsAverage !== undefined) parts.push(`${m.connectionsAverage.toFixed(0)} connections avg`);
  if (m.readIopsAverage !== undefined && m.writeIopsAverage !== undefined) {
    parts.push(
      `IOPS ${Math.round(m.readIopsAverage).toLocaleString('en-US')} read / ${Math.round(m.writeIopsAverage).toLocaleString('en-US')} write${cluster ? ' (cluster average)' : ''}`,
    );
  }
  if (m.freeableMemoryMin !== undefined)
    parts.push(`freeable memory low ${(m.freeableMemoryMin / GiB).toFixed(1)} GiB`);
  return `${days}-day: ${parts.join(' · ')}`;
}

/** A short link label that says whose page it is. */
function sourceLabel(url: string): string {
  if (url.includes('/pricing/')) return 'AWS pricing';
  if (url.includes('/blogs/')) return 'AWS blog';
  return 'AWS docs';
}

function databaseBlock(r: ReviewedDatabase, days: number): KnownBlock {
  const { db } = r;
  const title = `*${escapeMrkdwn(db.id)}* · ${escapeMrkdwn(db.engine)} ${escapeMrkdwn(db.engineVersion)} · ${escapeMrkdwn(db.instanceClasses.join(', ') || '—')}${db.kind === 'cluster' ? ' · cluster' : ''}`;
  const findings = [...r.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const lines = findings.map((f) => {
    // The sources are AWS pages from the code's own table, never user or AWS API text.
    const sources = (f.sources ?? []).map((url) => `<${url}|${sourceLabel(url)}>`).join(' · ');
    const cited = [f.note ? `_(${f.note})_` : '', sources].filter(Boolean).join(' ');
    return `${SEVERITY[f.severity]} ${escapeMrkdwn(f.measured)}. ${escapeMrkdwn(f.advice)}${cited ? ` ${cited}` : ''}`;
  });
  return section(
    [
      title,
      measuredLine(r.measured, days, db.kind === 'cluster'),
      ...(lines.length ? lines : [':white_check_mark: nothing to flag']),
    ].join('\n'),
  );
}

const SEVERITY_EMOJI: Record<Finding['severity'], string> = { high: '🔴', medium: '🟠', low: '⚪' };

/** `🔴 1 · 🟠 2`: a database's findings by severity, in the Unicode a `raw_text` cell shows. */
function findingCounts(r: ReviewedDatabase): string {
  const counts = (['high', 'medium', 'low'] as const)
    .map((severity) => [severity, r.findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${SEVERITY_EMOJI[severity]} ${n}`);
  return counts.length > 0 ? counts.join(' · ') : '✅ none';
}

/** The fleet at a glance, one row per database, when it fits one table block; the findings follow as text. */
function fleetTable(sorted: ReviewedDatabase[], days: number) {
  const fit = fitTable({
    columns: [
      { label: 'Database' },
      { label: 'Engine' },
      { label: 'Class' },
      { label: `CPU (${days}-day avg)`, align: 'right' },
      { label: 'Connections', align: 'right' },
      { label: 'Findings' },
    ],
    rows: sorted.map((r) => [
      `${r.db.id}${r.db.kind === 'cluster' ? ' (cluster)' : ''}`,
      `${r.db.engine} ${r.db.engineVersion}`,
      r.db.instanceClasses.join(', '),
      r.measured?.cpuAverage === undefined ? '—' : `${r.measured.cpuAverage.toFixed(0)}%`,
      r.measured?.connectionsAverage === undefined ? '—' : r.measured.connectionsAverage.toFixed(0),
      findingCounts(r),
    ]),
  });
  return fit.kind === 'table' && fit.shown === sorted.length ? fit.block : undefined;
}

/** The fleet review: databases with the most serious findings first, each with what was measured. */
export function renderFleetReview(review: FleetReview): SlackMessage {
  const score = (r: ReviewedDatabase) => r.findings.reduce((s, f) => s + (3 - RANK[f.severity]) * 10, 0);
  const sorted = [...review.databases].sort((a, b) => score(b) - score(a) || a.db.id.localeCompare(b.db.id));
  const total = review.databases.reduce((s, r) => s + r.findings.length, 0);
  const high = review.databases.reduce((s, r) => s + r.findings.filter((f) => f.severity === 'high').length, 0);
  const summary =
    review.databases.length === 0
      ? `No RDS or Aurora databases in ${review.region}.`
      : `${count(review.databases.length, 'database')} in ${review.region}, ${count(total, 'finding')}, ${high} high.`;
  const table = fleetTable(sorted, review.days);
  // With the table, the text is each flagged database's findings; without, every database's block.
  const detailed = table ? sorted.filter((r) => r.findings.length > 0) : sorted;
  const shown = detailed.slice(0, MAX_DATABASE_BLOCKS);
  const blocks: KnownBlock[] = [
    header('/dbadvice fleet: RDS and Aurora review'),
    section(summary),
    ...shown.map((r) => databaseBlock(r, review.days)),
  ];
  if (detailed.length > shown.length)
    blocks.push(
      section(`_…and ${count(detailed.length - shown.length, 'more database', 'more databases')} not shown._`),
    );
  blocks.push(
    context(
      `Last ${review.days} days of AWS/RDS metrics (hourly averages) in ${count(review.metricCalls, 'GetMetricData call')}. Advice from the notes in \`knowledge/notes\`.`,
    ),
  );
  const message: SlackMessage = { response_type: 'ephemeral', text: `/dbadvice fleet: ${summary}`, blocks };
  return table ? withTable(message, table) : message;
}
