import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCESS_POLICY_FILE, ALARM_ROUTES_FILE, checkDeploy } from '../../../../infra/build/deploy-check.ts';

/** The repository's files, with some replaced as a person would edit them. */
const files =
  (edited: Record<string, string> = {}) =>
  (file: string) =>
    edited[file] ?? readFileSync(file, 'utf8');

const POLICY = `workspaces: [T0ACMEWS01]
rules:
  - command: /cw
  - command: /cw logs
    channels: [C0ONCALLX1]   # the on-call channel, T0CHANGEME in a comment is fine
`;
const ROUTES = `defaultChannel: C0ALRMSX01
routes: []
`;
const deploy = { logGroupsAllowed: '', alarmDefaultChannel: '' };

describe('infra/build/deploy-check', () => {
  it('refuses the shipped files, naming each placeholder with its file and line', () => {
    expect(checkDeploy(deploy, files())).toEqual([
      'infra/access-policy.yml:9: T0CHANGEME is a placeholder: put your workspace id (T…) here.',
      'infra/access-policy.yml:13: C0CHANGEME is a placeholder: put a channel id (C…) here.',
      'infra/access-policy.yml:16: C0CHANGEME is a placeholder: put a channel id (C…) here.',
      'infra/alarm-routes.yml:11: C0CHANGEME is a placeholder: deploy with --param="alarmDefaultChannel=C…" or put the channel id here.',
    ]);
  });

  it('accepts real ids, and the shipped routes once the deploy names the default channel', () => {
    expect(checkDeploy(deploy, files({ [ACCESS_POLICY_FILE]: POLICY, [ALARM_ROUTES_FILE]: ROUTES }))).toEqual([]);
    expect(
      checkDeploy({ ...deploy, alarmDefaultChannel: 'C0ALRMSX01' }, files({ [ACCESS_POLICY_FILE]: POLICY })),
    ).toEqual([]);
  });

  it('refuses ids copied from the example files, in the files and in the parameter', () => {
    // Prepare: the README's policy example and an example route pasted as they are
    const policy = readFileSync('infra/access-policy.example.yml', 'utf8');
    const routes = `defaultChannel: C0ALRMSX01
routes:
  - name: production-account
    match: { account: "123456789012" }
    channel: C0PRODOPS01
`;

    // Act
    const problems = checkDeploy(
      { logGroupsAllowed: '', alarmDefaultChannel: 'C0ALARMS01' },
      files({ [ACCESS_POLICY_FILE]: policy, [ALARM_ROUTES_FILE]: routes }),
    );

    // Assess
    expect(problems).toContain(
      'infra/access-policy.yml:3: T0123ABCD is a made-up id from infra/access-policy.example.yml: put your workspace id (T…) here.',
    );
    expect(problems).toContain(
      'infra/access-policy.yml:11: U0LEAD0001 is a made-up id from infra/access-policy.example.yml: put a user id (U…) here.',
    );
    expect(problems).toContain(
      'infra/alarm-routes.yml:4: 123456789012 is a made-up id from infra/alarm-routes.example.yml: put your own id here.',
    );
    expect(problems).toContain(
      'infra/alarm-routes.yml:5: C0PRODOPS01 is a made-up id from infra/alarm-routes.example.yml: put a channel id (C…) here.',
    );
    expect(problems).toContain(
      '--param alarmDefaultChannel=C0ALARMS01 is a made-up id from infra/alarm-routes.example.yml: give the id of the channel alarms go to.',
    );
  });

  it('refuses a deploy where unrouted alarms would have no channel', () => {
    const read = files({ [ACCESS_POLICY_FILE]: POLICY, [ALARM_ROUTES_FILE]: 'routes: []\n' });
    expect(checkDeploy(deploy, read)).toEqual([
      'infra/alarm-routes.yml: no default channel, so unrouted alarms would have nowhere to go: deploy with --param="alarmDefaultChannel=C…" or set defaultChannel in the file.',
    ]);
    expect(checkDeploy({ ...deploy, alarmDefaultChannel: 'C0ALRMSX01' }, read)).toEqual([]);
  });

  it('refuses a route whose log groups the deployment does not allow (its Logs button would always be refused)', () => {
    const routes = `defaultChannel: C0ALRMSX01
routes:
  - name: checkout
    match: { alarmName: "checkout-*" }
    channel: C0CHKOUTX1
    logGroups: ["/aws/lambda/checkout-*", "/aws/rds/instance/orders/error"]
`;
    const read = files({ [ACCESS_POLICY_FILE]: POLICY, [ALARM_ROUTES_FILE]: routes });
    expect(checkDeploy({ ...deploy, logGroupsAllowed: '/aws/lambda/*' }, read)).toEqual([
      'infra/alarm-routes.yml:6: logGroups /aws/rds/instance/orders/error is not inside logGroupsAllowed (/aws/lambda/*): add it to --param="logGroupsAllowed=…" or drop it from the route.',
    ]);
    expect(checkDeploy(deploy, read)).toHaveLength(2);
  });
});
