import type { Command, CommandInput, CommandPlan, CommandRequest, Settings } from './command.ts';
import { HelpRequested } from './command-flags.ts';
import { readCommandRequest } from './command-request.ts';
import { cwUsage } from './cw/help/help.ts';
import { UserInputError } from './errors.ts';
import { REGISTRY, type Registry } from './registry.ts';

/**
 * Plans a request with the command it names. Throws {@link UserInputError} for input it cannot use;
 * `--help` on any command answers with its slash command's help, on that command's topic.
 */
export function planRequest(request: CommandRequest, settings: Settings, registry: Registry = REGISTRY): CommandPlan {
  const commands = registry.commands.filter((c) => c.path[0] === request.command);
  const slash = registry.slash.find((s) => s.name === request.command);
  if (!slash) {
    throw new UserInputError(
      `I do not know \`${request.command}\`.`,
      cwUsage(registry.commands.filter((c) => c.path[0] === '/cw')),
    );
  }
  try {
    if (!request.spec) return slash.unmatched(request, commands);
    return request.spec.plan(request, settings);
  } catch (error) {
    if (error instanceof HelpRequested) return planHelp(error.command, request, settings, commands);
    throw error;
  }
}

/** Reads and plans a command in one step: for callers that have no request yet (tests, the bench). */
export function planCommand(input: CommandInput, settings: Settings, registry: Registry = REGISTRY): CommandPlan {
  return planRequest(readCommandRequest(input, registry), settings, registry);
}

/** The help of a grammar's command: `/cw logs query --help` is `/cw help logs`. */
function planHelp(grammar: string, request: CommandRequest, settings: Settings, commands: readonly Command[]) {
  const [, topic] = grammar.split(' ');
  const help = commands.find((c) => c.path.length === 2 && c.path[1] === 'help');
  if (!help) throw new UserInputError(`\`${request.command}\` has no help.`, '');
  return help.plan({ ...request, spec: help, path: help.path, args: topic ? [topic] : [] }, settings);
}
