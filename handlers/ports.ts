import type { KnownBlock } from '@slack/types';

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
  /**
   * A linked source account the metric is in (CloudWatch cross-account observability): sent as
   * `MetricDataQuery.AccountId`, and as `accountId` in graphs and console links. Absent: this account.
   */
  accountId?: string;
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

/** Metrics Insights' aggregate functions; it has no percentiles. */
export type InsightsFunction = 'AVG' | 'MAX' | 'MIN' | 'SUM' | 'COUNT';

/**
 * A top-N Metrics Insights query: `SELECT FUNC(metricName) FROM SCHEMA(namespace, groupBy) GROUP BY
 * groupBy ORDER BY FUNC() DESC LIMIT limit`, over one window at one period.
 */
export interface MetricsInsightsRequest {
  namespace: string;
  metricName: string;
  /** The dimension to rank by; SCHEMA keeps only metrics with exactly this one dimension. */
  groupBy: string;
  func: InsightsFunction;
  limit: number;
  periodSeconds: number;
  start: Date;
  end: Date;
  /** Only this linked account's metrics (`WHERE AWS.AccountId = '…'`). */
  accountId?: string;
  /** Every linked account's, one group per account and dimension value (`GROUP BY AWS.AccountId, …`). */
  byAccount?: boolean;
}

/** One group of an Insights answer: its dimension value (CloudWatch's `Label`) and its datapoints, oldest first. */
export interface InsightsGroup {
  label: string;
  /** With `byAccount`: the account the group's metric is in. */
  accountId?: string;
  timestamps: Date[];
  values: number[];
}

export interface MetricsInsightsResult {
  /** In the order CloudWatch ranked them (highest first). */
  groups: InsightsGroup[];
  /** The worst status of any group. */
  status: SeriesStatus;
  /** CloudWatch's messages about the query (limits reached, partial data). */
  messages: string[];
}

export interface MetricsPort {
  /**
   * One `GetMetricData` call holding one Metrics Insights query (CloudWatch allows only one a call),
   * every page read.
   */
  queryInsights(request: MetricsInsightsRequest, options?: CallOptions): Promise<MetricsInsightsResult>;
  /** One `GetMetricData` call for every series; results in the order of `request.series`. */
  getMetricData(request: MetricDataRequest, options?: CallOptions): Promise<SeriesData[]>;
  /** The metrics that exist with this namespace and name, whatever their dimensions. */
  /**
   * Metrics that reported in the last two weeks: of one name, or (no `metricName`) every metric of
   * the namespace with these dimension values, e.g. all a database publishes.
   */
  listMetrics(
    /** `accountId`: a linked account's metrics (`IncludeLinkedAccounts` and `OwningAccount`). */
    query: { namespace: string; metricName?: string; dimensions?: Dimension[]; accountId?: string },
    options?: CallOptions,
  ): Promise<MetricIdentity[]>;
}

/** Logs Insights' query statuses (`QueryStatus`). */
export type QueryStatus = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout' | 'Unknown';

export interface LogsQueryRequest {
  logGroupNames: string[];
  start: Date;
  end: Date;
  queryString: string;
  limit?: number;
  /** A linked account's log groups: sent as ARNs in `logGroupIdentifiers`. Absent: this account. */
  accountId?: string;
}

export interface QueryStatistics {
  recordsMatched: number;
  recordsScanned: number;
  bytesScanned: number;
}

export interface QueryResults {
  status: QueryStatus;
  /** Column names in the order the query returned them. */
  fields: string[];
  rows: Record<string, string>[];
  statistics: QueryStatistics;
}

export interface SavedQuery {
  name: string;
  queryString: string;
  logGroupNames: string[];
}

/** Where in a query Logs Insights stopped reading: 0-based character offsets, `end` exclusive. */
export interface QueryLocation {
  start: number;
  end: number;
}

export interface LogsPort {
  /** Starts a Logs Insights query; resolves to its id. */
  startQuery(request: LogsQueryRequest, options?: CallOptions): Promise<string>;
  getQueryResults(queryId: string, options?: CallOptions): Promise<QueryResults>;
  stopQuery(queryId: string): Promise<void>;
  listSavedQueries(options?: CallOptions): Promise<SavedQuery[]>;
  /**
   * Names of the log groups starting with `prefix` (in one log class, when named), at most `limit` of them.
   * `accountId`: a linked account's groups (`includeLinkedAccounts`, `accountIdentifiers`).
   */
  listLogGroups(
    prefix: string,
    limit: number,
    options?: CallOptions & { accountId?: string },
    logGroupClass?: 'STANDARD' | 'INFREQUENT_ACCESS',
  ): Promise<string[]>;
  /** The names or ARNs of the log groups a started query really read (ListLogGroupsForQuery). */
  listQueryLogGroups(queryId: string, options?: CallOptions): Promise<string[]>;
}

