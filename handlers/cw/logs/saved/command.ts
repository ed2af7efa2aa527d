import { defineCommand, reachOf } from '../../../command.ts';
import { resolveScope, scopeExample } from '../../../scope.ts';
import { workingMessage } from '../../../working-message.ts';
import { LOGS_USAGE, parseSavedList } from '../parse-logs.ts';
import { renderSavedQueries } from '../render-saved.ts';
import { shared } from '../shared.ts';

/** `/cw logs saved`: the account's saved Logs Insights queries. */
export const logsSavedCommand = defineCommand({
  path: ['/cw', 'logs', 'saved'],
  aliases: { logs: ['log'] },
  summary: "lists the account's saved queries",
  usage: LOGS_USAGE,
  examples: ['/cw logs saved'],
  needs: ['logs'],
  // DescribeQueryDefinitions is the worker's to call; the slack function's role reads metrics only.
  ack: false,
  plan(request, settings) {
    const { share, scope: typed } = parseSavedList(request.rest);
    // Saved queries live in the account the bot runs in: a Region may be named, an account not.
    const regions = request.scopeLimit?.regions;
    const scope = resolveScope(typed ?? {}, reachOf(settings), regions ? { regions } : undefined, {
      command: '/cw logs saved',
      example: scopeExample('/cw logs saved', []),
    });
    return {
      kind: 'work',
      scope: { region: scope.region },
      mayAnswerInAck: false,
      working: workingMessage(share, 'Listing saved queries…'),
      run: async (deps, context) =>
        shared(
          share,
          renderSavedQueries(await deps.logs.listSavedQueries(context?.signal ? { signal: context.signal } : {})),
        ),
    };
  },
});
