import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../infra/config.ts';
import { DEMO_ACCOUNTS, DEMO_REGIONS } from '../../../infra/demo/demo-accounts.ts';

const AWS = { HOME: '/nonexistent', DATA_SOURCE: 'aws', AWS_REGION: 'eu-central-1' };

describe('infra/config: REGIONS_ALLOWED and ACCOUNTS', () => {
  it('reads only its own Region and account on AWS when neither is set', () => {
    expect(loadConfig(AWS)).toMatchObject({ regionsAllowed: ['eu-central-1'], accounts: [] });
  });

  it('reads the Regions listed, its own first and always, without repeats, in lower case', () => {
    expect(loadConfig({ ...AWS, REGIONS_ALLOWED: ' EU-west-1, eu-central-1 ,us-east-1,' }).regionsAllowed).toEqual([
      'eu-central-1',
      'eu-west-1',
      'us-east-1',
    ]);
  });

  it('refuses a Region list with something that is no Region code, naming it', () => {
    expect(() => loadConfig({ ...AWS, REGIONS_ALLOWED: 'eu-west-1,ireland' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...AWS, REGIONS_ALLOWED: 'eu-west-1,ireland' })).toThrow(/"ireland"/);
  });

  it('reads alias=id pairs, the alias in lower case', () => {
    expect(loadConfig({ ...AWS, ACCOUNTS: 'payments=210987654321, search = 309876543210' }).accounts).toEqual([
      { alias: 'payments', id: '210987654321' },
      { alias: 'search', id: '309876543210' },
    ]);
  });

  it.each([
    ['payments=2109876543', 'not alias=id'],
    ['Payments=210987654321', 'not alias=id'],
    ['210987654321', 'not alias=id'],
    ['a=210987654321=x', 'not alias=id'],
    ['a=210987654321,a=309876543210', 'the alias "a" is given twice'],
    ['a=210987654321,b=210987654321', 'the account 210987654321 is given twice'],
  ])('refuses ACCOUNTS=%s (%s)', (value, problem) => {
    expect(() => loadConfig({ ...AWS, ACCOUNTS: value })).toThrow(problem);
  });

  it('gives the demo two Regions and its accounts to try, unless they are set', () => {
    // Act
    const demo = loadConfig({ HOME: '/nonexistent' });
    const set = loadConfig({ HOME: '/nonexistent', REGIONS_ALLOWED: 'ap-northeast-2', ACCOUNTS: 'x=210987654321' });

    // Assess
    expect(demo.regionsAllowed).toEqual(DEMO_REGIONS);
    expect(demo.accounts).toEqual(DEMO_ACCOUNTS);
    expect(set.regionsAllowed).toEqual(['us-east-1', 'ap-northeast-2']);
    expect(set.accounts).toEqual([{ alias: 'x', id: '210987654321' }]);
  });
});
