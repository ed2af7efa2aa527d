import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, hasAwsCredentials, loadConfig } from '../../../infra/config.ts';

/** A HOME with the files `aws configure` writes. */
function homeWithAws(files: { config?: string; credentials?: string }): string {
  const home = mkdtempSync(join(tmpdir(), 'cw-home-'));
  mkdirSync(join(home, '.aws'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(home, '.aws', name), text);
  return home;
}

describe('infra/config', () => {
  it('defaults to the demo data source when nothing asks for AWS', () => {
    expect(loadConfig({ HOME: '/nonexistent' })).toMatchObject({ dataSource: 'demo', region: 'us-east-1' });
    expect(loadConfig({ HOME: '/nonexistent', DATA_SOURCE: '' }).dataSource).toBe('demo');
  });

  it('stays on the demo on a laptop with AWS credentials, a profile and a region (AWS is asked for, never inferred)', () => {
    // Prepare
    const home = homeWithAws({
      credentials: '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n',
    });

    // Act
    const config = loadConfig({ HOME: home, AWS_PROFILE: 'oncall', AWS_REGION: 'eu-west-1' });

    // Assess: the region is kept for console links, but no AWS client is ever built
    expect(config).toMatchObject({ dataSource: 'demo', region: 'eu-west-1' });
    expect(hasAwsCredentials({ HOME: home })).toBe(true);
  });

  it('uses AWS when DATA_SOURCE=aws, and on Lambda', () => {
    expect(loadConfig({ DATA_SOURCE: 'aws', AWS_REGION: 'eu-west-1' })).toMatchObject({
      dataSource: 'aws',
      region: 'eu-west-1',
    });
    expect(
      loadConfig({ AWS_LAMBDA_FUNCTION_NAME: 'cw-chatops-prod-slack', AWS_REGION: 'ap-northeast-2' }),
    ).toMatchObject({ dataSource: 'aws', region: 'ap-northeast-2' });
  });

  it('reads the contract’s variables', () => {
    const config = loadConfig({
      DATA_SOURCE: 'demo',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      SLACK_SIGNING_SECRET: 's',
      ACK_BUDGET_MS: '800',
    });
    expect(config).toMatchObject({
      slackApiUrl: 'http://127.0.0.1:9999/api/',
      signingSecret: 's',
      ackBudgetMs: 800,
      region: 'us-east-1',
      logGroupsAllowed: [],
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    [{ DATA_SOURCE: 'gcp' }, /DATA_SOURCE must be "aws" or "demo"/],
    [{ DATA_SOURCE: 'aws' }, /needs a region and none was found\. Set AWS_REGION .*~\/\.aws\/config/],
    [{ DATA_SOURCE: 'demo', ACK_BUDGET_MS: 'soon' }, /ACK_BUDGET_MS must be a whole number/],
    [{ DATA_SOURCE: 'demo', ACK_BUDGET_MS: '5000' }, /ACK_BUDGET_MS must be a whole number from 0 to 2000/],
  ])('fails fast on %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
