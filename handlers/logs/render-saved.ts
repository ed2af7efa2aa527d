import type { SavedQuery } from '../ports.ts';
import { context, escapeMrkdwn, header, type SlackMessage, section, truncate } from '../slack-message.ts';

const SHOWN = 40;

/** `/cw logs saved`: each saved query with its log groups and the start of its query. */
export function renderSavedQueries(saved: SavedQuery[]): SlackMessage {
  if (saved.length === 0) {
    return {
      response_type: 'ephemeral',
      text: 'This account has no saved Logs Insights queries. Save one in the CloudWatch console to run it with /cw logs run <name>.',
    };
  }
  const sorted = [...saved].sort((a, b) => a.name.localeCompare(b.name));
  const lines = sorted.slice(0, SHOWN).map((q) => {
    const groups = q.logGroupNames.length
      ? q.logGroupNames.map((g) => `\`${escapeMrkdwn(g)}\``).join(', ')
      : '_no log groups_';
    const firstLine = q.queryString.split('\n').find((l) => l.trim() && !l.trim().startsWith('#')) ?? '';
    return `• *${escapeMrkdwn(truncate(q.name, 100))}*: ${truncate(groups, 300)}\n   \`${escapeMrkdwn(truncate(firstLine.trim(), 150))}\``;
  });
  // Several sections, since one holds 3,000 characters.
  const sections = [];
  for (let i = 0; i < lines.length; i += 8) sections.push(section(lines.slice(i, i + 8).join('\n')));
  return {
    response_type: 'ephemeral',
    text: `Saved Logs Insights queries: ${sorted.map((q) => q.name).join(', ')}`.slice(0, 4000),
    blocks: [
      header('Saved Logs Insights queries'),
      ...sections,
      context(
        `${saved.length > SHOWN ? `Showing ${SHOWN} of ${saved.length}. ` : ''}Run one with \`/cw logs run <name> [--since 1h]\`.`,
      ),
    ],
  };
}
