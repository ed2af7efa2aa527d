import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from '../../handlers/slack-message.ts';
import { padToWidth, wrapToWidth } from './display-width.ts';

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

function blockToTerminal(block: KnownBlock, style: Style): string[] {
  switch (block.type) {
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
  return [...body, style.dim(`(${visibility})`)].join('\n');
}
