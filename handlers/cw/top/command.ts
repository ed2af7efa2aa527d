import { defineCommand } from '../../command.ts';
import { workingMessage } from '../../working-message.ts';
import { topHelp } from './help.ts';
import { parseTopArgs, TOP_USAGE } from './parse-top.ts';
import { renderTop } from './render-top.ts';
import { runTop } from './run-top.ts';

/** `/cw top`: the resources highest on a metric, by one Metrics Insights query. */
export const topCommand = defineCommand({
  path: ['/cw', 'top'],
  summary: 'which resources are highest on a metric (Metrics Insights), with sparklines and Graph buttons',
  usage: TOP_USAGE,
  examples: [
    '/cw top ec2 cpu',
    '/cw top rds connections',
    '/cw top lambda errors --since 3h',
    '/cw top AWS/ApplicationELB HTTPCode_Target_5XX_Count by LoadBalancer --stat Sum',
  ],
  needs: ['metrics'],
  ack: { needs: ['metrics'] },
  help: { title: '/cw top: the highest resources on a metric', blocks: topHelp },
  plan(request) {
    const query = parseTopArgs(request.args);
    return {
      kind: 'work',
      mayAnswerInAck: true,
      working: workingMessage(query.share, 'Ranking with Metrics Insights…'),
      run: async (deps, context) =>
        renderTop(await runTop(deps, query, context?.signal ? { signal: context.signal } : {})),
    };
  },
});
