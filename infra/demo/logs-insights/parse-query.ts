import type {
  Aggregate,
  AggregateFn,
  Command,
  CommandBody,
  CompareOp,
  Condition,
  GroupKey,
  Operand,
  Pattern,
} from './ast.ts';
import { QuerySyntaxError, QueryUnsupportedError, type Span } from './query-error.ts';
import { compileGlob, compileRegex, namedGroups } from './regex.ts';
import { type Token, tokenize } from './tokenize.ts';

const SUPPORTED_COMMANDS = ['fields', 'display', 'filter', 'parse', 'stats', 'sort', 'limit', 'dedup'];
/** Logs Insights commands the demo does not run: named so the user hears "not supported", not "malformed". */
const OTHER_COMMANDS = [
  'pattern',
  'diff',
  'anomaly',
  'unmask',
  'filterindex',
  'source',
  'unnest',
  'lookup',
  'search',
  'head',
  'tail',
  'order',
  'estimate',
];
const AGGREGATES: AggregateFn[] = ['count', 'avg', 'sum', 'min', 'max', 'count_distinct'];
/** Logs Insights functions outside the subset (CWL_QuerySyntax-operations-functions). */
const OTHER_FUNCTIONS = new Set([
  'abs',
  'ceil',
  'floor',
  'greatest',
  'least',
  'log',
  'sqrt',
  'concat',
  'ltrim',
  'rtrim',
  'trim',
  'strlen',
  'toupper',
  'tolower',
  'substr',
  'replace',
  'strcontains',
  'isempty',
  'isblank',
  'datefloor',
  'dateceil',
  'frommillis',
  'tomillis',
  'now',
  'isvalidip',
  'isvalidipv4',
  'isvalidipv6',
  'isipinsubnet',
  'isipv4insubnet',
  'isipv6insubnet',
  'coalesce',
  'if',
  'earliest',
  'latest',
  'pct',
  'stddev',
  'sortsfirst',
  'sortslast',
  'jsonparse',
  'bin',
  'ispresent',
  'parse',
  'unnest',
]);
const UNITS_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  sec: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const spanOf = (t: Token): Span => ({ start: t.start, end: t.end });
const shown = (t: Token) =>
  t.kind === 'eof'
    ? 'the end of the query'
    : `'${t.kind === 'string' ? `"${t.value}"` : t.kind === 'regex' ? `/${t.value}/` : t.value}'`;

class Parser {
  private at = 0;
  private readonly tokens: Token[];
  /** The query as typed: column names are its text (`count(*)`, `bin(5m)`). */
  private readonly source: string;
  constructor(source: string) {
    this.source = source;
    this.tokens = tokenize(source);
  }

  peek(offset = 0): Token {
    return (
      this.tokens[Math.min(this.at + offset, this.tokens.length - 1)] ?? { kind: 'eof', value: '', start: 0, end: 0 }
    );
  }
  next(): Token {
    const t = this.peek();
    if (this.at < this.tokens.length - 1) this.at++;
    return t;
  }
  isWord(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'name' && t.value.toLowerCase() === word;
  }
  isPunct(p: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'punct' && t.value === p;
  }
  fail(expected: string, token = this.peek()): never {
    throw new QuerySyntaxError(`expected ${expected} but found ${shown(token)}`, spanOf(token));
  }
  expectPunct(p: string, what = `'${p}'`): Token {
    if (!this.isPunct(p)) this.fail(what);
    return this.next();
  }
  /** Arithmetic and `in` are Logs Insights, just not the demo's. */
  refuseOperator(): void {
    const t = this.peek();
    if (t.kind === 'punct' && ['+', '-', '*', '/', '%', '^'].includes(t.value)) {
      throw new QueryUnsupportedError(`arithmetic (\`${t.value}\`)`, spanOf(t));
    }
    if (this.isWord('in') || this.isPunct('[')) throw new QueryUnsupportedError('`in [...]`', spanOf(t));
  }

