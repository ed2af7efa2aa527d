import { tokenize } from './command-text.ts';
import { CW_USAGE, renderCwHelp } from './cw/help.ts';
import { UserInputError } from './errors.ts';
import { parseMetricsArgs } from './metrics/parse-metrics.ts';
import { renderMetrics } from './metrics/render-metrics.ts';
import { type MetricsDeps, runMetrics } from './metrics/run-metrics.ts';
import type { SlackMessage } from './slack-message.ts';

/** A slash command as the bot needs it, whatever transport brought it. */
export interface CommandInput {
  command: string;
  text: string;
}

export interface CommandDeps extends MetricsDeps {
  /** Listed in `/cw help` when the demo data source is in use. */
  demoResources?: string;
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
      run: (deps: CommandDeps, signal?: AbortSignal) => Promise<SlackMessage>;
    };

/** Parses a command and plans it. Throws {@link UserInputError} for input it cannot use. */
export function planCommand(input: CommandInput, deps: Pick<CommandDeps, 'demoResources'>): CommandPlan {
  if (input.command !== '/cw') {
    throw new UserInputError(`I do not know \`${input.command}\`.`, CW_USAGE);
  }
  const [sub = '', ...rest] = tokenize(input.text);
  switch (sub.toLowerCase()) {
    case 'help':
      return { kind: 'reply', message: renderCwHelp(deps.demoResources) };
    case 'metrics':
    case 'metric': {
      const query = parseMetricsArgs(rest);
      return {
        kind: 'work',
        working: {
          response_type: query.share ? 'in_channel' : 'ephemeral',
          text: ':hourglass_flowing_sand: Fetching from CloudWatch…',
        },
        run: async (runDeps, signal) => renderMetrics(await runMetrics(runDeps, query, signal ? { signal } : {})),
      };
    }
    case '':
      throw new UserInputError('What should I look at? `/cw` needs a command.', CW_USAGE);
    default:
      throw new UserInputError(`\`${sub}\` is not a /cw command.`, CW_USAGE);
  }
}
