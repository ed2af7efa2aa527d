import { defineCommand, reachOf } from '../../command.ts';
import { resolveScope, scopeExample } from '../../scope.ts';
import { workingMessage } from '../../working-message.ts';
import { alarmsHelp } from './help.ts';
import { ALARMS_USAGE, listAlarms, parseAlarmList } from './list-alarms.ts';

/** `/cw alarms`: what is firing (or in any state), with the reason and a console link. */
export const alarmsCommand = defineCommand({
  path: ['/cw', 'alarms'],
  aliases: { alarms: ['alarm'] },
  summary: 'what is firing, with the reason and a console link',
  usage: ALARMS_USAGE,
  examples: ['/cw alarms', '/cw alarms all orders-', '/cw alarms ok checkout --share', '/cw alarms all --account prod'],
  needs: ['alarms'],
  ack: { needs: ['alarms'] },
  help: { title: '/cw alarms: what is firing', blocks: alarmsHelp },
  plan(request, settings) {
    const parsed = parseAlarmList(request.args);
    const scope = resolveScope(parsed.scope ?? {}, reachOf(settings), request.scopeLimit, {
      command: '/cw alarms',
      example: scopeExample('/cw alarms', request.args),
    });
    const query = scope.account ? { ...parsed, account: scope.account } : parsed;
    return {
      kind: 'work',
      scope,
      mayAnswerInAck: true,
      working: workingMessage(query.share ?? false, 'Listing alarms…'),
      run: (deps, context) => listAlarms(deps, query, context?.signal),
    };
  },
});
