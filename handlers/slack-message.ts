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

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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
