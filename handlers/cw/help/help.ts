import type { KnownBlock } from '@slack/types';
import { canonicalCwSubcommand } from '../../command-path.ts';
import { UserInputError } from '../../errors.ts';
import { context, escapeMrkdwn, header, type SlackMessage, section } from '../../slack-message.ts';
import { didYouMean } from '../../suggest-word.ts';
import { SHORTCUTS } from '../metrics/catalog.ts';

/** What a mistyped or missing `/cw` subcommand shows: the one line that lists them, and where to read more. */
export const CW_USAGE = [
  '`/cw metrics …` · `/cw logs query|saved|run …` · `/cw alarms …` · `/cw help`',
  'Example: `/cw metrics rds cpu orders-db`',
  'See `/cw help` for every command with examples.',
].join('\n');

export const HELP_TOPICS = ['metrics', 'logs', 'alarms'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

/** What the demo data source holds, by the topic it belongs to (each topic's help lists only its own). */
export interface DemoResources {
  metrics: readonly string[];
  logs: readonly string[];
  alarms: readonly string[];
  /** Shown under every topic: the demo's story. */
  note?: string;
}

const HELP_TOPICS_USAGE = [
  '`/cw help` · `/cw help metrics` · `/cw help logs` · `/cw help alarms`',
  'Example: `/cw help metrics`',
].join('\n');

/**
 * The topic `/cw help <word>` asks for; `undefined` (no word) is the whole help. An unknown word is
 * refused with the topics rather than answered with everything, so a typo is noticed.
 */
export function helpTopic(word: string | undefined): HelpTopic | undefined {
  if (word === undefined || word.toLowerCase() === 'help') return undefined;
  const canonical = canonicalCwSubcommand(word.replace(/^\/?cw$/i, 'help'));
  if (canonical === 'help') return undefined;
  const topic = HELP_TOPICS.find((t) => t === canonical);
  if (topic) return topic;
  if (/^\/?dbadvi[cs]e$/i.test(word)) {
    throw new UserInputError(
      '`/dbadvice` is its own command with its own help: `/dbadvice help`.',
      '`/dbadvice help` · `/dbadvice <question>`\nExample: `/dbadvice where should we keep user sessions?`',
    );
  }
  throw new UserInputError(
    `There is no help topic \`${word.slice(0, 40)}\`; topics: ${HELP_TOPICS.join(', ')}.${didYouMean(word, [...HELP_TOPICS, 'dbadvice'], (t) => (t === 'dbadvice' ? '`/dbadvice help`' : `\`/cw help ${t}\``))}`,
    HELP_TOPICS_USAGE,
  );
}

function metricsBlocks(): KnownBlock[] {
  const shortcutLines = Object.entries(SHORTCUTS).map(
    ([name, s]) =>
      `• \`${name}\` → ${s.namespace}, ${s.dimension}: ${Object.keys(s.metrics)
        .map((m) => `\`${m}\``)
        .join(' ')}   e.g. \`/cw metrics ${s.example}\``,
  );
  return [
    section(
      escapeMrkdwn(
        [
          "*Metrics*: a metric's recent values with a sparkline and a console link.",
          '`/cw metrics <Namespace> <MetricName> [Dim=Value ...] [flags]`',
          'e.g. `/cw metrics AWS/EC2 CPUUtilization InstanceId=i-0abc1234def567890 --since 3h`',
          'Several values make several series: `InstanceId=i-0abc1234def567890,i-0abd1234def567890`.',
        ].join('\n'),
      ),
    ),
    section(
      escapeMrkdwn(
        [
          '*Metrics flags*',
          '`--since 30m|3h|1d|7d` how far back (metrics default: the last 3h; at most 455d)',
          "`--stat Average|Sum|Minimum|Maximum|SampleCount|p99` (default: Average, or the shortcut's own)",
          "`--period 1m|5m|1h|1d` (default: chosen for about 100 points, within CloudWatch's retention)",
          '`--share` post the answer in the channel; otherwise only you see it (help is always only for you)',
          '`--graph` also post a PNG graph to the channel (or press *Graph* on the answer)',
          '`--help` (`-h`) this help, shown only to you',
        ].join('\n'),
      ),
    ),
    section(escapeMrkdwn(['*Shortcuts*', ...shortcutLines].join('\n'))),
  ];
}

