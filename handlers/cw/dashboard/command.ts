import { defineCommand } from '../../command.ts';
import { workingMessage } from '../../working-message.ts';
import { dashboardsHelp } from '../dashboards/help.ts';
import { DASHBOARD_USAGE, parseDashboardArgs } from './parse-dashboard.ts';
import { runDashboard } from './run-dashboard.ts';

/** `/cw dashboard <name>`: one dashboard, its metric widgets drawn in a thread, in the worker. */
export const dashboardCommand = defineCommand({
  path: ['/cw', 'dashboard'],
  summary: 'one dashboard: its widgets, graphs of its metric widgets in a thread, text and alarm states',
  usage: DASHBOARD_USAGE,
  examples: ['/cw dashboard prod-checkout-api', '/cw dashboard prod-orders-db --since 1d --share'],
  needs: ['dashboard', 'dashboards', 'widgetImages', 'alarms', 'files'],
  // Several graphs never fit in the 3-second ack.
  ack: false,
  help: dashboardsHelp,
  plan(request) {
    const query = parseDashboardArgs(request.args);
    return {
      kind: 'work',
      mayAnswerInAck: false,
      working: workingMessage(query.share, 'Reading the dashboard and drawing its graphs…'),
      run: (deps, context) =>
        runDashboard(deps, query, {
          ...(context?.signal ? { signal: context.signal } : {}),
          ...(context?.channelId ? { channelId: context.channelId } : {}),
        }),
    };
  },
});
