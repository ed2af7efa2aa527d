import type { KnownBlock } from '@slack/types';
import { context, escapeMrkdwn, header, LIMITS, type SlackMessage, section } from '../../slack-message.ts';
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
  const shown = sorted.slice(0, MAX_DATABASE_BLOCKS);
  const blocks: KnownBlock[] = [
    header('/dbadvice fleet: RDS and Aurora review'),
    section(summary),
    ...shown.map((r) => databaseBlock(r, review.days)),
  ];
  if (sorted.length > shown.length)
    blocks.push(section(`_…and ${count(sorted.length - shown.length, 'more database', 'more databases')} not shown._`));
  blocks.push(
    context(
      `Last ${review.days} days of AWS/RDS metrics (hourly averages) in ${count(review.metricCalls, 'GetMetricData call')}. Advice from the notes in \`knowledge/notes\`.`,
    ),
  );
  return { response_type: 'ephemeral', text: `/dbadvice fleet: ${summary}`, blocks };
}
