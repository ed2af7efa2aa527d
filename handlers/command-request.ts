import type { Command, CommandInput, CommandRequest, SlashSpec } from './command.ts';
import { isHelpWord } from './command-flags.ts';

/** The registry's view this module needs: the slash commands and their commands. */
export interface CommandTable {
  slash: readonly SlashSpec[];
  commands: readonly Command[];
}

/** Every spelling a slash command's commands accept, mapped to the canonical word (`log` → `logs`). */
function canonicalWords(commands: readonly Command[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const command of commands) {
    for (const word of command.path.slice(1)) map.set(word, word);
    for (const [word, aliases] of Object.entries(command.aliases ?? {})) {
      for (const alias of aliases) map.set(alias.toLowerCase(), word);
    }
  }
  return map;
}

/** Whether the typed words name `command`: each word (or an alias of it) in order, and nothing else when `alone`. */
function names(command: Command, typed: readonly string[]): boolean {
  const words = command.path.slice(1);
  if (command.alone && typed.length !== words.length) return false;
  return words.every((word, i) => typed[i] === word);
}

/**
 * Reads a slash command once: its words, the command they name (the longest path that matches), the
 * canonical path the access policy and the audit see, and what follows. Never throws.
 *
 * @example
 * ```ts
 * const request = readCommandRequest({ command: '/cw', text: 'log QUERY /aws/lambda/x' }, REGISTRY);
 * request.path; // ['/cw', 'logs', 'query']
 * request.rest; // '/aws/lambda/x'
 * ```
 */
export function readCommandRequest(input: CommandInput, table: CommandTable): CommandRequest {
  const slash = table.slash.find((s) => s.name === input.command);
  const commands = table.commands.filter((c) => c.path[0] === input.command);
  const { words, flags, share, help } = slash
    ? slash.read(input.text)
    : { words: [], flags: [], share: false, help: false };
  const canonical = canonicalWords(commands);
  const typed = words.map((word) => {
    const lower = word.toLowerCase();
    return canonical.get(lower) ?? lower;
  });
  const helpCommand = commands.find((c) => c.path.length === 2 && c.path[1] === 'help');
  const spec = help
    ? helpCommand
    : [...commands].sort((a, b) => b.path.length - a.path.length).find((command) => names(command, typed));
  const named = spec && !help ? spec.path.length - 1 : 0;
  const path: [string, ...string[]] = spec ? [...spec.path] : [input.command, ...unmatchedPath(typed, commands)];
  return {
    ...input,
    words,
    path,
    spec,
    args: words.slice(named),
    flags,
    rest: afterWords(input.text, named),
    share,
  };
}

/**
 * An unknown command's path as typed, so a rule still matches its prefix (`/cw logs tail` is under
 * `/cw logs`): the first word, and the second when the first is a group of commands.
 */
function unmatchedPath(typed: readonly string[], commands: readonly Command[]): string[] {
  const [first, second] = typed;
  if (first === undefined) return [];
  const group = commands.some((c) => c.path.length > 2 && c.path[1] === first);
  // `/cw logs --help` is help about `/cw logs`, no command of it.
  return group && second !== undefined && !isHelpWord(second) ? [first, second] : [first];
}

/** The raw text after its first `count` words. */
function afterWords(text: string, count: number): string {
  let rest = text.trim();
  for (let i = 0; i < count; i++) rest = rest.replace(/^\S+\s*/, '');
  return rest;
}
