import type { AlarmChange } from './alarm-change.ts';
import { graphSource } from './alarm-graph.ts';

/**
 * Which channel an alarm goes to. Routes are tried in order and the first whose every condition
 * holds wins; a condition given as a list holds when any item does. No match → the default channel.
 */
export interface RouteMatch {
  /** Globs: `*` is any run of characters, `?` one character; case-sensitive like alarm names. */
  alarmName?: string[];
  account?: string[];
  region?: string[];
  /** Holds when any of the alarm's metrics is in one of these namespaces (composite alarms have none). */
  namespace?: string[];
}

export interface AlarmRoute {
  name: string;
  match: RouteMatch;
  channel: string;
  /** A user group id (`S…`), mentioned on ALARM only. */
  mention?: string;
  /** Log groups (names or `prefix*`) the "Logs around this time" button queries. */
  logGroups: string[];
}

export interface AlarmRouting {
  defaultChannel: string;
  routes: AlarmRoute[];
}

export interface RouteDecision {
  channel: string;
  mention?: string;
  logGroups: string[];
  /** `undefined` when no route matched and the default channel was used. */
  routeName?: string;
}

export class AlarmRoutesError extends Error {
  override name = 'AlarmRoutesError';
  readonly problems: string[];
  constructor(source: string, problems: string[]) {
    super(`${source} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

const CHANNEL_ID = /^[CG][A-Z0-9]{6,}$/;
const USER_GROUP_ID = /^S[A-Z0-9]{6,}$/;
const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ROUTE_KEYS = ['name', 'match', 'channel', 'mention', 'logGroups'];
const MATCH_KEYS = ['alarmName', 'account', 'region', 'namespace'] as const;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function stringList(value: unknown, path: string, problems: string[], check?: (s: string) => string | undefined) {
  const items = typeof value === 'string' || typeof value === 'number' ? [String(value)] : value;
  if (!Array.isArray(items) || items.length === 0) {
    problems.push(`${path} must be a string or a non-empty list of strings`);
    return [];
  }
  return items.flatMap((item, i) => {
    if (typeof item !== 'string' || item === '') {
      problems.push(`${path}[${i}] must be a non-empty string, not ${JSON.stringify(item)}`);
      return [];
    }
    const problem = check?.(item);
    if (problem) problems.push(`${path}[${i}] ${problem}`);
    return [item];
  });
}

const channelProblem = (value: unknown) =>
  typeof value === 'string' && CHANNEL_ID.test(value)
    ? undefined
    : `must be a Slack channel id like C0123ABCD (names change, ids do not), not ${JSON.stringify(value)}`;

function validateRoute(raw: unknown, path: string, problems: string[]): AlarmRoute | undefined {
  if (!isObject(raw)) {
    problems.push(`${path} must be a mapping with name, match and channel`);
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!ROUTE_KEYS.includes(key)) problems.push(`${path}.${key} is not a route field (${ROUTE_KEYS.join(', ')})`);
  }
  const name = typeof raw.name === 'string' && raw.name !== '' ? raw.name : undefined;
  if (!name) problems.push(`${path}.name is missing`);
  const channel = channelProblem(raw.channel);
  if (channel) problems.push(`${path}.channel ${channel}`);
  if (raw.mention !== undefined && !(typeof raw.mention === 'string' && USER_GROUP_ID.test(raw.mention))) {
    problems.push(`${path}.mention must be a user group id like S0123ABCD, not ${JSON.stringify(raw.mention)}`);
  }
  const logGroups = raw.logGroups === undefined ? [] : stringList(raw.logGroups, `${path}.logGroups`, problems);
  const match: RouteMatch = {};
  if (!isObject(raw.match) || Object.keys(raw.match).length === 0) {
    problems.push(
      `${path}.match must name at least one of ${MATCH_KEYS.join(', ')} (unmatched alarms use the default)`,
    );
  } else {
    for (const key of Object.keys(raw.match)) {
      if (!(MATCH_KEYS as readonly string[]).includes(key)) {
        problems.push(`${path}.match.${key} is not a condition (${MATCH_KEYS.join(', ')})`);
      }
    }
    const conditions = raw.match;
    const checks = {
      alarmName: undefined,
      account: (s: string) => (ACCOUNT_ID.test(s) ? undefined : 'must be a 12-digit account id'),
      region: (s: string) => (REGION.test(s) ? undefined : 'must be a region like eu-west-1'),
      namespace: undefined,
    };
    for (const key of MATCH_KEYS) {
      if (conditions[key] !== undefined) {
        match[key] = stringList(conditions[key], `${path}.match.${key}`, problems, checks[key]);
      }
    }
  }
  if (!name || channel) return undefined;
  return {
    name,
    match,
    channel: String(raw.channel),
    mention: typeof raw.mention === 'string' ? raw.mention : undefined,
    logGroups,
  };
}

/**
 * Checks a parsed routing file. Every problem is reported at once, each with its path
 * (`routes[2].channel …`), so one run shows everything to fix.
 */
export function validateAlarmRouting(raw: unknown, source: string, defaultChannel?: string): AlarmRouting {
  const { value, problems } = checkAlarmRouting(raw, defaultChannel);
  if (!value) throw new AlarmRoutesError(source, problems);
  return value;
}

/**
 * The routing file's content as the config reader checks it (infra/config-file.ts). `defaultChannel`
 * (`ALARM_DEFAULT_CHANNEL`) wins over the file's own.
 */
export function alarmRoutingSchema(defaultChannel?: string) {
  return { what: 'alarm routing file', validate: (raw: unknown) => checkAlarmRouting(raw, defaultChannel) };
}

/** Every problem of a parsed routing document, and the routing when there are none. */
export function checkAlarmRouting(
  raw: unknown,
  defaultChannel?: string,
): { value?: AlarmRouting | undefined; problems: string[] } {
  const problems: string[] = [];
  const doc = isObject(raw) ? raw : {};
  if (!isObject(raw)) problems.push('the file must be a mapping with a `routes` list');
  for (const key of Object.keys(doc)) {
    if (key !== 'routes' && key !== 'defaultChannel')
      problems.push(`${key} is not a top-level field (routes, defaultChannel)`);
  }
  const fallback = defaultChannel || doc.defaultChannel;
  const fallbackProblem = channelProblem(fallback);
  if (fallback === undefined) {
    problems.push('no default channel: set ALARM_DEFAULT_CHANNEL or `defaultChannel` in the file');
  } else if (fallbackProblem) {
    problems.push(`default channel ${fallbackProblem}`);
  }
  const list = doc.routes ?? [];
  if (!Array.isArray(list)) problems.push('routes must be a list');
  const routes = (Array.isArray(list) ? list : []).flatMap((r, i) => validateRoute(r, `routes[${i}]`, problems) ?? []);
  const seen = new Set<string>();
  for (const route of routes) {
    if (seen.has(route.name)) problems.push(`route name "${route.name}" is used twice`);
    seen.add(route.name);
  }
  if (problems.length > 0) return { problems };
  return { value: { defaultChannel: String(fallback), routes }, problems };
}

export function globMatches(pattern: string, text: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, 'su').test(text);
}

function routeMatches(match: RouteMatch, change: AlarmChange): boolean {
  const namespaces = graphSource(change).metrics.map((m) => m.namespace);
  return (
    (!match.alarmName || match.alarmName.some((p) => globMatches(p, change.alarmName))) &&
    (!match.account || match.account.includes(change.account)) &&
    (!match.region || match.region.includes(change.region)) &&
    (!match.namespace || match.namespace.some((n) => namespaces.includes(n)))
  );
}

export function routeAlarm(routing: AlarmRouting, change: AlarmChange): RouteDecision {
  const route = routing.routes.find((r) => routeMatches(r.match, change));
  if (!route) return { channel: routing.defaultChannel, logGroups: [] };
  return { channel: route.channel, mention: route.mention, logGroups: route.logGroups, routeName: route.name };
}
