/**
 * How many terminal columns text takes. Hangul, CJK and fullwidth forms (East Asian Width W/F)
 * and emoji shown as pictures take two; combining marks, joiners and ANSI escapes take none.
 */

/** East Asian Wide and Fullwidth ranges (Unicode EastAsianWidth.txt, W and F), outside emoji. */
const WIDE: [number, number][] = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x1b000, 0x1b2ff], // kana supplement and extensions
  [0x20000, 0x2fffd], // CJK extensions B–F
  [0x30000, 0x3fffd], // CJK extension G and later
];

const isWide = (cp: number) => WIDE.some(([lo, hi]) => cp >= lo && cp <= hi);
// biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI escapes to measure columns
const ANSI = /\u001b\[[0-9;]*m/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: one ANSI escape, kept whole when cutting
const ANSI_PIECE = /(\u001b\[[0-9;]*m)/;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}]+$/u;
// An emoji shown as a picture: one with emoji presentation, or any made so by U+FE0F.
const PICTURE = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}/u;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text.replace(ANSI, ''))) {
    const cp = segment.codePointAt(0) ?? 0;
    if (ZERO_WIDTH.test(segment)) continue;
    width += PICTURE.test(segment) || isWide(cp) ? 2 : 1;
  }
  return width;
}

/** `text` followed by spaces up to `columns` display columns (never cut). */
export function padToWidth(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}

/**
 * Text wrapped at spaces to lines of at most `columns` display columns, the way a Slack field wraps
 * in its half of the message; a word longer than a line is cut.
 */
export function wrapToWidth(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (displayWidth(candidate) <= columns) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (displayWidth(line) > columns) {
      const [head, tail] = cutAt(line, columns);
      lines.push(head);
      line = tail;
    }
  }
  lines.push(line);
  return lines;
}

/** Splits before the grapheme that would pass `columns`; ANSI escapes take no room and are never split. */
function cutAt(text: string, columns: number): [string, string] {
  let width = 0;
  let offset = 0;
  for (const piece of text.split(ANSI_PIECE)) {
    if (ANSI_PIECE.test(piece)) {
      offset += piece.length;
      continue;
    }
    for (const { segment, index } of graphemes.segment(piece)) {
      const w = displayWidth(segment);
      if (width + w > columns && offset + index > 0) return [text.slice(0, offset + index), text.slice(offset + index)];
      width += w;
    }
    offset += piece.length;
  }
  return [text, ''];
}
