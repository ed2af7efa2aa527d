import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../../handlers/errors.ts';
import {
  type ReachSettings,
  resolveScope,
  type Scope,
  type ScopeLimit,
  scopeExample,
  scopeText,
  withoutScopeFlags,
} from '../../../handlers/scope.ts';

/** A monitoring account in eu-central-1 that may also read eu-west-1, with two linked accounts. */
const REACH: ReachSettings = {
  region: 'eu-central-1',
  regionsAllowed: ['eu-central-1', 'eu-west-1'],
  accounts: [
    { alias: 'payments', id: '210987654321' },
    { alias: 'search', id: '309876543210' },
  ],
};
const CONTEXT = { command: '/cw metrics', example: '/cw metrics rds cpu ledger-db' };

function refusal(run: () => unknown): UserInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('handlers/scope: resolveScope', () => {
  it('reads the deployment’s own Region and account when nothing is typed or limited', () => {
    expect(resolveScope({}, REACH, undefined, CONTEXT)).toEqual({ region: 'eu-central-1' });
  });

  it('reads a Region of REGIONS_ALLOWED, whatever its case, and an account by alias or by id', () => {
    expect(resolveScope({ region: 'EU-West-1', account: 'Payments' }, REACH, undefined, CONTEXT)).toEqual({
      region: 'eu-west-1',
      account: { alias: 'payments', id: '210987654321' },
    });
    expect(resolveScope({ account: '309876543210' }, REACH, undefined, CONTEXT).account?.alias).toBe('search');
  });

  it('refuses a Region the bot does not read, listing those it does, with an example that would run', () => {
    // Act
    const error = refusal(() => resolveScope({ region: 'ap-south-1' }, REACH, undefined, CONTEXT));

    // Assess
    expect(error.message).toContain('does not read `ap-south-1`');
    expect(error.message).toContain('REGIONS_ALLOWED');
    expect(error.usage).toContain('`eu-central-1`, `eu-west-1`');
    expect(error.usage).toContain('Example: `/cw metrics rds cpu ledger-db --region eu-west-1`');
  });

  it('suggests the Region meant for a typo, and says what a Region code looks like for a non-code', () => {
    expect(refusal(() => resolveScope({ region: 'eu-wset-1' }, REACH, undefined, CONTEXT)).message).toContain(
      'Did you mean `eu-west-1`?',
    );
    expect(refusal(() => resolveScope({ region: 'ireland' }, REACH, undefined, CONTEXT)).message).toContain(
      'not an AWS Region code',
    );
  });

  it('refuses an account not in ACCOUNTS, by alias or id, listing the accounts, never echoing more than a glance', () => {
    // Act
    const byAlias = refusal(() => resolveScope({ account: 'paymnets' }, REACH, undefined, CONTEXT));
    const byId = refusal(() => resolveScope({ account: '999988887777' }, REACH, undefined, CONTEXT));
    const long = refusal(() => resolveScope({ account: 'x'.repeat(500) }, REACH, undefined, CONTEXT));

    // Assess
    expect(byAlias.message).toContain('Did you mean `payments`?');
    expect(byId.message).toContain('Account `999988887777` is not one this bot reads');
    expect(byId.usage).toContain('payments (210987654321), search (309876543210)');
    expect(long.message.length).toBeLessThan(300);
  });

  it('explains --account to a deployment with no linked accounts', () => {
    const error = refusal(() => resolveScope({ account: 'prod' }, { ...REACH, accounts: [] }, undefined, CONTEXT));
    expect(error.message).toContain('cross-account observability');
    expect(error.message).toContain('ACCOUNTS');
  });

  it('keeps a channel to its accounts and Regions, saying it is the access policy', () => {
    // Prepare
    const limit: ScopeLimit = { accounts: ['210987654321'], regions: ['eu-west-1'] };

    // Act
    const account = refusal(() => resolveScope({ region: 'eu-west-1', account: 'search' }, REACH, limit, CONTEXT));
    const region = refusal(() => resolveScope({ region: 'eu-central-1' }, REACH, limit, CONTEXT));

    // Assess
    expect(account.message).toContain('may not read search (309876543210) (the access policy limits it)');
    expect(account.usage).toContain('Accounts here: payments (210987654321)');
    expect(account.usage).toContain('--region eu-west-1 --account payments');
    expect(region.message).toContain('may not read `eu-central-1`');
    expect(region.usage).toContain('Regions here: `eu-west-1`');
  });

  it('defaults a channel limited to one account and one Region to them', () => {
    const limit: ScopeLimit = { accounts: ['210987654321'], regions: ['eu-west-1'] };
    expect(resolveScope({}, REACH, limit, CONTEXT)).toEqual({
      region: 'eu-west-1',
      account: { alias: 'payments', id: '210987654321' },
    });
  });

  it('asks which account when a channel may read several, and which Region when not the own', () => {
    // Prepare
    const limit: ScopeLimit = { accounts: ['210987654321', '309876543210'], regions: ['eu-west-1', 'us-east-1'] };
    const reach = { ...REACH, regionsAllowed: [...REACH.regionsAllowed, 'us-east-1'] };

    // Act
    const region = refusal(() => resolveScope({}, reach, limit, CONTEXT));
    const account = refusal(() => resolveScope({ region: 'us-east-1' }, reach, limit, CONTEXT));

    // Assess
    expect(region.message).toContain('Which Region?');
    expect(region.usage).toContain('`eu-west-1`, `us-east-1`');
    expect(account.message).toContain('Which account?');
    expect(account.usage).toContain('--region us-east-1 --account payments');
  });

  it('ranks across every linked account only where asked, in a monitoring account, in a channel without an account limit', () => {
    const across = { ...CONTEXT, acrossAccounts: true };
    expect(resolveScope({}, REACH, undefined, across)).toEqual({ region: 'eu-central-1', acrossAccounts: true });
    expect(resolveScope({}, REACH, undefined, CONTEXT)).toEqual({ region: 'eu-central-1' });
    expect(resolveScope({}, { ...REACH, accounts: [] }, undefined, across)).toEqual({ region: 'eu-central-1' });
    expect(resolveScope({}, REACH, { accounts: ['309876543210'] }, across).account?.alias).toBe('search');
  });

  it('only ever resolves to a Region and account the deployment and the channel allow, or refuses as bad input', () => {
    // Any typed value, any limit drawn from what the deployment has and what it has not.
    const region = fc.oneof(
      fc.constantFrom('eu-central-1', 'eu-west-1', 'us-east-1', 'EU-WEST-1', 'ap-south-1', ''),
      fc.string({ maxLength: 20 }),
    );
    const account = fc.oneof(
      fc.constantFrom('payments', 'search', '210987654321', '309876543210', '111122223333', 'prod'),
      fc.string({ maxLength: 20 }),
    );
    const limit = fc.option(
      fc.record(
        {
          accounts: fc.subarray(['210987654321', '309876543210', '111122223333']),
          regions: fc.subarray(['eu-central-1', 'eu-west-1', 'us-east-1']),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    );
    fc.assert(
      fc.property(
        fc.option(region, { nil: undefined }),
        fc.option(account, { nil: undefined }),
        limit,
        fc.boolean(),
        (r, a, l, acrossAccounts) => {
          let scope: Scope;
          try {
            scope = resolveScope(
              { ...(r !== undefined ? { region: r } : {}), ...(a !== undefined ? { account: a } : {}) },
              REACH,
              l,
              { ...CONTEXT, acrossAccounts },
            );
          } catch (error) {
            return error instanceof UserInputError;
          }
          const { account } = scope;
          return (
            REACH.regionsAllowed.includes(scope.region) &&
            (!l?.regions || l.regions.includes(scope.region)) &&
            (!account || REACH.accounts.some((k) => k.id === account.id && k.alias === account.alias)) &&
            (!l?.accounts || (account !== undefined && l.accounts.includes(account.id))) &&
            !(scope.acrossAccounts && account)
          );
        },
      ),
    );
  });
});

describe('handlers/scope: words and names', () => {
  it('leaves the scope flags out of an example, in either spelling', () => {
    expect(withoutScopeFlags(['rds', 'cpu', '--region', 'x', 'db', '--account=prod', '--since', '1h'])).toEqual([
      'rds',
      'cpu',
      'db',
      '--since',
      '1h',
    ]);
    expect(scopeExample('/cw top', ['ec2', 'cpu', '-region', 'eu-west-1'])).toBe('/cw top ec2 cpu');
  });

  it('names where an answer came from', () => {
    expect(scopeText({ region: 'eu-west-1' })).toBe('eu-west-1');
    expect(scopeText({ region: 'eu-west-1', account: { alias: 'payments', id: '210987654321' } })).toBe(
      'payments (210987654321) · eu-west-1',
    );
    expect(scopeText({ region: 'eu-west-1', acrossAccounts: true })).toBe('all linked accounts · eu-west-1');
  });
});
