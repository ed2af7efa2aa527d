import type { Account } from '../../handlers/scope.ts';

/**
 * Where the demo pretends to run: a CloudWatch cross-account observability monitoring account in
 * us-east-1 with two linked source accounts, and a second Region, so `--region` and `--account` can
 * be tried without AWS. Each place has its own (seeded) numbers for the same fleet.
 */
export const DEMO_HOME_REGION = 'us-east-1';
/** The monitoring account itself (the id AWS's documentation samples use). */
export const DEMO_HOME_ACCOUNT = '123456789012';
/** `REGIONS_ALLOWED` on the demo when it is not set. */
export const DEMO_REGIONS = [DEMO_HOME_REGION, 'eu-west-1'];
/**
 * `ACCOUNTS` on the demo when it is not set: the monitoring account itself (so its rows in a ranking
 * across accounts are named and can be graphed) and two source accounts.
 */
export const DEMO_ACCOUNTS: Account[] = [
  { alias: 'ops', id: DEMO_HOME_ACCOUNT },
  { alias: 'prod', id: '111122223333' },
  { alias: 'staging', id: '444455556666' },
];
