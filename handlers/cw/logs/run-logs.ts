import { counted } from '../../count-words.ts';
import { NotAllowedError, UserInputError } from '../../errors.ts';
import { failureReason, type ReportError } from '../../failure-note.ts';
import { LogGroupNotFoundError, withUsage } from '../../port-errors.ts';
import type { FilesPort, LogsPort, QueryResults, QueryStatus } from '../../ports.ts';
import { sinceText } from '../../range-text.ts';
import { type Account, scopeText } from '../../scope.ts';
import { ephemeral, escapeMrkdwn, inlineCode, type SlackMessage } from '../../slack-message.ts';
import { closestWords } from '../../suggest-word.ts';
import { isAllowed, meantGroup, refusedGroups } from './allowlist.ts';
import { toCsv } from './csv.ts';
import { defaultQuery, LOGS_USAGE, type LogsQuery, MAX_GROUPS, resolveRange, type TimeRange } from './parse-logs.ts';
import { type QueryScope, readQueryScope } from './query-scope.ts';
import { renderLogsResults, renderProgress, showsEverything, visibleFields } from './render-logs.ts';

export interface LogsPolicy {
  /** `LOG_GROUPS_ALLOWED`: names, or prefixes ending in `*`. */
  allowed: string[];
  maxRangeSeconds: number;
  /** USD per GB scanned, for the cost line. */
  pricePerGb: number;
}

