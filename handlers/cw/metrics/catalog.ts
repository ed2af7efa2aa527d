/**
 * Everyday metrics: the shortcuts `/cw metrics` accepts (`rds cpu orders-db`) and the unit of
 * each well-known metric, since GetMetricData returns values without units.
 */

export type Unit = 'Percent' | 'Count' | 'Count/Second' | 'Bytes' | 'Milliseconds' | 'Seconds';

export interface ShortcutMetric {
  metricName: string;
  stat: string;
}

export interface ShortcutService {
  namespace: string;
  /** The dimension the resource id fills in. */
  dimension: string;
  resource: string;
  /** Shortcut name → one or more series (`alb 5xx` shows the load balancer's and the targets' 5xx). */
  metrics: Record<string, ShortcutMetric[]>;
  example: string;
}

export const SHORTCUTS: Record<string, ShortcutService> = {
  ec2: {
    namespace: 'AWS/EC2',
    dimension: 'InstanceId',
    resource: 'instance-id',
    metrics: {
      cpu: [{ metricName: 'CPUUtilization', stat: 'Average' }],
      'network-in': [{ metricName: 'NetworkIn', stat: 'Sum' }],
      'network-out': [{ metricName: 'NetworkOut', stat: 'Sum' }],
      'status-check': [{ metricName: 'StatusCheckFailed', stat: 'Maximum' }],
    },
    example: 'ec2 cpu i-0abc1234def567890',
  },
  rds: {
    namespace: 'AWS/RDS',
    dimension: 'DBInstanceIdentifier',
    resource: 'db-instance-id',
    metrics: {
      cpu: [{ metricName: 'CPUUtilization', stat: 'Average' }],
      connections: [{ metricName: 'DatabaseConnections', stat: 'Average' }],
      'read-iops': [{ metricName: 'ReadIOPS', stat: 'Average' }],
      'write-iops': [{ metricName: 'WriteIOPS', stat: 'Average' }],
      iops: [
        { metricName: 'ReadIOPS', stat: 'Average' },
        { metricName: 'WriteIOPS', stat: 'Average' },
      ],
      memory: [{ metricName: 'FreeableMemory', stat: 'Minimum' }],
      storage: [{ metricName: 'FreeStorageSpace', stat: 'Minimum' }],
    },
    example: 'rds cpu orders-db',
  },
  lambda: {
    namespace: 'AWS/Lambda',
    dimension: 'FunctionName',
    resource: 'function-name',
    metrics: {
      invocations: [{ metricName: 'Invocations', stat: 'Sum' }],
      errors: [{ metricName: 'Errors', stat: 'Sum' }],
      duration: [{ metricName: 'Duration', stat: 'p99' }],
      throttles: [{ metricName: 'Throttles', stat: 'Sum' }],
      concurrency: [{ metricName: 'ConcurrentExecutions', stat: 'Maximum' }],
    },
    example: 'lambda errors checkout-api',
  },
  alb: {
    namespace: 'AWS/ApplicationELB',
    dimension: 'LoadBalancer',
    resource: 'app/name/id',
    metrics: {
      requests: [{ metricName: 'RequestCount', stat: 'Sum' }],
      '5xx': [
        { metricName: 'HTTPCode_ELB_5XX_Count', stat: 'Sum' },
        { metricName: 'HTTPCode_Target_5XX_Count', stat: 'Sum' },
      ],
      '4xx': [{ metricName: 'HTTPCode_Target_4XX_Count', stat: 'Sum' }],
      latency: [{ metricName: 'TargetResponseTime', stat: 'p99' }],
    },
    example: 'alb 5xx app/public-web/50dc6c495c0c9188',
  },
};

