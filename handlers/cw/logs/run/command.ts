import { defineCommand } from '../../../command.ts';
import { workingMessage } from '../../../working-message.ts';
import { LOGS_RUN_USAGE, parseSavedQueryRun } from '../parse-logs.ts';
import { runSavedQuery } from '../run-logs.ts';
import { shared } from '../shared.ts';

/** `/cw logs run <name>`: a saved Logs Insights query, by its name. */
export const logsRunCommand = defineCommand({
  path: ['/cw', 'logs', 'run'],
  aliases: { logs: ['log'] },
  summary: 'runs a saved query by its name',
  usage: LOGS_RUN_USAGE,
  examples: ['/cw logs run checkout errors --since 3h'],
  needs: ['logs', 'files'],
  ack: false,
  plan(request) {
    const saved = parseSavedQueryRun(request.rest);
    return {
      kind: 'work',
      mayAnswerInAck: false,
      working: workingMessage(saved.share ?? false, `Running the saved query ${saved.name}…`),
      run: async (deps, context) => shared(saved.share, await runSavedQuery(deps, saved, context ?? {})),
    };
  },
});
