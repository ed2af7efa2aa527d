/**
 * Who may run what: the workspaces the bot serves and, per command (and the words after it), the
 * channels and users allowed. Pure: the file is read and parsed in infra/access-policy.ts.
 */

import { REGISTRY } from './registry.ts';
import { ACCOUNT_ALIAS, ACCOUNT_ID, type Account, REGION_CODE, type ScopeLimit } from './scope.ts';
import { didYouMean } from './suggest-word.ts';

export interface AccessRule {
  /** `/cw`, `/cw logs`, `/dbadvice fleet`: a command and optionally its first words. */
  command: string;
  /** Allowed channel ids; absent means any channel. */
  channels?: string[];
  /** Allowed user ids; absent means anyone. */
  users?: string[];
}

/**
 * What commands in some channels may read: the accounts (aliases of `ACCOUNTS`, or ids) and the
 * Regions (within `REGIONS_ALLOWED`). Without `channels`, it is the limit of every channel no other
 * entry names. A list left out is no limit on that.
 */
export interface ChannelLimit {
  channels?: string[];
  accounts?: string[];
  regions?: string[];
}

export interface AccessPolicy {
  workspaces: string[];
  rules: AccessRule[];
  limits?: ChannelLimit[];
}

export interface AccessRequest {
  teamId: string | undefined;
  channelId: string | undefined;
  userId: string | undefined;
  /** The command and the words the user typed after it. */
  words: readonly string[];
}

/** The file an operator edits to serve another workspace (shipped to Lambda as JSON, edited as YAML). */
export const ACCESS_POLICY_SOURCE = 'infra/access-policy.yml';

/**
 * `log`: for the operator's log when the refusal is a setup matter (an unknown workspace), not a
 * user's. `limit`: the accounts and Regions the channel may read, which the command's plan enforces.
 */
export type AccessDecision =
  | { allowed: true; rule: string; limit?: ScopeLimit }
  | { allowed: false; reason: string; log?: string };

const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && x !== '');

/** Whether a rule's words are a command of the registry or the start of one (`/cw logs` covers query, saved, run). */
function namesCommand(command: string, known: readonly (readonly string[])[]): boolean {
  const words = command.toLowerCase().split(' ');
  return known.some((path) => words.every((word, i) => path[i] === word));
}

/**
 * Checks a parsed policy file; every problem is reported at once, with where it is. A rule must name
 * a command by its canonical words (the registry's), or it would never match what people type.
 */
export function validateAccessPolicy(
  raw: unknown,
  known: readonly (readonly string[])[] = REGISTRY.commands.map((c) => c.path),
): { policy?: AccessPolicy; problems: string[] } {
  const problems: string[] = [];
  const doc = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (typeof raw !== 'object' || raw === null)
    problems.push('the file must be a mapping with `workspaces` and `rules`');
  for (const key of Object.keys(doc))
    if (key !== 'workspaces' && key !== 'rules' && key !== 'limits') problems.push(`unknown key \`${key}\``);
  const workspaces = doc.workspaces;
  if (!isStringList(workspaces) || workspaces.length === 0) {
    problems.push('`workspaces` must list at least one workspace id (T…)');
  } else {
    for (const id of workspaces)
      if (!/^[TE][A-Z0-9]{2,}$/.test(id)) problems.push(`workspaces: \`${id}\` is not a workspace id like T0123ABCD`);
  }
  const rules: AccessRule[] = [];
  if (!Array.isArray(doc.rules) || doc.rules.length === 0) problems.push('`rules` must list at least one rule');
  (Array.isArray(doc.rules) ? doc.rules : []).forEach((value: unknown, i) => {
    const rule = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const where = `rules[${i}]`;
    for (const key of Object.keys(rule)) {
      if (!['command', 'channels', 'users'].includes(key)) problems.push(`${where}: unknown key \`${key}\``);
    }
    if (typeof rule.command !== 'string' || !/^\/[a-z][\w-]*( [^\s]+)*$/.test(rule.command)) {
      problems.push(`${where}.command must be a slash command and optional words, like "/cw logs"`);
      return;
    }
    for (const key of ['channels', 'users'] as const) {
      const list = rule[key];
      if (list === undefined) continue;
      const prefix = key === 'channels' ? /^[CGD][A-Z0-9]{2,}$/ : /^[UW][A-Z0-9]{2,}$/;
      if (!isStringList(list) || list.length === 0) problems.push(`${where}.${key} must be a non-empty list of ids`);
      else
        for (const id of list)
          if (!prefix.test(id))
            problems.push(
              `${where}.${key}: \`${id}\` is not a ${key === 'channels' ? 'channel id like C0123ABCD' : 'user id like U0123ABCD'} (names change, ids do not)`,
            );
    }
    if (!namesCommand(rule.command, known)) {
      const names = [...new Set(known.flatMap((path) => path.map((_, i) => path.slice(0, i + 1).join(' '))))];
      problems.push(
        `${where}.command \`${rule.command}\` is no command of this bot (its words, not an alias).${didYouMean(rule.command, names, (n) => `\`${n}\``)}`,
      );
    }
    if (rules.some((r) => r.command === rule.command)) problems.push(`${where}: a second rule for \`${rule.command}\``);
    rules.push({
      command: rule.command,
      ...(isStringList(rule.channels) ? { channels: rule.channels } : {}),
      ...(isStringList(rule.users) ? { users: rule.users } : {}),
    });
  });
  const limits = validateLimits(doc.limits, problems);
  return problems.length > 0
    ? { problems }
    : { policy: { workspaces: workspaces as string[], rules, ...(limits ? { limits } : {}) }, problems };
}

