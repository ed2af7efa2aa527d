import { describe, expect, it } from 'vitest';
import type { CommandPlan } from '../../../handlers/command.ts';
import { planCommand } from '../../../handlers/dispatch.ts';
import { errorMessage } from '../../../handlers/error-message.ts';
import { UserInputError } from '../../../handlers/errors.ts';
import type { LogsPort } from '../../../handlers/ports.ts';
import { expectValidMessage } from '../../fixtures/block-kit.ts';
import { type AllDeps, commandDeps } from '../../fixtures/command-deps.ts';
import { fakeTime, STATS } from '../../fixtures/logs.ts';

const plan = (command: string, text: string) => planCommand({ command, text }, commandDeps());

function refusal(command: string, text: string): UserInputError {
  try {
    plan(command, text);
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error(`${command} ${text} was accepted`);
}

function work(p: CommandPlan) {
  if (p.kind !== 'work') throw new Error('expected work');
  return p;
}

/** A Logs Insights that finishes at once with one row, and knows one saved query. */
function logsDeps(): AllDeps {
  const time = fakeTime();
  const logs: LogsPort = {
    startQuery: async () => 'q-1',
    getQueryResults: async () => ({
      status: 'Complete',
      fields: ['@timestamp', '@message'],
      rows: [{ '@timestamp': '2026-11-25 11:59:00.000', '@message': 'Task timed out after 3.00 seconds' }],
      statistics: STATS,
    }),
    stopQuery: async () => undefined,
    listSavedQueries: async () => [
      {
        name: 'checkout errors',
        queryString: 'filter @message like /ERROR/',
        logGroupNames: ['/aws/lambda/checkout-api'],
      },
    ],
    listLogGroups: async () => [],
    listQueryLogGroups: async () => [],
  };
  return commandDeps({ logs, now: time.now, sleep: time.sleep });
}

describe('handlers/dispatch', () => {
  describe('a mistyped subcommand is suggested, not run', () => {
    it.each([
      ['/cw', 'metircs rds cpu orders-db', 'Did you mean `/cw metrics`?'],
      ['/cw', 'mertics rds cpu orders-db', 'Did you mean `/cw metrics`?'],
      ['/cw', 'alrams', 'Did you mean `/cw alarms`?'],
      ['/cw', 'hlep', 'Did you mean `/cw help`?'],
      ['/cw', 'logs qurey /aws/lambda/checkout-api', 'Did you mean `/cw logs query`?'],
      ['/cw', 'logs saevd', 'Did you mean `/cw logs saved`?'],
      ['/dbadvice', 'lst', 'Did you mean `/dbadvice list`?'],
      ['/dbadvice', 'flet', 'Did you mean `/dbadvice fleet`?'],
      ['/dbadvice', 'hepl --share', 'Did you mean `/dbadvice help`?'],
    ])('%s %s', (command, text, suggestion) => {
      // Act
      const error = refusal(command, text);

      // Assess
      expect(error.message).toContain(suggestion);
      expectValidMessage(errorMessage(error, 'ref'));
    });

    it('runs what is unambiguous: an alias, or a one-word question', () => {
      expect(plan('/cw', 'metric rds cpu orders-db').kind).toBe('work');
      expect(plan('/dbadvice', 'list').kind).toBe('work');
      expect(plan('/dbadvice', 'aurora').kind).toBe('work');
      expect(plan('/dbadvice', 'list of products and prices').kind).toBe('work');
    });

    it.each([
      [
        '--since 1h metrics rds cpu orders-db',
        '`--since 1h` goes after the command, e.g. `/cw metrics rds cpu orders-db --since 1h`.',
      ],
      ['--share alarm ok', '`--share` goes after the command, e.g. `/cw alarm ok --share`.'],
      ['--share', '`--share` goes after the command, e.g. `/cw metrics rds cpu orders-db --share`.'],
    ])('moves a flag typed first, with its value, after the command named: %s', (text, message) => {
      expect(refusal('/cw', text).message).toBe(message);
    });

    it('says where a flag typed before the command goes', () => {
      expect(refusal('/cw', '--share alarms').message).toContain('goes after the command');
      expect(refusal('/cw', 'logs --share query /aws/lambda/checkout-api').message).toContain(
        '`--share` goes after `query <group>`',
      );
    });

    it.each([
      ['logs /aws/lambda/checkout-api --since 1h', '`/cw logs query /aws/lambda/checkout-api --since 1h`'],
      ['logs /ecs/payments-*', '`/cw logs query /ecs/payments-*`'],
    ])('a log group where the logs action goes is the query that was meant: %s', (text, meant) => {
      const { message, usage } = refusal('/cw', text);
      expect(message).toBe(`\`${text.split(' ')[1]}\` is a log group, not a command: did you mean ${meant}?`);
      expect(usage).toMatch(/^`\/cw logs query/);
    });

    it('says nothing it cannot back: a word far from every command gets no suggestion', () => {
      expect(refusal('/cw', 'kubernetes').message).toBe('`kubernetes` is not a /cw command.');
    });
  });

  describe('after a small mistake, one usage line and where to read more', () => {
    it.each([
      ['metrics rds cpu orders-db --graf', '/cw help metrics'],
      ['metrics AWS/EC2', '/cw help metrics'],
      ['logs query /aws/lambda/checkout-api --limt 5', '/cw help logs'],
      ['logs run checkout errors --limit many', '/cw help logs'],
      ['alarms --verbose', '/cw help alarms'],
      ['metircs', '/cw help'],
    ])('/cw %s', (text, help) => {
      // Act
      const message = errorMessage(refusal('/cw', text), 'ref');

      // Assess
      expectValidMessage(message);
      const shown = JSON.stringify(message.blocks);
      expect(shown).toContain(help);
      // Not the whole usage block: no second command's line, no shortcut table.
      expect(shown).not.toContain('network-in');
      expect(message.text.split('\n').length).toBeLessThanOrEqual(4);
    });
  });

  describe('--share works on every command', () => {
    it('shares a Logs Insights answer', async () => {
      // Prepare
      const p = work(plan('/cw', 'logs query /aws/lambda/checkout-api --share --since 1h'));

      // Act
      const message = await p.run(logsDeps());

      // Assess
      expect(p.working.response_type).toBe('in_channel');
      expect(message.response_type).toBe('in_channel');
      expect(JSON.stringify(message)).toContain('Task timed out');
    });

    it('keeps a Logs Insights answer to the asker without --share', async () => {
      const message = await work(plan('/cw', 'logs query /aws/lambda/checkout-api --since 1h')).run(logsDeps());
      expect(message.response_type).toBe('ephemeral');
    });

    it('shares a saved query run and the saved query list', async () => {
      // Act
      const run = await work(plan('/cw', 'logs run checkout errors \u2014share')).run(logsDeps());
      const saved = await work(plan('/cw', 'logs saved --share')).run(logsDeps());

      // Assess
      expect(run.response_type).toBe('in_channel');
      expect(saved.response_type).toBe('in_channel');
    });

    it('refuses words after `logs saved` that are not flags', () => {
      expect(refusal('/cw', 'logs saved everything').message).toMatch(/Unexpected `everything`/);
    });

    it('shares metrics with -share and --share alike', () => {
      expect(work(plan('/cw', 'metrics rds cpu orders-db -share')).working.response_type).toBe('in_channel');
      expect(work(plan('/cw', 'metrics rds cpu orders-db --share')).working.response_type).toBe('in_channel');
    });
  });

  describe('/cw help', () => {
    it('does not describe itself as showing itself again, and points at one-command help', () => {
      // Act
      const p = plan('/cw', 'help');

      // Assess
      if (p.kind !== 'reply') throw new Error('expected a reply');
      const shown = JSON.stringify(p.message);
      expect(shown).not.toMatch(/shows this again/i);
      expect(shown).toContain('/cw help metrics');
    });

    it.each([
      ['metrics', '--period', 'Logs Insights'],
      ['metric', '--stat', 'Logs Insights'],
      ['logs', '--limit', 'Shortcuts'],
      ['alarms', '`firing`', '--period'],
    ])('`/cw help %s` shows that command in detail and not the others', (topic, has, hasNot) => {
      // Act
      const p = plan('/cw', `help ${topic}`);

      // Assess
      if (p.kind !== 'reply') throw new Error('expected a reply');
      expectValidMessage(p.message);
      const shown = JSON.stringify(p.message.blocks);
      expect(shown).toContain(has);
      expect(shown).not.toContain(hasNot);
    });
  });
});
