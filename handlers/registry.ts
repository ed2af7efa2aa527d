/**
 * Every command and button the bot has, and the slash commands they belong to. Dispatch, the access
 * policy's words, `/cw help`, Bolt's listeners, the Slack app manifest (checked by a test), the
 * README's examples (run by a test) and the IAM grants of each function (checked by a test against
 * the packaged template) all come from here.
 *
 * @example Adding `/cw dashboards`: write `handlers/cw/dashboards/command.ts` (a {@link defineCommand}),
 * then add one line below.
 * ```ts
 * import { dashboardsCommand } from './cw/dashboards/command.ts';
 * const CW = [metricsCommand, logsQueryCommand, …, dashboardsCommand];
 * ```
 */
import { ALARM_BUTTONS } from './alarm-relay/buttons.ts';
import type { Button, Command, SlashSpec } from './command.ts';
import { alarmsCommand } from './cw/alarms/command.ts';
import { dashboardCommand } from './cw/dashboard/command.ts';
import { dashboardsCommand } from './cw/dashboards/command.ts';
import { cwHelpCommand } from './cw/help/command.ts';
import { logsQueryCommand } from './cw/logs/query/command.ts';
import { logsRunCommand } from './cw/logs/run/command.ts';
import { logsSavedCommand } from './cw/logs/saved/command.ts';
import { METRICS_BUTTONS } from './cw/metrics/buttons.ts';
import { metricsCommand } from './cw/metrics/command.ts';
import { cwSlash } from './cw/slash.ts';
import { topCommand } from './cw/top/command.ts';
import { compareCommand, dbadviceHelpCommand, listCommand, questionCommand } from './dbadvice/command.ts';
import { fleetCommand } from './dbadvice/fleet/command.ts';
import { dbadviceSlash } from './dbadvice/slash.ts';

const COMMANDS: Command[] = [
  metricsCommand,
  topCommand,
  logsQueryCommand,
  logsSavedCommand,
  logsRunCommand,
  alarmsCommand,
  dashboardsCommand,
  dashboardCommand,
  questionCommand,
  compareCommand,
  listCommand,
  fleetCommand,
  dbadviceHelpCommand,
];
COMMANDS.push(cwHelpCommand(() => COMMANDS));

/** What the bot answers: its slash commands, their commands, and the buttons on its messages. */
export interface Registry {
  slash: readonly SlashSpec[];
  commands: readonly Command[];
  buttons: readonly Button[];
}

export const REGISTRY: Registry = {
  slash: [cwSlash, dbadviceSlash],
  commands: COMMANDS,
  buttons: [...METRICS_BUTTONS, ...ALARM_BUTTONS],
};

/** The slash command names, as the Slack app manifest declares them. */
export function slashCommandNames(registry: Registry = REGISTRY): string[] {
  return registry.slash.map((s) => s.name);
}
