import { describe, expect, it } from 'vitest';
import { evaluateExpression } from '../../../../infra/demo/expression.ts';

const series = (values: number[]) => values.map((v, i) => ({ t: i * 60_000, v }));

describe('infra/demo/expression', () => {
  it('computes arithmetic on series ids point by point, with precedence and parentheses', () => {
    const byId = new Map([
      ['errors', series([1, 2, 0])],
      ['invocations', series([100, 50, 0])],
    ]);
    expect(evaluateExpression('100 * errors / invocations', byId)?.map((p) => p.v)).toEqual([1, 4]);
    expect(evaluateExpression('(errors + 1) * 2 - -1', byId)?.map((p) => p.v)).toEqual([5, 7, 3]);
  });

  it('refuses what it cannot compute instead of drawing a wrong line', () => {
    const byId = new Map([['m1', series([1])]]);
    expect(evaluateExpression('SUM(METRICS())', byId)).toBeUndefined();
    expect(evaluateExpression('m1 +', byId)).toBeUndefined();
    expect(evaluateExpression('m2 * 2', byId)).toBeUndefined();
    expect(evaluateExpression('42', byId)).toBeUndefined();
  });
});