export type AlarmState = 'ALARM' | 'OK' | 'INSUFFICIENT_DATA';

export interface AlarmSummary {
  name: string;
  kind: 'metric' | 'composite';
  state: AlarmState;
  reason: string;
  updatedAt: Date;
  /** The linked account whose metrics the alarm watches (its metric queries' `AccountId`); absent: this account. */
  accountId?: string;
  /** For metric alarms on a single metric; the unit and statistic when the alarm names them. */
  metric?: { namespace: string; metricName: string; unit?: string; statistic?: string };
}

export interface AlarmsPort {
  /** Metric and composite alarms, every page. */
  /**
   * `accountId`: in a monitoring account, the alarms whose metrics are in that linked account
   * (alarms live in the monitoring account; a linked account's own alarms are not shared).
   */
  describeAlarms(
    query: { state?: AlarmState; namePrefix?: string; accountId?: string },
    options?: CallOptions,
  ): Promise<AlarmSummary[]>;
}

/** One CloudWatch dashboard, as `ListDashboards` lists it. */
export interface DashboardSummary {
  name: string;
  /** When it last changed; absent when CloudWatch does not say. */
  lastModified?: Date;
  /** The size of the dashboard's body, in bytes. */
  sizeBytes: number;
}

export interface DashboardsPort {
  /** The account's dashboards whose names start with `namePrefix` (all without one), every page. */
  listDashboards(query: { namePrefix?: string }, options?: CallOptions): Promise<DashboardSummary[]>;
}

/** One dashboard as `GetDashboard` returns it: its body is CloudWatch's dashboard JSON, as a string. */
export interface DashboardDefinition {
  name: string;
  body: string;
}

/** Reads one dashboard's definition. A port of its own so only the worker's role may read bodies. */
export interface DashboardPort {
  /** Throws {@link DashboardNotFoundError} (handlers/port-errors.ts) when no dashboard has that name. */
  getDashboard(name: string, options?: CallOptions): Promise<DashboardDefinition>;
}

export interface MetricImageRequest {
  /** With `id`, a series can feed an expression; `visible: false` keeps it off the picture. */
  series: (MetricSpec & { id?: string; visible?: boolean })[];
  /**
   * Metric math drawn beside the series (`visible: false` for an intermediate step). The demo draws
   * `ANOMALY_DETECTION_BAND` and arithmetic on ids; others are named in its legend as not drawn.
   */
  expressions?: { id: string; expression: string; label?: string; visible?: boolean }[];
  periodSeconds: number;
  start: Date;
  end: Date;
  /** What the graph shows (`CPUUtilization orders-db`); the widget adds the window in UTC after it. */
  title: string;
  /**
   * The Region the metrics are in, when the caller knows it apart from the port's own (an alarm event
   * from another Region): whoever holds ports per Region draws it with that Region's.
   */
  region?: string;
  width?: number;
  height?: number;
  /**
   * Lines drawn over the series: horizontal ones at a value (an alarm's threshold), vertical ones at a
   * moment (when the alarm changed state). CloudWatch's widget `annotations`.
   */
  annotations?: {
    horizontal?: { value: number; label: string; color?: string; fill?: 'above' | 'below' }[];
    vertical?: { value: Date; label: string; color?: string }[];
  };
}

/** A dashboard's metric widget drawn as it is defined, over a range the user chose. */
export interface WidgetImageRequest {
  /** The widget's `properties` from the dashboard body (metrics, view, stat, period, yAxis, …), as written. */
  properties: Readonly<Record<string, unknown>>;
  start: Date;
  end: Date;
  width: number;
  height: number;
}

export interface MetricImagePort {
  /** A PNG of the series (CloudWatch's GetMetricWidgetImage, or the demo's own renderer). */
  getMetricImage(request: MetricImageRequest, options?: CallOptions): Promise<Uint8Array>;
}

/** Draws a dashboard's own widgets (GetMetricWidgetImage too, apart so the relay's images port stays as it is). */
export interface WidgetImagePort {
  /** A PNG of a dashboard's metric widget, its own definition with the request's range and size. */
  getWidgetImage(request: WidgetImageRequest, options?: CallOptions): Promise<Uint8Array>;
}

