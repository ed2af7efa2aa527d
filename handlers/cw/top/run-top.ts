import { withUsage } from '../../port-errors.ts';
import type { InsightsGroup, MetricsPort, SeriesStatus } from '../../ports.ts';
import type { Account } from '../../scope.ts';
import { type Unit, unitOf } from '../metrics/catalog.ts';
import { choosePeriod, metricsWindow } from '../metrics/period.ts';
import { insightsQuery, windowValue } from './insights-query.ts';
import { TOP_USAGE, type TopQuery } from './parse-top.ts';

export interface TopRow {
  rank: number;
  /** The dimension value (CloudWatch's label of the group). */
  label: string;
  /** The statistic over the whole window, as the query ranked it. */
  value: number;
  group: InsightsGroup;
  /** The account the row's resource is in: the one ranked, or, across accounts, its own (by alias when known). */
  account?: Account;
}

export interface TopResult {
  query: TopQuery;
  /** The Metrics Insights query as sent, for the reader to run in the console. */
  expression: string;
  periodSeconds: number;
  start: Date;
  end: Date;
  region: string;
  unit: Unit | undefined;
  rows: TopRow[];
  status: SeriesStatus;
  messages: string[];
}

export interface TopDeps {
  metrics: MetricsPort;
  region: string;
  now: () => Date;
  /** `ACCOUNTS`: names the rows' accounts by alias. */
  accounts?: readonly Account[];
}

/** One Metrics Insights query (one GetMetricData call), its groups ranked highest first. */
export async function runTop(
  deps: TopDeps,
  query: TopQuery,
  options: { signal?: AbortSignal } = {},
): Promise<TopResult> {
  // Metrics Insights aggregates minutely at best (no high-resolution data), as choosePeriod's periods are.
  const { periodSeconds } = choosePeriod(query.sinceSeconds);
  const { start, end } = metricsWindow(deps.now(), query.sinceSeconds, periodSeconds);
  const request = {
    namespace: query.namespace,
    metricName: query.metricName,
    groupBy: query.dimension,
    func: query.func,
    limit: query.limit,
    periodSeconds,
    start,
    end,
    ...(query.account ? { accountId: query.account.id } : {}),
    ...(query.acrossAccounts ? { byAccount: true } : {}),
  };
  // A query CloudWatch refused is the user's to fix: with the /cw top usage.
  const answer = await deps.metrics.queryInsights(request, options).catch((error: unknown) => {
    throw withUsage(error, TOP_USAGE);
  });
  // Pages can reorder groups: rank again by the same function over the window, CloudWatch's order breaking ties.
  const rows = answer.groups
    .flatMap((group, order) => {
      const value = windowValue(group.values, query.func);
      return value === undefined ? [] : [{ group, value, order }];
    })
    .sort((a, b) => b.value - a.value || a.order - b.order)
    .slice(0, query.limit)
    .map((r, i) => {
      const account = query.account ?? accountOf(r.group.accountId, deps.accounts ?? []);
      return { rank: i + 1, label: r.group.label, value: r.value, group: r.group, ...(account ? { account } : {}) };
    });
  return {
    query,
    expression: insightsQuery(request),
    periodSeconds,
    start,
    end,
    region: deps.region,
    unit: unitOf(query.namespace, query.metricName),
    rows,
    status: answer.status,
    messages: answer.messages,
  };
}

/** A row's account by its id: the configured alias when there is one, else the id alone. */
function accountOf(id: string | undefined, accounts: readonly Account[]): Account | undefined {
  if (id === undefined) return undefined;
  return accounts.find((a) => a.id === id) ?? { alias: id, id };
}
