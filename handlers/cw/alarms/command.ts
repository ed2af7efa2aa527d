import { defineCommand } from '../../command.ts';
import { workingMessage } from '../../working-message.ts';
import { alarmsHelp } from './help.ts';
import { ALARMS_USAGE, listAlarms, parseAlarmList } from './list-alarms.ts';

/** `/cw alarms`: what is firing (or in any state), with the reason and a console link. */
export const alarmsCommand = defineCommand({
  path: ['/cw', 'alarms'],
  aliases: { alarms: ['alarm'] },
  summary: 'what is firing, with the reason and a console link',
  usage: ALARMS_USAGE,
  examples: ['/cw alarms', '/cw alarms all orders-', '/cw alarms ok checkout --share'],
  needs: ['alarms'],
  ack: { needs: ['alarms'] },
  help: { title: '/cw alarms: what is firing', blocks: alarmsHelp },
  plan(request) {
    const query = parseAlarmList(request.args);
    return {
      kind: 'work',
      mayAnswerInAck: true,
      working: workingMessage(query.share ?? false, 'Listing alarms…'),
      run: (deps, context) => listAlarms(deps, query, context?.signal),
    };
  },
});
