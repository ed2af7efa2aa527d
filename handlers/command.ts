/**
 * The command contract: what one command folder exports so the rest of the bot (dispatch, the access
 * policy, help, Bolt, the manifest, the IAM roles) can be built from the registry of them.
 */
import type { KnownBlock } from '@slack/types';
import type { LogsPolicy } from './cw/logs/run-logs.ts';
import type { PortName, Ports } from './ports.ts';
import type { Account, ReachSettings, Scope, ScopeLimit } from './scope.ts';
import type { SlackMessage } from './slack-message.ts';

/** What the demo data source holds, by the help topic it belongs to (each topic lists only its own). */
export interface DemoResources {
  metrics: readonly string[];
  logs: readonly string[];
  alarms: readonly string[];
  /** Shown under every topic: the demo's story. */
  note?: string;
}

/** A slash command as the bot needs it, whatever transport brought it (Bolt, the worker's job, the shell). */
export interface CommandInput {
  command: string;
  text: string;
  /** Who ran it and where: files (graphs, CSV) go to this channel. */
  userId?: string;
  channelId?: string;
  teamId?: string;
  /**
   * The accounts and Regions the access policy lets this channel read (handlers/access-policy.ts),
   * set by the slack function after its check and carried to the worker in the job.
   */
  scopeLimit?: ScopeLimit;
}

/**
 * A command as read once (handlers/command-request.ts): the access policy, dispatch, the audit line
 * and the plan all use this one reading.
 */
export interface CommandRequest extends CommandInput {
  /** The words typed, as this slash command reads them (Slack's escapes, curly quotes, pasted code undone). */
  words: readonly string[];
  /**
   * The canonical words, whatever alias, flag order or case was typed (`/cw log QUERY …` is
   * `['/cw', 'logs', 'query']`), so no spelling gets around an access rule; unknown words as typed.
   */
  path: readonly [string, ...string[]];
  /** The registered command the words name; none for an empty or mistyped `/cw`. */
  spec: Command | undefined;
  /** The words after those that name the command. */
  args: readonly string[];
  /** Flag words the slash command reads apart from its words (`/dbadvice`'s); `/cw` keeps flags among its words. */
  flags: readonly string[];
  /** The text after the words that name the command, as typed: a Logs Insights query keeps its quotes and pipes. */
  rest: string;
  /** `--share` was typed somewhere (help answers privately, and says so). */
  share: boolean;
}

/**
 * How one slash command reads its text, and what it says when no command of it matches. Each slash
 * command's folder exports one; the registry lists them beside the commands.
 */
export interface SlashSpec {
  name: string;
  /** The words of the text, and whether a help flag asks for the slash command's help whatever else is typed. */
  read: (text: string) => { words: readonly string[]; flags: readonly string[]; share: boolean; help: boolean };
  /** No command matched (nothing typed, a typo, a flag first): a UserInputError with the usage, or help. */
  unmatched: (request: CommandRequest, commands: readonly Command[]) => never;
}

/** What every command may read besides its ports: the deployment's settings. */
export interface Settings {
  region: string;
  now: () => Date;
  logsPolicy: LogsPolicy;
  /** `REGIONS_ALLOWED`: every Region `--region` may name; absent means the deployment's own only. */
  regionsAllowed?: readonly string[];
  /** `ACCOUNTS`: the linked accounts `--account` may name; absent or empty when no monitoring account. */
  accounts?: readonly Account[];
  /** Listed in `/cw help` when the demo data source is in use. */
  demoResources?: DemoResources;
}

/** What the deployment may reach, from its settings. */
export function reachOf(settings: Pick<Settings, 'region' | 'regionsAllowed' | 'accounts'>): ReachSettings {
  const regionsAllowed = settings.regionsAllowed ?? [];
  return {
    region: settings.region,
    regionsAllowed: regionsAllowed.includes(settings.region) ? regionsAllowed : [settings.region, ...regionsAllowed],
    accounts: settings.accounts ?? [],
  };
}

/** Exactly the ports a command named in `needs`, and the settings: a port it did not ask for does not compile. */
export type CommandDeps<N extends PortName> = Pick<Ports, N> & Settings;

/** What long work may use besides its data sources. */
export interface RunContext {
  /** Aborted when the caller stops waiting (the ack budget or the worker's deadline ran out). */
  signal?: AbortSignal;
  /** The channel the command came from, where files are posted. */
  channelId?: string;
  /** Shows progress by replacing the "working on it" message; calls beyond Slack's budget are dropped. */
  progress?: (message: SlackMessage) => Promise<void>;
}

interface WorkBase {
  kind: 'work';
  /** Shown while the work runs, with the same visibility as the answer will have. */
  working: SlackMessage;
  /**
   * Where the work reads, decided in the plan (handlers/scope.ts): its ports are that Region's, and
   * `region` in its deps is that Region. Absent: the deployment's own Region.
   */
  scope?: Scope;
}

/** Work that may finish inside the ack (with the ports the command's `ack` lists), else in the worker. */
export interface AckWork<A extends PortName> extends WorkBase {
  mayAnswerInAck: true;
  run: (deps: CommandDeps<A>, context?: RunContext) => Promise<SlackMessage>;
}

