import { describe, expect, it } from 'vitest';
import { type AccessPolicy, decideAccess, validateAccessPolicy } from '../../../handlers/access-policy.ts';
import { loadAccessPolicy } from '../../../infra/access-policy.ts';
import { ConfigError } from '../../../infra/config.ts';

const policy: AccessPolicy = {
  workspaces: ['T0001'],
  rules: [
    { command: '/cw' },
    { command: '/cw logs', channels: ['C0ONCALL1'] },
    { command: '/dbadvice fleet', channels: ['C0ONCALL1'], users: ['U0LEAD001'] },
  ],
};
const ask = (words: string[], who: Partial<{ teamId: string; channelId: string; userId: string }> = {}) =>
  decideAccess(policy, { teamId: 'T0001', channelId: 'C0RANDOM1', userId: 'U0ANYONE1', ...who, words });

describe('handlers/access-policy', () => {
  it('allows what a rule allows, by the longest matching rule', () => {
    expect(ask(['/cw', 'metrics', 'rds'])).toEqual({ allowed: true, rule: '/cw' });
    expect(ask(['/cw', 'logs', 'query'], { channelId: 'C0ONCALL1' })).toEqual({ allowed: true, rule: '/cw logs' });
    expect(ask(['/dbadvice', 'fleet'], { channelId: 'C0ONCALL1', userId: 'U0LEAD001' })).toMatchObject({
      allowed: true,
    });
  });

  it('refuses politely, saying what is allowed', () => {
    expect(ask(['/cw', 'logs', 'query'])).toEqual({
      allowed: false,
      reason: 'Sorry, `/cw logs` can only be used in <#C0ONCALL1>.',
    });
    expect(ask(['/dbadvice', 'fleet'], { channelId: 'C0ONCALL1' })).toEqual({
      allowed: false,
      reason: 'Sorry, `/dbadvice fleet` can only be used in <#C0ONCALL1> by <@U0LEAD001>.',
    });
  });

  it('refuses a command no rule names, and any other workspace', () => {
    expect(ask(['/dbadvice', 'redis'])).toEqual({ allowed: false, reason: '`/dbadvice redis` is not enabled here.' });
    expect(ask(['/cw', 'help'], { teamId: 'T0OTHER01' })).toEqual({
      allowed: false,
      reason:
        'This bot is not set up for this workspace (`T0OTHER01`) yet. ' +
        'An admin can add `T0OTHER01` to `workspaces` in `infra/access-policy.yml` and deploy again.',
      log: expect.stringMatching(
        /^Refused a request from workspace T0OTHER01: it is not in `workspaces` of infra\/access-policy\.yml/,
      ),
    });
    // Whatever arrives as a team id never reaches the message unless it is id-shaped.
    expect(ask(['/cw', 'help'], { teamId: '<!channel>' })).toMatchObject({
      reason: expect.stringContaining('this workspace (no team id arrived)'),
    });
    expect(decideAccess(policy, { teamId: undefined, channelId: 'C1', userId: 'U1', words: ['/cw'] }).allowed).toBe(
      false,
    );
  });

  it('reports every problem of a malformed policy at once', () => {
    const { policy: parsed, problems } = validateAccessPolicy({
      workspaces: ['acme'],
      rules: [
        { command: 'cw', channels: ['#oncall'] },
        { command: '/cw logs', users: [] },
        { command: '/cw', colour: 'red' },
      ],
      extra: 1,
    });
    expect(parsed).toBeUndefined();
    expect(problems).toEqual([
      'unknown key `extra`',
      'workspaces: `acme` is not a workspace id like T0123ABCD',
      'rules[0].command must be a slash command and optional words, like "/cw logs"',
      'rules[1].users must be a non-empty list of ids',
      'rules[2]: unknown key `colour`',
    ]);
  });

  it.each([
    ['/cw metric', 'Did you mean `/cw metrics`?'],
    ['/cw log', '`/cw logs`'],
    ['/cw logs tail', ''],
    ['/dbadvise', '`/dbadvice`'],
  ])('refuses a rule for %s, which names no command and so would never match', (command, hint) => {
    // Act
    const { policy, problems } = validateAccessPolicy({ workspaces: ['T0123ABCD'], rules: [{ command }] });

    // Assess
    expect(policy).toBeUndefined();
    expect(problems).toEqual([expect.stringContaining(`rules[0].command \`${command}\` is no command of this bot`)]);
    expect(problems[0]).toContain(hint);
  });

  it.each(['/cw', '/cw logs', '/cw logs query', '/dbadvice', '/dbadvice fleet'])(
    'takes a rule for %s: a command, or the first words of some',
    (command) => {
      expect(validateAccessPolicy({ workspaces: ['T0123ABCD'], rules: [{ command }] }).problems).toEqual([]);
    },
  );

  it('loads the repository’s own policy file', async () => {
    const loaded = await loadAccessPolicy('infra/access-policy.yml');
    expect(loaded.rules.map((r) => r.command)).toContain('/cw logs');
  });

  it('gives a clear error naming the file for bad YAML, bad JSON or a bad policy', async () => {
    await expect(loadAccessPolicy('policy.yml', () => 'workspaces: [T0001\nrules:')).rejects.toThrow(ConfigError);
    await expect(loadAccessPolicy('policy.yml', () => 'workspaces: [T0001\nrules:')).rejects.toThrow(
      /policy.yml could not be read as YAML/,
    );
    await expect(loadAccessPolicy('policy.json', () => '{"workspaces": [')).rejects.toThrow(
      /policy.json could not be read as JSON/,
    );
    await expect(loadAccessPolicy('policy.yml', () => 'workspaces: []\nrules: []')).rejects.toThrow(
      /policy.yml is not a valid access policy:\n- `workspaces` must list at least one workspace id/,
    );
  });

  it('reads the JSON the bundle carries exactly as the YAML', async () => {
    const yaml = await loadAccessPolicy('infra/access-policy.yml');
    expect(await loadAccessPolicy('p.json', () => JSON.stringify(yaml))).toEqual(yaml);
  });
});
