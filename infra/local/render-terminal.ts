import type { KnownBlock, RichTextBlock, RichTextElement, TableBlock } from '@slack/types';
import type { SlackMessage } from '../../handlers/slack-message.ts';
import { displayWidth, padToWidth, wrapToWidth } from './display-width.ts';

/** A field's column (Slack gives each field half the message) and the gap before the right-hand one. */
const FIELD_WIDTH = 32;
const FIELD_GAP = 2;

/** Emoji shortcodes the bot uses, as the characters Slack would show (a test checks every one used is here). */
const EMOJI: Record<string, string> = {
  warning: '⚠️',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  x: '❌',
  lock: '🔒',
  white_check_mark: '✅',
  rotating_light: '🚨',
  red_circle: '🔴',
  white_circle: '⚪',
  large_green_circle: '🟢',
  no_entry: '⛔',
  no_entry_sign: '🚫',
  frame_with_picture: '🖼️',
  bar_chart: '📊',
  mag: '🔍',
  grey_question: '❔',
  large_orange_circle: '🟠',
  large_yellow_circle: '🟡',
  bulb: '💡',
  thinking_face: '🤔',
  information_source: 'ℹ️',
  books: '📚',
  scales: '⚖️',
  arrow_right: '➡️',
  globe_with_meridians: '🌐',
  left_right_arrow: '↔️',
  electric_plug: '🔌',
  key: '🔑',
};

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  code(text: string): string;
  underline(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
export const COLOR: Style = { bold: ansi(1, 22), dim: ansi(2, 22), code: ansi(36, 39), underline: ansi(4, 24) };
export const PLAIN: Style = { bold: (t) => t, dim: (t) => t, code: (t) => t, underline: (t) => t };

/** Slack mrkdwn as terminal text: bold, code, links as `text (url)`, entities and emoji decoded. */
export function mrkdwnToTerminal(text: string, style: Style): string {
  // Inside code (a block or a span) Slack shows the text as typed: no bold, italics or emoji there.
  return text
    .split(/(```[\s\S]*?```|`[^`\n]+`)/g)
    .map((part) => {
      if (part.startsWith('```') && part.endsWith('```') && part.length >= 6)
        return style.code(decode(part.slice(3, -3)));
      if (part.length >= 2 && part.startsWith('`') && part.endsWith('`')) return style.code(decode(part.slice(1, -1)));
      return decode(formatText(part, style));
    })
    .join('');
}

/**
 * Bold and italics as Slack reads them: the marker opens after a start, space or bracket and
 * closes before an end, space or punctuation, with no space just inside it (`2 * 3 * 4` stays).
 */
function formatText(text: string, style: Style): string {
  return (
    text
      // A date shows its fallback text; Slack would format it in the reader's time zone.
      .replace(/<!date\^[^|>]*\|([^>]+)>/g, '$1')
      .replace(/<([^|>]+)\|([^>]+)>/g, (_, url: string, label: string) => `${label} (${url})`)
      .replace(/<(https?:[^>]+)>/g, '$1')
      .replace(
        /(^|[\s(])\*([^*\s](?:[^*\n]*[^*\s])?)\*(?=$|[\s).,:;!?])/gm,
        (_, pre: string, bold: string) => pre + style.bold(bold),
      )
      .replace(
        /(^|[\s(])_([^_\s](?:[^_\n]*[^_\s])?)_(?=$|[\s).,:;!?])/gm,
        (_, pre: string, it: string) => pre + style.dim(it),
      )
      .replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole)
  );
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** A rich_text element as the terminal shows it: its style, a link as `text (url)`, an emoji as its character. */
function richInline(e: RichTextElement, style: Style, urls = true): string {
  switch (e.type) {
    case 'text': {
      let text = e.text;
      if (e.style?.code) return style.code(text);
      if (e.style?.bold) text = style.bold(text);
      if (e.style?.italic) text = style.dim(text);
      return text;
    }
    case 'link':
      if (!e.text || e.text === e.url) return e.url;
      return urls ? `${e.text} (${e.url})` : style.underline(e.text);
    case 'emoji':
      return EMOJI[e.name] ?? `:${e.name}:`;
    case 'date':
      return e.fallback ?? String(e.timestamp);
    case 'usergroup':
      return `@${e.usergroup_id}`;
    default:
      return '';
  }
}

/** `urls: false` shows a link as its underlined text alone: in a table cell an address would push the columns apart. */
function richTextToTerminal(block: RichTextBlock, style: Style, urls = true): string[] {
  return block.elements.flatMap((element) => {
    const inline = (elements: readonly RichTextElement[]) => elements.map((e) => richInline(e, style, urls)).join('');
    switch (element.type) {
      case 'rich_text_section':
        return inline(element.elements).split('\n');
      case 'rich_text_list':
        return element.elements.map(
          (item, i) =>
            `${'  '.repeat(element.indent ?? 0)}${element.style === 'ordered' ? `${i + 1}.` : '•'} ${inline(item.elements)}`,
        );
      case 'rich_text_quote':
        return inline(element.elements)
          .split('\n')
          .map((l) => `> ${l}`);
      case 'rich_text_preformatted':
        return element.elements
          .map((e) => ('text' in e && typeof e.text === 'string' ? e.text : ''))
          .join('')
          .split('\n')
          .map((l) => style.code(l));
      default:
        return [];
    }
  });
}

/** Widest a table column gets before its cells wrap: two or three columns side by side fit a terminal. */
const TABLE_COLUMN = 48;

/** A table block as aligned columns, its header in bold, long cells wrapped within their column. */
function tableToTerminal(block: TableBlock, style: Style): string[] {
  const cells = block.rows.map((row) =>
    row.map((c) => (c.type === 'rich_text' ? richTextToTerminal(c, PLAIN, false).join(' ') : c.text)),
  );
  const columns = Math.max(0, ...cells.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.min(TABLE_COLUMN, Math.max(1, ...cells.map((row) => displayWidth(row[i] ?? '')))),
  );
  const right = (i: number) => block.column_settings?.[i]?.align === 'right';
  return cells.flatMap((row, r) => {
    const wrapped = widths.map((w, i) => wrapToWidth(row[i] ?? '', w));
    const height = Math.max(1, ...wrapped.map((lines) => lines.length));
    return Array.from({ length: height }, (_, line) => {
      const text = widths
        .map((w, i) => {
          const cell = wrapped[i]?.[line] ?? '';
          return right(i) ? ' '.repeat(Math.max(0, w - displayWidth(cell))) + cell : padToWidth(cell, w);
        })
        .join('  ')
        .trimEnd();
      return r === 0 ? style.bold(text) : text;
    });
  });
}

function blockToTerminal(block: KnownBlock, style: Style): string[] {
  switch (block.type) {
    case 'table':
      return tableToTerminal(block, style);
    case 'rich_text':
      return richTextToTerminal(block, style);
    case 'header':
      return ['', style.bold(style.underline(mrkdwnToTerminal(block.text.text, PLAIN)))];
    case 'section': {
      const lines: string[] = [];
      if (block.text) lines.push(mrkdwnToTerminal(block.text.text, style));
      // Slack shows fields two to a row, each wrapped in its half: columns measured in display width.
      const fields = (block.fields ?? []).map((f) =>
        mrkdwnToTerminal(f.text, style)
          .split('\n')
          .flatMap((line) => wrapToWidth(line, FIELD_WIDTH)),
      );
      for (let i = 0; i < fields.length; i += 2) {
        const left = fields[i] ?? [];
        const right = fields[i + 1] ?? [];
        for (let row = 0; row < Math.max(left.length, right.length); row++) {
          lines.push(`${padToWidth(left[row] ?? '', FIELD_WIDTH + FIELD_GAP)}${right[row] ?? ''}`.trimEnd());
        }
      }
      return lines;
    }
    case 'context':
      return [
        style.dim(
          block.elements
            .map((e) => ('text' in e && typeof e.text === 'string' ? mrkdwnToTerminal(e.text, PLAIN) : ''))
            .join('  '),
        ),
      ];
    case 'divider':
      return ['─'.repeat(40)];
    case 'actions':
      return [
        block.elements
          .map((e) => (e.type === 'button' ? style.bold(`[ ${e.text.text} ]`) : style.dim(`[${e.type}]`)))
          .join(' '),
      ];
    default:
      return [style.dim(`[${block.type} block]`)];
  }
}

/** A Slack message as the terminal shows it in `npm start`. */
export function renderForTerminal(message: SlackMessage | string, style: Style): string {
  if (typeof message === 'string') return mrkdwnToTerminal(message, style);
  const visibility = message.response_type === 'in_channel' ? 'in channel' : 'only visible to you';
  const body = message.blocks?.length
    ? message.blocks.flatMap((b) => blockToTerminal(b, style))
    : [mrkdwnToTerminal(message.text, style)];
  // Slack shows an attachment's blocks (the bot's table) under the message's own.
  const attached = (message.attachments ?? []).flatMap((a) => [
    '',
    ...a.blocks.flatMap((b) => blockToTerminal(b, style)),
  ]);
  return [...body, ...attached, style.dim(`(${visibility})`)].join('\n');
}
