import type { ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { withHangulAsRichText } from './hangul-rich-text.ts';

/** What a command answers with: the body of an ack, a `response_url` post or `chat.postMessage`. */
export interface SlackMessage {
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  /** Notification and accessibility fallback; Slack shows blocks when present. */
  text: string;
  blocks?: KnownBlock[];
  /**
   * Secondary attachments. Slack documents the `table` block in a message's `attachments`, shown
   * under the blocks (docs.slack.dev/reference/block-kit/blocks/table-block, "Usage info"); the bot
   * puts nothing else there. See handlers/slack-table.ts.
   */
  attachments?: { blocks: KnownBlock[] }[];
}

/** Block Kit's published limits (docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  fallbackText: 4000,
} as const;

/** Cuts `text` to at most `max` characters (code points), marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max - 1).join('')}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * User or alarm text (an alarm's name, description, reason) made inert in mrkdwn: `&`, `<`, `>`
 * escaped (so `<!channel>` cannot ping) and a backtick turned into the look-alike `ˋ` (U+02CB),
 * since mrkdwn has no escape for it and one would open or end inline code around the text.
 */
export function escapeText(text: string): string {
  return escapeMrkdwn(text).replace(/`/g, 'ˋ');
}

/** User or alarm text as inline code, which it cannot close. */
export function inlineCode(text: string): string {
  return `\`${escapeText(text)}\``;
}

/**
 * mrkdwn from a template whose every interpolated value is user or alarm text: each is escaped,
 * so a caller cannot forget one. Values already built as mrkdwn go in wrapped in `trusted()`.
 */
export function md(strings: TemplateStringsArray, ...values: (string | number | Trusted)[]): string {
  return strings.reduce((out, part, i) => {
    const value = values[i - 1];
    const shown = value === undefined ? '' : value instanceof Trusted ? value.markdown : escapeText(String(value));
    return `${out}${shown}${part}`;
  });
}

/** mrkdwn the bot built itself (a link, a mention, a formatted line) for `md` to keep as it is. */
export class Trusted {
  readonly markdown: string;
  constructor(markdown: string) {
    this.markdown = markdown;
  }
}
export const trusted = (markdown: string) => new Trusted(markdown);

/**
 * The control sequences the bot itself writes: links, dates and the user-group mention an alarm
 * route configures. Any other `<` (`<!channel>`, `<!here>`, `<!everyone>`, `<@U…>`, `<#C…>`)
 * is escaped.
 */
function allowedSequence(rest: string, subteams: readonly string[]): number {
  const match = /^<(?:https?:\/\/|mailto:|!date\^|!subteam\^([A-Z0-9]+))[^<>]*>/.exec(rest);
  if (!match) return 0;
  if (match[1] !== undefined && !subteams.includes(match[1])) return 0;
  return match[0].length;
}

/** Escapes what a renderer left raw; entities already escaped and the bot's own sequences stay. */
function neutralise(text: string, subteams: readonly string[]): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (char === '<') {
      const length = allowedSequence(text.slice(i), subteams);
      out += length > 0 ? text.slice(i, i + length) : '&lt;';
      i += length > 0 ? length : 1;
      continue;
    }
    if (char === '>') out += '&gt;';
    else if (char === '&') out += /^&(?:amp|lt|gt);/.test(text.slice(i, i + 5)) ? '&' : '&amp;';
    else out += char;
    i += 1;
  }
  return out;
}

function neutraliseDeep(value: unknown, subteams: readonly string[]): unknown {
  if (typeof value === 'string') return neutralise(value, subteams);
  if (Array.isArray(value)) return value.map((v) => neutraliseDeep(v, subteams));
  if (typeof value === 'object' && value !== null) {
    // Slack shows plain_text, a table's raw_text cell and a rich_text `text` or `link` element as typed: they ping
    // no one (a mention is its own element there), and an entity in them would show as `&lt;`.
    const type = (value as { type?: unknown }).type;
    if (type === 'plain_text' || type === 'raw_text' || type === 'text' || type === 'link') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) =>
        // Button values and ids are data the bot reads back, never shown as mrkdwn.
        [key, ['value', 'action_id', 'block_id', 'url', 'image_url'].includes(key) ? v : neutraliseDeep(v, subteams)],
      ),
    );
  }
  return value;
}

/**
 * Text as one line: notifications and screen readers read the top-level `text`, and a line break
 * there reads as the end of the message. Lines are joined with a middle dot.
 */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' · ').trim();
}

/**
 * Every message's top-level `text` on one line. A message of text alone shows its lines as a
 * section (or several, each within the section limit), and its `text` becomes that one line.
 */
function withOneLineText<T extends SlackMessage>(message: T): T {
  if (!/[\r\n]/.test(message.text)) return message;
  const text = truncate(oneLine(message.text), LIMITS.fallbackText);
  if (message.blocks?.length) return { ...message, text };
  const chars = Array.from(message.text);
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < chars.length && blocks.length < LIMITS.blocksPerMessage; i += LIMITS.sectionText)
    blocks.push(section(chars.slice(i, i + LIMITS.sectionText).join('')));
  return { ...message, text, blocks };
}

/**
 * The mechanism behind "user text is escaped everywhere", applied to every message a handler
 * answers or posts (answerCommand, completeCommand, completeAlarmAction, the alarm renderers):
 * whatever a renderer forgot, every `&`, `<` and `>` in `text` and in every mrkdwn of every block
 * is escaped unless it is an entity already or one of the bot's own links, dates or the route's
 * user-group mention. So `<!channel>`, `<!here>` or `<@U…>` written by a user or an alarm can
 * ping no one, even in a `--share`d message's top-level `text`.
 *
 * Then, escaped, a section or context that mixes Korean and markup becomes `rich_text`, where bold,
 * code and lists do not depend on the letter beside a marker (handlers/hangul-rich-text.ts), and
 * the top-level `text` is made one line.
 */
export function safeMessage<T extends SlackMessage>(message: T, allowedSubteams: readonly string[] = []): T {
  return withHangulAsRichText(withOneLineText(neutraliseDeep(message, allowedSubteams) as T));
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true } };
}

export function section(markdown: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(markdown, LIMITS.sectionText) } };
}

export function fieldsSection(fields: string[]): SectionBlock {
  return {
    type: 'section',
    fields: fields
      .slice(0, LIMITS.fieldsPerSection)
      .map((text) => ({ type: 'mrkdwn', text: truncate(text, LIMITS.fieldText) })),
  };
}

export function context(...markdown: string[]): ContextBlock {
  return {
    type: 'context',
    elements: markdown
      .slice(0, LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) })),
  };
}

/** A message only the person who ran the command sees. */
export function ephemeral(text: string, blocks?: KnownBlock[]): SlackMessage {
  return { response_type: 'ephemeral', text: truncate(text, LIMITS.fallbackText), ...(blocks ? { blocks } : {}) };
}
