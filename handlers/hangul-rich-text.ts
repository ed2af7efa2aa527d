/**
 * Korean text with markup, as Slack shows it. Slack's mrkdwn reads `*bold*`, `_italic_` and
 * `` `code` `` only where the marker stands next to a space or punctuation, so `*Amazon Aurora*와`
 * or `` `/dbadvice help`로 `` (a Korean particle follows the marker directly) shows the asterisks
 * and backticks. A `rich_text` block carries the styles as data instead of markers
 * (docs.slack.dev/reference/block-kit/blocks/rich-text-block), so nothing depends on the letters
 * beside them; it is accepted wherever blocks are (messages on every surface, ephemeral included).
 *
 * Not the `markdown` block: it follows CommonMark's flanking rules, which fail the same way where a
 * marker sits between punctuation and a letter (`**오로라(Aurora)**의`), Slack documents it for AI
 * apps, and all `markdown` blocks of a payload share 12,000 characters
 * (docs.slack.dev/reference/block-kit/blocks/markdown-block).
 */
import type {
  ContextBlock,
  KnownBlock,
  RichTextBlock,
  RichTextElement,
  RichTextList,
  RichTextSection,
  SectionBlock,
} from '@slack/types';

/** A marker with a Korean letter on either side: where mrkdwn stops reading it. */
const MARKER_BY_HANGUL = /\p{Script=Hangul}[*_`~]|[*_`~]\p{Script=Hangul}/u;

/** Whether mrkdwn has a marker right next to a Korean letter, which mrkdwn fails to read. */
export function needsRichText(mrkdwn: string): boolean {
  return MARKER_BY_HANGUL.test(mrkdwn);
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * One token of the bot's own mrkdwn: code, a link, a date, a user-group mention, bold, italic or an
 * emoji. Markers are matched whatever letter stands beside them (that is the point), but never
 * inside an ASCII word, so `read_replica` keeps its underscore.
 */
const TOKEN =
  /`([^`\n]+)`|<(https?:\/\/[^|>]+|mailto:[^|>]+)(?:\|([^>]*))?>|<!date\^(\d+)\^([^|>^]*)(?:\^[^|>]*)?\|([^>]*)>|<!subteam\^([A-Z0-9]+)(?:\|[^>]*)?>|(?<![A-Za-z0-9*])\*([^*\n]+)\*(?![A-Za-z0-9*])|(?<![A-Za-z0-9_])_([^_\n]+)_(?![A-Za-z0-9_])|:([a-z0-9_+-]+):/g;

/** The inline elements of one line (or run of lines) of mrkdwn. */
export function inlineElements(mrkdwn: string): RichTextElement[] {
  const out: RichTextElement[] = [];
  const text = (value: string, style?: { bold?: true; italic?: true; code?: true }) => {
    if (value === '') return;
    out.push(style ? { type: 'text', text: decode(value), style } : { type: 'text', text: decode(value) });
  };
  let at = 0;
  for (const m of mrkdwn.matchAll(TOKEN)) {
    const index = m.index ?? 0;
    text(mrkdwn.slice(at, index));
    at = index + m[0].length;
    const [, code, url, label, timestamp, format, fallback, subteam, bold, italic, emoji] = m;
    if (code !== undefined) text(code, { code: true });
    else if (url !== undefined)
      out.push({ type: 'link', url, ...(label !== undefined && label !== '' ? { text: decode(label) } : {}) });
    else if (timestamp !== undefined)
      out.push({ type: 'date', timestamp: Number(timestamp), format: format ?? '', fallback: decode(fallback ?? '') });
    else if (subteam !== undefined) out.push({ type: 'usergroup', usergroup_id: subteam });
    else if (bold !== undefined) text(bold, { bold: true });
    else if (italic !== undefined) text(italic, { italic: true });
    else if (emoji !== undefined) out.push({ type: 'emoji', name: emoji });
  }
  text(mrkdwn.slice(at));
  return out;
}

const BULLET = /^\s*[•-]\s+/;

/** The bot's mrkdwn as one `rich_text` block: its `•` lines as a bullet list, the rest as sections. */
export function richTextFromMrkdwn(mrkdwn: string): RichTextBlock {
  const elements: (RichTextSection | RichTextList)[] = [];
  let paragraph: string[] = [];
  let items: RichTextSection[] = [];
  const flushParagraph = () => {
    if (paragraph.length > 0)
      elements.push({ type: 'rich_text_section', elements: inlineElements(paragraph.join('\n')) });
    paragraph = [];
  };
  const flushList = () => {
    if (items.length > 0) elements.push({ type: 'rich_text_list', style: 'bullet', elements: items });
    items = [];
  };
  for (const line of mrkdwn.split('\n')) {
    if (BULLET.test(line)) {
      flushParagraph();
      items.push({ type: 'rich_text_section', elements: inlineElements(line.replace(BULLET, '')) });
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return { type: 'rich_text', elements };
}

function asRichText(block: KnownBlock): KnownBlock {
  if (block.type === 'section') {
    const { text, fields, accessory } = block as SectionBlock;
    // A section with fields or a button keeps its shape: rich_text has neither.
    if (text?.type !== 'mrkdwn' || fields || accessory || !needsRichText(text.text)) return block;
    return richTextFromMrkdwn(text.text);
  }
  if (block.type === 'context') {
    const texts = (block as ContextBlock).elements.map((e) => (e.type === 'mrkdwn' ? e.text : undefined));
    if (texts.some((t) => t === undefined) || !texts.some((t) => t !== undefined && needsRichText(t))) return block;
    return richTextFromMrkdwn(texts.join('  ·  '));
  }
  return block;
}

/**
 * The message with every mrkdwn section and context that mixes Korean and markup as `rich_text`
 * (the same words, styles and links), so bold and lists show in Korean answers. The top-level
 * `text` stays as it is: notifications show it without markup anyway.
 */
export function withHangulAsRichText<T extends { blocks?: KnownBlock[] }>(message: T): T {
  if (!message.blocks) return message;
  return { ...message, blocks: message.blocks.map(asRichText) };
}
