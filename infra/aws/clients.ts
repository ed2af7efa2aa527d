/**
 * Every AWS SDK client the bot uses, each built once per region and imported on first use, so a
 * command that needs none (help, bad input) loads no SDK. Retries are the SDK's own (standard mode).
 */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { RDSClient } from '@aws-sdk/client-rds';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { memoizeRetrying } from '../memoize-retrying.ts';

export interface AwsClients {
  cloudWatch: () => Promise<CloudWatchClient>;
  logs: () => Promise<CloudWatchLogsClient>;
  rds: () => Promise<RDSClient>;
  lambda: () => Promise<LambdaClient>;
  dynamoDb: () => Promise<DynamoDBClient>;
  sqs: () => Promise<SQSClient>;
}

const byRegion = new Map<string, AwsClients>();

/** The clients of one region; the same objects for every caller in this Lambda instance. */
export function awsClients(region: string): AwsClients {
  const known = byRegion.get(region);
  if (known) return known;
  const clients: AwsClients = {
    cloudWatch: memoizeRetrying(
      async () => new (await import('@aws-sdk/client-cloudwatch')).CloudWatchClient({ region }),
    ),
    logs: memoizeRetrying(
      async () => new (await import('@aws-sdk/client-cloudwatch-logs')).CloudWatchLogsClient({ region }),
    ),
    rds: memoizeRetrying(async () => new (await import('@aws-sdk/client-rds')).RDSClient({ region })),
    lambda: memoizeRetrying(async () => new (await import('@aws-sdk/client-lambda')).LambdaClient({ region })),
    dynamoDb: memoizeRetrying(async () => new (await import('@aws-sdk/client-dynamodb')).DynamoDBClient({ region })),
    sqs: memoizeRetrying(async () => new (await import('@aws-sdk/client-sqs')).SQSClient({ region })),
  };
  byRegion.set(region, clients);
  return clients;
}
