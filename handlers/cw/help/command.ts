import { type Command, defineCommand } from '../../command.ts';
import { readFlagWord } from '../../command-flags.ts';
import { helpTopic, helpTopics, renderCwHelp } from './help.ts';

/**
 * `/cw help [topic]`: every `/cw` command of the registry, or one in detail. Given the commands rather
 * than importing the registry, which lists this command too.
 */
export function cwHelpCommand(commands: () => readonly Command[]): Command {
  return defineCommand({
    path: ['/cw', 'help'],
    summary: 'every command with examples; `/cw help <command>` one in detail',
    usage: '`/cw help` · `/cw help metrics` · `/cw help logs` · `/cw help alarms`\nExample: `/cw help metrics`',
    examples: ['/cw help', '/cw help metrics'],
    needs: [],
    ack: { needs: [] },
    plan(request, settings) {
      const topics = helpTopics(commands().filter((c) => c.path[0] === '/cw'));
      // `/cw -h metrics` and `/cw help metrics` alike: the first word that is not a flag.
      const [word] = request.args.filter((arg) => !readFlagWord(arg) && arg.toLowerCase() !== 'help');
      const topic = helpTopic(word, topics);
      return {
        kind: 'reply',
        message: renderCwHelp(topics, settings.demoResources, topic, { shareAsked: request.share }),
      };
    },
  });
}
