import type { SectionBlock } from '@slack/types';
import type { SavedQuery } from '../../ports.ts';
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

const SHOWN = 40;
/** Wide enough for a `fields … | filter …` pair; Slack wraps the rest of the line itself. */
const QUERY_WIDTH = 200;

/**
 * A saved query on one line. Logs Insights reads a new line as a new command, like `|`, so lines
 * are joined with ` | `, except where a line continues the previous one (a trailing `|` or `,`, a
 * leading `|` or `,`). Comment lines (`#`) are left out.
 */
export function oneLineQuery(queryString: string, width = QUERY_WIDTH): string {
  const lines = queryString
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  let out = '';
  for (const line of lines) {
    if (out === '') out = line;
    else if (/[|,]$/.test(out) || /^[|,]/.test(line)) out += ` ${line}`;
    else out += ` | ${line}`;
  }
  return truncate(out, width);
}

/** `/cw logs saved`: each saved query with its log groups and its query on one line. */
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
      ? q.logGroupNames.map((g) => `${inlineCode(g)}`).join(', ')
      : '_no log groups_';
    return `• *${escapeMrkdwn(truncate(q.name, 100))}*: ${truncate(groups, 300)}\n   ${inlineCode(oneLineQuery(q.queryString))}`;
  });
  // As many lines per section as fit in its 3,000 characters, measured on the escaped text.
  const sections: SectionBlock[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (current.length > 0 && [...current, line].join('\n').length > LIMITS.sectionText) {
      sections.push(section(current.join('\n')));
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) sections.push(section(current.join('\n')));
  return {
    response_type: 'ephemeral',
    text: `Saved Logs Insights queries: ${sorted.map((q) => q.name).join(', ')}`.slice(0, 4000),
    blocks: [
      header('Saved Logs Insights queries'),
      ...sections,
      context(
        `${saved.length > SHOWN ? `Showing ${SHOWN} of ${saved.length}. ` : ''}Run one with \`/cw logs run &lt;name&gt; [--since 1h]\`.`,
      ),
    ],
  };
}