  query(): Command[] {
    const commands: Command[] = [];
    if (this.peek().kind === 'eof') this.fail('a command (fields, filter, stats, …)');
    for (;;) {
      const command = this.command();
      const previous = commands.at(-1);
      if (previous?.kind === 'dedup' && command.kind !== 'limit') {
        throw new QuerySyntaxError('only limit may follow dedup', command.span);
      }
      commands.push(command);
      if (this.peek().kind === 'eof') return commands;
      this.refuseOperator();
      if (!this.isPunct('|')) this.fail(`'|' or the end of the query after ${command.kind}`);
      this.next();
    }
  }

  command(): Command {
    const head = this.next();
    const name = head.value.toLowerCase();
    if (head.kind !== 'name' || !SUPPORTED_COMMANDS.includes(name)) {
      if (head.kind === 'name' && OTHER_COMMANDS.includes(name)) {
        throw new QueryUnsupportedError(`\`${head.value}\``, spanOf(head));
      }
      this.fail(`a command (${SUPPORTED_COMMANDS.join(', ')}, …)`, head);
    }
    const begin = head.start;
    const done = (c: CommandBody): Command => ({ ...c, span: { start: begin, end: this.peek(-1).end } });
    switch (name) {
      case 'fields':
        return done({ kind: 'fields', items: this.list(() => this.fieldItem()) });
      case 'display':
        return done({ kind: 'display', fields: this.list(() => this.fieldName()) });
      case 'dedup':
        return done({ kind: 'dedup', fields: this.list(() => this.fieldName()) });
      case 'filter':
        return done({ kind: 'filter', condition: this.or() });
      case 'sort':
        return done({ kind: 'sort', keys: this.list(() => this.sortKey()) });
      case 'limit':
        return done({ kind: 'limit', count: this.limitCount() });
      case 'parse':
        return done(this.parseCommand());
      default:
        return done(this.statsCommand());
    }
  }

  list<T>(item: () => T): T[] {
    const items = [item()];
    while (this.isPunct(',')) {
      this.next();
      items.push(item());
    }
    return items;
  }

  fieldName(): string {
    const t = this.peek();
    if (t.kind !== 'name') this.fail('a field name');
    if (this.isPunct('(', 1)) this.refuseFunction(t);
    this.next();
    return t.value;
  }

  refuseFunction(t: Token): never {
    if (OTHER_FUNCTIONS.has(t.value.toLowerCase()) || AGGREGATES.includes(t.value.toLowerCase() as AggregateFn)) {
      throw new QueryUnsupportedError(`\`${t.value}()\` here`, spanOf(t));
    }
    throw new QuerySyntaxError(`unknown function '${t.value}'`, spanOf(t));
  }

  alias(fallback: string): string {
    if (!this.isWord('as')) return fallback;
    this.next();
    return this.fieldName();
  }

  fieldItem(): { field: string; column: string } {
    const field = this.fieldName();
    this.refuseOperator();
    return { field, column: this.alias(field) };
  }

  sortKey(): { field: string; desc: boolean } {
    const field = this.fieldName();
    if (this.isWord('desc') || this.isWord('asc')) return { field, desc: this.next().value.toLowerCase() === 'desc' };
    return { field, desc: false };
  }

  limitCount(): number {
    const t = this.peek();
    if (t.kind !== 'number' || !/^\d+$/.test(t.value) || Number(t.value) < 1) this.fail('a whole number of rows');
    this.next();
    return Number(t.value);
  }

