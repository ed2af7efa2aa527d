import type { KnownBlock } from '@slack/types';
import { alarmConsoleUrl, alarmsInStateConsoleUrl, STATE_MARKER, stateLabel } from '../alarm-display.ts';
import {
  context,
  escapeText,
  header,
  LIMITS,
  type SlackMessage,
  safeMessage,
  section,
  truncate,
} from '../slack-message.ts';
import { ALARM_STATES } from './alarm-change.ts';
import type { DigestEntry } from './ports.ts';
import { slackTime } from './render-alarm.ts';

/** Blocks kept for the header, summary and the closing context; the rest list alarms. */
const LIST_BLOCKS = LIMITS.blocksPerMessage - 4;

function entryLine(entry: DigestEntry): string {
  const name = escapeText(truncate(entry.alarmName, 120));
  const line = (shown: string) =>
    `${STATE_MARKER[entry.state]} ${shown} ${entry.state} ${slackTime(new Date(entry.atMs))} · ${escapeText(`${entry.account} ${entry.region}`)}`;
  const linked = line(`<${alarmConsoleUrl(entry)}|${name}>`);
  // A long non-Latin name URL-encodes to more than a section holds; cutting the link would break it.
  return linked.length <= LIMITS.sectionText ? linked : line(name);
}

/** Packs lines into sections of at most 3,000 characters each, never splitting a line. */
function packLines(lines: string[], maxBlocks: number): { blocks: KnownBlock[]; shown: number } {
  const blocks: KnownBlock[] = [];
  let current = '';
  let shown = 0;
  for (const line of lines) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length <= LIMITS.sectionText) {
      current = next;
      shown++;
      continue;
    }
    if (blocks.length + 1 >= maxBlocks) break;
    // Never an empty section (Slack rejects it): a first line too long alone is cut by `section`.
    if (current) blocks.push(section(current));
    current = line;
    shown++;
  }
  if (current) blocks.push(section(current));
  return { blocks, shown };
}

/**
 * One message for every alarm past the channel's per-window budget: counts by state, then the
 * alarms newest first with console links. Entries are de-duplicated by event id, since a retried
 * invocation appends again.
 */
export function renderStormDigest(entries: DigestEntry[], windowStartMs: number, budget: number): SlackMessage {
  const unique = [...new Map(entries.map((e) => [e.eventId, e])).values()].sort((a, b) => b.atMs - a.atMs);
  const counts = ALARM_STATES.map((s) => [s, unique.filter((e) => e.state === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${stateLabel(s)} ${n}`)
    .join(' · ');
  const { blocks: list, shown } = packLines(unique.map(entryLine), LIST_BLOCKS);
  const region = unique[0]?.region ?? 'us-east-1';
  const more =
    shown < unique.length
      ? `…and ${unique.length - shown} more: <${alarmsInStateConsoleUrl(region, 'ALARM')}|alarms in ALARM>`
      : undefined;
  const blocks: KnownBlock[] = [
    header(`:rotating_light: Alarm storm: ${unique.length} more alarm changes`),
    section(
      `More than ${budget} alarms reached this channel within a minute (from ${slackTime(new Date(windowStartMs))}), so the rest are listed here instead of one message each.\n${counts}`,
    ),
    ...list,
    context(...[more, 'This message updates every few seconds while the storm lasts.'].filter((t) => t !== undefined)),
  ];
  return safeMessage({
    text: truncate(
      `Alarm storm: ${unique.length} more alarm changes (${counts.replace(/:[a-z_]+: /g, '')})`,
      LIMITS.fallbackText,
    ),
    blocks,
  });
}
