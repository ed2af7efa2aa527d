import { HelpRequested, isHelpWord, readFlagWord } from './command-flags.ts';
import { CW_SUBCOMMANDS, canonicalCwSubcommand } from './command-path.ts';
import { tokenize } from './command-text.ts';
import { listAlarms, parseAlarmList } from './cw/alarms/list-alarms.ts';
import {
  CW_USAGE,
  type DemoResources,
  HELP_TOPICS,
  type HelpTopic,
  helpTopic,
  renderCwHelp,
  SHARE_HELP_NOTE,
} from './cw/help/help.ts';
import { LOGS_USAGE, parseLogsQuery, parseSavedList, parseSavedQueryRun, resolveRange } from './cw/logs/parse-logs.ts';
import { renderSavedQueries } from './cw/logs/render-saved.ts';
import { assertAllowed, type LogsDeps, type LogsRunContext, runLogsQuery, runSavedQuery } from './cw/logs/run-logs.ts';
import { runMetricsGraph } from './cw/metrics/graph.ts';
import { type MetricsQuery, parseMetricsArgs } from './cw/metrics/parse-metrics.ts';
import { renderMetrics } from './cw/metrics/render-metrics.ts';
import { type MetricsDeps, runMetrics } from './cw/metrics/run-metrics.ts';
import {
  assertDbadviceFlags,
  DBADVICE_SUBCOMMAND_USAGE,
  dbadviceCommand,
  dbadviceTypo,
  dbadviceWords,
} from './dbadvice/subcommand.ts';
import { UserInputError } from './errors.ts';
import type { AlarmsPort, FilesPort, MetricImagePort, RdsFleetPort } from './ports.ts';
import { context as contextBlock, escapeMrkdwn, type SlackMessage } from './slack-message.ts';
import { didYouMean } from './suggest-word.ts';
import { workingMessage as working } from './working-message.ts';

/** A slash command as the bot needs it, whatever transport brought it. */
export interface CommandInput {
  command: string;
  text: string;
  /** Who ran it and where: files (graphs, CSV) go to this channel. */
  userId?: string;
  channelId?: string;
  teamId?: string;
}

/** What long work may use besides its data sources. */
export interface RunContext {
  /** The channel the command came from, where files are posted. */
  channelId?: string;
  /** Shows progress by replacing the "working on it" message; calls beyond Slack's budget are dropped. */
  progress?: (message: SlackMessage) => Promise<void>;
}

export interface CommandDeps extends MetricsDeps, Omit<LogsDeps, 'now'> {
  alarms: AlarmsPort;
  /** `/dbadvice fleet`: the account's RDS instances and clusters. */
  fleet: RdsFleetPort;
  images: MetricImagePort;
  /** Where graphs and CSV files go; absent when there is no bot token (files are skipped, with a note). */
  files?: FilesPort;
  /** Listed in `/cw help` when the demo data source is in use. */
  demoResources?: DemoResources;
}

/**
 * What to do with a command: answer at once (help, bad input), or run work that reads a data
 * source and may be slow, so the caller decides whether it fits in Slack's 3-second ack.
 */
export type CommandPlan =
  | { kind: 'reply'; message: SlackMessage }
  | {
      kind: 'work';
      /** Shown while the work runs, with the same visibility as the answer will have. */
      working: SlackMessage;
      /** Always hand to the worker (Logs Insights, graphs): never worth starting inside the 3-second ack. */
      workerOnly?: boolean;
      run: (deps: CommandDeps, signal?: AbortSignal, context?: RunContext) => Promise<SlackMessage>;
    };

/** Parses a command and plans it. Throws {@link UserInputError} for input it cannot use. */
export function planCommand(
  input: CommandInput,
  deps: Pick<CommandDeps, 'demoResources' | 'logsPolicy' | 'now'>,
): CommandPlan {
  if (input.command === '/dbadvice') return planDbAdviceLazily(input.text);
  if (input.command !== '/cw') {
    throw new UserInputError(`I do not know \`${input.command}\`.`, CW_USAGE);
  }
  try {
    return planCw(input.text, deps);
  } catch (error) {
    // `--help` on any command answers with that command's help topic.
    if (error instanceof HelpRequested)
      return {
        kind: 'reply',
        message: renderCwHelp(deps.demoResources, helpTopicOf(error.command), { shareAsked: asksToShare(input.text) }),
      };
    throw error;
  }
}

