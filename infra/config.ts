import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllowlist } from '../handlers/cw/logs/allowlist.ts';
import { parseDuration } from '../handlers/duration.ts';
import { ACCOUNT_ALIAS, ACCOUNT_ID, type Account, REGION_CODE } from '../handlers/scope.ts';
import { DEMO_ACCOUNTS, DEMO_REGIONS } from './demo/demo-accounts.ts';

export type DataSource = 'aws' | 'demo';

/** Everything the bot reads from its environment, read once and typed (README, "Configuration"). */
export interface Config {
  dataSource: DataSource;
  region: string;
  /** `REGIONS_ALLOWED`: the Regions `--region` may name; the deployment's own is always first. */
  regionsAllowed: string[];
  /** `ACCOUNTS`: the linked accounts `--account` may name (a monitoring account's sources), by alias. */
  accounts: Account[];
  slackApiUrl: string;
  /** Set in local runs and tests; deployed, the secrets come from SSM (the `*Param` names). */
  signingSecret: string | undefined;
  botToken: string | undefined;
  signingSecretParam: string | undefined;
  botTokenParam: string | undefined;
  workerFunctionName: string | undefined;
  ackBudgetMs: number;
  /** `LOG_GROUPS_ALLOWED`: names or `prefix*` patterns `/cw logs` may read. */
  logGroupsAllowed: string[];
  /** `LOGS_MAX_RANGE`: the longest time range one Logs Insights query may cover. */
  logsMaxRangeSeconds: number;
  /** `LOGS_PRICE_PER_GB`: USD per GB scanned, for the cost line (Logs Insights bills per GB scanned). */
  logsPricePerGb: number;
  /** `ALARM_DEFAULT_CHANNEL`: channel id for alarms no route matches (else the routing file's `defaultChannel`). */
  alarmDefaultChannel: string | undefined;
  /** `ALARM_TABLE_NAME`: the relay's DynamoDB table (dedupe, threads, storms); unset → in memory (local runs). */
  alarmTableName: string | undefined;
  /** `ALARM_DLQ_URL`: the SQS queue invalid alarm events are sent to (the relay's dead-letter queue). */
  alarmDlqUrl: string | undefined;
  /** `ALARM_QUEUE_URL`: the queue the relay reads; a failed message's retry delay is set on it. */
  alarmQueueUrl: string | undefined;
  /**
   * `ALARM_ROUTES_FILE`: the routing file, resolved against the package root (`LAMBDA_TASK_ROOT` on
   * Lambda, else the working directory).
   */
  alarmRoutesFile: string;
  /** `ACCESS_POLICY_FILE`: who may run what (infra/access-policy.yml); required on Lambda. */
  accessPolicyFile: string | undefined;
  /** Running as a deployed Lambda function (`AWS_LAMBDA_FUNCTION_NAME` is set): local-only fallbacks are refused. */
  deployed: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/**
 * Whether the SDK would find credentials, looked for without loading it. It no longer picks the data
 * source (a laptop with ~/.aws is not a request for real AWS); `npm start` only uses it for a hint.
 */
export function hasAwsCredentials(env: Env, home = env.HOME || homedir()): boolean {
  const fromEnv = [
    'AWS_ACCESS_KEY_ID',
    'AWS_PROFILE',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  ].some((name) => Boolean(env[name]));
  return fromEnv || existsSync(join(home, '.aws', 'credentials')) || existsSync(join(home, '.aws', 'config'));
}

/** `DATA_SOURCE` when set; on Lambda `aws`; anywhere else the demo, so nothing reaches an account unasked. */
export function chooseDataSource(env: Env): DataSource {
  const requested = env.DATA_SOURCE?.trim().toLowerCase();
  if (requested && requested !== 'aws' && requested !== 'demo') {
    throw new ConfigError(`DATA_SOURCE must be "aws" or "demo", not "${env.DATA_SOURCE}"`);
  }
  if (requested) return requested as DataSource;
  return env.AWS_LAMBDA_FUNCTION_NAME ? 'aws' : 'demo';
}

/** The demo's region when nothing says otherwise: its console links need one. */
export const DEMO_REGION = 'us-east-1';

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

function duration(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const seconds = parseDuration(raw);
  if (seconds === undefined) throw new ConfigError(`${name} must be a duration like 7d or 12h, not "${raw}"`);
  return seconds;
}

function price(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new ConfigError(`${name} must be a price in USD like 0.005, not "${raw}"`);
  return value;
}

/** `REGIONS_ALLOWED=us-east-1,eu-west-1`: Region codes; the deployment's own Region is always allowed. */
export function parseRegionsAllowed(raw: string | undefined, home: string, fallback: string[] = []): string[] {
  const listed = (raw ?? '')
    .split(',')
    .map((r) => r.trim().toLowerCase())
    .filter((r) => r !== '');
  const bad = listed.filter((r) => !REGION_CODE.test(r));
  if (bad.length > 0) {
    throw new ConfigError(
      `REGIONS_ALLOWED must be comma-separated Region codes like us-east-1,eu-west-1; not ${bad.map((b) => `"${b}"`).join(', ')}`,
    );
  }
  const regions = raw === undefined || raw.trim() === '' ? fallback : listed;
  return [...new Set([home, ...regions])];
}

/**
 * `ACCOUNTS=prod=111122223333,staging=444455556666`: the source accounts a monitoring account may
 * read, each an alias and its twelve-digit id; an alias and an id each appear once.
 */
export function parseAccounts(raw: string | undefined, fallback: Account[] = []): Account[] {
  if (raw === undefined || raw.trim() === '') return fallback;
  const accounts: Account[] = [];
  const problems: string[] = [];
  for (const entry of raw.split(',').map((e) => e.trim())) {
    if (entry === '') continue;
    const [alias = '', id = '', ...more] = entry.split('=').map((p) => p.trim());
    if (more.length > 0 || !ACCOUNT_ALIAS.test(alias) || !ACCOUNT_ID.test(id)) {
      problems.push(`"${entry}" is not alias=id (a lower-case alias, then twelve digits)`);
      continue;
    }
    if (accounts.some((a) => a.alias === alias)) problems.push(`the alias "${alias}" is given twice`);
    if (accounts.some((a) => a.id === id)) problems.push(`the account ${id} is given twice`);
    accounts.push({ alias, id });
  }
  if (problems.length > 0) {
    throw new ConfigError(
      `ACCOUNTS must be alias=id pairs like prod=111122223333,staging=444455556666: ${problems.join('; ')}`,
    );
  }
  return accounts;
}

export const NO_REGION =
  'the aws data source needs a region and none was found. Set AWS_REGION (AWS_REGION=eu-west-1 npm start -- --aws), ' +
  'or put `region = eu-west-1` in your profile in ~/.aws/config (the [default] section, or [profile NAME] with AWS_PROFILE=NAME).';

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Readonly<Config> {
  const dataSource = chooseDataSource(env);
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || (dataSource === 'demo' ? DEMO_REGION : undefined);
  // Lambda always sets AWS_REGION; locally infra/local/local-config.ts asks the SDK (profiles included) first.
  if (!region) throw new ConfigError(NO_REGION);
  const slackApiUrl = env.SLACK_API_URL || 'https://slack.com/api/';
  const demo = dataSource === 'demo';
  return Object.freeze({
    dataSource,
    region,
    regionsAllowed: parseRegionsAllowed(env.REGIONS_ALLOWED, region, demo ? DEMO_REGIONS : []),
    accounts: parseAccounts(env.ACCOUNTS, demo ? DEMO_ACCOUNTS : []),
    slackApiUrl: slackApiUrl.endsWith('/') ? slackApiUrl : `${slackApiUrl}/`,
    signingSecret: env.SLACK_SIGNING_SECRET || undefined,
    botToken: env.SLACK_BOT_TOKEN || undefined,
    signingSecretParam: env.SLACK_SIGNING_SECRET_PARAM || undefined,
    botTokenParam: env.SLACK_BOT_TOKEN_PARAM || undefined,
    workerFunctionName: env.WORKER_FUNCTION_NAME || undefined,
    ackBudgetMs: integer(env, 'ACK_BUDGET_MS', 1500, 0, 2000),
    logGroupsAllowed: parseAllowlist(env.LOG_GROUPS_ALLOWED),
    logsMaxRangeSeconds: duration(env, 'LOGS_MAX_RANGE', 7 * 86400),
    logsPricePerGb: price(env, 'LOGS_PRICE_PER_GB', 0.005),
    alarmDefaultChannel: env.ALARM_DEFAULT_CHANNEL || undefined,
    alarmTableName: env.ALARM_TABLE_NAME || undefined,
    alarmDlqUrl: env.ALARM_DLQ_URL || undefined,
    alarmQueueUrl: env.ALARM_QUEUE_URL || undefined,
    alarmRoutesFile: resolve(env.LAMBDA_TASK_ROOT || cwd, env.ALARM_ROUTES_FILE || 'infra/alarm-routes.yml'),
    accessPolicyFile: env.ACCESS_POLICY_FILE || undefined,
    deployed: Boolean(env.AWS_LAMBDA_FUNCTION_NAME),
  });
}

/** The deployment's parameters, as serverless resolved them for the build (infra/build/prepare-deploy.ts). */
export interface DeploySettings {
  /** `DEPLOY_LOG_GROUPS_ALLOWED`: the `logGroupsAllowed` parameter. */
  logGroupsAllowed: string;
  /** `DEPLOY_ALARM_DEFAULT_CHANNEL`: the `alarmDefaultChannel` parameter; empty when not given. */
  alarmDefaultChannel: string;
  /** `DEPLOY_REGION`: the Region deployed to (the provider's). */
  region: string;
  /** `DEPLOY_REGIONS_ALLOWED`, `DEPLOY_ACCOUNTS`: the `regionsAllowed` and `accounts` parameters. */
  regionsAllowed: string;
  accounts: string;
}

export function loadDeploySettings(env: Env = process.env): Readonly<DeploySettings> {
  return Object.freeze({
    logGroupsAllowed: env.DEPLOY_LOG_GROUPS_ALLOWED ?? '',
    alarmDefaultChannel: env.DEPLOY_ALARM_DEFAULT_CHANNEL ?? '',
    region: env.DEPLOY_REGION ?? '',
    regionsAllowed: env.DEPLOY_REGIONS_ALLOWED ?? '',
    accounts: env.DEPLOY_ACCOUNTS ?? '',
  });
}
