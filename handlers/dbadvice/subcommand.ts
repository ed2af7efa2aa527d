import { readFlagWord } from '../command-flags.ts';
import { decodeSlackText } from '../command-text.ts';
import { closestWords } from '../suggest-word.ts';

export const HELP = new Set(['help', '도움말']);
export const LIST = new Set(['list', '목록']);
export const FLEET = new Set(['fleet', '플릿']);

/**
 * The `/dbadvice` text without `--share`, and whether it asked to share. Kept apart from the
 * planner so the access check and the slack function can read it without loading the knowledge base.
 */
export function dbadviceWords(text: string): { words: string[]; share: boolean } {
  const decoded = decodeSlackText(text).trim();
  const all = decoded ? decoded.split(/\s+/) : [];
  // The shared flag grammar's spellings of `--share` (`-share`, `—share`); other dashed words
  // stay: a question may quote a CLI option.
  const isShare = (word: string) => {
    const flag = readFlagWord(word);
    return flag?.name === 'share' && flag.inline === undefined;
  };
  const words = all.filter((word) => !isShare(word));
  return { words, share: words.length < all.length };
}

/** The one usage line that matters when a `/dbadvice` subcommand is mistyped. */
export const DBADVICE_SUBCOMMAND_USAGE = [
  '`/dbadvice list` · `/dbadvice fleet` · `/dbadvice compare <service> <service>` · `/dbadvice help` · `/dbadvice <question>`',
  'Example: `/dbadvice list`',
  'See `/dbadvice help` for examples in English and Korean.',
].join('\n');

/**
 * The subcommand a lone word is a typo of (`lst` → `list`), suggested rather than run. Only one
 * edit away (two for long words), so a one-word question is still answered as a question.
 */
export function dbadviceTypo(text: string): string | undefined {
  const { words } = dbadviceWords(text);
  const [word = '', ...rest] = words;
  if (rest.length > 0 || dbadviceCommand(text)) return undefined;
  const [close] = closestWords(word, ['help', 'list', 'fleet', 'compare'], word.length >= 6 ? 2 : 1);
  return close;
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
