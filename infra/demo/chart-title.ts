import { fitText, textWidth } from './font.ts';

/** The parts of a title, `what · window`: the last one is the window the graph draws. */
const SEPARATOR = ' · ';

/**
 * A chart's title in at most two lines: one when it fits beside the caption (`firstWidth`), else
 * what it shows on the first and its last part (the window, `… UTC`) whole on a line of its own
 * (`width`). What must be cut is the first line (the metric or series), never the window, unless
 * the window alone is wider than the picture. A title with no parts wraps at its last space that fits.
 */
export function titleLines(title: string, firstWidth: number, width: number, scale: number): string[] {
  if (textWidth(title, scale) <= firstWidth) return [title];
  const cut = title.lastIndexOf(SEPARATOR);
  if (cut > 0) {
    const what = title.slice(0, cut);
    const window = title.slice(cut + SEPARATOR.length);
    return [fitText(what, firstWidth, scale), fitText(window, width, scale)];
  }
  const words = title.split(' ');
  let head = words.length - 1;
  while (head > 1 && textWidth(words.slice(0, head).join(' '), scale) > firstWidth) head--;
  if (head < 1) return [fitText(title, firstWidth, scale)];
  return [
    fitText(words.slice(0, head).join(' '), firstWidth, scale),
    fitText(words.slice(head).join(' '), width, scale),
  ];
}
