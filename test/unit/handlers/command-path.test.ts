import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandPath } from '../../../handlers/command-path.ts';

describe('handlers/command-path', () => {
  it.each([
    ['/cw', 'metrics rds cpu db', ['/cw', 'metrics']],
    ['/cw', 'metric rds cpu db', ['/cw', 'metrics']],
    ['/cw', 'LOG Query /x', ['/cw', 'logs', 'query']],
    ['/cw', 'logs saved', ['/cw', 'logs', 'saved']],
    ['/cw', 'alarm ok', ['/cw', 'alarms']],
    ['/cw', '', ['/cw']],
    ['/dbadvice', 'fleet', ['/dbadvice', 'fleet']],
    ['/dbadvice', '--share 플릿', ['/dbadvice', 'fleet']],
    ['/dbadvice', 'fleet management telemetry', ['/dbadvice']],
    ['/dbadvice', 'compare dynamodb aurora', ['/dbadvice', 'compare']],
    ['/dbadvice', '', ['/dbadvice', 'help']],
  ])('reads %s %j as %j', (command, text, path) => {
    expect(commandPath(command, text)).toEqual(path);
  });

  it('never throws, and always starts with the command', () => {
    fc.assert(
      fc.property(fc.constantFrom('/cw', '/dbadvice'), fc.string({ maxLength: 80 }), (command, text) => {
        expect(commandPath(command, text)[0]).toBe(command);
      }),
    );
  });
});
