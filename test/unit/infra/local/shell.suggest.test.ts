import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../infra/config.ts';
import { createAlarmPreview } from '../../../../infra/local/alarm-preview.ts';
import { PLAIN } from '../../../../infra/local/render-terminal.ts';
import { asSlashCommand, createShell, unknownCommand } from '../../../../infra/local/shell.ts';

describe('infra/local/shell: mistyped and slash-less commands', () => {
  it.each([
    ['/dbadvise list', 'No command /dbadvise here. Did you mean /dbadvice? Try /dbadvice help.'],
    ['dbadvise list', 'Did you mean /dbadvice list? Slash commands start with /.\n(only visible to you)'],
    [
      'dbadvce where should we keep sessions',
      'Did you mean /dbadvice where should we keep sessions? Slash commands start with /.\n(only visible to you)',
    ],
    ['/cww help', 'No command /cww here. Did you mean /cw? Try /cw help.'],
    ['/alram fire', 'No command /alram here. Did you mean /alarm? Try /cw help.'],
    ['/deploy now', 'No command /deploy here. Try /cw help.'],
  ])('`%s` is answered with the closest slash command', async (line, said) => {
    // Prepare
    let out = '';
    const shell = await createShell(loadConfig({ DATA_SOURCE: 'demo' }), (text) => (out += `${text}\n`), PLAIN);

    // Act
    await shell.run(line);
    await shell.close();

    // Assess
    expect(out.trim()).toBe(said);
  });

  it.each([
    ['cw help', '/cw help'],
    ['CW metrics rds cpu orders-db', '/cw metrics rds cpu orders-db'],
    ['dbadvice where should we keep sessions?', '/dbadvice where should we keep sessions?'],
    ['alarm all', '/cw alarm all'],
    ['metrics rds cpu orders-db', '/cw metrics rds cpu orders-db'],
    ['/cw alarms', '/cw alarms'],
    ['hello there', undefined],
    ['cwhelp', undefined],
  ])('reads `%s` as %s', (line, command) => {
    expect(asSlashCommand(line)).toBe(command);
  });

  it('runs `cw help` (the slash forgotten) as /cw help', async () => {
    // Prepare
    let out = '';
    const shell = await createShell(loadConfig({ DATA_SOURCE: 'demo' }), (text) => (out += `${text}\n`), PLAIN);

    // Act
    await shell.run('cw help');
    await shell.close();

    // Assess
    expect(out).toContain('/cw: CloudWatch from Slack');
  });

  it('says nothing close for a far name', () => {
    expect(unknownCommand('/zzzzzzzz')).toBe('No command /zzzzzzzz here. Try /cw help.');
  });
});

describe('infra/local/alarm-preview: a mistyped action', () => {
  it.each([
    ['fier', 'Did you mean /alarm fire? Usage:'],
    ['reslove', 'Did you mean /alarm resolve? Usage:'],
    ['', 'Usage:'],
    ['explode', 'Usage:'],
  ])('`/alarm %s` says %j', async (action, said) => {
    // Prepare
    const out: string[] = [];
    const run = createAlarmPreview({
      write: (text) => out.push(text),
      style: PLAIN,
      images: async () => ({ getMetricImage: async () => new Uint8Array([137, 80, 78, 71]) }),
      files: { upload: async () => ({}) },
    });

    // Act
    await run(action);

    // Assess
    expect(out.join('\n').startsWith(said)).toBe(true);
  });
});
