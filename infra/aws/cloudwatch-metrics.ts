import {
  CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataCommandOutput,
  ListMetricsCommand,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { insightsQuery, splitAccountLabel } from '../../handlers/cw/top/insights-query.ts';
import type {
  CallOptions,
  InsightsGroup,
  MetricDataRequest,
  MetricIdentity,
  MetricsInsightsRequest,
  MetricsInsightsResult,
  MetricsPort,
  SeriesData,
  SeriesStatus,
} from '../../handlers/ports.ts';
import { type AwsErrorContext, translateAwsError } from './aws-errors.ts';

/** ListMetrics returns 500 a page; three pages are plenty for "did you mean". */
const LIST_METRICS_MAX_PAGES = 3;

/** How bad a status is: the worst of a query's groups is the answer's. */
const STATUS_RANK: Record<SeriesStatus, number> = { Complete: 0, PartialData: 1, InternalError: 2, Forbidden: 3 };

/** GetMetricData query ids must start with a lower-case letter. */
const queryId = (index: number) => `m${index}`;

/** The {@link MetricsPort} backed by CloudWatch. The client is created once by the caller and reused. */
export function createCloudWatchMetrics(client: CloudWatchClient = new CloudWatchClient({})): MetricsPort {
  const errors: AwsErrorContext = {
    service: 'CloudWatch',
    client,
    accessDenied: "The bot's AWS role may not read that metric.",
    request: 'the query',
  };
  return {
    async queryInsights(request: MetricsInsightsRequest, options: CallOptions = {}): Promise<MetricsInsightsResult> {
      // One query a call: CloudWatch refuses a second Insights query in the same GetMetricData.
      const query: MetricDataQuery = {
        Id: 'top',
        Expression: insightsQuery(request),
        Period: request.periodSeconds,
        ReturnData: true,
      };
      // By label: a later page continues the groups of the first.
      const groups = new Map<string, InsightsGroup>();
      const messages = new Set<string>();
      let status: SeriesStatus = 'Complete';
      let nextToken: string | undefined;
      try {
        do {
          const page: GetMetricDataCommandOutput = await client.send(
            new GetMetricDataCommand({
              MetricDataQueries: [query],
              StartTime: request.start,
              EndTime: request.end,
              ScanBy: 'TimestampAscending',
              NextToken: nextToken,
            }),
            { abortSignal: options.signal },
          );
          for (const m of page.Messages ?? []) if (m.Value) messages.add(m.Value);
          for (const result of page.MetricDataResults ?? []) {
            const label = result.Label ?? '';
            const named = request.byAccount ? splitAccountLabel(label) : { label };
            const group = groups.get(label) ?? {
              label: named.label,
              ...(named.accountId ? { accountId: named.accountId } : {}),
              timestamps: [],
              values: [],
            };
            groups.set(label, group);
            result.Timestamps?.forEach((t, i) => {
              const value = result.Values?.[i];
              if (value !== undefined) {
                group.timestamps.push(t);
                group.values.push(value);
              }
            });
            const code = result.StatusCode as SeriesStatus | undefined;
            if (code && (STATUS_RANK[code] ?? 0) > STATUS_RANK[status]) status = code;
            for (const m of result.Messages ?? []) if (m.Value) messages.add(m.Value);
          }
          nextToken = page.NextToken;
        } while (nextToken);
      } catch (error) {
        throw await translateAwsError(error, { ...errors, request: 'the Metrics Insights query' });
      }
      const ordered = [...groups.values()];
      for (const g of ordered) sortByTime(g);
      return { groups: ordered, status, messages: [...messages] };
    },

    async getMetricData(request: MetricDataRequest, options: CallOptions = {}): Promise<SeriesData[]> {
      const queries: MetricDataQuery[] = request.series.map((s, i) => ({
        Id: queryId(i),
        ReturnData: true,
        // In a monitoring account, the source account the metric is in.
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDataQuery.html
        ...(s.accountId ? { AccountId: s.accountId } : {}),
        MetricStat: {
          Metric: {
            Namespace: s.namespace,
            MetricName: s.metricName,
            Dimensions: s.dimensions.map((d) => ({ Name: d.name, Value: d.value })),
          },
          Period: request.periodSeconds,
          Stat: s.stat,
        },
      }));
      const series: SeriesData[] = request.series.map(() => ({
        timestamps: [],
        values: [],
        status: 'Complete',
        messages: [],
      }));
      let nextToken: string | undefined;
      try {
        do {
          const page: GetMetricDataCommandOutput = await client.send(
            new GetMetricDataCommand({
              MetricDataQueries: queries,
              StartTime: request.start,
              EndTime: request.end,
              ScanBy: 'TimestampAscending',
              NextToken: nextToken,
            }),
            { abortSignal: options.signal },
          );
          for (const result of page.MetricDataResults ?? []) {
            const target = series[Number(result.Id?.slice(1))];
            if (!target) continue;
            result.Timestamps?.forEach((t, i) => {
              const value = result.Values?.[i];
              if (value !== undefined) {
                target.timestamps.push(t);
                target.values.push(value);
              }
            });
            // A later page's status wins: PartialData on the last page means the data is still partial.
            if (result.StatusCode) target.status = result.StatusCode as SeriesStatus;
            for (const m of result.Messages ?? []) if (m.Value) target.messages.push(m.Value);
          }
          nextToken = page.NextToken;
        } while (nextToken);
      } catch (error) {
        throw await translateAwsError(error, errors);
      }
      for (const s of series) sortByTime(s);
      return series;
    },

    async listMetrics(query, options: CallOptions = {}): Promise<MetricIdentity[]> {
      const found: MetricIdentity[] = [];
      let nextToken: string | undefined;
      let pages = 0;
      try {
        do {
          const page = await client.send(
            new ListMetricsCommand({
              Namespace: query.namespace,
              MetricName: query.metricName,
              Dimensions: query.dimensions?.map((d) => ({ Name: d.name, Value: d.value })),
              // One source account's metrics: OwningAccount needs IncludeLinkedAccounts.
              // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_ListMetrics.html
              ...(query.accountId ? { IncludeLinkedAccounts: true, OwningAccount: query.accountId } : {}),
              NextToken: nextToken,
            }),
            { abortSignal: options.signal },
          );
          for (const m of page.Metrics ?? []) {
            found.push({
              namespace: m.Namespace ?? query.namespace,
              metricName: m.MetricName ?? query.metricName ?? '',
              dimensions: (m.Dimensions ?? []).map((d) => ({ name: d.Name ?? '', value: d.Value ?? '' })),
            });
          }
          nextToken = page.NextToken;
          pages++;
        } while (nextToken && pages < LIST_METRICS_MAX_PAGES);
      } catch (error) {
        throw await translateAwsError(error, errors);
      }
      return found;
    },
  };
}

/** Pages may interleave; the port promises oldest first. */
function sortByTime(s: Pick<SeriesData, 'timestamps' | 'values'>): void {
  const points = s.timestamps.map((t, i) => ({ t, v: s.values[i] ?? Number.NaN }));
  points.sort((a, b) => a.t.getTime() - b.t.getTime());
  s.timestamps = points.map((p) => p.t);
  s.values = points.map((p) => p.v);
}
