/**
 * Which AWS Region and account a command reads: decided once, in the command's plan, from what was
 * typed (`--region`, `--account`), what the deployment may reach (`REGIONS_ALLOWED`, `ACCOUNTS`) and
 * what the access policy lets the channel see. A refusal happens there, before any AWS call.
 */
import { type FlagSpec, readFlagWord } from './command-flags.ts';
import { UserInputError } from './errors.ts';
import { didYouMean } from './suggest-word.ts';

/** An account of `ACCOUNTS`: a linked source account of a monitoring account (or the monitoring account itself). */
export interface Account {
  alias: string;
  id: string;
}

/** What the deployment may reach: its own Region, `REGIONS_ALLOWED` and `ACCOUNTS`. */
export interface ReachSettings {
  /** The deployment's own Region: the default. */
  region: string;
  /** Every Region commands may read; the deployment's own is always one. */
  regionsAllowed: readonly string[];
  /** The accounts `--account` may name, by alias; empty when the deployment is no monitoring account. */
  accounts: readonly Account[];
}

/** What the access policy lets one channel read (account ids and Regions); an absent list is no limit. */
export interface ScopeLimit {
  accounts?: readonly string[];
  regions?: readonly string[];
}

/** `--region` and `--account` as typed. */
export interface TypedScope {
  region?: string;
  account?: string;
}

/** Where a command reads: always a Region; a linked account, or the deployment's own when absent. */
export interface Scope {
  region: string;
  /** Sent as `MetricDataQuery.AccountId`, `ListMetrics.OwningAccount`, log group ARNs, the alarms' metric account. */
  account?: Account;
  /** `/cw top` in a monitoring account with no account named: every linked account, each row naming its own. */
  acrossAccounts?: boolean;
}

export const REGION_FLAG: FlagSpec = { name: 'region', kind: 'value', example: 'eu-west-1' };
export const ACCOUNT_FLAG: FlagSpec = { name: 'account', kind: 'value', example: 'prod' };
/** The flags every command that reads AWS takes. */
export const SCOPE_FLAGS: readonly FlagSpec[] = [REGION_FLAG, ACCOUNT_FLAG];

/** The help lines of the scope flags, for every command that takes them. */
export const SCOPE_HELP: readonly string[] = [
  '`--region eu-west-1` read another Region this bot may read (`REGIONS_ALLOWED`); the default is its own',
  '`--account prod` read a linked account (an alias or id of `ACCOUNTS`) through CloudWatch cross-account observability, when the bot runs in a monitoring account. A channel may be limited to some accounts and Regions by the access policy; one limited to one account reads it without `--account`',
];

/** A Region code: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `ap-southeast-7`. */
export const REGION_CODE = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
/** An AWS account id: twelve digits. */
export const ACCOUNT_ID = /^\d{12}$/;
/** An alias in `ACCOUNTS`: a short lower-case word, so it reads in a command and can never be an id. */
export const ACCOUNT_ALIAS = /^[a-z][a-z0-9_-]{0,31}$/;

/**
 * `{ scope: { region, account } }` from a command's parsed flag values, or nothing when neither was
 * typed (a parsed query then reads as before: the deployment's own Region and account).
 */
export function typedScope(values: ReadonlyMap<string, string>): { scope?: TypedScope } {
  const region = values.get(REGION_FLAG.name);
  const account = values.get(ACCOUNT_FLAG.name);
  if (region === undefined && account === undefined) return {};
  return { scope: { ...(region !== undefined ? { region } : {}), ...(account !== undefined ? { account } : {}) } };
}

/** The flags again, as `/cw` text: what a button that reruns the command must carry. */
export function scopeWords(scope: Scope, home: string): string[] {
  return [
    ...(scope.region !== home ? ['--region', scope.region] : []),
    ...(scope.account ? ['--account', scope.account.alias] : []),
  ];
}