const UNITS: Record<string, Unit> = {
  'AWS/EC2 CPUUtilization': 'Percent',
  'AWS/EC2 NetworkIn': 'Bytes',
  'AWS/EC2 NetworkOut': 'Bytes',
  'AWS/EC2 StatusCheckFailed': 'Count',
  'AWS/RDS CPUUtilization': 'Percent',
  'AWS/RDS DatabaseConnections': 'Count',
  'AWS/RDS ReadIOPS': 'Count/Second',
  'AWS/RDS WriteIOPS': 'Count/Second',
  'AWS/RDS FreeableMemory': 'Bytes',
  'AWS/RDS FreeStorageSpace': 'Bytes',
  'AWS/RDS VolumeBytesUsed': 'Bytes',
  'AWS/RDS ReadLatency': 'Seconds',
  'AWS/RDS WriteLatency': 'Seconds',
  'AWS/Lambda Invocations': 'Count',
  'AWS/Lambda Errors': 'Count',
  'AWS/Lambda Throttles': 'Count',
  'AWS/Lambda Duration': 'Milliseconds',
  'AWS/Lambda ConcurrentExecutions': 'Count',
  'AWS/ApplicationELB RequestCount': 'Count',
  'AWS/ApplicationELB HTTPCode_ELB_5XX_Count': 'Count',
  'AWS/ApplicationELB HTTPCode_Target_5XX_Count': 'Count',
  'AWS/ApplicationELB HTTPCode_Target_4XX_Count': 'Count',
  'AWS/ApplicationELB TargetResponseTime': 'Seconds',
  'AWS/ECS CPUUtilization': 'Percent',
  'AWS/ECS MemoryUtilization': 'Percent',
  'AWS/DynamoDB ConsumedReadCapacityUnits': 'Count',
  'AWS/DynamoDB ConsumedWriteCapacityUnits': 'Count',
  'AWS/DynamoDB ThrottledRequests': 'Count',
  'AWS/SQS ApproximateNumberOfMessagesVisible': 'Count',
  'AWS/SQS ApproximateAgeOfOldestMessage': 'Seconds',
};

/**
 * Metrics AWS does not publish for every kind of resource in their namespace, and what to read
 * instead: a per-engine (per-kind) note the no-data answer gives when the resource exists.
 * Aurora's storage is a cluster volume, reported per cluster as VolumeBytesUsed; FreeStorageSpace
 * is a metric of RDS instances with their own storage (the demo declares the same exception).
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.AuroraMonitoring.Metrics.html
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html
 */
export interface KindNote {
  /** The kind of resource (an engine) that does not publish the metric. */
  kind: string;
  /** What that kind publishes instead, as one clause. */
  note: string;
}

const KIND_NOTES: Record<string, KindNote[]> = {
  'AWS/RDS FreeStorageSpace': [
    {
      kind: 'Aurora',
      note: 'Aurora reports storage per cluster (VolumeBytesUsed, by DBClusterIdentifier), not free space per instance',
    },
  ],
  'AWS/RDS FreeLocalStorage': [{ kind: 'RDS (not Aurora)', note: 'only Aurora instances report FreeLocalStorage' }],
  'AWS/RDS ReplicaLag': [{ kind: 'a primary', note: 'only read replicas report ReplicaLag' }],
};

/** Notes on the kinds of resource that do not publish this metric (see {@link KindNote}). */
export function kindNotes(namespace: string, metricName: string): KindNote[] {
  return KIND_NOTES[`${namespace} ${metricName}`] ?? [];
}

/** The unit CloudWatch publishes this metric in, when it is one we know. */
export function unitOf(namespace: string, metricName: string): Unit | undefined {
  return UNITS[`${namespace} ${metricName}`];
}

/**
 * Namespaces AWS services publish to, as CloudWatch spells them (namespaces are case-sensitive):
 * `aws/ec2` is read as `AWS/EC2`. Source: "AWS services that publish CloudWatch metrics",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/aws-services-cloudwatch-metrics.html
 */