/** The `limits` section: each entry's channels, accounts and Regions, well formed and not ambiguous. */
function validateLimits(raw: unknown, problems: string[]): ChannelLimit[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push('`limits` must list at least one entry (channels, and the accounts and regions they may read)');
    return undefined;
  }
  const limits: ChannelLimit[] = [];
  const seen = new Map<string, number>();
  raw.forEach((value: unknown, i) => {
    const entry = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const where = `limits[${i}]`;
    for (const key of Object.keys(entry)) {
      if (!['channels', 'accounts', 'regions'].includes(key)) problems.push(`${where}: unknown key \`${key}\``);
    }
    const checked: ChannelLimit = {};
    const lists = [
      ['channels', /^[CGD][A-Z0-9]{2,}$/, 'a channel id like C0123ABCD'],
      [
        'accounts',
        { test: (v: string) => ACCOUNT_ID.test(v) || ACCOUNT_ALIAS.test(v) },
        'an alias from ACCOUNTS (`prod`) or a 12-digit account id',
      ],
      ['regions', REGION_CODE, 'a Region code like eu-west-1'],
    ] as const;
    for (const [key, pattern, what] of lists) {
      const list = entry[key];
      if (list === undefined) continue;
      if (!isStringList(list) || list.length === 0) {
        problems.push(`${where}.${key} must be a non-empty list`);
        continue;
      }
      const bad = list.filter((v) => !pattern.test(v));
      for (const b of bad) problems.push(`${where}.${key}: \`${b}\` is not ${what}`);
      checked[key] = list;
    }
    if (!checked.accounts && !checked.regions)
      problems.push(`${where} limits nothing: give \`accounts\`, \`regions\` or both`);
    for (const channel of checked.channels ?? ['(every other channel)']) {
      const earlier = seen.get(channel);
      if (earlier !== undefined) {
        problems.push(
          `${where}: ${channel === '(every other channel)' ? 'a second entry without `channels`' : `\`${channel}\` is already limited by limits[${earlier}]`}; one entry per channel`,
        );
      }
      seen.set(channel, i);
    }
    limits.push(checked);
  });
  return limits;
}

/**
 * What in the policy's `limits` the deployment's own settings do not have: an account alias not in
 * `ACCOUNTS`, a Region not in `REGIONS_ALLOWED`. Checked at start-up, so a typo never silently
 * limits (or opens) a channel.
 */
export function limitProblems(
  policy: AccessPolicy,
  reach: { regionsAllowed: readonly string[]; accounts: readonly Account[] },
): string[] {
  const problems: string[] = [];
  (policy.limits ?? []).forEach((limit, i) => {
    for (const account of limit.accounts ?? []) {
      const known = reach.accounts.some((a) => a.alias === account || a.id === account);
      if (!known) {
        problems.push(
          `limits[${i}].accounts: \`${account}\` is not in ACCOUNTS (${reach.accounts.map((a) => a.alias).join(', ') || 'empty'})`,
        );
      }
    }
    for (const region of limit.regions ?? []) {
      if (!reach.regionsAllowed.includes(region)) {
        problems.push(
          `limits[${i}].regions: \`${region}\` is not in REGIONS_ALLOWED (${reach.regionsAllowed.join(', ')})`,
        );
      }
    }
  });
  return problems;
}

