import type { KnownBlock } from '@slack/types';
import type { Command, DemoResources } from '../../command.ts';
import { UserInputError } from '../../errors.ts';
import { context, escapeMrkdwn, header, type SlackMessage, section } from '../../slack-message.ts';
import { didYouMean } from '../../suggest-word.ts';

/** One `/cw help <topic>`: the second word of the commands it explains (`logs` for query, saved and run). */
export interface HelpTopic {
  word: string;
  aliases: readonly string[];
  title: string;
  blocks: () => KnownBlock[];
}

/**
 * One topic per `/cw` command word, in the registry's order: the command's own help where it has one,
 * else its summary, usage and examples, so every command answers `--help`.
 */
export function helpTopics(commands: readonly Command[]): HelpTopic[] {
  const topics: HelpTopic[] = [];
  for (const command of commands) {
    const [, word] = command.path;
    if (!word || word === 'help' || topics.some((t) => t.word === word)) continue;
    const own = commands.find((c) => c.path[1] === word && c.help)?.help;
    topics.push({
      word,
      aliases: command.aliases?.[word] ?? [],
      title: own?.title ?? `/cw ${word}: ${command.summary}`,
      blocks:
        own?.blocks ??
        (() => [section(escapeMrkdwn([command.usage, ...command.examples.map((e) => `e.g. \`${e}\``)].join('\n')))]),
    });
  }
  return topics;
}

/** What a mistyped or missing `/cw` subcommand shows: the one line that lists them, and where to read more. */
export function cwUsage(commands: readonly Command[]): string {
  const groups = new Map<string, string[]>();
  for (const command of commands) {
    const [, word = '', action] = command.path;
    groups.set(word, [...(groups.get(word) ?? []), ...(action ? [action] : [])]);
  }
  const forms = [...groups].map(([word, actions]) =>
    word === 'help'
      ? '`/cw help`'
      : actions.length > 0
        ? `\`/cw ${word} ${actions.join('|')} …\``
        : `\`/cw ${word} …\``,
  );
  return [
    forms.join(' · '),
    'Example: `/cw metrics rds cpu orders-db`',
    'See `/cw help` for every command with examples.',
  ].join('\n');
}

function topicsUsage(topics: readonly HelpTopic[]): string {
  return [
    ['`/cw help`', ...topics.map((t) => `\`/cw help ${t.word}\``)].join(' · '),
    `Example: \`/cw help ${topics[0]?.word ?? ''}\``,
  ].join('\n');
}

/**
 * The topic `/cw help <word>` asks for; `undefined` (no word) is the whole help. An unknown word is
 * refused with the topics rather than answered with everything, so a typo is noticed.
 */
export function helpTopic(word: string | undefined, topics: readonly HelpTopic[]): HelpTopic | undefined {
  if (word === undefined) return undefined;
  const lower = word.toLowerCase();
  if (lower === 'help' || /^\/?cw$/.test(lower)) return undefined;
  const topic = topics.find((t) => t.word === lower || t.aliases.includes(lower));
  if (topic) return topic;
  if (/^\/?dbadvi[cs]e$/i.test(word)) {
    throw new UserInputError(
      '`/dbadvice` is its own command with its own help: `/dbadvice help`.',
      '`/dbadvice help` · `/dbadvice <question>`\nExample: `/dbadvice where should we keep user sessions?`',
    );
  }
  const words = topics.map((t) => t.word);
  throw new UserInputError(
    `There is no help topic \`${word.slice(0, 40)}\`; topics: ${words.join(', ')}.${didYouMean(word, [...words, 'dbadvice'], (t) => (t === 'dbadvice' ? '`/dbadvice help`' : `\`/cw help ${t}\``))}`,
    topicsUsage(topics),
  );
}

const GRAMMAR_NOTE =
  "Flags read the same on every command: `--since 1h`, `--since=1h`, `-since 1h` and `--since 3 hours` are one flag; `--share` posts any answer in the channel; `--help` shows the command's help, only to you (help is never posted in the channel, even with `--share`).";

/** Help is private on every command; `--share` typed beside it is said to be ignored, not silently dropped. */
export const SHARE_HELP_NOTE =
  'Help is only shown to you, so `--share` was not applied: run the command itself with `--share` to post its answer.';

const DBADVICE_LINE =
  '*Database advice* is its own command: `/dbadvice where should we keep user sessions?`, `/dbadvice help`.';

/** The demo resources of a topic, when the demo knows that topic. */
function demoOf(resources: DemoResources, topic: string): readonly string[] {
  return topic === 'metrics' || topic === 'logs' || topic === 'alarms' ? resources[topic] : [];
}

/**
 * `/cw help`: every command with an example; `/cw help metrics` (logs, alarms) one command in
 * detail. `resources` lists what the demo data source holds.
 */
export function renderCwHelp(
  topics: readonly HelpTopic[],
  resources?: DemoResources,
  topic?: HelpTopic,
  options: { shareAsked?: boolean } = {},
): SlackMessage {
  const shown = topic ? [topic] : [...topics];
  const blocks: KnownBlock[] = [
    header(topic ? topic.title : '/cw: CloudWatch from Slack'),
    ...shown.flatMap((t) => t.blocks()),
  ];
  if (!topic) blocks.push(section(escapeMrkdwn(DBADVICE_LINE)));
  const demo = resources ? shown.flatMap((t) => demoOf(resources, t.word)) : [];
  if (resources && demo.length > 0) {
    blocks.push(section(['*Demo data*', ...demo, ...(resources.note ? [resources.note] : [])].join('\n')));
  }
  if (options.shareAsked) {
    blocks.push(context(escapeMrkdwn(SHARE_HELP_NOTE)));
  }
  const oneInDetail = topics.map((t) => `\`/cw help ${t.word}\``).join(', ');
  blocks.push(
    context(
      escapeMrkdwn(
        `Values are CloudWatch's; times show in your own time zone, and \`@timestamp\` columns in UTC, as labelled. ${GRAMMAR_NOTE} One command in detail: ${oneInDetail}.`,
      ),
    ),
  );
  return {
    response_type: 'ephemeral',
    text: topic
      ? `${topic.title}. Try /cw help for every command.`
      : '/cw help: metrics, Logs Insights and alarms from CloudWatch. Try /cw metrics rds cpu orders-db',
    blocks,
  };
}