function withShareHelpNote(message: SlackMessage): SlackMessage {
  return {
    ...message,
    response_type: 'ephemeral',
    blocks: [...(message.blocks ?? []), contextBlock(escapeMrkdwn(SHARE_HELP_NOTE))],
  };
}

/** Help is only ever shown to the person who asked: `--share` beside it is answered, not obeyed. */
function asksToShare(text: string): boolean {
  return tokenize(text).some((word) => readFlagWord(word)?.name === 'share');
}

/** The help topic of a grammar's command: `/cw logs query` → `logs`; `undefined` is the whole help. */
function helpTopicOf(command: string): HelpTopic | undefined {
  const [, sub = ''] = command.split(' ');
  return HELP_TOPICS.find((t) => t === sub);
}

function planCw(text: string, deps: Pick<CommandDeps, 'demoResources' | 'logsPolicy' | 'now'>): CommandPlan {
  const words = tokenize(text);
  const [sub = '', ...rest] = words;
  // `/cw -h metrics` is `/cw help metrics`: the help word may come before the command it is about,
  // among other flags (`/cw --share -h metrics`).
  const firstWord = words.findIndex((word) => !readFlagWord(word));
  const leadingFlags = firstWord < 0 ? words : words.slice(0, firstWord);
  if (leadingFlags.some(isHelpWord) || canonicalCwSubcommand(sub) === 'help') {
    const [topic] = (canonicalCwSubcommand(sub) === 'help' ? rest : words).filter((word) => !readFlagWord(word));
    const message = renderCwHelp(deps.demoResources, helpTopic(topic), { shareAsked: asksToShare(text) });
    return { kind: 'reply', message };
  }
  switch (canonicalCwSubcommand(sub)) {
    case 'metrics':
      return planMetrics(parseMetricsArgs(rest));
    case 'logs':
      return planLogs(text, deps);
    case 'alarms': {
      const query = parseAlarmList(rest);
      return {
        kind: 'work',
        working: working(query.share ?? false, 'Listing alarms…'),
        run: (runDeps, signal) => listAlarms(runDeps, query, signal),
      };
    }
    case '':
      throw new UserInputError('What should I look at? `/cw` needs a command.', CW_USAGE);
    default:
      if (readFlagWord(sub)) {
        throw new UserInputError(
          `\`${sub}\` goes after the command, e.g. \`/cw alarms ${sub}\` or \`/cw metrics rds cpu orders-db ${sub}\`.`,
          CW_USAGE,
        );
      }
      // A typo is suggested, not run: `/cw metircs` might otherwise read something nobody asked for.
      throw new UserInputError(
        `\`${sub}\` is not a /cw command.${didYouMean(sub, CW_SUBCOMMANDS, (c) => `\`/cw ${c}\``)}`,
        CW_USAGE,
      );
  }
}

const FLEET_WORKING = 'Reviewing the RDS fleet (7 days of CloudWatch metrics)…';

/**
 * `/dbadvice` loads its knowledge base (the largest part of the bundle) on first use, so `/cw`
 * cold starts never pay for it. Answers still come in the ack: loading takes milliseconds.
 */
function planDbAdviceLazily(text: string): CommandPlan {
  assertDbadviceFlags(text);
  const typo = dbadviceTypo(text);
  if (typo) throw new UserInputError(`Did you mean \`/dbadvice ${typo}\`?`, DBADVICE_SUBCOMMAND_USAGE);
  const command = dbadviceCommand(text);
  const fleet = command === 'fleet';
  // Help is private here as on /cw: `--share` beside it is said to be ignored, and the ack stays private too.
  const help = command === 'help';
  const shareAsked = dbadviceWords(text).share;
  return {
    kind: 'work',
    // The fleet review reads RDS and a week of metrics: never worth starting inside the ack.
    workerOnly: fleet,
    working: working(shareAsked && !help, fleet ? FLEET_WORKING : 'Thinking…'),
    run: async (deps, signal, context) => {
      const { planDbAdvice } = await import('./dbadvice/plan.ts');
      const plan = planDbAdvice(text);
      const message = plan.kind === 'reply' ? plan.message : await plan.run(deps, signal, context);
      return help && shareAsked ? withShareHelpNote(message) : message;
    },
  };
}

