import { defineCommand, reachOf } from '../../../command.ts';
import { resolveScope, scopeExample } from '../../../scope.ts';
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
  plan(request, settings) {
    const parsed = parseSavedQueryRun(request.rest);
    const scope = resolveScope(parsed.scope ?? {}, reachOf(settings), request.scopeLimit, {
      command: '/cw logs run',
      example: scopeExample('/cw logs run', [parsed.name]),
    });
    const saved = scope.account ? { ...parsed, account: scope.account } : parsed;
    return {
      kind: 'work',
      scope,
      mayAnswerInAck: false,
      working: workingMessage(saved.share ?? false, `Running the saved query ${saved.name}…`),
      run: async (deps, context) => shared(saved.share, await runSavedQuery(deps, saved, context ?? {})),
    };
  },
});
