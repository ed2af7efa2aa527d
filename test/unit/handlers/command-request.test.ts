import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCommandRequest } from '../../../handlers/command-request.ts';
import { REGISTRY } from '../../../handlers/registry.ts';

const commandPath = (command: string, text: string) => readCommandRequest({ command, text }, REGISTRY).path;

describe('handlers/command-request', () => {
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
    // What the shared flag grammar reads as `--share` is taken out before the policy looks.
    ['/dbadvice', '\u2014share fleet', ['/dbadvice', 'fleet']],
    ['/dbadvice', '-share list', ['/dbadvice', 'list']],
    // Names on Object.prototype are words like any other, not the prototype's members.
    ['/cw', 'constructor', ['/cw', 'constructor']],
    ['/cw', 'toString x', ['/cw', 'tostring']],
  ])('reads %s %j as %j', (command, text, path) => {
    expect(commandPath(command, text)).toEqual(path);
  });

  it('never throws, and always starts with the command', () => {
    fc.assert(
      fc.property(fc.constantFrom('/cw', '/dbadvice'), fc.string({ maxLength: 80 }), (command, text) => {
        const path = commandPath(command, text);
        expect(path[0]).toBe(command);
        for (const word of path) expect(typeof word).toBe('string');
      }),
    );
  });
});

describe('handlers/command-request: --help', () => {
  it.each([
    ['--help', ['/cw', 'help']],
    ['-h', ['/cw', 'help']],
    ['logs --help', ['/cw', 'logs']],
    ['logs query /aws/lambda/x --help', ['/cw', 'logs', 'query']],
    ['metrics --help', ['/cw', 'metrics']],
  ])('`/cw %s` is %j to the access policy', (text, path) => {
    expect(commandPath('/cw', text)).toEqual(path);
  });
});