export interface LogsDeps {
  logs: LogsPort;
  /** For the console link. */
  region: string;
  files?: FilesPort;
  logsPolicy: LogsPolicy;
  now: () => Date;
  /** Waits between polls; tests pass one that does not really wait. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Where the scope a query really read is logged (structured; log group names, no secrets). */
export interface ScopeLogger {
  info(message: string, ...extra: Record<string, unknown>[]): void;
  warn(message: string, ...extra: Record<string, unknown>[]): void;
}

/**
 * What a run may also use: the reporter of a failed CSV and the logger (the command's deps carry
 * them at run time, from the runtime).
 */
export type LogsRunDeps = LogsDeps & { reportError?: ReportError; logger?: ScopeLogger };

export interface LogsRunContext {
  signal?: AbortSignal;
  channelId?: string;
  progress?: (message: SlackMessage) => Promise<void>;
}

/**
 * Seconds between GetQueryResults polls: quick at first (most chat-sized queries finish in a few
 * seconds), then every 5 s so a long query costs few calls.
 */
const POLL_DELAYS_MS = [500, 1000, 1000, 2000, 2000, 3000];
const POLL_DELAY_MAX_MS = 5000;
/** Progress replaces the message at most this often, to stay within response_url's five uses. */
const PROGRESS_EVERY_MS = 10_000;

export function pollDelayMs(attempt: number): number {
  return POLL_DELAYS_MS[attempt] ?? POLL_DELAY_MAX_MS;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

const STATUS_MESSAGES: Record<Exclude<QueryStatus, 'Complete' | 'Scheduled' | 'Running'>, string> = {
  Failed: ':x: Logs Insights reports the query *failed*. Check the query, or try a smaller range.',
  Cancelled: ':no_entry_sign: The query was *cancelled* (someone or something stopped it in CloudWatch).',
  Timeout:
    ':hourglass: Logs Insights *timed out* the query (its limit is 60 minutes). Narrow the range or the log groups.',
  Unknown: ':grey_question: Logs Insights reports the query status as *Unknown*. Try again.',
};

/** Refuses, before any AWS call, groups the allowlist does not name. */
export function assertAllowed(groups: string[], policy: LogsPolicy): void {
  if (policy.allowed.length === 0) {
    throw new NotAllowedError('No log groups may be queried here: the bot has no `LOG_GROUPS_ALLOWED` list.');
  }
  if (groups.length === 0)
    throw new UserInputError('Which log group? Name one or more, separated by commas.', LOGS_USAGE);
  const refused = refusedGroups(groups, policy.allowed);
  if (refused.length > 0) {
    const meant = refused.flatMap((g) => meantGroup(g, policy.allowed) ?? []);
    const hint = meant.length > 0 ? ` Did you mean ${meant.map((g) => `\`${g}\``).join(', ')}?` : '';
    throw new NotAllowedError(
      `I may not read ${refused.map((g) => `\`${g}\``).join(', ')}.${hint} Allowed: ${policy.allowed.map((p) => `\`${p}\``).join(', ')}.`,
    );
  }
}

/**
 * Runs a Logs Insights query to its end: start, poll with backoff, show progress, render or explain.
 * What the data source refuses as written comes back as bad input with the logs usage.
 */
export async function runLogsQuery(
  deps: LogsRunDeps,
  query: LogsQuery,
  run: LogsRunContext,
  title = 'Logs Insights',
): Promise<SlackMessage> {
  return runQuery(deps, query, run, title).catch((error: unknown) => {
    throw withUsage(error, LOGS_USAGE);
  });
}

async function runQuery(
  deps: LogsRunDeps,
  query: LogsQuery,
  run: LogsRunContext,
  title: string,
): Promise<SlackMessage> {
  // The query text's own choice of groups (a leading SOURCE) joins the command's, checked alike.
  const scope = readQueryScope(query.queryString);
  assertAllowed(requestedGroups(query), deps.logsPolicy);
  const { start, end, notes } = resolveRange(query.range, deps.now(), deps.logsPolicy.maxRangeSeconds);
  const sleep = deps.sleep ?? defaultSleep;
  const signalOption = run.signal ? { signal: run.signal } : {};
  // A linked account's groups: listed there (DescribeLogGroups' accountIdentifiers), queried by ARN.
  const inAccount = query.account ? { accountId: query.account.id } : {};
  const logGroupNames = await expandPrefixes(deps, query.logGroupNames, scope, { ...signalOption, ...inAccount });
  if (typeof logGroupNames === 'string') return ephemeral(logGroupNames);
  // The last wall in the bot (IAM is the next): only allowed names, never none, leave in StartQuery.
  assertScope(logGroupNames, deps.logsPolicy);
  // A prefix may name several groups: the default query then shows which group each row is from.
  const queryString =
    query.defaultQuery || scope.queryString === ''
      ? defaultQuery(query.limit, logGroupNames.length)
      : scope.queryString;
  const queryId = await deps.logs
    .startQuery(
      {
        logGroupNames,
        start,
        end,
        queryString,
        ...(query.limit ? { limit: query.limit } : {}),
        ...inAccount,
      },
      signalOption,
    )
    .catch(async (error: unknown) => {
      if (error instanceof LogGroupNotFoundError)
        throw await withSuggestion(deps, error, logGroupNames, { ...signalOption, ...inAccount });
      throw error;
    });
  const clock = () => deps.now().getTime();
  const startedAt = clock();
  let lastProgress = startedAt;
  let results: QueryResults | undefined;
  try {
    for (let attempt = 0; ; attempt++) {
      await sleep(pollDelayMs(attempt), run.signal);
      results = await deps.logs.getQueryResults(queryId, signalOption);
      if (results.status !== 'Scheduled' && results.status !== 'Running') break;
      if (run.progress && clock() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = clock();
        await run.progress(renderProgress(title, lastProgress - startedAt, results.statistics));
      }
    }
  } catch (error) {
    if (!run.signal?.aborted) throw error;
    // The time budget ran out: stop the query so it is not billed for scanning nobody will read.
    await deps.logs.stopQuery(queryId).catch(() => undefined);
    return ephemeral(
      `:hourglass: The query ran ${Math.round((clock() - startedAt) / 1000)} s, longer than I can wait, so I stopped it. Narrow the time range or the log groups and try again.`,
    );
  }
  await confirmScope(deps, queryId, logGroupNames, signalOption);
  if (results.status !== 'Complete') return ephemeral(STATUS_MESSAGES[results.status]);

  const { sinceSeconds } = query.range;
  const answer = {
    // Where the rows came from, when it is not simply this account and Region.
    title:
      query.account || query.scope?.region
        ? `${title} · ${scopeText({ region: deps.region, ...accountOf(query) })}`
        : title,
    groups: logGroupNames,
    ...accountOf(query),
    start,
    end,
    ...(query.range.from || sinceSeconds === undefined
      ? {}
      : { since: sinceText(sinceSeconds, query.range.sinceText) }),
    queryString,
    ...(query.limit ? { limit: query.limit } : {}),
    ...(notes ? { notes } : {}),
    region: deps.region,
    results,
    pricePerGb: deps.logsPolicy.pricePerGb,
  };
  if (showsEverything(results, logGroupNames, { start, end })) return renderLogsResults(answer);
  // The CSV has every column and every character, @log included.
  return renderLogsResults({ ...answer, csvNote: await uploadCsv(deps, run, visibleFields(results), results) });
}

async function uploadCsv(
  deps: LogsRunDeps,
  run: LogsRunContext,
  fields: string[],
  results: QueryResults,
): Promise<string> {
  if (!deps.files || !run.channelId) return 'The full result set could not be attached here.';
  try {
    const upload = await deps.files.upload({
      channelId: run.channelId,
      filename: `logs-insights-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`,
      title: `Logs Insights results (${counted(results.rows.length, 'row')})`,
      content: toCsv(fields, results.rows),
    });
    return upload.location
      ? `All ${results.rows.length} are in the CSV: ${escapeMrkdwn(upload.location)}`
      : `All ${results.rows.length} are in the CSV posted to this channel.`;
  } catch (error) {
    return `The CSV with all rows could not be posted: ${failureReason(error, deps.reportError)}.`;
  }
}

/** How many groups under the same path a typo is compared with (DescribeLogGroups pages hold 50). */
const SUGGEST_FROM = 500;

/**
 * "Does not exist", with the group a typo away when there is one: the data source's groups under
 * the same path (`/aws/lambda/`) that the allowlist lets this bot read, compared as the allowlist's
 * refusals compare them.
 */
async function withSuggestion(
  deps: LogsDeps,
  error: LogGroupNotFoundError,
  requested: string[],
  options: { signal?: AbortSignal; accountId?: string },
): Promise<Error> {
  const missing = error.groups.length > 0 ? error.groups : requested;
  const meant: string[] = [];
  for (const group of missing) {
    const parent = group.slice(0, group.lastIndexOf('/') + 1);
    const existing = await deps.logs.listLogGroups(parent, SUGGEST_FROM, options).catch(() => []);
    const readable = existing.filter((g) => isAllowed(g, deps.logsPolicy.allowed) && !requested.includes(g));
    const close = meantGroup(group, readable);
    if (close) meant.push(close);
  }
  if (meant.length === 0) return error;
  return new UserInputError(
    `${error.message} Did you mean ${meant.map((g) => inlineCode(g)).join(', ')}?`,
    LOGS_USAGE,
    { cause: error },
  );
}

/** The names and `prefix*`es a query reads: the command's and its SOURCE command's. */
export function requestedGroups(query: Pick<LogsQuery, 'logGroupNames' | 'queryString'>): string[] {
  const { prefixes } = readQueryScope(query.queryString);
  return [...new Set([...query.logGroupNames, ...prefixes.map((p) => `${p}*`)])];
}

/** Refuses a StartQuery whose names are not all allowed, or that names none (then the text would choose). */
function assertScope(names: string[], policy: LogsPolicy): void {
  const outside = names.filter((name) => name.endsWith('*') || !isAllowed(name, policy.allowed));
  if (names.length === 0 || outside.length > 0 || policy.allowed.length === 0) {
    throw new NotAllowedError(
      `I may not read ${outside.map((g) => inlineCode(g)).join(', ') || 'that'}. Allowed: ${policy.allowed.map((p) => inlineCode(p)).join(', ')}.`,
    );
  }
}

/** `arn:aws:logs:region:account:log-group:NAME[:*]` or a bare name, as ListLogGroupsForQuery returns them. */
function groupName(identifier: string): { name: string; account?: string } {
  const arn = /^arn:[^:]+:logs:[^:]*:(\d*):log-group:(.+?)(?::\*)?$/.exec(identifier);
  return arn ? { name: arn[2] ?? identifier, ...(arn[1] ? { account: arn[1] } : {}) } : { name: identifier };
}

/**
 * Logs what Logs Insights says it really read (ListLogGroupsForQuery), beside what was asked, and
 * warns when it read a group outside the allowlist or the request. It only logs: the answer is not held up.
 */
async function confirmScope(
  deps: LogsRunDeps,
  queryId: string,
  requested: string[],
  options: { signal?: AbortSignal },
): Promise<void> {
  if (!deps.logger) return;
  try {
    const scanned = (await deps.logs.listQueryLogGroups(queryId, options)).map(groupName);
    const outside = scanned.filter((g) => !isAllowed(g.name, deps.logsPolicy.allowed) || !requested.includes(g.name));
    const fields = {
      queryId,
      requestedGroups: requested,
      scannedGroups: scanned.map((g) => g.name),
      otherAccounts: [...new Set(scanned.flatMap((g) => g.account ?? []))].length,
    };
    if (outside.length > 0)
      deps.logger.warn('Logs Insights read log groups outside the requested scope', {
        ...fields,
        outside: outside.map((g) => g.name),
      });
    else deps.logger.info('Logs Insights query scope confirmed', fields);
  } catch (error) {
    deps.logger.warn('Could not confirm the log groups a query read', {
      queryId,
      error: error instanceof Error ? error.name : 'unknown',
    });
  }
}

/**
 * StartQuery takes names, not patterns: each `prefix*` (and each SOURCE prefix, in its log classes)
 * becomes the groups that exist with that prefix. Returns the names, or a message when a prefix
 * matches nothing or too many.
 */
async function expandPrefixes(
  deps: LogsDeps,
  requested: string[],
  scope: QueryScope,
  options: { signal?: AbortSignal; accountId?: string },
): Promise<string[] | string> {
  const names: string[] = [];
  for (const group of requested) {
    if (!group.endsWith('*')) {
      names.push(group);
      continue;
    }
    const found = await deps.logs.listLogGroups(group.slice(0, -1), MAX_GROUPS + 1, options);
    if (found.length === 0) return `:mag: No log group starts with ${inlineCode(group.slice(0, -1))}.`;
    names.push(...found);
  }
  for (const prefix of scope.prefixes) {
    const found: string[] = [];
    for (const logGroupClass of scope.classes) {
      found.push(...(await deps.logs.listLogGroups(prefix, MAX_GROUPS + 1, options, logGroupClass)));
    }
    if (found.length === 0) {
      const classes = scope.classes.map((c) => c.toLowerCase().replace('_', ' ')).join(' or ');
      return `:mag: No ${classes} log group starts with ${inlineCode(prefix)} (SOURCE reads the Standard class unless it names another).`;
    }
    names.push(...found);
  }
  const unique = [...new Set(names)];
  if (unique.length > MAX_GROUPS) {
    return `:warning: That is more than ${MAX_GROUPS} log groups, the most one Logs Insights query reads. Narrow the prefix.`;
  }
  return unique;
}

/** Runs a saved query definition on its own log groups (the allowlist still applies). */
export async function runSavedQuery(
  deps: LogsRunDeps,
  saved: { name: string; range: TimeRange; limit: number | undefined; account?: Account },
  run: LogsRunContext,
): Promise<SlackMessage> {
  return runSaved(deps, saved, run).catch((error: unknown) => {
    throw withUsage(error, LOGS_USAGE);
  });
}

/** Saved query names as people retype them: case, and spaces, dashes or underscores between words, aside. */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

async function runSaved(
  deps: LogsRunDeps,
  saved: { name: string; range: TimeRange; limit: number | undefined; account?: Account },
  run: LogsRunContext,
): Promise<SlackMessage> {
  const all = await deps.logs.listSavedQueries(run.signal ? { signal: run.signal } : {});
  const match = all.find((q) => q.name === saved.name) ?? all.find((q) => nameKey(q.name) === nameKey(saved.name));
  if (!match) {
    const [close] = closestWords(
      nameKey(saved.name),
      all.map((q) => nameKey(q.name)),
    );
    const meant = close === undefined ? undefined : all.find((q) => nameKey(q.name) === close);
    const hint = meant ? ` Did you mean ${inlineCode(`/cw logs run ${meant.name}`)}?` : '';
    const names = all.slice(0, 15).map((q) => `${inlineCode(q.name)}`);
    return ephemeral(
      `:mag: No saved query is called ${inlineCode(saved.name)}.${hint}${names.length ? ` Saved queries: ${names.join(', ')}.` : ' This account has none.'}`,
    );
  }
  let groups: string[];
  try {
    groups = requestedGroups(match);
  } catch (error) {
    // A saved query's text is checked as a typed one is; the answer says whose text it was.
    if (error instanceof UserInputError)
      throw new UserInputError(`The saved query ${inlineCode(match.name)}: ${error.message}`, error.usage, {
        cause: error,
      });
    throw error;
  }
  if (groups.length === 0) {
    return ephemeral(
      `:warning: The saved query ${inlineCode(match.name)} names no log groups; run it with \`/cw logs query <group> …\`.`,
    );
  }
  return runLogsQuery(
    deps,
    {
      logGroupNames: match.logGroupNames,
      range: saved.range,
      limit: saved.limit,
      queryString: match.queryString,
      ...(saved.account ? { account: saved.account } : {}),
    },
    run,
    `Saved query: ${match.name}`,
  );
}

function accountOf(query: { account?: Account }): { account?: Account } {
  return query.account ? { account: query.account } : {};
}