function planMetrics(query: MetricsQuery): CommandPlan {
  if (query.graph) {
    return {
      kind: 'work',
      workerOnly: true,
      working: working(query.share, 'Fetching from CloudWatch and drawing the graph…'),
      run: (deps, signal, context) =>
        runMetricsGraph(deps, query, {
          ...(signal ? { signal } : {}),
          ...(context?.channelId ? { channelId: context.channelId } : {}),
        }),
    };
  }
  return {
    kind: 'work',
    working: working(query.share, 'Fetching from CloudWatch…'),
    run: async (deps, signal) => renderMetrics(await runMetrics(deps, query, signal ? { signal } : {})),
  };
}

/** `--share`: the answer goes to the channel, as on every command. */
function shared(share: boolean | undefined, message: SlackMessage): SlackMessage {
  return share ? { ...message, response_type: 'in_channel' } : message;
}

function logsContext(signal: AbortSignal | undefined, context: RunContext | undefined): LogsRunContext {
  return { ...context, ...(signal ? { signal } : {}) };
}

const LOGS_ACTIONS = ['query', 'saved', 'run'];

/** `/cw logs …` reads the raw text: a Logs Insights query keeps its quotes, pipes and regexes. */
function planLogs(text: string, deps: Pick<CommandDeps, 'logsPolicy' | 'now'>): CommandPlan {
  const afterLogs = text.trim().replace(/^\S+\s*/, '');
  const action = /^\S*/.exec(afterLogs)?.[0] ?? '';
  const args = afterLogs.slice(action.length);
  if (isHelpWord(action)) throw new HelpRequested('/cw logs');
  switch (action.toLowerCase()) {
    case 'query': {
      const query = parseLogsQuery(args);
      // Refused groups and ranges are answered in the ack, before any AWS call.
      assertAllowed(query.logGroupNames, deps.logsPolicy);
      resolveRange(query.range, deps.now(), deps.logsPolicy.maxRangeSeconds);
      return {
        kind: 'work',
        workerOnly: true,
        working: working(query.share ?? false, 'Running the Logs Insights query…'),
        run: async (deps, signal, context) =>
          shared(query.share, await runLogsQuery(deps, query, logsContext(signal, context))),
      };
    }
    case 'run': {
      const saved = parseSavedQueryRun(args);
      return {
        kind: 'work',
        workerOnly: true,
        working: working(saved.share ?? false, `Running the saved query ${saved.name}…`),
        run: async (deps, signal, context) =>
          shared(saved.share, await runSavedQuery(deps, saved, logsContext(signal, context))),
      };
    }
    case 'saved': {
      const { share } = parseSavedList(args);
      return {
        kind: 'work',
        // DescribeQueryDefinitions is the worker's to call; the slack function's role reads metrics only.
        workerOnly: true,
        working: working(share, 'Listing saved queries…'),
        run: async (deps, signal) =>
          shared(share, renderSavedQueries(await deps.logs.listSavedQueries(signal ? { signal } : {}))),
      };
    }
    case '':
      throw new UserInputError('Which logs command: `query`, `saved` or `run`?', LOGS_USAGE);
    default:
      if (readFlagWord(action)) {
        throw new UserInputError(
          `\`${action}\` goes after \`query <group>\`, \`saved\` or \`run <name>\`, e.g. \`/cw logs query /aws/lambda/checkout-api ${action}\`.`,
          LOGS_USAGE,
        );
      }
      throw new UserInputError(
        `\`logs ${action}\` is not a command.${didYouMean(action, LOGS_ACTIONS, (a) => `\`/cw logs ${a}\``)} Use \`logs query\`, \`logs saved\` or \`logs run\`.`,
        LOGS_USAGE,
      );
  }
}
