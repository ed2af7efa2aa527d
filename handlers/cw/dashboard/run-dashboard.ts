import { UserInputError } from '../../errors.ts';
import { failureReason, type ReportError } from '../../failure-note.ts';
import { DashboardNotFoundError, withUsage } from '../../port-errors.ts';
import type { AlarmState, AlarmsPort, DashboardPort, DashboardsPort, FilesPort, WidgetImagePort } from '../../ports.ts';
import { escapeText, inlineCode, type SlackMessage, truncate } from '../../slack-message.ts';
import { closestWords } from '../../suggest-word.ts';
import { dashboardConsoleUrl } from '../dashboards/render-dashboards.ts';
import { type DashboardWidget, parseDashboardBody, widgetCounts } from './dashboard-body.ts';
import { DASHBOARD_USAGE, type DashboardQuery } from './parse-dashboard.ts';
import { type GraphOutcome, renderDashboard, renderUnreadable } from './render-dashboard.ts';

export interface DashboardDeps {
  dashboard: DashboardPort;
  dashboards: DashboardsPort;
  widgetImages: WidgetImagePort;
  alarms: AlarmsPort;
  files?: FilesPort;
  region: string;
  now: () => Date;
  reportError?: ReportError;
}

/** At most this many metric widgets are drawn; the rest are left to the console link. */
export const MAX_GRAPHS = 6;
const SIZE = { width: 800, height: 400 };

/** The name the user meant, when it is not one: a close name from ListDashboards (best effort). */
async function notFound(deps: DashboardDeps, error: DashboardNotFoundError, signal: { signal?: AbortSignal }) {
  const names = await deps.dashboards
    .listDashboards({}, signal)
    .then((list) => list.map((d) => d.name))
    .catch(() => []);
  const close = closestWords(error.dashboard, names).slice(0, 3);
  const hint = close.length > 0 ? ` Did you mean ${close.map((n) => inlineCode(n)).join(' or ')}?` : '';
  return new UserInputError(`${error.message}${hint} \`/cw dashboards\` lists them.`, DASHBOARD_USAGE, {
    cause: error,
  });
}

async function alarmStates(
  deps: DashboardDeps,
  widgets: readonly DashboardWidget[],
  signal: { signal?: AbortSignal },
): Promise<Map<string, AlarmState> | string> {
  if (!widgets.some((w) => w.kind === 'alarm')) return new Map();
  try {
    const alarms = await deps.alarms.describeAlarms({}, signal);
    return new Map(alarms.map((a) => [a.name, a.state]));
  } catch (error) {
    return failureReason(error, deps.reportError);
  }
}

/**
 * `/cw dashboard <name>`: reads the dashboard, draws its first {@link MAX_GRAPHS} metric widgets
 * (each its own definition over the chosen range) and posts them in one thread, and answers with
 * the summary, its text and alarm widgets, and what it did not draw.
 */
export async function runDashboard(
  deps: DashboardDeps,
  query: DashboardQuery,
  context: { signal?: AbortSignal; channelId?: string } = {},
): Promise<SlackMessage> {
  const signal = context.signal ? { signal: context.signal } : {};
  const definition = await deps.dashboard.getDashboard(query.name, signal).catch(async (error: unknown) => {
    throw error instanceof DashboardNotFoundError
      ? await notFound(deps, error, signal)
      : withUsage(error, DASHBOARD_USAGE);
  });
  const url = dashboardConsoleUrl(deps.region, definition.name);
  const parsed = parseDashboardBody(definition.body);
  if (!parsed.ok) return renderUnreadable(definition.name, parsed.problem, url, query);

  const end = deps.now();
  const start = new Date(end.getTime() - query.sinceSeconds * 1000);
  const states = await alarmStates(deps, parsed.widgets, signal);
  const metricWidgets = parsed.widgets.filter((w) => w.kind === 'metric');
  const comment = `Dashboard *${escapeText(truncate(definition.name, 120))}*: ${escapeText(truncate(widgetCounts(parsed.widgets), 300))} · <${url}|Open in CloudWatch>`;
  const graphs: GraphOutcome = { posted: 0, failures: [], notThreaded: 0, savedLocally: false };
  if (metricWidgets.length > 0 && (!deps.files || !context.channelId)) graphs.noChannel = true;
  else if (deps.files && context.channelId) {
    let threadTs: string | undefined;
    const drawn = metricWidgets.slice(0, MAX_GRAPHS);
    for (const [i, widget] of drawn.entries()) {
      if (context.signal?.aborted) break;
      const title = widget.title ?? `Metric widget ${i + 1}`;
      // Replies need the first post's ts; without it (Slack fills `shares` late) the rest would
      // land in the channel one by one, so they are left to the console link.
      if (graphs.posted > 0 && !threadTs && !graphs.savedLocally) {
        graphs.notThreaded = drawn.length - i;
        break;
      }
      try {
        const png = await deps.widgetImages.getWidgetImage(
          { properties: widget.properties, start, end, ...SIZE },
          signal,
        );
        const upload = await deps.files.upload({
          channelId: context.channelId,
          filename: `dashboard-widget-${i + 1}.png`,
          title: truncate(title, 200),
          content: png,
          altText: truncate(`Graph of ${title}`, 1000),
          ...(graphs.posted === 0 ? { comment } : {}),
          ...(threadTs ? { threadTs } : {}),
        });
        if (graphs.posted === 0) {
          threadTs = upload.messageTs;
          if (upload.location) graphs.location = upload.location;
        }
        graphs.savedLocally ||= upload.savedLocally === true;
        graphs.posted++;
      } catch (error) {
        graphs.failures.push({ title, reason: failureReason(error, deps.reportError) });
      }
    }
  }
  return renderDashboard({
    name: definition.name,
    url,
    widgets: parsed.widgets,
    states,
    graphs,
    maxGraphs: MAX_GRAPHS,
    query,
  });
}
