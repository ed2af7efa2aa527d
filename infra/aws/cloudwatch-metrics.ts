import {
  CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataCommandOutput,
  ListMetricsCommand,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import type {
  CallOptions,
  MetricDataRequest,
  MetricIdentity,
  MetricsPort,
  SeriesData,
  SeriesStatus,
} from '../../handlers/ports.ts';
import { type AwsErrorContext, translateAwsError } from './aws-errors.ts';

/** ListMetrics returns 500 a page; three pages are plenty for "did you mean". */
const LIST_METRICS_MAX_PAGES = 3;

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
    async getMetricData(request: MetricDataRequest, options: CallOptions = {}): Promise<SeriesData[]> {
      const queries: MetricDataQuery[] = request.series.map((s, i) => ({
        Id: queryId(i),
        ReturnData: true,
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
function sortByTime(s: SeriesData): void {
  const points = s.timestamps.map((t, i) => ({ t, v: s.values[i] ?? Number.NaN }));
  points.sort((a, b) => a.t.getTime() - b.t.getTime());
  s.timestamps = points.map((p) => p.t);
  s.values = points.map((p) => p.v);
}
