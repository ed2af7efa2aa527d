import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadDeploySettings } from '../../../infra/config.ts';

describe('infra/config: what used to be read elsewhere', () => {
  it('says whether the bot runs deployed (AWS_LAMBDA_FUNCTION_NAME), for the checks local runs skip', () => {
    expect(loadConfig({ AWS_LAMBDA_FUNCTION_NAME: 'cw-chatops-prod-slack', AWS_REGION: 'eu-west-1' }).deployed).toBe(
      true,
    );
    expect(loadConfig({}).deployed).toBe(false);
    expect(loadConfig({ AWS_LAMBDA_FUNCTION_NAME: '' }).deployed).toBe(false);
  });

  it('resolves the routing file against LAMBDA_TASK_ROOT on Lambda, else the working directory', () => {
    // Lambda sets LAMBDA_TASK_ROOT to /var/task (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime).
    expect(
      loadConfig({ LAMBDA_TASK_ROOT: '/var/task', ALARM_ROUTES_FILE: 'alarm-routes.json' }, '/tmp/elsewhere')
        .alarmRoutesFile,
    ).toBe('/var/task/alarm-routes.json');
    expect(loadConfig({}, '/home/dev/cw-chatops').alarmRoutesFile).toBe('/home/dev/cw-chatops/infra/alarm-routes.yml');
    expect(loadConfig({ ALARM_ROUTES_FILE: '/etc/routes.yml' }, '/srv').alarmRoutesFile).toBe('/etc/routes.yml');
  });

  it('reads the deployment’s parameters for the build', () => {
    expect(
      loadDeploySettings({ DEPLOY_LOG_GROUPS_ALLOWED: '/aws/lambda/*', DEPLOY_ALARM_DEFAULT_CHANNEL: 'C0123456789' }),
    ).toMatchObject({ logGroupsAllowed: '/aws/lambda/*', alarmDefaultChannel: 'C0123456789' });
    expect(loadDeploySettings({})).toEqual({
      logGroupsAllowed: '',
      alarmDefaultChannel: '',
      region: '',
      regionsAllowed: '',
      accounts: '',
    });
    expect(
      loadDeploySettings({
        DEPLOY_REGION: 'eu-central-1',
        DEPLOY_REGIONS_ALLOWED: 'eu-west-1',
        DEPLOY_ACCOUNTS: 'a=210987654321',
      }),
    ).toMatchObject({ region: 'eu-central-1', regionsAllowed: 'eu-west-1', accounts: 'a=210987654321' });
  });
});

describe('infra/config: the /cw logs settings', () => {
  it('reads LOGS_MAX_RANGE as a duration and LOGS_PRICE_PER_GB as USD', () => {
    expect(loadConfig({ LOGS_MAX_RANGE: '12h', LOGS_PRICE_PER_GB: '0.0063' })).toMatchObject({
      logsMaxRangeSeconds: 12 * 3600,
      logsPricePerGb: 0.0063,
    });
    expect(loadConfig({ LOGS_MAX_RANGE: '', LOGS_PRICE_PER_GB: '' })).toMatchObject({
      logsMaxRangeSeconds: 7 * 86400,
      logsPricePerGb: 0.005,
    });
  });

  it.each([
    [{ LOGS_MAX_RANGE: 'forever' }, 'LOGS_MAX_RANGE must be a duration like 7d or 12h, not "forever"'],
    [{ LOGS_PRICE_PER_GB: '-0.01' }, 'LOGS_PRICE_PER_GB must be a price in USD like 0.005, not "-0.01"'],
    [{ LOGS_PRICE_PER_GB: '$0.005' }, 'LOGS_PRICE_PER_GB must be a price in USD like 0.005, not "$0.005"'],
  ])('refuses %j, saying which variable and why', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });
});
