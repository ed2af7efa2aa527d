import { defineCommand, reachOf } from '../../command.ts';
import { resolveScope, scopeExample } from '../../scope.ts';
import { workingMessage } from '../../working-message.ts';
import { runMetricsGraph } from './graph.ts';
import { metricsHelp } from './help.ts';
import { METRICS_USAGE, parseMetricsArgs } from './parse-metrics.ts';
import { renderMetrics } from './render-metrics.ts';
import { runMetrics } from './run-metrics.ts';

/** `/cw metrics`: a metric's recent values with a sparkline; `--graph` also posts a picture. */
export const metricsCommand = defineCommand({
  path: ['/cw', 'metrics'],
  aliases: { metrics: ['metric'] },
  summary: "a metric's recent values with a sparkline and a console link",
  usage: METRICS_USAGE,
  examples: [
    '/cw metrics rds cpu orders-db',
    '/cw metrics AWS/EC2 CPUUtilization InstanceId=i-0abc1234def567890 --since 3h',
    '/cw metrics lambda errors checkout-api --since 1d --graph',
    '/cw metrics rds cpu orders-db --account prod --region eu-west-1',
  ],
  needs: ['metrics', 'images', 'files'],
  ack: { needs: ['metrics'] },
  help: { title: '/cw metrics: CloudWatch metrics', blocks: metricsHelp },
  plan(request, settings) {
    const parsed = parseMetricsArgs(request.args);
    // Where it reads, decided here, before any call: refused in the ack when it may not read there.
    const scope = resolveScope(parsed.scope ?? {}, reachOf(settings), request.scopeLimit, {
      command: '/cw metrics',
      example: scopeExample('/cw metrics', request.args),
    });
    const { account } = scope;
    const query = account
      ? { ...parsed, account, series: parsed.series.map((s) => ({ ...s, accountId: account.id })) }
      : parsed;
    if (query.graph) {
      return {
        kind: 'work',
        scope,
        mayAnswerInAck: false,
        working: workingMessage(query.share, 'Fetching from CloudWatch and drawing the graph…'),
        run: (deps, context) =>
          runMetricsGraph(deps, query, {
            ...(context?.signal ? { signal: context.signal } : {}),
            ...(context?.channelId ? { channelId: context.channelId } : {}),
          }),
      };
    }
    return {
      kind: 'work',
      scope,
      mayAnswerInAck: true,
      working: workingMessage(query.share, 'Fetching from CloudWatch…'),
      run: async (deps, context) =>
        renderMetrics(await runMetrics(deps, query, context?.signal ? { signal: context.signal } : {})),
    };
  },
});