const AWS_NAMESPACES = [
  'AWS/AmazonMQ',
  'AWS/AOSS',
  'AWS/ApiGateway',
  'AWS/ApplicationELB',
  'AWS/AppRunner',
  'AWS/AppStream',
  'AWS/AppSync',
  'AWS/Athena',
  'AWS/AutoScaling',
  'AWS/Backup',
  'AWS/Bedrock',
  'AWS/Billing',
  'AWS/Cassandra',
  'AWS/CertificateManager',
  'AWS/Chatbot',
  'AWS/CloudFront',
  'AWS/CloudHSM',
  'AWS/CloudSearch',
  'AWS/CloudWatch/MetricStreams',
  'AWS/CodeBuild',
  'AWS/Cognito',
  'AWS/Config',
  'AWS/Connect',
  'AWS/DAX',
  'AWS/DDoSProtection',
  'AWS/DMS',
  'AWS/DocDB',
  'AWS/DX',
  'AWS/DynamoDB',
  'AWS/EBS',
  'AWS/EC2',
  'AWS/EC2Spot',
  'AWS/ECR',
  'AWS/ECS',
  'AWS/EFS',
  'AWS/EKS',
  'AWS/ElastiCache',
  'AWS/ElasticBeanstalk',
  'AWS/ElasticMapReduce',
  'AWS/ElasticTranscoder',
  'AWS/ELB',
  'AWS/EMRServerless',
  'AWS/ES',
  'AWS/Events',
  'AWS/Firehose',
  'AWS/FSx',
  'AWS/GameLift',
  'AWS/GatewayELB',
  'AWS/GlobalAccelerator',
  'AWS/Glue',
  'AWS/Inspector',
  'AWS/IoT',
  'AWS/Kafka',
  'AWS/Kinesis',
  'AWS/KinesisAnalytics',
  'AWS/KinesisVideo',
  'AWS/KMS',
  'AWS/Lambda',
  'AWS/Lex',
  'AWS/Logs',
  'AWS/MediaConnect',
  'AWS/MediaConvert',
  'AWS/MediaLive',
  'AWS/MediaPackage',
  'AWS/MediaStore',
  'AWS/MediaTailor',
  'AWS/MemoryDB',
  'AWS/NATGateway',
  'AWS/Neptune',
  'AWS/NetworkELB',
  'AWS/NetworkFirewall',
  'AWS/OpsWorks',
  'AWS/Personalize',
  'AWS/Polly',
  'AWS/PrivateLinkEndpoints',
  'AWS/PrivateLinkServices',
  'AWS/QLDB',
  'AWS/RDS',
  'AWS/Redshift',
  'AWS/Rekognition',
  'AWS/Route53',
  'AWS/Route53Resolver',
  'AWS/RUM',
  'AWS/S3',
  'AWS/SageMaker',
  'AWS/Scheduler',
  'AWS/SES',
  'AWS/SNS',
  'AWS/SQS',
  'AWS/SSM-RunCommand',
  'AWS/States',
  'AWS/StorageGateway',
  'AWS/SWF',
  'AWS/Textract',
  'AWS/Timestream',
  'AWS/Transfer',
  'AWS/TransitGateway',
  'AWS/Translate',
  'AWS/TrustedAdvisor',
  'AWS/Usage',
  'AWS/VPN',
  'AWS/WAFV2',
  'AWS/WorkSpaces',
  'AWS/X-Ray',
  'CWAgent',
  'ECS/ContainerInsights',
  'ContainerInsights',
];

/** Every namespace the catalog names, for case fixes and "did you mean". */
export const KNOWN_NAMESPACES: readonly string[] = [
  ...new Set([
    ...AWS_NAMESPACES,
    ...Object.values(SHORTCUTS).map((s) => s.namespace),
    ...Object.keys(UNITS).map((k) => k.split(' ')[0] ?? ''),
  ]),
];

/** The metrics of `namespace` the catalog knows (a few per namespace, not all CloudWatch has). */
export function knownMetrics(namespace: string): string[] {
  const names = Object.keys(UNITS)
    .filter((k) => k.startsWith(`${namespace} `))
    .map((k) => k.slice(namespace.length + 1));
  for (const s of Object.values(SHORTCUTS)) {
    if (s.namespace === namespace) names.push(...Object.values(s.metrics).flatMap((m) => m.map((x) => x.metricName)));
  }
  return [...new Set(names)];
}
