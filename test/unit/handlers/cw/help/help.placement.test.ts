import { describe, expect, it } from 'vitest';
import type { CommandPlan } from '../../../../../handlers/command.ts';
import { SHARE_HELP_NOTE } from '../../../../../handlers/cw/help/help.ts';
import { planCommand } from '../../../../../handlers/dispatch.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import { expectValidMessage } from '../../../../fixtures/block-kit.ts';
import { commandDeps } from '../../../../fixtures/command-deps.ts';

const plan = (text: string) => planCommand({ command: '/cw', text }, commandDeps());

function reply(p: CommandPlan) {
  if (p.kind !== 'reply') throw new Error('expected a reply');
  expectValidMessage(p.message);
  return p.message;
}

const title = (p: CommandPlan) => JSON.stringify(reply(p).blocks?.[0]);

describe('handlers/commands: a help word before the command shows that command’s topic', () => {
  it.each([
    ['-h metrics', '/cw metrics'],
    ['--help logs', '/cw logs'],
    ['-help alarms', '/cw alarms'],
    ['--help metric', '/cw metrics'],
    ['-h logs query /aws/lambda/x', '/cw logs'],
  ])('/cw %s is the %s topic', (text, topic) => {
    expect(title(plan(text))).toContain(topic);
  });

  it('`/cw -h` and `/cw --help` alone are the whole help', () => {
    expect(title(plan('-h'))).toContain('/cw: CloudWatch from Slack');
    expect(title(plan('--help --share'))).toContain('/cw: CloudWatch from Slack');
  });

  it('a mistyped topic after the help word is refused as `/cw help <typo>` is', () => {
    expect(() => plan('-h metirks')).toThrow(UserInputError);
  });
});

describe('handlers/commands: help is always private, and says so when --share is beside it', () => {
  it.each([
    'metrics --help --share',
    'metrics --share -h',
    'logs query /aws/lambda/checkout-api --share --help',
    'logs --help --share',
    'alarms --share --help',
    'help --share',
    'help logs --share',
    '--share -h metrics',
    '-h metrics --share',
  ])('/cw %s', (text) => {
    // Act
    const message = reply(plan(text));

    // Assess
    expect(message.response_type).toBe('ephemeral');
    expect(JSON.stringify(message.blocks)).toContain(SHARE_HELP_NOTE);
  });

  it('without --share the note is not there, and the help’s own text says help is only for you', () => {
    const shown = JSON.stringify(reply(plan('help')).blocks);
    expect(shown).not.toContain(SHARE_HELP_NOTE);
    expect(shown).toMatch(/help is never posted in the channel, even with `--share`/);
  });
});

describe('handlers/commands: /dbadvice help is private too', () => {
  it.each(['help --share', '--help --share', 'fleet --help --share'])('/dbadvice %s', async (text) => {
    // Act
    const p = planCommand({ command: '/dbadvice', text }, commandDeps());

    // Assess
    if (p.kind !== 'work') throw new Error('expected work');
    expect(p.working.response_type).toBe('ephemeral');
    const message = await p.run(commandDeps());
    expect(message.response_type).toBe('ephemeral');
    expect(JSON.stringify(message.blocks)).toContain(SHARE_HELP_NOTE);
  });

  it('/dbadvice help without --share has no note', async () => {
    const p = planCommand({ command: '/dbadvice', text: 'help' }, commandDeps());
    if (p.kind !== 'work') throw new Error('expected work');
    expect(JSON.stringify((await p.run(commandDeps())).blocks)).not.toContain(SHARE_HELP_NOTE);
  });
});
