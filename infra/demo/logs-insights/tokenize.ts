import { QuerySyntaxError } from './query-error.ts';

export type TokenKind = 'name' | 'number' | 'string' | 'regex' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Names: as typed (backticks removed); strings and regexes: the text between the delimiters, unescaped for strings. */
  value: string;
  start: number;
  end: number;
}

const NAME_START = /[A-Za-z_@$]/;
const NAME_PART = /[A-Za-z0-9_.@$-]/;
const DIGIT = /[0-9]/;
/** Two-character operators first, so `!=` is never `!` then `=`. */
const PUNCT = ['!=', '<=', '>=', '=~', '|', '(', ')', ',', '*', '=', '<', '>', '+', '-', '/', '%', '[', ']', '!', '^'];
const ENDS_VALUE = new Set<TokenKind>(['name', 'number', 'string', 'regex']);

function readQuoted(text: string, at: number, quote: string): { value: string; end: number } {
  let value = '';
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\\' && i + 1 < text.length) {
      const next = text[i + 1] ?? '';
      value += next === quote || next === '\\' ? next : `\\${next}`;
      i++;
    } else if (c === quote) {
      return { value, end: i + 1 };
    } else {
      value += c;
    }
  }
  throw new QuerySyntaxError(`the string starting here has no closing ${quote}`, { start: at, end: text.length });
}

function readRegex(text: string, at: number): { value: string; end: number } {
  let inClass = false;
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) return { value: text.slice(at + 1, i).replace(/\\\//g, '/'), end: i + 1 };
  }
  throw new QuerySyntaxError('the regular expression starting here has no closing /', { start: at, end: text.length });
}

/**
 * After a value a `/` divides; anywhere else, and after `like` or `parse <field>`, it opens a regex
 * (the usual rule for `/` in a lexer, plus the two places a regex follows a name).
 */
function opensRegex(tokens: Token[]): boolean {
  const previous = tokens.at(-1);
  if (!previous) return true;
  if (previous.kind === 'name') {
    const before = tokens.at(-2);
    return (
      previous.value.toLowerCase() === 'like' || (before?.kind === 'name' && before.value.toLowerCase() === 'parse')
    );
  }
  return !(ENDS_VALUE.has(previous.kind) || previous.value === ')');
}

/**
 * Splits a Logs Insights query into tokens. Lines starting with `#` are comments, as in Logs
 * Insights; `#` elsewhere is kept so a typo is reported rather than silently swallowed.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let lineStart = true;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '\n') {
      lineStart = true;
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#' && lineStart) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    lineStart = false;
    const start = i;
    if (c === '"' || c === "'") {
      const { value, end } = readQuoted(text, i, c);
      tokens.push({ kind: 'string', value, start, end });
      i = end;
    } else if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0)
        throw new QuerySyntaxError('the field name starting here has no closing `', { start, end: text.length });
      tokens.push({ kind: 'name', value: text.slice(i + 1, close), start, end: close + 1 });
      i = close + 1;
    } else if (c === '/' && opensRegex(tokens)) {
      const { value, end } = readRegex(text, i);
      tokens.push({ kind: 'regex', value, start, end });
      i = end;
    } else if (DIGIT.test(c)) {
      // A number may carry a unit (`5m` in `bin(5m)`), which the parser reads.
      let end = i;
      while (end < text.length && /[0-9.]/.test(text[end] ?? '')) end++;
      while (end < text.length && /[A-Za-z]/.test(text[end] ?? '')) end++;
      tokens.push({ kind: 'number', value: text.slice(i, end), start, end });
      i = end;
    } else if (NAME_START.test(c)) {
      let end = i + 1;
      // A `-` belongs to a name only between letters (`count_distinct` no, `x-request-id` yes).
      while (end < text.length && NAME_PART.test(text[end] ?? '')) {
        if (text[end] === '-' && !/[A-Za-z0-9_]/.test(text[end + 1] ?? '')) break;
        end++;
      }
      tokens.push({ kind: 'name', value: text.slice(i, end), start, end });
      i = end;
    } else {
      const punct = PUNCT.find((p) => text.startsWith(p, i));
      if (!punct) throw new QuerySyntaxError(`unexpected character '${c}'`, { start, end: start + 1 });
      tokens.push({ kind: 'punct', value: punct, start, end: start + punct.length });
      i += punct.length;
    }
  }
  tokens.push({ kind: 'eof', value: '', start: text.length, end: text.length });
  return tokens;
}
