import { UserInputError } from '../../errors.ts';
import { failureReason, type ReportError } from '../../failure-note.ts';
import { DashboardNotFoundError, withUsage } from '../../port-errors.ts';
import type {
  AlarmState,
  AlarmsPort,
  DashboardPort,
  DashboardsPort,
  FilesPort,
  ThreadStart,
  WidgetImagePort,
} from '../../ports.ts';
import { inlineCode, type SlackMessage, safeMessage, truncate } from '../../slack-message.ts';
import { closestWords } from '../../suggest-word.ts';
import { dashboardConsoleUrl } from '../dashboards/render-dashboards.ts';
import type { LogsPolicy } from '../logs/run-logs.ts';
import { type DashboardWidget, parseDashboardBody } from './dashboard-body.ts';
import { DASHBOARD_USAGE, type DashboardQuery } from './parse-dashboard.ts';
import { type GraphOutcome, renderDashboard, renderThreadHead, renderUnreadable } from './render-dashboard.ts';

export interface DashboardDeps {
  dashboard: DashboardPort;
  dashboards: DashboardsPort;
  widgetImages: WidgetImagePort;
  alarms: AlarmsPort;
  files?: FilesPort;
  region: string;
  now: () => Date;
  logsPolicy: LogsPolicy;
  reportError?: ReportError;
}

/** At most this many metric widgets are drawn; the rest are left to the console link. */
export const MAX_GRAPHS = 6;
/** The answer goes through the first this-many widgets in reading order, then points to the console. */
export const MAX_WIDGETS = 20;
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

type MetricWidget = Extract<DashboardWidget, { kind: 'metric' }>;

/**
 * Posts the summary in the channel, then each graph into its thread (files.uploadV2's `thread_ts`).
 * Where the files port only saves to disk (`npm start`) there is no thread to make: the graphs are
 * saved one by one.
 */
async function postGraphs(
  deps: DashboardDeps & { files: FilesPort },
  channelId: string,
  head: ThreadStart,
  widgets: readonly MetricWidget[],
  range: { start: Date; end: Date },
  signal: AbortSignal | undefined,
): Promise<GraphOutcome> {
  const graphs: GraphOutcome = { posted: 0, failures: [], savedLocally: false };
  let threadTs: string | undefined;
  if (deps.files.postMessage) {
    try {
      threadTs = (await deps.files.postMessage(head)).ts;
    } catch (error) {
      return {
        ...graphs,
        notPosted: `the summary they go under could not be posted: ${failureReason(error, deps.reportError)}`,
      };
    }
  }
  for (const [i, widget] of widgets.entries()) {
    if (signal?.aborted) break;
    const title = widget.title ?? `Metric widget ${i + 1}`;
    try {
      const png = await deps.widgetImages.getWidgetImage(
        { properties: widget.properties, ...range, ...SIZE },
        signal ? { signal } : {},
      );
      const upload = await deps.files.upload({
        channelId,
        filename: `dashboard-widget-${i + 1}.png`,
        title: truncate(title, 200),
        content: png,
        altText: truncate(`Graph of ${title}`, 1000),
        ...(threadTs ? { threadTs } : {}),
      });
      if (graphs.posted === 0 && upload.location) graphs.location = upload.location;
      graphs.savedLocally ||= upload.savedLocally === true;
      graphs.posted++;
    } catch (error) {
      graphs.failures.push({ title, reason: failureReason(error, deps.reportError) });
    }
  }
  return graphs;
}

/**
 * `/cw dashboard <name>`: reads the dashboard, posts its summary in the channel and, in that
 * message's thread, its first {@link MAX_GRAPHS} metric widgets drawn (each its own definition over
 * the chosen range), and answers with the summary, its text and alarm widgets and what it did not
 * draw, over its first {@link MAX_WIDGETS} widgets.
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
  const range = { start: new Date(end.getTime() - query.sinceSeconds * 1000), end };
  const shown = parsed.widgets.slice(0, MAX_WIDGETS);
  const states = await alarmStates(deps, shown, signal);
  const drawn = shown.filter((w): w is MetricWidget => w.kind === 'metric').slice(0, MAX_GRAPHS);
  let graphs: GraphOutcome = { posted: 0, failures: [], savedLocally: false };
  if (drawn.length > 0) {
    const { files } = deps;
    graphs =
      files && context.channelId
        ? await postGraphs(
            { ...deps, files },
            context.channelId,
            // Posted by the bot itself, not through the answer's guard: the same guard here.
            {
              channelId: context.channelId,
              ...safeMessage(renderThreadHead(definition.name, url, parsed.widgets, query)),
            },
            drawn,
            range,
            context.signal,
          )
        : { ...graphs, notPosted: 'there is no channel to post them to' };
  }
  return renderDashboard({
    name: definition.name,
    url,
    widgets: parsed.widgets,
    maxWidgets: MAX_WIDGETS,
    states,
    graphs,
    maxGraphs: MAX_GRAPHS,
    query,
    logs: { region: deps.region, policy: deps.logsPolicy },
  });
}
