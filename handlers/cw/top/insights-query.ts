import type { InsightsFunction, MetricsInsightsRequest } from '../../ports.ts';
import { ACCOUNT_ID } from '../../scope.ts';

/**
 * The Metrics Insights query text of a top-N request. Identifiers are case-sensitive and bare only
 * when they are letters, digits and `_` not starting with a digit; any other (a namespace with `/`,
 * a metric name with a space or `.`, one spelled like a keyword) is double-quoted, with `"` and `\`
 * inside escaped by a backslash. The namespace is always quoted, as the docs write `SCHEMA("AWS/EC2", …)`.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-querylanguage.html
 */
export function insightsQuery(
  request: Pick<
    MetricsInsightsRequest,
    'namespace' | 'metricName' | 'groupBy' | 'func' | 'limit' | 'accountId' | 'byAccount'
  >,
): string {
  const { func, limit } = request;
  const group = identifier(request.groupBy);
  // In a monitoring account a query covers every linked account; `AWS.AccountId` scopes or groups by
  // the account (the WHERE and GROUP BY sections of the query syntax page above).
  const where =
    request.accountId !== undefined && ACCOUNT_ID.test(request.accountId)
      ? ` WHERE AWS.AccountId = '${request.accountId}'`
      : '';
  const groupBy = request.byAccount ? `AWS.AccountId, ${group}` : group;
  return (
    `SELECT ${func}(${identifier(request.metricName)}) FROM SCHEMA(${quoted(request.namespace)}, ${group})${where} ` +
    `GROUP BY ${groupBy} ORDER BY ${func}() DESC LIMIT ${limit}`
  );
}

/**
 * A group's label split into its account and dimension value. With `GROUP BY AWS.AccountId, Dim`,
 * CloudWatch labels each series with the group's values in order, separated by a space
 * (**[INFERENCE]**: the account id is twelve digits, so the split is unambiguous whatever the value).
 */
export function splitAccountLabel(label: string): { accountId?: string; label: string } {
  const match = /^(\d{12}) ([\s\S]*)$/.exec(label);
  return match ? { accountId: match[1] ?? '', label: match[2] ?? '' } : { label };
}

/** The query language's keywords and function names: as identifiers they must be quoted. */
const KEYWORDS = new Set([
  'SELECT',
  'FROM',
  'SCHEMA',
  'WHERE',
  'GROUP',
  'BY',
  'ORDER',
  'LIMIT',
  'ASC',
  'DESC',
  'AND',
  'OR',
  'NOT',
  'IN',
  'LIKE',
  'AVG',
  'COUNT',
  'MAX',
  'MIN',
  'SUM',
]);

const BARE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A metric or dimension name as the query must write it. */
export function identifier(name: string): string {
  return BARE.test(name) && !KEYWORDS.has(name.toUpperCase()) ? name : quoted(name);
}

function quoted(name: string): string {
  return `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The Insights function a CloudWatch statistic is; percentiles have none. */
export const INSIGHTS_FUNCTIONS: Readonly<Record<string, InsightsFunction>> = {
  Average: 'AVG',
  Maximum: 'MAX',
  Minimum: 'MIN',
  Sum: 'SUM',
  SampleCount: 'COUNT',
};

/** The statistic a function computes per period, for the demo and the Graph button's `/cw metrics`. */
export const FUNCTION_STATS: Readonly<Record<InsightsFunction, string>> = {
  AVG: 'Average',
  MAX: 'Maximum',
  MIN: 'Minimum',
  SUM: 'Sum',
  COUNT: 'SampleCount',
};

/**
 * A group's value over the whole window, as `ORDER BY FUNC()` ranks it: the largest peak, the
 * smallest low, the total, the count of datapoints, or the mean (of the periods' averages, which
 * is the window's average when the periods hold as many datapoints, as a minutely metric's do).
 */
export function windowValue(values: readonly number[], func: InsightsFunction): number | undefined {
  if (values.length === 0) return undefined;
  switch (func) {
    case 'MAX':
      return Math.max(...values);
    case 'MIN':
      return Math.min(...values);
    case 'SUM':
    case 'COUNT':
      return values.reduce((a, b) => a + b, 0);
    case 'AVG':
      return values.reduce((a, b) => a + b, 0) / values.length;
  }
}
