import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestWords, didYouMean, editDistance, sameButCase } from '../../../handlers/suggest-word.ts';

describe('handlers/suggest-word', () => {
  it.each([
    ['metircs', 'metrics', 1],
    ['lst', 'list', 1],
    ['graf', 'graph', 2],
    ['', 'abc', 3],
    ['same', 'same', 0],
    ['ca', 'abc', 3],
  ])('%j is %i edits from %j', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('is a distance: symmetric, zero only for equal words, within the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });

  it('suggests the closest word within a typo, ignoring case, and nothing when far or exact', () => {
    expect(closestWords('metircs', ['metrics', 'logs', 'alarms', 'help'])).toEqual(['metrics']);
    expect(closestWords('LST', ['help', 'list', 'fleet'])).toEqual(['list']);
    expect(closestWords('kubernetes', ['metrics', 'logs', 'alarms', 'help'])).toEqual([]);
    expect(closestWords('logs', ['metrics', 'logs'])).toEqual([]);
    expect(closestWords('aws/ecs2', ['AWS/EC2', 'AWS/ECS', 'AWS/RDS'])).toEqual(['AWS/EC2', 'AWS/ECS']);
  });

  it('finds a case-only match only when it is the one', () => {
    expect(sameButCase('aws/ec2', ['AWS/EC2', 'AWS/ECS'])).toBe('AWS/EC2');
    expect(sameButCase('x', ['X', 'x '])).toBe('X');
    expect(sameButCase('ab', ['AB', 'Ab'])).toBeUndefined();
  });

  it('words the suggestion, or says nothing', () => {
    expect(didYouMean('metircs', ['metrics'], (c) => `\`/cw ${c}\``)).toBe(' Did you mean `/cw metrics`?');
    expect(didYouMean('zzz', ['metrics'])).toBe('');
  });
});
