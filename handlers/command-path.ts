import { isHelpWord } from './command-flags.ts';
import { tokenize } from './command-text.ts';
import { dbadviceCommand, dbadviceWords } from './dbadvice/subcommand.ts';

/** Spellings `/cw` accepts, mapped to the one the access policy names. */
const CW_ALIASES: Record<string, string> = { metric: 'metrics', log: 'logs', alarm: 'alarms' };

/** The `/cw` subcommands, canonical spelling: what a typo is compared with. */
export const CW_SUBCOMMANDS = ['metrics', 'logs', 'alarms', 'help'] as const;

/** A `/cw` subcommand as typed, in its canonical spelling: what both dispatch and the policy use. */
export function canonicalCwSubcommand(word: string): string {
  const lower = word.toLowerCase();
  return Object.hasOwn(CW_ALIASES, lower) ? (CW_ALIASES[lower] ?? lower) : lower;
}

/**
 * A command as the access policy sees it: the canonical words whatever alias, flag order or case
 * was typed (`/cw log QUERY …` is `/cw logs query`, `/dbadvice --share 플릿` is `/dbadvice fleet`),
 * so no spelling gets around a rule.
 */
export function commandPath(command: string, text: string): string[] {
  if (command === '/dbadvice') {
    const sub = dbadviceCommand(text);
    if (sub) return [command, sub];
    const [first = ''] = dbadviceWords(text).words;
    return /^(compare|비교)$/i.test(first) ? [command, 'compare'] : [command];
  }
  const [sub = '', action = ''] = tokenize(text).map((w) => w.toLowerCase());
  // `/cw --help` is `/cw help`; `/cw logs --help` is help about `/cw logs`, no action of it.
  const canonical = isHelpWord(sub) ? 'help' : canonicalCwSubcommand(sub);
  if (!canonical) return [command];
  return canonical === 'logs' && action && !isHelpWord(action) ? [command, canonical, action] : [command, canonical];
}
