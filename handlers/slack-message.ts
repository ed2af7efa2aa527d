import type { ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';

/** What a command answers with: the body of an ack, a `response_url` post or `chat.postMessage`. */
export interface SlackMessage {
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  /** Notification and accessibility fallback; Slack shows blocks when present. */
  text: string;
  blocks?: KnownBlock[];
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

/**
 * User or alarm text made inert in mrkdwn and in a message's `text`: the three characters Slack
 * treats as control characters are escaped (so `<!channel>` cannot ping), and a backtick becomes
 * the look-alike `ˋ` (U+02CB), since mrkdwn has no escape for it and one would end the inline code
 * or code block the text sits in.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/`/g, 'ˋ');
}

/** User or alarm text as inline code, which it cannot close. */
export function inlineCode(text: string): string {
  return `\`${escapeMrkdwn(text)}\``;
}

/**
 * mrkdwn from a template whose every interpolated value is user or alarm text: each is escaped,
 * so a caller cannot forget one. Values already built as mrkdwn go in wrapped in `trusted()`.
 */
export function md(strings: TemplateStringsArray, ...values: (string | number | Trusted)[]): string {
  return strings.reduce((out, part, i) => {
    const value = values[i - 1];
    const shown = value === undefined ? '' : value instanceof Trusted ? value.markdown : escapeMrkdwn(String(value));
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

function neutralise(text: string, subteams: readonly string[]): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf('<', i);
    if (at === -1) return out + text.slice(i);
    out += text.slice(i, at);
    const length = allowedSequence(text.slice(at), subteams);
    if (length > 0) {
      out += text.slice(at, at + length);
      i = at + length;
    } else {
      out += '&lt;';
      i = at + 1;
    }
  }
  return out;
}

function neutraliseDeep(value: unknown, subteams: readonly string[]): unknown {
  if (typeof value === 'string') return neutralise(value, subteams);
  if (Array.isArray(value)) return value.map((v) => neutraliseDeep(v, subteams));
  if (typeof value === 'object' && value !== null) {
    // Slack shows plain_text as typed: it pings no one, and an entity there would show as `&lt;`.
    if ((value as { type?: unknown }).type === 'plain_text') return value;
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
 * The last line of defence, applied to every message a handler answers or posts: whatever a
 * renderer forgot to escape, no `<` survives in `text` or any block unless it starts a link, a
 * date or an allowed user-group mention, so nothing a user or an alarm wrote can ping anyone.
 */
export function safeMessage<T extends SlackMessage>(message: T, allowedSubteams: readonly string[] = []): T {
  return neutraliseDeep(message, allowedSubteams) as T;
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
