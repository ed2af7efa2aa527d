import { defineCommand } from '../../../command.ts';
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
  plan(request) {
    const { share } = parseSavedList(request.rest);
    return {
      kind: 'work',
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
