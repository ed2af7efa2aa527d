/**
 * The data sources a command reads through. `handlers/` depends only on these; the AWS
 * adapters, the demo data source and test doubles implement them (infra/).
 */

export interface Dimension {
  name: string;
  value: string;
}

export interface MetricSpec {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  /** Average | Sum | Minimum | Maximum | SampleCount | pNN */
  stat: string;
}

export interface MetricDataRequest {
  series: MetricSpec[];
  periodSeconds: number;
  start: Date;
  end: Date;
}

/** CloudWatch's per-series status: `PartialData` means more points existed than were returned. */
export type SeriesStatus = 'Complete' | 'PartialData' | 'InternalError' | 'Forbidden';

export interface SeriesData {
  /** Oldest first. */
  timestamps: Date[];
  values: number[];
  status: SeriesStatus;
  messages: string[];
}

export interface MetricIdentity {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
}

export interface CallOptions {
  /** Aborted when the caller stops waiting (the ack budget or the worker's deadline ran out). */
  signal?: AbortSignal;
}

export interface MetricsPort {
  /** One `GetMetricData` call for every series; results in the order of `request.series`. */
  getMetricData(request: MetricDataRequest, options?: CallOptions): Promise<SeriesData[]>;
  /** The metrics that exist with this namespace and name, whatever their dimensions. */
  listMetrics(query: { namespace: string; metricName: string }, options?: CallOptions): Promise<MetricIdentity[]>;
}
