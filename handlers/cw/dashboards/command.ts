import { defineCommand } from '../../command.ts';
import { withUsage } from '../../port-errors.ts';
import { workingMessage } from '../../working-message.ts';
import { dashboardsHelp } from './help.ts';
import { DASHBOARDS_USAGE, parseDashboardList } from './parse-dashboards.ts';
import { renderDashboards } from './render-dashboards.ts';

/** `/cw dashboards`: the account's CloudWatch dashboards, with console links. */
export const dashboardsCommand = defineCommand({
  path: ['/cw', 'dashboards'],
  summary: "the account's dashboards, with console links",
  usage: DASHBOARDS_USAGE,
  examples: ['/cw dashboards', '/cw dashboards prod-checkout --share'],
  needs: ['dashboards'],
  // One ListDashboards page holds 1,000 dashboards: it fits in the ack.
  ack: { needs: ['dashboards'] },
  help: dashboardsHelp,
  plan(request) {
    const query = parseDashboardList(request.args);
    return {
      kind: 'work',
      mayAnswerInAck: true,
      working: workingMessage(query.share, 'Listing dashboards…'),
      async run(deps, context) {
        const listed = await deps.dashboards
          .listDashboards(
            query.namePrefix ? { namePrefix: query.namePrefix } : {},
            context?.signal ? { signal: context.signal } : {},
          )
          // A prefix CloudWatch refuses is the user's to fix: say it with the usage.
          .catch((error: unknown) => {
            throw withUsage(error, DASHBOARDS_USAGE);
          });
        return renderDashboards(listed, query, deps);
      },
    };
  },
});
