import { defineCommand, reachOf } from '../../command.ts';
import { resolveScope, scopeExample } from '../../scope.ts';
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
    '/cw top rds cpu --account staging --region eu-west-1',
  ],
  needs: ['metrics'],
  ack: { needs: ['metrics'] },
  help: { title: '/cw top: the highest resources on a metric', blocks: topHelp },
  plan(request, settings) {
    const parsed = parseTopArgs(request.args);
    // Decided before any call. In a monitoring account, no `--account` ranks every linked account.
    const scope = resolveScope(parsed.scope ?? {}, reachOf(settings), request.scopeLimit, {
      command: '/cw top',
      example: scopeExample('/cw top', request.args),
      acrossAccounts: true,
    });
    const query = {
      ...parsed,
      ...(scope.account ? { account: scope.account } : {}),
      ...(scope.acrossAccounts ? { acrossAccounts: true } : {}),
    };
    return {
      kind: 'work',
      scope,
      mayAnswerInAck: true,
      working: workingMessage(query.share, 'Ranking with Metrics Insights…'),
      run: async (deps, context) =>
        renderTop(await runTop(deps, query, context?.signal ? { signal: context.signal } : {})),
    };
  },
});
