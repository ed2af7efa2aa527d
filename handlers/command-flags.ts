import { normalizeDashes } from './command-text.ts';
import { UserInputError } from './errors.ts';
import { closestWords } from './suggest-word.ts';

/**
 * One flag grammar for every command. A flag is `--name value`, `--name=value`, `-name value`
 * or an autocorrected `—name value`; boolean flags take no value. Each command declares its flags,
 * so the same flag reads the same everywhere and an unknown one is refused with a suggestion.
 */
export interface FlagSpec {
  /** Without dashes: `since`. */
  name: string;
  /** `duration` is a value that may be written in words (`--since 3 hours`). */
  kind: 'boolean' | 'value' | 'duration';
  aliases?: readonly string[];
  /** A value to show when one is missing: `1h` for `--since`. */
  example?: string;
}

export interface FlagGrammar {
  /** `/cw metrics`, as the messages name it. */
  command: string;
  flags: readonly FlagSpec[];
  /** What a refusal shows under the message. */
  usage: string;
}

export interface ParsedFlags {
  /** Values of the value flags given, by canonical name; a duration written in words keeps its words. */
  values: Map<string, string>;
  /** Boolean flags given, by canonical name. */
  set: Set<string>;
  /** Words that are not flags or flag values, in order. */
  positional: string[];
  /** With `leading`: how many words the flags took before the first other word. */
  consumed: number;
}

/** `--share` works on every command that answers with something worth sharing. */
export const SHARE_FLAG: FlagSpec = { name: 'share', kind: 'boolean' };

/** `--help` (`-h`) is a flag of every grammar: it shows the command's help instead of running it. */
export const HELP_FLAG: FlagSpec = { name: 'help', kind: 'boolean', aliases: ['h'] };

/**
 * Thrown by {@link parseFlags} when the words ask for help: the command answers with its help
 * topic, whatever else was typed (a bad flag beside `--help` is what help is for).
 */
export class HelpRequested extends Error {
  override name = 'HelpRequested';
  /** The grammar's command, `/cw metrics`. */
  readonly command: string;
  constructor(command: string) {
    super(`help for ${command}`);
    this.command = command;
  }
}

/** Whether `word` is `--help`, `-help`, `-h` or `--h` (no value). */
export function isHelpWord(word: string): boolean {
  const flag = readFlagWord(word);
  return flag !== undefined && flag.inline === undefined && (flag.name === 'help' || flag.name === 'h');
}

/**
 * A word read as a flag: its name as typed (lower case, no dashes), a value after `=`, and
 * whether it had one dash (`-since`), which only counts as a flag when the grammar is near it.
 */
export function readFlagWord(
  word: string,
): { name: string; inline: string | undefined; singleDash: boolean } | undefined {
  const match = /^(--?)([a-z][a-z0-9_-]*)(?:=([\s\S]*))?$/i.exec(normalizeDashes(word));
  if (!match) return undefined;
  return { name: (match[2] ?? '').toLowerCase(), inline: match[3], singleDash: match[1] === '-' };
}

/** The grammar's own flags and `--help`, which every command has. */
function allFlags(grammar: FlagGrammar): readonly FlagSpec[] {
  return grammar.flags.some((f) => f.name === HELP_FLAG.name) ? grammar.flags : [...grammar.flags, HELP_FLAG];
}

/** Names a typo is compared with: not one-letter ones (`-h`), which every short word is near. */
function names(grammar: FlagGrammar): string[] {
  return allFlags(grammar)
    .flatMap((f) => [f.name, ...(f.aliases ?? [])])
    .filter((n) => n.length > 1);
}

/**
 * Whether `word` is a flag for this grammar: any `--word`, and a `-word` that names one of its
 * flags or is a typo of one (`-prod` stays a word: an alarm prefix, say).
 */
export function isFlagWord(word: string, grammar: FlagGrammar): boolean {
  const flag = readFlagWord(word);
  if (!flag) return false;
  if (!flag.singleDash) return true;
  return lookup(grammar, flag.name) !== undefined || closestWords(flag.name, names(grammar)).length > 0;
}

/** Unit words `--since 3 hours` may use; the value is left for the duration parser to read. */
const UNIT_WORDS = new Set([
  's',
  'sec',
  'secs',
  'second',
  'seconds',
  'm',
  'min',
  'mins',
  'minute',
  'minutes',
  'h',
  'hr',
  'hrs',
  'hour',
  'hours',
  'd',
  'day',
  'days',
  'w',
  'wk',
  'wks',
  'week',
  'weeks',
  // Korean units, as the duration parser reads them (`3 시간`).
  '초',
  '분',
  '시간',
  '일',
  '주',
  '주일',
  // Units with no fixed length: passed along with their number so the duration parser can say so.
  'mo',
  'mos',
  'mon',
  'month',
  'months',
  'y',
  'yr',
  'yrs',
  'year',
  'years',
  '개월',
  '달',
  '년',
]);
/** A number, or a word for one (`a month`, `an hour`, `한 달`). */
const NUMBER = /^(?:\d+(?:[.,]\d+)?|an?|one|한)$/i;
const isUnitWord = (word: string | undefined) => word !== undefined && UNIT_WORDS.has(word.toLowerCase());
/** `30m`, `1.5h`: a number with a unit word stuck to it. */
const isCompactDuration = (word: string) => {
  const match = /^\d+(?:[.,]\d+)?([a-z]+|[\uac00-\ud7a3]+)$/i.exec(word);
  return match !== null && isUnitWord(match[1]);
};
/** Whether `word` (then `next`) begins another part of a duration: `30m`, or `30 minutes`. */
const startsDuration = (word: string, next: string | undefined) =>
  isCompactDuration(word) || (NUMBER.test(word) && isUnitWord(next));

