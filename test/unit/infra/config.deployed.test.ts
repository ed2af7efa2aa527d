import { describe, expect, it } from 'vitest';
import { loadConfig, loadDeploySettings } from '../../../infra/config.ts';

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
    ).toEqual({ logGroupsAllowed: '/aws/lambda/*', alarmDefaultChannel: 'C0123456789' });
    expect(loadDeploySettings({})).toEqual({ logGroupsAllowed: '', alarmDefaultChannel: '' });
  });
});
