import type { Command, SlashSpec } from '../command.ts';
import { HelpRequested, isHelpWord, readFlagWord } from '../command-flags.ts';
import { echo, tokenize } from '../command-text.ts';
import { UserInputError } from '../errors.ts';
import { didYouMean } from '../suggest-word.ts';
import { cwUsage } from './help/help.ts';

/** `a`, `a or b`, `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** The commands of a group (`logs`): their last words, `query`, `saved`, `run`. */
function actionsOf(commands: readonly Command[], group: string): string[] {
  return commands.flatMap((c) => (c.path[1] === group && c.path[2] ? [c.path[2]] : []));
}

/**
 * `/cw`: words as the flag grammar reads them. `/cw -h metrics` is `/cw help metrics`: a help word
 * before the first command word (among other flags, `/cw --share -h`) asks for help.
 */
export const cwSlash: SlashSpec = {
  name: '/cw',
  read(text) {
    const words = tokenize(text);
    const first = words.findIndex((word) => !readFlagWord(word));
    const leading = first < 0 ? words : words.slice(0, first);
    return {
      words,
      flags: [],
      share: words.some((word) => readFlagWord(word)?.name === 'share'),
      help: leading.some(isHelpWord),
    };
  },
  unmatched(request, commands) {
    const usage = cwUsage(commands);
    const [sub = '', action = ''] = request.words;
    const [, group = ''] = request.path;
    const actions = actionsOf(commands, group);
    if (actions.length > 0) {
      // `/cw logs` with no action, a flag, or an action that does not exist.
      if (isHelpWord(action)) throw new HelpRequested(`/cw ${group}`);
      const groupUsage = commands.find((c) => c.path[1] === group)?.usage ?? usage;
      if (!action)
        throw new UserInputError(`Which ${group} command: ${orList(actions.map((a) => `\`${a}\``))}?`, groupUsage);
      if (readFlagWord(action)) {
        throw new UserInputError(
          `\`${action}\` goes after \`query <group>\`, \`saved\` or \`run <name>\`, e.g. \`/cw logs query /aws/lambda/checkout-api ${action}\`.`,
          groupUsage,
        );
      }
      // `/cw logs /aws/lambda/checkout-api`: a log group where the action goes, so `query` was left out.
      if (actions.includes('query') && /^\/|^[\w.-]+\/[\w./*-]+$/.test(action)) {
        const rest = request.words.slice(1).join(' ');
        throw new UserInputError(
          `\`${echo(action)}\` is a log group, not a command: did you mean \`/cw ${group} query ${echo(rest)}\`?`,
          commands.find((c) => c.path[1] === group && c.path[2] === 'query')?.usage ?? groupUsage,
        );
      }
      throw new UserInputError(
        `\`${group} ${action}\` is not a command.${didYouMean(action, actions, (a) => `\`/cw ${group} ${a}\``)} Use ${orList(actions.map((a) => `\`${group} ${a}\``))}.`,
        groupUsage,
      );
    }
    if (!sub) throw new UserInputError('What should I look at? `/cw` needs a command.', usage);
    if (readFlagWord(sub)) {
      // `/cw --since 1h metrics …`: the flag and its value, moved after the command the user named.
      const isCommandWord = (word: string) =>
        commands.some(
          (c) => c.path[1] === word.toLowerCase() || (c.aliases?.[c.path[1] ?? ''] ?? []).includes(word.toLowerCase()),
        );
      const value = action && !readFlagWord(action) && !isCommandWord(action) ? action : undefined;
      const flag = value ? `${sub} ${value}` : sub;
      const rest = request.words.slice(value ? 2 : 1);
      const example = rest.some(isCommandWord)
        ? `/cw ${rest.join(' ')} ${flag}`
        : `/cw metrics rds cpu orders-db ${flag}`;
      throw new UserInputError(`\`${flag}\` goes after the command, e.g. \`${example}\`.`, usage);
    }
    // A typo is suggested, not run: `/cw metircs` might otherwise read something nobody asked for.
    const subcommands = [...new Set(commands.map((c) => c.path[1] ?? ''))];
    throw new UserInputError(
      `\`${sub}\` is not a /cw command.${didYouMean(sub, subcommands, (c) => `\`/cw ${c}\``)}`,
      usage,
    );
  },
};
