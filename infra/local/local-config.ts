/**
 * The configuration of `npm start` and `npm run serve`: the demo unless AWS is asked for
 * (`--aws` or `DATA_SOURCE=aws`), and then the region the AWS SDK itself resolves (AWS_REGION, then
 * the profile's `region` in ~/.aws/config, AWS_PROFILE included), so a laptop behaves as the CLI does.
 */
import {
  type Config,
  ConfigError,
  chooseDataSource,
  type DataSource,
  hasAwsCredentials,
  loadConfig,
  NO_REGION,
} from '../config.ts';

type Env = Record<string, string | undefined>;

export interface LocalConfig {
  config: Readonly<Config>;
  /** The start-up line: which data source, which region and where that region came from. */
  banner: string;
  /** `PORT`: where `npm run serve` listens (3000). */
  port: number;
  /** Colours in a terminal, unless `NO_COLOR` is set to anything but empty (https://no-color.org). */
  color: boolean;
}

/** The settings only the local shell and server read, beside the bot's own configuration. */
export function localSettings(env: Env): Pick<LocalConfig, 'port' | 'color'> {
  const raw = env.PORT;
  const port = raw === undefined || raw === '' ? 3000 : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535, not "${raw}"`);
  }
  return { port, color: !env.NO_COLOR };
}

/** `--aws` / `--demo` win over `DATA_SOURCE`; anything else is refused with the usage. */
export function dataSourceFromArgs(args: string[], env: Env, command = 'npm start'): DataSource {
  let chosen: DataSource | undefined;
  for (const arg of args) {
    if (arg === '--aws' || arg === '--demo') chosen = arg === '--aws' ? 'aws' : 'demo';
    else
      throw new ConfigError(
        `unknown option ${arg}. Options: --aws (your AWS account) or --demo (built-in data), e.g. \`${command} -- --aws\`.`,
      );
  }
  return chosen ?? chooseDataSource(env);
}

/** The SDK's own region chain (env, then shared config for the profile); undefined when it finds none. */
export async function sdkRegion(): Promise<string | undefined> {
  const { CloudWatchClient } = await import('@aws-sdk/client-cloudwatch');
  const client = new CloudWatchClient({});
  try {
    const region = await client.config.region();
    return region || undefined;
  } catch {
    // "Region is missing": the caller says what to set.
    return undefined;
  } finally {
    client.destroy();
  }
}

export async function loadLocalConfig(
  args: string[],
  env: Env = process.env,
  resolveRegion: () => Promise<string | undefined> = sdkRegion,
  command = 'npm start',
): Promise<LocalConfig> {
  const dataSource = dataSourceFromArgs(args, env, command);
  if (dataSource === 'demo') {
    const config = loadConfig({ ...env, DATA_SOURCE: 'demo' });
    const hint = hasAwsCredentials(env) ? ` · AWS credentials found: \`${command} -- --aws\` to use them` : '';
    return {
      config,
      banner: `data source: demo (built-in data, no AWS calls) · region ${config.region}${hint}`,
      ...localSettings(env),
    };
  }
  let region = env.AWS_REGION || undefined;
  let from = 'AWS_REGION';
  if (!region) {
    region = await resolveRegion();
    from = `profile ${env.AWS_PROFILE || 'default'} in ${env.AWS_CONFIG_FILE || '~/.aws/config'}`;
  }
  if (!region && env.AWS_DEFAULT_REGION) {
    // The AWS CLI reads this one; the JavaScript SDK does not.
    region = env.AWS_DEFAULT_REGION;
    from = 'AWS_DEFAULT_REGION';
  }
  if (!region) throw new ConfigError(NO_REGION);
  const config = loadConfig({ ...env, DATA_SOURCE: 'aws', AWS_REGION: region });
  return {
    config,
    banner: `data source: aws (your AWS account) · region ${region} (from ${from})`,
    ...localSettings(env),
  };
}
