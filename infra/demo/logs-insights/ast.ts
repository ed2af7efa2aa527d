import type { Span } from './query-error.ts';

/** A query's parsed form: the commands in order. Every node keeps where it was typed, for errors. */

export type Operand =
  | { kind: 'field'; name: string; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; span: Span };

export interface Pattern {
  kind: 'substring' | 'regex';
  /** The substring, or the regex's source as typed (Logs Insights syntax, before translation). */
  text: string;
  span: Span;
}

export type CompareOp = '=' | '!=' | '<' | '>' | '<=' | '>=';

export type Condition =
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'like'; subject: Operand; pattern: Pattern }
  | { kind: 'ispresent'; field: string }
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; operand: Condition };

export type AggregateFn = 'count' | 'avg' | 'sum' | 'min' | 'max' | 'count_distinct';

export interface Aggregate {
  fn: AggregateFn;
  /** Undefined for `count(*)`. */
  field: string | undefined;
  /** The column name: the alias, or the call as typed. */
  column: string;
}

export type GroupKey = { kind: 'field'; field: string; column: string } | { kind: 'bin'; ms: number; column: string };

export type Command =
  | { kind: 'fields'; items: { field: string; column: string }[]; span: Span }
  | { kind: 'display'; fields: string[]; span: Span }
  | { kind: 'filter'; condition: Condition; span: Span }
  | { kind: 'parse'; field: string; pattern: Pattern; names: string[]; span: Span }
  | { kind: 'stats'; aggregates: Aggregate[]; by: GroupKey[]; span: Span }
  | { kind: 'sort'; keys: { field: string; desc: boolean }[]; span: Span }
  | { kind: 'limit'; count: number; span: Span }
  | { kind: 'dedup'; fields: string[]; span: Span };

type WithoutSpan<T> = T extends unknown ? Omit<T, 'span'> : never;
/** A command before the parser knows where it ends. */
export type CommandBody = WithoutSpan<Command>;