function logsBlocks(): KnownBlock[] {
  return [
    section(
      escapeMrkdwn(
        [
          '*Logs Insights*: runs in the background and replaces "working on it" with a table, the statistics and the cost.',
          '`/cw logs query <group>[,<group>…] [--since 15m|1h|1d] [--from ISO --to ISO] [--limit N] [--share] [<query>]`',
          'e.g. `/cw logs query /aws/lambda/checkout-api --since 1h filter @message like /ERROR/ | sort @timestamp desc | limit 50`',
          '`--from`/`--to` in ISO 8601 (`2026-12-02T06:00:00Z`; `2026-12-02 06:00` works too; without a zone it is read as UTC). A window never ends after now: a later `--to` is cut to now, a later `--from` is refused.',
          'A query may be pasted as inline code or a code block; with several log groups the default query shows `@log`.',
          '`--since` logs default: the last 15m. No query: the latest 20 messages. Flags go before or after the query (`… | limit 50 --share`); a `--` inside a string or `/regex/` stays in the query. Only allowed log groups can be read.',
          '`/cw logs saved` lists saved queries; `/cw logs run <name> [--since 1h] [--share]` runs one.',
        ].join('\n'),
      ),
    ),
  ];
}

function alarmsBlocks(): KnownBlock[] {
  return [
    section(
      escapeMrkdwn(
        [
          '*Alarms*: what is firing, with the reason and a console link.',
          '`/cw alarms [alarm|ok|insufficient|all] [name-prefix] [--share]`',
          '`/cw alarms` (in ALARM), `/cw alarms all prod-`, `/cw alarms ok checkout`',
          'States: `alarm` (or `alarms`, `firing`), `ok` (`resolved`), `insufficient` (`insufficient data`), `all`. Any other word is a name prefix; one that matches nothing says how many alarms are in that state in all.',
        ].join('\n'),
      ),
    ),
  ];
}

const GRAMMAR_NOTE =
  "Flags read the same on every command: `--since 1h`, `--since=1h`, `-since 1h` and `--since 3 hours` are one flag; `--share` posts any answer in the channel; `--help` shows the command's help, only to you (help is never posted in the channel, even with `--share`).";

/** Help is private on every command; `--share` typed beside it is said to be ignored, not silently dropped. */
export const SHARE_HELP_NOTE =
  'Help is only shown to you, so `--share` was not applied: run the command itself with `--share` to post its answer.';

const DBADVICE_LINE =
  '*Database advice* is its own command: `/dbadvice where should we keep user sessions?`, `/dbadvice help`.';

const TOPICS: Record<HelpTopic, { title: string; blocks: () => KnownBlock[] }> = {
  metrics: { title: '/cw metrics: CloudWatch metrics', blocks: metricsBlocks },
  logs: { title: '/cw logs: Logs Insights', blocks: logsBlocks },
  alarms: { title: '/cw alarms: what is firing', blocks: alarmsBlocks },
};

/**
 * `/cw help`: every command with an example; `/cw help metrics` (logs, alarms) one command in
 * detail. `resources` lists what the demo data source holds.
 */
export function renderCwHelp(
  resources?: DemoResources,
  topic?: HelpTopic,
  options: { shareAsked?: boolean } = {},
): SlackMessage {
  const shown = topic ? [topic] : [...HELP_TOPICS];
  const blocks: KnownBlock[] = [
    header(topic ? TOPICS[topic].title : '/cw: CloudWatch from Slack'),
    ...shown.flatMap((t) => TOPICS[t].blocks()),
  ];
  if (!topic) blocks.push(section(escapeMrkdwn(DBADVICE_LINE)));
  const demo = resources ? shown.flatMap((t) => resources[t]) : [];
  if (resources && demo.length > 0) {
    blocks.push(section(['*Demo data*', ...demo, ...(resources.note ? [resources.note] : [])].join('\n')));
  }
  if (options.shareAsked) {
    blocks.push(context(escapeMrkdwn(SHARE_HELP_NOTE)));
  }
  blocks.push(
    context(
      escapeMrkdwn(
        `Values are CloudWatch's; times show in your own time zone, and \`@timestamp\` columns in UTC, as labelled. ${GRAMMAR_NOTE} One command in detail: \`/cw help metrics\`, \`/cw help logs\`, \`/cw help alarms\`.`,
      ),
    ),
  );
  return {
    response_type: 'ephemeral',
    text: topic
      ? `${TOPICS[topic].title}. Try /cw help for every command.`
      : '/cw help: metrics, Logs Insights and alarms from CloudWatch. Try /cw metrics rds cpu orders-db',
    blocks,
  };
}
