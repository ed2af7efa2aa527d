import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../infra/config.ts';

describe('infra/config', () => {
  it('defaults to the demo data source when no AWS credentials are found', () => {
    expect(loadConfig({ HOME: '/nonexistent' })).toMatchObject({ dataSource: 'demo', region: 'us-east-1' });
    expect(loadConfig({ HOME: '/nonexistent', DATA_SOURCE: '' }).dataSource).toBe('demo');
  });

  it('uses AWS when credentials are in the environment', () => {
    expect(loadConfig({ AWS_PROFILE: 'oncall', AWS_REGION: 'eu-west-1' })).toMatchObject({
      dataSource: 'aws',
      region: 'eu-west-1',
    });
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
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    [{ DATA_SOURCE: 'gcp' }, /DATA_SOURCE must be "aws" or "demo"/],
    [{ DATA_SOURCE: 'aws' }, /AWS_REGION is not set/],
    [{ DATA_SOURCE: 'demo', ACK_BUDGET_MS: 'soon' }, /ACK_BUDGET_MS must be a whole number/],
    [{ DATA_SOURCE: 'demo', ACK_BUDGET_MS: '5000' }, /ACK_BUDGET_MS must be a whole number from 0 to 2000/],
  ])('fails fast on %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
