/**
 * Reads a CloudWatch dashboard body (the JSON string GetDashboard returns) into the widgets the bot
 * can show. Structure: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 * (`widgets[]` of `type` metric, text, log, alarm, explorer, custom, each with `x`, `y` and `properties`).
 * A body is someone's JSON: nothing here throws, and what cannot be read is said as a problem.
 * Titles and names become labels (bold, a file's title, a list line), so each is one line here.
 */

export type DashboardWidget =
  | { kind: 'metric'; title: string | undefined; properties: Readonly<Record<string, unknown>> }
  | { kind: 'text'; markdown: string }
  | { kind: 'alarm'; title: string | undefined; alarmNames: string[] }
  | {
      kind: 'log';
      title: string | undefined;
      /** The log groups its query's `SOURCE` clauses name; empty when it names none. */
      logGroups: string[];
      /** The query after its `SOURCE` clauses, on one line. */
      query: string;
      /** The widget's own `region`, when it names one. */
      region?: string;
    }
  | { kind: 'other'; type: string; title: string | undefined; why: string };

export type ParsedBody = { ok: true; widgets: DashboardWidget[] } | { ok: false; problem: string };

/** CloudWatch's own ceiling: a body holds at most 500 widgets. More is not a body it wrote. */
const MAX_WIDGETS = 500;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string as a one-line label: any run of whitespace (newlines, tabs) is one space; blank is none. */
export function label(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const line = value.replace(/\s+/g, ' ').trim();
  return line === '' ? undefined : line;
}

function place(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER;
}

/** An alarm ARN (`arn:aws:cloudwatch:<region>:<account>:alarm:<name>`) to its name; a bare name as it is. */
export function alarmNameOf(arn: string): string {
  const at = arn.indexOf(':alarm:');
  return at >= 0 ? arn.slice(at + ':alarm:'.length) : arn;
}

/** `SOURCE 'group' | SOURCE "other" | fields …`: the groups named up front, and the query that follows. */
export function splitLogQuery(raw: string): { logGroups: string[]; query: string } {
  const logGroups: string[] = [];
  let rest = raw;
  for (;;) {
    const m = /^\s*SOURCE\s+(['"])([^'"]+)\1\s*(?:\||$)/i.exec(rest);
    if (!m) break;
    logGroups.push((m[2] ?? '').trim());
    rest = rest.slice(m[0].length);
  }
  // A widget's query is lines joined with a newline before each `|` (the console's and CDK's form):
  // one space in place of each line break keeps its meaning and makes it one `/cw logs query` line.
  return { logGroups: logGroups.filter((g) => g !== ''), query: rest.replace(/\s+/g, ' ').trim() };
}

function readWidget(raw: unknown): DashboardWidget {
  if (!isObject(raw)) return { kind: 'other', type: 'unknown', title: undefined, why: 'it is not a widget object' };
  const type = label(raw.type) ?? 'unknown';
  const properties = isObject(raw.properties) ? raw.properties : {};
  const title = label(properties.title);
  switch (type) {
    case 'metric': {
      const metrics = properties.metrics;
      if (!Array.isArray(metrics) || !metrics.some((row) => Array.isArray(row) && row.length > 0)) {
        const onAlarm = isObject(properties.annotations) && Array.isArray(properties.annotations.alarms);
        return {
          kind: 'other',
          type,
          title,
          why: onAlarm ? 'it graphs an alarm (open the alarm with `/cw alarms`)' : 'it names no metrics',
        };
      }
      return { kind: 'metric', title, properties };
    }
    case 'text':
      return { kind: 'text', markdown: typeof properties.markdown === 'string' ? properties.markdown : '' };
    case 'alarm': {
      const alarms = Array.isArray(properties.alarms) ? properties.alarms : [];
      const alarmNames = alarms
        .map((a) => label(a))
        .filter((a): a is string => a !== undefined)
        .map(alarmNameOf);
      return { kind: 'alarm', title, alarmNames };
    }
    case 'log': {
      const query = typeof properties.query === 'string' ? properties.query : '';
      const region = label(properties.region);
      return { kind: 'log', title, ...splitLogQuery(query), ...(region ? { region } : {}) };
    }
    case 'explorer':
      return { kind: 'other', type, title, why: 'metrics explorer widgets are drawn only in the console' };
    case 'custom':
      return { kind: 'other', type, title, why: 'custom widgets run a Lambda function the bot does not call' };
    default:
      return { kind: 'other', type, title, why: 'the bot does not know this kind of widget' };
  }
}

/** The body's widgets in reading order (top to bottom, then left to right), or why it cannot be read. */
export function parseDashboardBody(body: string): ParsedBody {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, problem: 'its body is not valid JSON' };
  }
  if (!isObject(json)) return { ok: false, problem: 'its body is not a JSON object' };
  if (!Array.isArray(json.widgets)) return { ok: false, problem: 'its body has no `widgets` list' };
  if (json.widgets.length > MAX_WIDGETS) {
    return { ok: false, problem: `its body has ${json.widgets.length} widgets, more than CloudWatch's 500` };
  }
  const ordered = json.widgets
    .map((raw, i) => ({
      raw,
      i,
      y: place(isObject(raw) ? raw.y : undefined),
      x: place(isObject(raw) ? raw.x : undefined),
    }))
    .sort((a, b) => a.y - b.y || a.x - b.x || a.i - b.i);
  return { ok: true, widgets: ordered.map((w) => readWidget(w.raw)) };
}

/** How many widgets of each kind, in the order a reader meets the kinds: `3 metric, 1 text`. */
export function widgetCounts(widgets: readonly DashboardWidget[]): string {
  const counts = new Map<string, number>();
  for (const w of widgets) {
    const kind = w.kind === 'other' ? w.type : w.kind;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
}
