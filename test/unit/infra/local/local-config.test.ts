import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../../infra/config.ts';
import { loadLocalConfig, sdkRegion } from '../../../../infra/local/local-config.ts';

/** A HOME holding what `aws configure` writes (files only: nothing here reaches the network). */
function homeWithAws(files: { config?: string; credentials?: string }): string {
  const home = mkdtempSync(join(tmpdir(), 'cw-home-'));
  mkdirSync(join(home, '.aws'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(home, '.aws', name), text);
  return home;
}

const CREDENTIALS = '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n';
const CONFIG = '[default]\nregion = eu-west-3\n\n[profile oncall]\nregion = ap-northeast-2\n';

/** The SDK reads process.env itself, so the test points it at the temporary HOME. */
function useEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  for (const name of [
    'AWS_REGION',
    'AWS_DEFAULT_REGION',
    'AWS_PROFILE',
    'AWS_CONFIG_FILE',
    'AWS_SHARED_CREDENTIALS_FILE',
    'DATA_SOURCE',
  ])
    vi.stubEnv(name, undefined);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return process.env;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('infra/local/local-config (npm start, npm run serve)', () => {
  it('is the demo on a machine with ~/.aws/credentials and no AWS_REGION, and says so', async () => {
    // Prepare
    const env = useEnv({ HOME: homeWithAws({ credentials: CREDENTIALS }) });

    // Act
    const { config, banner } = await loadLocalConfig([], env);

    // Assess
    expect(config).toMatchObject({ dataSource: 'demo', region: 'us-east-1' });
    expect(banner).toMatch(/^data source: demo .*region us-east-1 .*`npm start -- --aws`/);
  });

  it('is still the demo with AWS_REGION set (real AWS only when asked)', async () => {
    const env = useEnv({ HOME: homeWithAws({ credentials: CREDENTIALS }), AWS_REGION: 'eu-west-1' });
    expect((await loadLocalConfig([], env)).config.dataSource).toBe('demo');
  });

  it('with --aws takes the region from the profile in ~/.aws/config, as the SDK resolves it', async () => {
    // Prepare
    const env = useEnv({ HOME: homeWithAws({ credentials: CREDENTIALS, config: CONFIG }), AWS_PROFILE: 'oncall' });

    // Act
    const { config, banner } = await loadLocalConfig(['--aws'], env);

    // Assess
    expect(config).toMatchObject({ dataSource: 'aws', region: 'ap-northeast-2' });
    expect(banner).toBe(
      'data source: aws (your AWS account) · region ap-northeast-2 (from profile oncall in ~/.aws/config)',
    );
  });

  it('with DATA_SOURCE=aws and no profile uses [default]; AWS_REGION wins over the profile', async () => {
    const home = homeWithAws({ credentials: CREDENTIALS, config: CONFIG });
    expect((await loadLocalConfig([], useEnv({ HOME: home, DATA_SOURCE: 'aws' }))).config.region).toBe('eu-west-3');
    const pinned = await loadLocalConfig(
      ['--aws'],
      useEnv({ HOME: home, AWS_PROFILE: 'oncall', AWS_REGION: 'us-west-2' }),
    );
    expect(pinned.banner).toContain('region us-west-2 (from AWS_REGION)');
  });

  it('with --aws and no region anywhere stops with what to set', async () => {
    // Prepare: credentials but a config without a region
    const env = useEnv({ HOME: homeWithAws({ credentials: CREDENTIALS, config: '[default]\noutput = json\n' }) });

    // Act
    const loading = loadLocalConfig(['--aws'], env);

    // Assess
    await expect(loading).rejects.toThrow(ConfigError);
    await expect(loadLocalConfig(['--aws'], env)).rejects.toThrow(
      /Set AWS_REGION .* `region = eu-west-1` in your profile/,
    );
    expect(await sdkRegion()).toBeUndefined();
  });

  it('--demo wins over DATA_SOURCE=aws; an unknown option is refused with the options', async () => {
    const env = useEnv({ HOME: '/nonexistent', DATA_SOURCE: 'aws' });
    expect((await loadLocalConfig(['--demo'], env)).config.dataSource).toBe('demo');
    await expect(loadLocalConfig(['--prod'], env)).rejects.toThrow(/unknown option --prod\. Options: --aws .* --demo/);
  });
});
