import type { Aggregate, Command, Condition, GroupKey, Operand, Pattern } from './ast.ts';
import { compileGlob, compileRegex } from './regex.ts';

/** One log event or result row: Logs Insights' values are strings; `time` is `@timestamp` in ms. */
export interface Row {
  values: Record<string, string>;
  time: number;
}

export interface Evaluation {
  fields: string[];
  rows: Record<string, string>[];
  /** Events that passed the filters (Logs Insights' `recordsMatched`), before stats, dedup and limits. */
  recordsMatched: number;
  /** False once `stats` has turned events into aggregates (those rows have no `@ptr`). */
  eventRows: boolean;
}

/** Shown when a query names no fields, as the demo always has. */
const DEFAULT_FIELDS = ['@timestamp', '@message', '@logStream', '@log'];
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

const asNumber = (v: string | undefined): number | undefined =>
  v !== undefined && NUMBER.test(v.trim()) ? Number(v) : undefined;

/** Logs Insights' timestamp format: `2026-12-02 05:10:00.000`, UTC. */
export const formatTimestamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/** Numbers as Logs Insights prints them: integers plain, fractions to 4 places. */
function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

class Matcher {
  private readonly cache = new Map<string, RegExp>();
  regex(pattern: Pattern): RegExp {
    const key = `${pattern.kind}:${pattern.text}`;
    let re = this.cache.get(key);
    if (!re) {
      re = pattern.kind === 'regex' ? compileRegex(pattern.text, pattern.span) : compileGlob(pattern.text);
      this.cache.set(key, re);
    }
    return re;
  }
}

function operandValue(operand: Operand, row: Row): string | number | undefined {
  if (operand.kind === 'field') return row.values[operand.name];
  return operand.value;
}

function compare(op: string, a: string | number, b: string | number): boolean {
  const na = typeof a === 'number' ? a : asNumber(a);
  const nb = typeof b === 'number' ? b : asNumber(b);
  const [x, y] = na !== undefined && nb !== undefined ? [na, nb] : [String(a), String(b)];
  switch (op) {
    case '=':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    default:
      return x >= y;
  }
}

function test(condition: Condition, row: Row, matcher: Matcher): boolean {
  switch (condition.kind) {
    case 'and':
      return test(condition.left, row, matcher) && test(condition.right, row, matcher);
    case 'or':
      return test(condition.left, row, matcher) || test(condition.right, row, matcher);
    case 'not':
      return !test(condition.operand, row, matcher);
    case 'ispresent':
      return row.values[condition.field] !== undefined;
    case 'like': {
      const value = operandValue(condition.subject, row);
      if (value === undefined) return false;
      const text = String(value);
      return condition.pattern.kind === 'substring'
        ? text.includes(condition.pattern.text)
        : matcher.regex(condition.pattern).test(text);
    }
    default: {
      // A missing field compares as nothing: neither equal nor unequal.
      const left = operandValue(condition.left, row);
      const right = operandValue(condition.right, row);
      return left !== undefined && right !== undefined && compare(condition.op, left, right);
    }
  }
}

function parseInto(rows: Row[], field: string, pattern: Pattern, names: string[], matcher: Matcher): Row[] {
  const re = matcher.regex(pattern);
  return rows.map((row) => {
    const value = row.values[field];
    const match = value === undefined ? null : re.exec(value);
    if (!match) return row;
    const values = { ...row.values };
    names.forEach((name, i) => {
      const captured = pattern.kind === 'regex' ? match.groups?.[name] : match[i + 1];
      if (captured !== undefined) values[name] = captured;
    });
    return { ...row, values };
  });
}

function aggregate(fn: Aggregate, rows: Row[]): string | undefined {
  if (fn.fn === 'count') {
    return String(
      fn.field === undefined ? rows.length : rows.filter((r) => r.values[fn.field ?? ''] !== undefined).length,
    );
  }
  const present = rows.map((r) => r.values[fn.field ?? '']).filter((v): v is string => v !== undefined);
  if (fn.fn === 'count_distinct') return String(new Set(present).size);
  const numbers = present.map(asNumber).filter((n): n is number => n !== undefined);
  if (numbers.length === 0) return undefined;
  const sum = numbers.reduce((s, n) => s + n, 0);
  if (fn.fn === 'sum') return formatNumber(sum);
  if (fn.fn === 'avg') return formatNumber(sum / numbers.length);
  return formatNumber(fn.fn === 'min' ? Math.min(...numbers) : Math.max(...numbers));
}

