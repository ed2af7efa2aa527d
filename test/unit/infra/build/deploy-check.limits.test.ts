import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCESS_POLICY_FILE, ALARM_ROUTES_FILE, checkDeploy } from '../../../../infra/build/deploy-check.ts';

const files = (policy: string) => (file: string) =>
  file === ACCESS_POLICY_FILE
    ? policy
    : file === ALARM_ROUTES_FILE
      ? 'defaultChannel: C0ALRMSX01\nroutes: []\n'
      : readFileSync(file, 'utf8');

const POLICY = `workspaces: [T0ACMEWS01]
rules:
  - command: /cw
limits:
  - channels: [C0LEDGERX1]
    accounts: [ledger]
    regions: [eu-west-1]
`;
const deploy = { logGroupsAllowed: '', alarmDefaultChannel: '', region: 'eu-central-1' };

describe('infra/build/deploy-check: the access policy’s limits', () => {
  it('accepts limits within the deployment’s accounts and Regions', () => {
    expect(
      checkDeploy({ ...deploy, regionsAllowed: 'eu-west-1', accounts: 'ledger=210987654321' }, files(POLICY)),
    ).toEqual([]);
  });

  it('refuses limits naming an account or Region the deployment does not have, saying which parameter to set', () => {
    // Act
    const problems = checkDeploy(deploy, files(POLICY));

    // Assess
    expect(problems).toEqual([
      'infra/access-policy.yml: limits[0].accounts: `ledger` is not in ACCOUNTS (empty): add it to --param="accounts=…" / --param="regionsAllowed=…" or drop it from the limit.',
      'infra/access-policy.yml: limits[0].regions: `eu-west-1` is not in REGIONS_ALLOWED (eu-central-1): add it to --param="accounts=…" / --param="regionsAllowed=…" or drop it from the limit.',
    ]);
  });

  it('refuses a malformed accounts parameter', () => {
    const problems = checkDeploy({ ...deploy, accounts: 'ledger' }, files(POLICY));
    expect(problems.join('\n')).toContain('--param: ACCOUNTS must be alias=id pairs');
  });
});
