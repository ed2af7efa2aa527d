import { describe, expect, it } from 'vitest';
import {
  type AccessPolicy,
  channelLimit,
  decideAccess,
  limitProblems,
  validateAccessPolicy,
} from '../../../handlers/access-policy.ts';
import { checkPolicyLimits } from '../../../infra/access-policy.ts';
import { ConfigError } from '../../../infra/config.ts';

const ACCOUNTS = [
  { alias: 'payments', id: '210987654321' },
  { alias: 'search', id: '309876543210' },
];
const base = { workspaces: ['T0001'], rules: [{ command: '/cw' }] };

function problems(limits: unknown): string[] {
  return validateAccessPolicy({ ...base, limits }).problems;
}

describe('handlers/access-policy: limits per channel', () => {
  it('reads channels with the accounts and Regions they may read, and a default for every other channel', () => {
    // Act
    const { policy, problems: found } = validateAccessPolicy({
      ...base,
      limits: [
        { channels: ['C0PAYMENTS'], accounts: ['payments'], regions: ['eu-west-1'] },
        { accounts: ['search', '210987654321'] },
      ],
    });

    // Assess
    expect(found).toEqual([]);
    expect(policy?.limits).toEqual([
      { channels: ['C0PAYMENTS'], accounts: ['payments'], regions: ['eu-west-1'] },
      { accounts: ['search', '210987654321'] },
    ]);
  });

  it.each([
    [[], '`limits` must list at least one entry'],
    [[{ channels: ['C0PAYMENTS'] }], 'limits[0] limits nothing'],
    [[{ channels: ['#payments'], accounts: ['payments'] }], '`#payments` is not a channel id'],
    [[{ accounts: ['Payments!'] }], '`Payments!` is not an alias from ACCOUNTS'],
    [[{ regions: ['Ireland'] }], '`Ireland` is not a Region code'],
    [[{ regions: 'eu-west-1' }], 'limits[0].regions must be a non-empty list'],
    [[{ accounts: ['payments'], team: 'x' }], 'limits[0]: unknown key `team`'],
    [
      [
        { channels: ['C0PAYMENTS'], accounts: ['payments'] },
        { channels: ['C0PAYMENTS'], regions: ['eu-west-1'] },
      ],
      '`C0PAYMENTS` is already limited by limits[0]',
    ],
    [[{ accounts: ['payments'] }, { regions: ['eu-west-1'] }], 'a second entry without `channels`'],
  ])('refuses limits %j: %s', (limits, problem) => {
    expect(problems(limits).join('\n')).toContain(problem);
  });

  it('gives a channel its own limit, else the default, with aliases turned into account ids', () => {
    // Prepare
    const policy: AccessPolicy = {
      ...base,
      limits: [{ channels: ['C0PAYMENTS'], accounts: ['payments'], regions: ['eu-west-1'] }, { accounts: ['search'] }],
    };

    // Act and assess
    expect(channelLimit(policy, 'C0PAYMENTS', ACCOUNTS)).toEqual({
      accounts: ['210987654321'],
      regions: ['eu-west-1'],
    });
    expect(channelLimit(policy, 'C0ELSEWHERE', ACCOUNTS)).toEqual({ accounts: ['309876543210'] });
    expect(channelLimit({ ...base }, 'C0PAYMENTS', ACCOUNTS)).toBeUndefined();
  });

  it('allows a command with the channel’s limit, for the plan to enforce', () => {
    // Prepare
    const policy: AccessPolicy = { ...base, limits: [{ channels: ['C0PAYMENTS'], accounts: ['payments'] }] };
    const request = { teamId: 'T0001', userId: 'U0ANYONE1', words: ['/cw', 'metrics'] };

    // Act and assess
    expect(decideAccess(policy, { ...request, channelId: 'C0PAYMENTS' }, ACCOUNTS)).toEqual({
      allowed: true,
      rule: '/cw',
      limit: { accounts: ['210987654321'] },
    });
    expect(decideAccess(policy, { ...request, channelId: 'C0OTHER01' }, ACCOUNTS)).toEqual({
      allowed: true,
      rule: '/cw',
    });
  });

  it('refuses to start when a limit names an account or Region the configuration does not have', () => {
    // Prepare
    const policy: AccessPolicy = {
      ...base,
      limits: [{ channels: ['C0PAYMENTS'], accounts: ['payments', 'billing'], regions: ['eu-west-1', 'ap-south-1'] }],
    };
    const config = { regionsAllowed: ['eu-central-1', 'eu-west-1'], accounts: ACCOUNTS };

    // Act
    const found = limitProblems(policy, config);

    // Assess
    expect(found).toEqual([
      'limits[0].accounts: `billing` is not in ACCOUNTS (payments, search)',
      'limits[0].regions: `ap-south-1` is not in REGIONS_ALLOWED (eu-central-1, eu-west-1)',
    ]);
    expect(() => checkPolicyLimits(policy, config, 'infra/access-policy.yml')).toThrow(ConfigError);
    expect(() => checkPolicyLimits(policy, config, 'infra/access-policy.yml')).toThrow(
      /infra\/access-policy\.yml does not match the configuration/,
    );
    expect(checkPolicyLimits({ ...base }, config, 'x')).toEqual({ ...base });
  });
});