  // filter: or := and (or and)*; and := unary (and unary)*; unary := not unary | ( or ) | comparison
  or(): Condition {
    let left = this.and();
    while (this.isWord('or')) {
      this.next();
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }
  and(): Condition {
    let left = this.unary();
    while (this.isWord('and')) {
      this.next();
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }
  unary(): Condition {
    if (this.isWord('not') && !this.isWord('like', 1)) {
      this.next();
      return { kind: 'not', operand: this.unary() };
    }
    if (this.isPunct('!')) throw new QueryUnsupportedError('`!` (use `not`)', spanOf(this.peek()));
    if (this.isPunct('(')) {
      const open = this.next();
      const inner = this.or();
      if (!this.isPunct(')')) {
        this.refuseOperator();
        const t = this.peek();
        throw new QuerySyntaxError(
          `the '(' at character ${open.start + 1} is not closed: expected ')' but found ${shown(t)}`,
          spanOf(t),
        );
      }
      this.next();
      return inner;
    }
    return this.comparison();
  }

  comparison(): Condition {
    const t = this.peek();
    if (t.kind === 'name' && this.isPunct('(', 1)) {
      if (t.value.toLowerCase() !== 'ispresent') this.refuseFunction(t);
      this.next();
      this.next();
      const field = this.fieldName();
      this.expectPunct(')', "')' to close ispresent(");
      return { kind: 'ispresent', field };
    }
    const left = this.operand();
    if (this.isWord('like') || (this.isWord('not') && this.isWord('like', 1))) {
      const negated = this.next().value.toLowerCase() === 'not';
      if (negated) this.next();
      const like: Condition = { kind: 'like', subject: left, pattern: this.pattern(true) };
      return negated ? { kind: 'not', operand: like } : like;
    }
    const op = this.peek();
    if (op.kind === 'punct' && op.value === '=~') {
      this.next();
      return { kind: 'like', subject: left, pattern: this.pattern(false) };
    }
    if (op.kind === 'punct' && ['=', '!=', '<', '>', '<=', '>='].includes(op.value)) {
      this.next();
      const right = this.operand();
      this.refuseOperator();
      return { kind: 'compare', op: op.value as CompareOp, left, right };
    }
    this.refuseOperator();
    if (op.kind === 'eof' || this.isPunct('|') || this.isPunct(')') || this.isWord('and') || this.isWord('or')) {
      throw new QueryUnsupportedError('a condition without a comparison', {
        start: left.span.start,
        end: left.span.end,
      });
    }
    this.fail("a comparison (like, =~, =, !=, <, >) or 'and'/'or'", op);
  }

  operand(): Operand {
    const t = this.peek();
    if (t.kind === 'regex') this.fail('a field, string or number (a /regex/ goes after like or =~)');
    if (t.kind === 'name') {
      if (this.isPunct('(', 1)) this.refuseFunction(t);
      this.next();
      return { kind: 'field', name: t.value, span: spanOf(t) };
    }
    if (t.kind === 'string') {
      this.next();
      return { kind: 'string', value: t.value, span: spanOf(t) };
    }
    const negative = this.isPunct('-') && this.peek(1).kind === 'number';
    if (negative) this.next();
    const n = this.peek();
    if (n.kind === 'number') {
      if (!/^\d+(\.\d+)?$/.test(n.value)) throw new QuerySyntaxError(`'${n.value}' is not a number`, spanOf(n));
      this.next();
      return { kind: 'number', value: (negative ? -1 : 1) * Number(n.value), span: { start: t.start, end: n.end } };
    }
    this.refuseOperator();
    this.fail('a field, string or number');
  }

  pattern(allowString: boolean): Pattern {
    const t = this.peek();
    if (t.kind === 'regex') {
      compileRegex(t.value, spanOf(t));
      this.next();
      return { kind: 'regex', text: t.value, span: spanOf(t) };
    }
    if (t.kind === 'string' && allowString) {
      this.next();
      return { kind: 'substring', text: t.value, span: spanOf(t) };
    }
    this.fail(allowString ? 'a "string" or /regex/' : 'a /regex/');
  }

  parseCommand(): CommandBody {
    const field = this.fieldName();
    const t = this.peek();
    if (t.kind === 'regex') {
      compileRegex(t.value, spanOf(t));
      this.next();
      const names = namedGroups(t.value);
      if (names.length === 0) {
        throw new QuerySyntaxError('a parse regex needs named groups, like (?<duration>\\d+)', spanOf(t));
      }
      if (this.isWord('as'))
        throw new QuerySyntaxError("a parse regex names its fields itself: no 'as'", spanOf(this.peek()));
      return { kind: 'parse', field, pattern: { kind: 'regex', text: t.value, span: spanOf(t) }, names };
    }
    if (t.kind !== 'string') this.fail('a "glob with *" or a /regex/ with named groups');
    this.next();
    const stars = t.value.split('*').length - 1;
    if (stars === 0) throw new QuerySyntaxError('a parse glob needs at least one *', spanOf(t));
    if (!this.isWord('as')) this.fail(`'as' and ${stars} field name${stars === 1 ? '' : 's'}`);
    const as = this.next();
    const names = this.list(() => this.fieldName());
    if (names.length !== stars) {
      throw new QuerySyntaxError(
        `the glob has ${stars} * but ${names.length} name${names.length === 1 ? '' : 's'} follow 'as'`,
        { start: as.start, end: this.peek(-1).end },
      );
    }
    compileGlob(t.value);
    return { kind: 'parse', field, pattern: { kind: 'substring', text: t.value, span: spanOf(t) }, names };
  }

  statsCommand(): CommandBody {
    const aggregates = this.list(() => this.aggregate());
    const by: GroupKey[] = [];
    if (this.isWord('by')) {
      this.next();
      by.push(...this.list(() => this.groupKey()));
    }
    this.refuseOperator();
    return { kind: 'stats', aggregates, by };
  }

  aggregate(): Aggregate {
    const t = this.peek();
    if (t.kind !== 'name' || !this.isPunct('(', 1)) this.fail('a statistic such as count(*) or avg(field)');
    const fn = t.value.toLowerCase() as AggregateFn;
    if (!AGGREGATES.includes(fn)) this.refuseFunction(t);
    this.next();
    this.next();
    let field: string | undefined;
    if (this.isPunct('*')) {
      if (fn !== 'count') this.fail('a field name');
      this.next();
    } else if (!(fn === 'count' && this.isPunct(')'))) {
      field = this.fieldName();
    }
    this.refuseOperator();
    const close = this.expectPunct(')', `')' to close ${t.value}(`);
    this.refuseOperator();
    return { fn, field, column: this.alias(this.textOf(t.start, close.end)) };
  }

  groupKey(): GroupKey {
    const t = this.peek();
    if (t.kind === 'name' && t.value.toLowerCase() === 'bin' && this.isPunct('(', 1)) {
      this.next();
      this.next();
      const period = this.peek();
      const match = /^(\d+(?:\.\d+)?)([a-z]+)$/i.exec(period.value);
      const unit = UNITS_MS[match?.[2]?.toLowerCase() ?? ''];
      if (period.kind !== 'number' || !match) this.fail('a period such as 5m or 1h', period);
      if (unit === undefined) throw new QueryUnsupportedError(`the bin() unit '${match[2]}'`, spanOf(period));
      const ms = Number(match[1]) * unit;
      if (!(ms > 0)) this.fail('a period longer than zero', period);
      this.next();
      const close = this.expectPunct(')', "')' to close bin(");
      return { kind: 'bin', ms, column: this.alias(this.textOf(t.start, close.end)) };
    }
    const field = this.fieldName();
    return { kind: 'field', field, column: this.alias(field) };
  }

  /** Column names are the text as typed, without spaces (`count(*)`, `bin(5m)`). */
  textOf(start: number, end: number): string {
    return this.source.slice(start, end).replace(/\s+/g, '');
  }
}

/** Parses a Logs Insights query into commands; throws {@link QuerySyntaxError} or {@link QueryUnsupportedError}. */
export function parseQuery(text: string): Command[] {
  return new Parser(text).query();
}