function stats(rows: Row[], aggregates: Aggregate[], by: GroupKey[]): Row[] {
  const groups = new Map<string, { key: Record<string, string>; time: number; rows: Row[] }>();
  for (const row of rows) {
    const key: Record<string, string> = {};
    let time = 0;
    for (const k of by) {
      if (k.kind === 'bin') {
        time = Math.floor(row.time / k.ms) * k.ms;
        key[k.column] = formatTimestamp(time);
      } else {
        const v = row.values[k.field];
        if (v !== undefined) key[k.column] = v;
      }
    }
    const id = JSON.stringify(by.map((k) => key[k.column] ?? null));
    const group = groups.get(id) ?? { key, time, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  const out = [...groups.values()].map((g) => {
    const values = { ...g.key };
    for (const a of aggregates) {
      const v = aggregate(a, g.rows);
      if (v !== undefined) values[a.column] = v;
    }
    return { values, time: g.time };
  });
  // Logs Insights lists time bins newest first.
  if (by.some((k) => k.kind === 'bin')) out.sort((a, b) => b.time - a.time);
  return out;
}

/** Logs Insights' natural order: non-numbers first (digit runs compared by length, then value), then numbers. */
function naturalCompare(a: string, b: string): number {
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== undefined || nb !== undefined) {
    if (na === undefined) return -1;
    if (nb === undefined) return 1;
    return na - nb;
  }
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const ca = chunks(a);
  const cb = chunks(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i] ?? '';
    const y = cb[i] ?? '';
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) return x.length - y.length || (x < y ? -1 : 1);
    return x < y ? -1 : 1;
  }
  return ca.length - cb.length;
}

function sortRows(rows: Row[], keys: { field: string; desc: boolean }[]): void {
  rows.sort((r1, r2) => {
    for (const { field, desc } of keys) {
      const a = r1.values[field];
      const b = r2.values[field];
      if (a === b) continue;
      // Rows without the field go last either way.
      if (a === undefined) return 1;
      if (b === undefined) return -1;
      const order = field === '@timestamp' ? r1.time - r2.time || naturalCompare(a, b) : naturalCompare(a, b);
      if (order !== 0) return desc ? -order : order;
    }
    return 0;
  });
}

function dedup(rows: Row[], fields: string[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const values = fields.map((f) => row.values[f]);
    // Null values are not duplicates: such events are kept (CWL_QuerySyntax-Dedup).
    if (values.some((v) => v === undefined)) return true;
    const key = JSON.stringify(values);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const addAll = (list: string[], more: string[]) => {
  for (const f of more) if (!list.includes(f)) list.push(f);
};

/**
 * Runs parsed commands over events, in order, as Logs Insights does: the events arrive newest
 * first (its default order), `fields`/`parse` add columns, `display` (the last one) chooses them,
 * `stats` replaces the events with its groups.
 */
export function evaluate(commands: Command[], events: Row[], maxRows: number): Evaluation {
  const matcher = new Matcher();
  // Rows are copied only where a command writes to them, so the caller's events stay as they were.
  let rows = events;
  let columns: string[] = [];
  let display: string[] | undefined;
  let eventRows = true;
  // Whether a `fields` command chose the columns; without one, parsed fields join the event's own.
  let listed = false;
  let recordsMatched: number | undefined;
  for (const command of commands) {
    if (command.kind !== 'filter' && command.kind !== 'fields' && command.kind !== 'parse' && command.kind !== 'sort') {
      recordsMatched ??= rows.length;
    }
    switch (command.kind) {
      case 'fields':
        for (const { field, column } of command.items) {
          if (column !== field) {
            rows = rows.map((row) => {
              const value = row.values[field];
              return value === undefined ? row : { ...row, values: { ...row.values, [column]: value } };
            });
          }
        }
        addAll(
          columns,
          command.items.map((i) => i.column),
        );
        listed = true;
        break;
      case 'display':
        display = command.fields;
        break;
      case 'filter':
        rows = rows.filter((row) => test(command.condition, row, matcher));
        break;
      case 'parse':
        rows = parseInto(rows, command.field, command.pattern, command.names, matcher);
        addAll(columns, command.names);
        break;
      case 'stats':
        rows = stats(rows, command.aggregates, command.by);
        columns = [...command.by.map((k) => k.column), ...command.aggregates.map((a) => a.column)];
        display = undefined;
        eventRows = false;
        listed = true;
        break;
      case 'sort':
        rows = [...rows];
        sortRows(rows, command.keys);
        break;
      case 'limit':
        rows = rows.slice(0, command.count);
        break;
      case 'dedup':
        rows = dedup(rows, command.fields);
        break;
    }
  }
  recordsMatched ??= rows.length;
  const fields =
    display ?? (listed ? columns : [...(columns.length > 0 ? ['@timestamp', '@message'] : DEFAULT_FIELDS), ...columns]);
  const out = rows.slice(0, maxRows).map((row, i) => {
    const values: Record<string, string> = {};
    for (const f of fields) {
      const v = row.values[f];
      if (v !== undefined) values[f] = v;
    }
    if (eventRows) values['@ptr'] = row.values['@ptr'] ?? `demo-${i}`;
    return values;
  });
  return { fields: eventRows ? [...fields, '@ptr'] : fields, rows: out, recordsMatched, eventRows };
}
