import { type FlagGrammar, HelpRequested, parseFlags, readFlagWord, SHARE_FLAG } from '../command-flags.ts';
import { decodeSlackText, stripCodeFences, stripInlineCode } from '../command-text.ts';
import { closestWords } from '../suggest-word.ts';

export const HELP = new Set(['help', '도움말']);
export const LIST = new Set(['list', '목록']);
export const FLEET = new Set(['fleet', '플릿']);

/**
 * The `/dbadvice` text without its flags, and which were given. Kept apart from the planner so the
 * access check and the slack function can read it without loading the knowledge base. Never throws:
 * {@link assertDbadviceFlags} refuses an unknown flag before anything is planned.
 */
export function dbadviceWords(text: string): DbadviceWords {
  const { words, flags } = splitFlags(text);
  const names = flags.map((word) => readFlagWord(word)?.name);
  return { words, flags, share: names.includes('share'), help: names.includes('help') || names.includes('h') };
}

/** A `/dbadvice` text read once: its words, its flag words, and which flags they were. */
export interface DbadviceWords {
  words: readonly string[];
  flags: readonly string[];
  share: boolean;
  help: boolean;
}

/** The words of a `/dbadvice` text and its flag words, inline code and fences dropped. */
function splitFlags(text: string): { words: string[]; flags: string[] } {
  const decoded = stripCodeFences(decodeSlackText(text)).trim();
  const all = (decoded ? decoded.split(/\s+/) : []).map(stripInlineCode).filter((word) => word !== '');
  const question = all.filter((word) => !isDbadviceFlag(word));
  // `-h` alone is help; beside a question it may quote a CLI option (`psql -h host`).
  const onlySubcommand = question.length === 1 && /^(help|list|fleet|도움말|목록|플릿)$/i.test(question[0] ?? '');
  const isFlag = (word: string) =>
    isDbadviceFlag(word) && !(word.toLowerCase() === '-h' && question.length > 0 && !onlySubcommand);
  return { words: all.filter((word) => !isFlag(word)), flags: all.filter(isFlag) };
}

/** The usage line a `/dbadvice` flag mistake shows. */
const DBADVICE_FLAG_USAGE = [
  '`/dbadvice <question> [--share]` · `/dbadvice list|fleet|help [--share]` · `/dbadvice compare <service> <service>`',
  'Example: `/dbadvice where should we keep user sessions? --share`',
  'See `/dbadvice help` for examples in English and Korean.',
].join('\n');

/** `/dbadvice` takes `--share` and `--help`: the shared grammar's spellings (`-share`, `—share`, `--share`). */
export const DBADVICE_FLAGS: FlagGrammar = { command: '/dbadvice', usage: DBADVICE_FLAG_USAGE, flags: [SHARE_FLAG] };

/**
 * A flag word of `/dbadvice`: any `--word` (a question never holds one; `fleet --since 1d` is a flag
 * mistake, not a question), and a `-word` only when it names a flag exactly (`-share`): a question
 * may quote a CLI option like `-v`.
 */
function isDbadviceFlag(word: string): boolean {
  const flag = readFlagWord(word);
  if (!flag) return false;
  return !flag.singleDash || ['share', 'help', 'h'].includes(flag.name);
}

/** Refuses an unknown or misused `/dbadvice` flag with the closest one and the usage line. */
export function assertDbadviceFlags(flags: readonly string[]): void {
  try {
    parseFlags(flags, DBADVICE_FLAGS);
  } catch (error) {
    if (!(error instanceof HelpRequested)) throw error;
  }
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
export function dbadviceTypo(read: Pick<DbadviceWords, 'words' | 'help'>): string | undefined {
  const [word = '', ...rest] = read.words;
  if (rest.length > 0 || dbadviceCommand(read)) return undefined;
  const [close] = closestWords(word, ['help', 'list', 'fleet', 'compare'], word.length >= 6 ? 2 : 1);
  return close;
}

/** `help`, `list` and `fleet` are commands only on their own ("fleet management telemetry…" is a question). */
export function dbadviceCommand(read: Pick<DbadviceWords, 'words' | 'help'>): 'help' | 'list' | 'fleet' | undefined {
  const { words, help } = read;
  const [first = '', ...rest] = words;
  const word = first.toLowerCase();
  if (help || word === '' || (HELP.has(word) && rest.length === 0)) return 'help';
  if (rest.length > 0) return undefined;
  if (LIST.has(word)) return 'list';
  if (FLEET.has(word)) return 'fleet';
  return undefined;
}