export interface FileUpload {
  channelId: string;
  filename: string;
  title: string;
  content: Uint8Array | string;
  /** Posted with the file, as its comment. */
  comment?: string;
  altText?: string;
  /** Posts the file as a reply in this thread. */
  threadTs?: string;
}

/** Where an uploaded file went. */
export interface FileLocation {
  /** A Slack permalink; with `savedLocally`, a path on this machine. */
  location?: string;
  /** Slack's id of the file (`F…`), so a later redraw can remove the picture it replaces. */
  fileId?: string;
  /**
   * Written to this machine's disk instead of posted (`npm start`, which has no Slack): the path may be
   * shown in that terminal, never in a Slack message.
   */
  savedLocally?: boolean;
}

/** A bot message to start a thread with (chat.postMessage), e.g. the summary a dashboard's graphs go under. */
export interface ThreadStart {
  channelId: string;
  /** One line: the notification and screen-reader text. */
  text: string;
  blocks?: KnownBlock[];
}

export interface FilesPort {
  /** Shares a file in a channel (in `threadTs`'s thread when given); resolves to where a person can find it. */
  upload(file: FileUpload): Promise<FileLocation>;
  /**
   * Posts a message whose `ts` later uploads can thread under. Absent where files only go to disk
   * (`npm start`) or the adapter only uploads (the relay's lean uploader).
   */
  postMessage?(message: ThreadStart): Promise<{ ts: string }>;
  /** Removes a file this bot uploaded (files.delete); absent where files cannot be removed. */
  deleteFile?(fileId: string): Promise<void>;
}

/** One RDS DB instance as `/dbadvice fleet` reviews it (from `DescribeDBInstances`). */
export interface DbInstanceInfo {
  id: string;
  /** RDS engine name: `mysql`, `postgres`, `aurora-postgresql`, … */
  engine: string;
  engineVersion: string;
  /** e.g. `db.m5.large`. */
  instanceClass: string;
  /** Set when the instance belongs to an Aurora or Multi-AZ DB cluster. */
  clusterId?: string;
  multiAz: boolean;
  storageEncrypted: boolean;
  publiclyAccessible: boolean;
  /** `gp2`, `gp3`, `io1`, `aurora`, … */
  storageType: string;
  /** Set when this instance is a read replica of another. */
  replicaOf?: string;
  readReplicaIds: string[];
  tags: Record<string, string>;
}

/** One DB cluster (from `DescribeDBClusters`). */
export interface DbClusterInfo {
  id: string;
  engine: string;
  engineVersion: string;
  multiAz: boolean;
  storageEncrypted: boolean;
  members: { instanceId: string; writer: boolean }[];
  tags: Record<string, string>;
}

export interface RdsFleetPort {
  /** Every DB instance in the region, all pages. */
  describeInstances(options?: CallOptions): Promise<DbInstanceInfo[]>;
  /** Every DB cluster in the region, all pages. */
  describeClusters(options?: CallOptions): Promise<DbClusterInfo[]>;
}

/** Every data source by the name a command's `needs` uses. */
export interface Ports {
  metrics: MetricsPort;
  logs: LogsPort;
  alarms: AlarmsPort;
  /** `/cw dashboards`: the account's CloudWatch dashboards. */
  dashboards: DashboardsPort;
  /** `/cw dashboard <name>`: one dashboard's body (worker only). */
  dashboard: DashboardPort;
  images: MetricImagePort;
  /** `/cw dashboard <name>`: a dashboard's metric widgets as pictures. */
  widgetImages: WidgetImagePort;
  /** `/dbadvice fleet`: the account's RDS instances and clusters. */
  fleet: RdsFleetPort;
  /** Where graphs and CSV files go; absent when there is no bot token (files are skipped, with a note). */
  files?: FilesPort;
}

export type PortName = keyof Ports;

/**
 * How each port is made, loaded on first need so `/cw help` and bad input load no adapter (and no SDK).
 * A mapped type: a data source that forgets a port does not compile.
 */
export type PortLoaders = { readonly [K in PortName]-?: () => Promise<Ports[K]> };

/** Loads exactly the named ports, in parallel. */
export async function loadPorts<N extends PortName>(
  loaders: PortLoaders,
  names: readonly N[],
): Promise<Pick<Ports, N>> {
  const entries = await Promise.all(names.map(async (name) => [name, await loaders[name]()] as const));
  return Object.fromEntries(entries) as Pick<Ports, N>;
}
