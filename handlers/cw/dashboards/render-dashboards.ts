import type { KnownBlock } from '@slack/types';
import type { DashboardSummary } from '../../ports.ts';
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
import { consoleBase } from '../metrics/console-link.ts';
import type { DashboardListQuery } from './parse-dashboards.ts';

/** Lines per section: a 255-character name and its link stay under a section's 3,000 characters. */
const PER_SECTION = 5;
/** At most this many lines, so the message stays under Block Kit's 50 blocks. */
const SHOWN = 100;

export function dashboardConsoleUrl(region: string, name: string): string {
  return `${consoleBase(region)}/cloudwatch/home?region=${region}#dashboards:name=${encodeURIComponent(name)}`;
}

function ago(date: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - date.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} d ago`;
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

/** `/cw dashboards`: each dashboard with a console link, when it changed and its size, newest first. */
export function renderDashboards(
  dashboards: readonly DashboardSummary[],
  query: DashboardListQuery,
  settings: { region: string; now: () => Date },
): SlackMessage {
  const visibility = query.share ? 'in_channel' : 'ephemeral';
  if (dashboards.length === 0) {
    const text = query.namePrefix
      ? `:mag: No dashboard has a name starting ${inlineCode(query.namePrefix)}; \`/cw dashboards\` lists them all.`
      : 'This account has no CloudWatch dashboards.';
    return { response_type: visibility, text };
  }
  const now = settings.now();
  // Newest first; one whose change time CloudWatch did not give goes last, not as the oldest of 1970.
  const changed = (d: DashboardSummary) => d.lastModified?.getTime() ?? Number.NEGATIVE_INFINITY;
  const sorted = [...dashboards].sort((a, b) => changed(b) - changed(a) || a.name.localeCompare(b.name));
  const shown = sorted.slice(0, SHOWN);
  const lines = shown.map(
    (d) =>
      `• <${dashboardConsoleUrl(settings.region, d.name)}|${escapeText(truncate(d.name, 120))}> · ${d.lastModified ? `changed ${ago(d.lastModified, now)}` : 'change time unknown'} · ${size(d.sizeBytes)}`,
  );
  const what = query.namePrefix ? ` · names starting ${truncate(query.namePrefix, 60)}` : '';
  const blocks: KnownBlock[] = [header(`CloudWatch dashboards${what}`)];
  for (let i = 0; i < lines.length; i += PER_SECTION) blocks.push(section(lines.slice(i, i + PER_SECTION).join('\n')));
  const footer = [`${dashboards.length} dashboard${dashboards.length === 1 ? '' : 's'}`];
  if (shown.length < dashboards.length)
    footer.push(`showing the ${shown.length} changed last; narrow with a name prefix`);
  blocks.push(context(footer.join(' · ')));
  return {
    response_type: visibility,
    text: truncate(shown.map((d) => escapeText(d.name)).join('\n'), LIMITS.fallbackText),
    blocks,
  };
}