/** Work never worth starting inside the 3-second ack (Logs Insights, graphs, a fleet review). */
export interface WorkerWork<N extends PortName> extends WorkBase {
  mayAnswerInAck: false;
  run: (deps: CommandDeps<N>, context?: RunContext) => Promise<SlackMessage>;
}

/**
 * What to do with a command: answer at once (help, bad input), or run work that reads a data source
 * and may be slow, so the lifecycle decides whether it fits in Slack's 3-second ack.
 */
export type CommandPlan<N extends PortName = PortName, A extends N = N> =
  | { kind: 'reply'; message: SlackMessage }
  | AckWork<A>
  | WorkerWork<N>;

/**
 * One command: its words, how it is typed, what it reads, and how it is planned. A command's folder
 * exports one of these; `handlers/registry.ts` lists them.
 *
 * @example
 * ```ts
 * export const dashboardsCommand = defineCommand({
 *   path: ['/cw', 'dashboards'],
 *   aliases: { dashboards: ['dashboard'] },
 *   summary: "the account's dashboards",
 *   usage: '`/cw dashboards [prefix] [--share]`',
 *   examples: ['/cw dashboards prod-'],
 *   needs: ['dashboards'],
 *   ack: { needs: ['dashboards'] },
 *   plan: (request) => ({
 *     kind: 'work',
 *     mayAnswerInAck: true,
 *     working: workingMessage(false, 'Listing dashboards…'),
 *     run: async (deps, context) => renderDashboards(await deps.dashboards.list(request.args[0] ?? '', context)),
 *   }),
 * });
 * ```
 */
export interface CommandSpec<N extends PortName = PortName, A extends N = N> {
  /** The slash command and the words that name this command: `['/cw', 'logs', 'query']`. */
  path: readonly [string, ...string[]];
  /** Other spellings of words of `path`, by word: `{ logs: ['log'] }`, `{ fleet: ['플릿'] }`. */
  aliases?: Readonly<Record<string, readonly string[]>>;
  /** The last word names this command only when it is the only word (`/dbadvice fleet`, not "fleet management…"). */
  alone?: boolean;
  /** One line for `/cw help` and the README. */
  summary: string;
  /** The usage line an error about this command shows. */
  usage: string;
  /** Whole command lines, each run on the demo data source by the tests and shown in the README. */
  examples: readonly string[];
  /** Every port the command's work reads, in the worker. */
  needs: readonly N[];
  /** The ports it may read inside the 3-second ack; `false`: its work always goes to the worker. */
  ack: { needs: readonly A[] } | false;
  /** Its `/cw help <topic>` (the topic is `path[1]`): a title and the blocks that explain it in detail. */
  help?: { title: string; blocks: () => KnownBlock[] };
  /** Reads the request and says what to do; throws a UserInputError for input it cannot use. */
  plan: (request: CommandRequest, settings: Settings) => CommandPlan<N, A>;
}

/** Any command, its port names erased: what the registry holds. */
export type Command = CommandSpec<PortName, PortName>;

/** Declares a command with its port names checked: `run` sees exactly the ports `needs` and `ack` list. */
export function defineCommand<N extends PortName, A extends N = never>(spec: CommandSpec<N, A>): Command {
  return spec as unknown as Command;
}

/** Where a button was pressed: the message it was on, so a graph can go into that message's thread. */
export interface ButtonPress {
  /** The button's `value`, as Slack sends it back. */
  value: string;
  channelId: string;
  /** The thread of the message the button is on. */
  threadTs?: string;
  /** The accounts and Regions the access policy lets the channel read (from the worker's job). */
  scopeLimit?: ScopeLimit;
}

/**
 * A button on a bot message. Either it runs a command again (`rerun`: its value is `/cw` text, checked
 * and run as that command), or it has its own `press`, under the access rule of `path`.
 */
export type ButtonSpec<N extends PortName = PortName> =
  | { actionId: string; rerun: '/cw' }
  | {
      actionId: string;
      /** The command whose access rule governs a press (the Logs button reads logs: `['/cw', 'logs']`). */
      path: readonly [string, ...string[]];
      needs: readonly N[];
      /**
       * Where a press reads, from the button's value (an alarm's own Region and account): the press
       * gets that Region's ports, and is refused where the deployment or the channel may not read.
       */
      placeOf?: (value: string) => { region: string; accountId?: string } | undefined;
      /**
       * Where the answer goes: `beside` (the default) answers only the person who pressed and leaves the
       * message alone (an alarm message); `replace` redraws the message the button is on, in place.
       */
      answer?: 'beside' | 'replace';
      press: (press: ButtonPress, deps: CommandDeps<N>, context: RunContext) => Promise<SlackMessage>;
    };

export type Button = ButtonSpec<PortName>;

/** Declares a button with its port names checked, like {@link defineCommand}. */
export function defineButton<N extends PortName>(spec: ButtonSpec<N>): Button {
  return spec as unknown as Button;
}