/** `2026-12-02`, then `06:00` / `06:00:30Z`, then `UTC`: a date and time typed with a space instead of `T`. */
const DATE_WORD = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK_WORD = /^\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?$/i;
const ZONE_WORD = /^(?:z|utc|gmt|[+-]\d{2}(?::?\d{2})?)$/i;

function flagList(grammar: FlagGrammar): string {
  return allFlags(grammar)
    .map((f) => `\`--${f.name}\``)
    .join(', ');
}

function lookup(grammar: FlagGrammar, name: string): FlagSpec | undefined {
  return allFlags(grammar).find((f) => f.name === name || f.aliases?.includes(name));
}

/**
 * Reads the flags among `words`. `anywhere`: flags may come in any position, the rest is
 * positional. `leading`: flags are read from the front until the first other word (what follows
 * is a query, kept as typed). Throws {@link UserInputError} with the grammar's usage.
 */
export function parseFlags(
  words: readonly string[],
  grammar: FlagGrammar,
  mode: 'anywhere' | 'leading' = 'anywhere',
): ParsedFlags {
  const fail = (message: string): never => {
    throw new UserInputError(message, grammar.usage);
  };
  // `--help` anywhere wins over everything else typed: that is what someone unsure types.
  // (Leading flags stop at the query, whose words are not this grammar's.)
  if (mode === 'anywhere' && words.some(isHelpWord)) throw new HelpRequested(grammar.command);
  const values = new Map<string, string>();
  const set = new Set<string>();
  const positional: string[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i] ?? '';
    const flag = isFlagWord(word, grammar) ? readFlagWord(word) : undefined;
    if (!flag) {
      if (mode === 'leading') break;
      positional.push(word);
      continue;
    }
    const spec = lookup(grammar, flag.name);
    if (!spec) {
      const close = closestWords(flag.name, names(grammar)).map((n) => `\`--${lookup(grammar, n)?.name ?? n}\``);
      const hint = close.length > 0 ? ` Did you mean ${[...new Set(close)].join(' or ')}?` : '';
      const known = ` Its flags: ${flagList(grammar)}.`;
      fail(`\`${word}\` is not a flag of \`${grammar.command}\`.${hint}${known}`);
      continue;
    }
    if (spec.name === HELP_FLAG.name && flag.inline === undefined) throw new HelpRequested(grammar.command);
    if (spec.kind === 'boolean') {
      if (flag.inline !== undefined) fail(`\`--${spec.name}\` takes no value: write just \`--${spec.name}\`.`);
      set.add(spec.name);
      continue;
    }
    const needsValue = () =>
      fail(`\`--${spec.name}\` needs a value${spec.example ? `, e.g. \`--${spec.name} ${spec.example}\`` : ''}.`);
    let value: string;
    if (flag.inline !== undefined) {
      value = flag.inline.trim();
      if (value === '') needsValue();
    } else {
      const next = words[i + 1];
      if (next === undefined || next === '' || isFlagWord(next, grammar)) needsValue();
      value = next ?? '';
      i++;
    }
    if (DATE_WORD.test(value) && CLOCK_WORD.test(words[i + 1] ?? '')) {
      // `--from 2026-12-02 06:00`: the clock belongs to the date, not to what follows the flags.
      value = `${value} ${words[i + 1]}`;
      i++;
      const zone = words[i + 1];
      const zoned = /(?:z|[+-]\d{2}(?::?\d{2})?)$/i.test(value);
      if (!zoned && zone !== undefined && ZONE_WORD.test(zone)) {
        value = `${value} ${zone}`;
        i++;
      }
    }
    if (spec.kind === 'duration') {
      // `3 hours`, `1 hour 30 minutes`, `2h 30m`: the words of one duration belong to the value,
      // left whole for the duration parser to read.
      for (;;) {
        const next = words[i + 1];
        const after = words[i + 2];
        const endsInUnit = /[a-z\uac00-\ud7a3]$/i.test(value);
        if (NUMBER.test(value.split(' ').pop() ?? '') && isUnitWord(next)) {
          value = `${value} ${next}`;
          i++;
        } else if (endsInUnit && next !== undefined && NUMBER.test(next) && isUnitWord(after)) {
          value = `${value} ${next} ${after}`;
          i += 2;
        } else if (endsInUnit && next !== undefined && isCompactDuration(next)) {
          value = `${value} ${next}`;
          i++;
        } else if (
          endsInUnit &&
          next?.toLowerCase() === 'and' &&
          after !== undefined &&
          startsDuration(after, words[i + 3])
        ) {
          // `1 hour and 30 minutes`: the `and` joins two parts of one duration.
          value = `${value} ${next}`;
          i++;
        } else {
          break;
        }
      }
    }
    const earlier = values.get(spec.name);
    if (earlier !== undefined && earlier !== value) {
      fail(`\`--${spec.name}\` is given twice (\`${earlier}\` and \`${value}\`); give it once.`);
    }
    values.set(spec.name, value);
  }
  return { values, set, positional, consumed: i };
}
