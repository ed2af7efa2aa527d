import type { Point } from './chart.ts';

/**
 * The part of CloudWatch metric math the demo can compute: numbers, ids of other series, + - * /,
 * unary minus and parentheses, point by point on shared timestamps. Anything else (functions,
 * METRICS(), SEARCH) is `undefined`, and the demo says it did not draw it rather than guess.
 */
export function evaluateExpression(expression: string, byId: ReadonlyMap<string, Point[]>): Point[] | undefined {
  const tokens = expression.match(/\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_]\w*|[-+*/()]|\S/g) ?? [];
  let at = 0;
  type Node = (i: number) => number;
  const timeline = new Set<number>();
  const fail = (): never => {
    throw new SyntaxError(expression);
  };
  const primary = (): Node => {
    const token = tokens[at++];
    if (token === undefined) return fail();
    if (token === '(') {
      const inner = sum();
      if (tokens[at++] !== ')') fail();
      return inner;
    }
    if (token === '-') {
      const inner = primary();
      return (i) => -inner(i);
    }
    if (/^\d/.test(token)) {
      const n = Number(token);
      return () => n;
    }
    const series = /^[A-Za-z_]\w*$/.test(token) && tokens[at] !== '(' ? byId.get(token) : undefined;
    if (!series) return fail();
    for (const p of series) timeline.add(p.t);
    const values = new Map(series.map((p) => [p.t, p.v]));
    return (t) => values.get(t) ?? Number.NaN;
  };
  const product = (): Node => {
    let left = primary();
    while (tokens[at] === '*' || tokens[at] === '/') {
      const op = tokens[at++];
      const a = left;
      const b = primary();
      left = op === '*' ? (t) => a(t) * b(t) : (t) => a(t) / b(t);
    }
    return left;
  };
  const sum = (): Node => {
    let left = product();
    while (tokens[at] === '+' || tokens[at] === '-') {
      const op = tokens[at++];
      const a = left;
      const b = product();
      left = op === '+' ? (t) => a(t) + b(t) : (t) => a(t) - b(t);
    }
    return left;
  };
  try {
    const node = sum();
    if (at !== tokens.length || timeline.size === 0) return undefined;
    return [...timeline]
      .sort((a, b) => a - b)
      .map((t) => ({ t, v: node(t) }))
      .filter((p) => Number.isFinite(p.v));
  } catch {
    return undefined;
  }
}
