import { decodeSlackText } from '../command-text.ts';

export const HELP = new Set(['help', '도움말']);
export const LIST = new Set(['list', '목록']);
export const FLEET = new Set(['fleet', '플릿']);

/**
 * The `/dbadvice` text without `--share`, and whether it asked to share. Kept apart from the
 * planner so the access check and the slack function can read it without loading the knowledge base.
 */
export function dbadviceWords(text: string): { words: string[]; share: boolean } {
  const decoded = decodeSlackText(text).trim();
  const share = /(^|\s)--share(\s|$)/.test(decoded);
  const body = decoded.replace(/(^|\s)--share(?=\s|$)/g, ' ').trim();
  return { words: body ? body.split(/\s+/) : [], share };
}

/** `help`, `list` and `fleet` are commands only on their own ("fleet management telemetry…" is a question). */
export function dbadviceCommand(text: string): 'help' | 'list' | 'fleet' | undefined {
  const { words } = dbadviceWords(text);
  const [first = '', ...rest] = words;
  const word = first.toLowerCase();
  if (word === '' || (HELP.has(word) && rest.length === 0)) return 'help';
  if (rest.length > 0) return undefined;
  if (LIST.has(word)) return 'list';
  if (FLEET.has(word)) return 'fleet';
  return undefined;
}