/** The limit of a channel: its own entry, else the entry without `channels`, else none. */
export function channelLimit(
  policy: AccessPolicy,
  channelId: string | undefined,
  accounts: readonly Account[],
): ScopeLimit | undefined {
  const limits = policy.limits ?? [];
  const entry =
    limits.find((l) => channelId !== undefined && l.channels?.includes(channelId)) ?? limits.find((l) => !l.channels);
  if (!entry) return undefined;
  // Aliases become ids here: what a plan compares with is the account id.
  const ids = entry.accounts?.flatMap((a) =>
    ACCOUNT_ID.test(a) ? [a] : accounts.filter((k) => k.alias === a).map((k) => k.id),
  );
  return { ...(ids ? { accounts: ids } : {}), ...(entry.regions ? { regions: entry.regions } : {}) };
}

/** The rule for a request: the one whose command and words match the longest prefix of what was typed. */
function ruleFor(policy: AccessPolicy, words: readonly string[]): AccessRule | undefined {
  const typed = words.map((w) => w.toLowerCase());
  return policy.rules
    .filter((r) => {
      const ruleWords = r.command.toLowerCase().split(' ');
      return ruleWords.every((w, i) => typed[i] === w);
    })
    .sort((a, b) => b.command.split(' ').length - a.command.split(' ').length)[0];
}

function list(ids: string[], kind: string): string {
  const shown = ids.slice(0, 5).map((id) => (kind === 'channel' ? `<#${id}>` : `<@${id}>`));
  return `${shown.join(', ')}${ids.length > 5 ? ` and ${ids.length - 5} more` : ''}`;
}

export function decideAccess(
  policy: AccessPolicy,
  request: AccessRequest,
  accounts: readonly Account[] = [],
): AccessDecision {
  if (!request.teamId || !policy.workspaces.includes(request.teamId)) {
    // Signed by Slack, so an id; shown only when it looks like one, so nothing else reaches the message.
    const team = request.teamId && /^[TE][A-Z0-9]{2,20}$/.test(request.teamId) ? request.teamId : undefined;
    const which = team ? `this workspace (\`${team}\`)` : 'this workspace (no team id arrived)';
    return {
      allowed: false,
      reason:
        `This bot is not set up for ${which} yet. ` +
        `An admin can add ${team ? `\`${team}\`` : 'its id'} to \`workspaces\` in \`${ACCESS_POLICY_SOURCE}\` and deploy again.`,
      log:
        `Refused a request from workspace ${team ?? '(none)'}: it is not in \`workspaces\` of ${ACCESS_POLICY_SOURCE}. ` +
        'Add it there and deploy again if the bot should serve it.',
    };
  }
  const rule = ruleFor(policy, request.words);
  const what = `\`${request.words.slice(0, 2).join(' ')}\``;
  if (!rule) return { allowed: false, reason: `${what} is not enabled here.` };
  const channelOk = !rule.channels || (request.channelId !== undefined && rule.channels.includes(request.channelId));
  const userOk = !rule.users || (request.userId !== undefined && rule.users.includes(request.userId));
  if (channelOk && userOk) {
    const limit = channelLimit(policy, request.channelId, accounts);
    return { allowed: true, rule: rule.command, ...(limit ? { limit } : {}) };
  }
  const where = rule.channels ? ` in ${list(rule.channels, 'channel')}` : '';
  const who = rule.users ? ` by ${list(rule.users, 'user')}` : '';
  return { allowed: false, reason: `Sorry, \`${rule.command}\` can only be used${where}${who}.` };
}
