import { defineCommand, reachOf } from '../../../command.ts';
import { resolveScope, scopeExample } from '../../../scope.ts';
import { workingMessage } from '../../../working-message.ts';
import { logsHelp } from '../help.ts';
import { LOGS_USAGE, parseLogsQuery, resolveRange } from '../parse-logs.ts';
import { assertAllowed, requestedGroups, runLogsQuery } from '../run-logs.ts';
import { shared } from '../shared.ts';

/** `/cw logs query`: a Logs Insights query over allowed log groups, in the worker. */
export const logsQueryCommand = defineCommand({
  path: ['/cw', 'logs', 'query'],
  aliases: { logs: ['log'] },
  summary: 'a Logs Insights query, with a table, the statistics and the cost',
  usage: LOGS_USAGE,
  examples: [
    '/cw logs query /aws/lambda/checkout-api --since 1h filter @message like /ERROR/ | sort @timestamp desc | limit 50',
    '/cw logs query /aws/lambda/checkout-api --account staging --since 30m',
  ],
  needs: ['logs', 'files'],
  ack: false,
  help: { title: '/cw logs: Logs Insights', blocks: logsHelp },
  plan(request, settings) {
    // The raw text: a Logs Insights query keeps its quotes, pipes and regexes.
    const parsed = parseLogsQuery(request.rest);
    const scope = resolveScope(parsed.scope ?? {}, reachOf(settings), request.scopeLimit, {
      command: '/cw logs query',
      example: scopeExample('/cw logs query', [parsed.logGroupNames.join(',')]),
    });
    const query = scope.account ? { ...parsed, account: scope.account } : parsed;
    // Refused groups (the command's and a SOURCE command's) and ranges are answered in the ack, before any AWS call.
    assertAllowed(requestedGroups(query), settings.logsPolicy);
    resolveRange(query.range, settings.now(), settings.logsPolicy.maxRangeSeconds);
    return {
      kind: 'work',
      scope,
      mayAnswerInAck: false,
      working: workingMessage(query.share ?? false, 'Running the Logs Insights query…'),
      run: async (deps, context) => shared(query.share, await runLogsQuery(deps, query, context ?? {})),
    };
  },
});