/** `prod (111122223333)`: how answers name an account. */
export function accountName(account: Account): string {
  return account.alias === account.id ? account.id : `${account.alias} (${account.id})`;
}

/** An account id as answers name it: its alias from `ACCOUNTS` when it has one. */
export function nameAccountId(id: string, accounts: readonly Account[]): string {
  const known = accounts.find((a) => a.id === id);
  return known ? accountName(known) : id;
}

/** `eu-west-1` or `prod (111122223333) · eu-west-1`: where an answer came from, for its context line. */
export function scopeText(scope: Scope): string {
  if (scope.account) return `${accountName(scope.account)} · ${scope.region}`;
  return scope.acrossAccounts ? `all linked accounts · ${scope.region}` : scope.region;
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const listed = (items: readonly string[]) => items.map(code).join(', ');
/** At most this much of a typed word is echoed back. */
const ECHO = 40;
const echo = (text: string) => (Array.from(text).length > ECHO ? `${Array.from(text).slice(0, ECHO).join('')}…` : text);

export interface ScopeContext {
  /** `/cw metrics`, as messages name it. */
  command: string;
  /** A whole example of the command, to which a flag is added: `/cw metrics rds cpu orders-db`. */
  example: string;
  /** `/cw top` without `--account` in a monitoring account ranks across every linked account. */
  acrossAccounts?: boolean;
}

function refuse(message: string, allowedLine: string, example: string): never {
  throw new UserInputError(message, `${allowedLine}\nExample: ${code(example)}`);
}

/**
 * The Region and account a command reads, or a friendly refusal saying what was wrong, what is
 * allowed and an example. The deployment's limits (`REGIONS_ALLOWED`, `ACCOUNTS`) come first, then
 * the channel's (the access policy). Without a flag: the deployment's own Region and account, unless
 * the channel may read only one other, which is then the default.
 */
export function resolveScope(
  typed: TypedScope,
  reach: ReachSettings,
  limit: ScopeLimit | undefined,
  context: ScopeContext,
): Scope {
  const region = resolveRegion(typed.region, reach, limit, context);
  const account = resolveAccount(typed.account, reach, limit, context, region);
  if (account) return { region, account };
  const across = context.acrossAccounts === true && reach.accounts.length > 0 && !limit?.accounts;
  return across ? { region, acrossAccounts: true } : { region };
}

function resolveRegion(
  typed: string | undefined,
  reach: ReachSettings,
  limit: ScopeLimit | undefined,
  context: ScopeContext,
): string {
  const here = limit?.regions ? reach.regionsAllowed.filter((r) => limit.regions?.includes(r)) : reach.regionsAllowed;
  const example = (region: string) => `${context.example} --region ${region}`;
  // The example names a Region that would be read: another than the default when there is one.
  const first = here.find((r) => r !== reach.region) ?? here[0] ?? reach.region;
  if (typed === undefined) {
    if (here.includes(reach.region)) return reach.region;
    if (here.length === 1) return first;
    refuse(
      `Which Region? In this channel \`${context.command}\` may read ${here.length > 0 ? listed(here) : 'no Region'}, and not ${code(reach.region)}: add \`--region\`.`,
      `Regions here: ${here.length > 0 ? listed(here) : 'none (ask an admin to check the access policy)'}`,
      example(first),
    );
  }
  const region = typed.trim().toLowerCase();
  if (!REGION_CODE.test(region)) {
    refuse(
      `${code(echo(typed))} is not an AWS Region code.${didYouMean(region, reach.regionsAllowed, code)} A Region code looks like \`eu-west-1\`.`,
      `Regions this bot reads: ${listed(reach.regionsAllowed)}`,
      example(first),
    );
  }
  if (!reach.regionsAllowed.includes(region)) {
    refuse(
      `This bot does not read ${code(region)}.${didYouMean(region, reach.regionsAllowed, code)} Its Regions are set by \`REGIONS_ALLOWED\`.`,
      `Regions this bot reads: ${listed(reach.regionsAllowed)}`,
      example(first),
    );
  }
  if (!here.includes(region)) {
    refuse(
      `In this channel \`${context.command}\` may not read ${code(region)} (the access policy limits it).`,
      `Regions here: ${here.length > 0 ? listed(here) : 'none'}`,
      example(first),
    );
  }
  return region;
}

function resolveAccount(
  typed: string | undefined,
  reach: ReachSettings,
  limit: ScopeLimit | undefined,
  context: ScopeContext,
  region: string,
): Account | undefined {
  const here = limit?.accounts ? reach.accounts.filter((a) => limit.accounts?.includes(a.id)) : [...reach.accounts];
  const names = here.map((a) => `${a.alias} (${a.id})`);
  const regionFlag = region === reach.region ? '' : ` --region ${region}`;
  const example = (account: Account | undefined) =>
    `${context.example}${regionFlag} --account ${account?.alias ?? 'prod'}`;
  if (typed === undefined) {
    if (!limit?.accounts) return undefined;
    const [only, ...others] = here;
    if (only && others.length === 0) return only;
    refuse(
      `Which account? In this channel \`${context.command}\` may read ${names.length > 0 ? names.join(', ') : 'no account'}: add \`--account\`.`,
      `Accounts here: ${names.length > 0 ? names.join(', ') : 'none (ask an admin to check the access policy)'}`,
      example(only),
    );
  }
  const word = typed.trim();
  if (reach.accounts.length === 0) {
    refuse(
      '`--account` reads a linked account through CloudWatch cross-account observability, and this bot has none: ' +
        'it reads only the account it runs in. An admin can list linked accounts in `ACCOUNTS` (`prod=111122223333,staging=444455556666`) ' +
        'when the bot runs in a monitoring account.',
      'Accounts this bot reads: only its own',
      context.example,
    );
  }
  const all = reach.accounts.map((a) => `${a.alias} (${a.id})`);
  const account = reach.accounts.find((a) => a.id === word || a.alias === word.toLowerCase());
  if (!account) {
    const what = ACCOUNT_ID.test(word)
      ? `Account ${code(word)} is not one this bot reads.`
      : `${code(echo(word))} is neither an account alias nor an account id this bot reads.${didYouMean(
          word.toLowerCase(),
          reach.accounts.map((a) => a.alias),
          code,
        )}`;
    refuse(
      `${what} Its accounts are set by \`ACCOUNTS\`.`,
      `Accounts this bot reads: ${all.join(', ')}`,
      example(here[0]),
    );
  }
  if (!here.some((a) => a.id === account.id)) {
    refuse(
      `In this channel \`${context.command}\` may not read ${accountName(account)} (the access policy limits it).`,
      `Accounts here: ${names.length > 0 ? names.join(', ') : 'none'}`,
      example(here[0]),
    );
  }
  return account;
}

/**
 * A log group's ARN, as `logGroupIdentifiers` takes it for a source account: no `:*` at the end.
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_StartQuery.html
 */
export function logGroupArn(region: string, accountId: string, name: string): string {
  return `arn:${partition(region)}:logs:${region}:${accountId}:log-group:${name}`;
}

/** The ARN partition of a Region. */
export function partition(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The words without `--region`/`--account` and their values: the rest of a command, for an example. */
export function withoutScopeFlags(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const flag = readFlagWord(word);
    if (flag && (flag.name === REGION_FLAG.name || flag.name === ACCOUNT_FLAG.name)) {
      if (flag.inline === undefined) i++;
      continue;
    }
    out.push(word);
  }
  return out;
}

/** `/cw metrics rds cpu orders-db`: the command as typed without its scope flags, for a refusal's example. */
export function scopeExample(command: string, words: readonly string[]): string {
  return [command, ...withoutScopeFlags(words)].join(' ').slice(0, 300);
}
