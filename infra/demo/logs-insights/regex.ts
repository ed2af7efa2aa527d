import { QuerySyntaxError, QueryUnsupportedError, type Span } from './query-error.ts';

const INLINE_FLAGS = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?\)/;

/**
 * Logs Insights regexes use Java-style inline flags: `(?i)` turns case-insensitivity on from
 * there to the end of the enclosing group. JavaScript has no such switch, but it has scoped
 * modifiers (`(?i:…)`), so each switch becomes a modifier group closed where its group closes.
 */
function translateInlineFlags(source: string, span: Span): string {
  let out = '';
  // Per open group: how many modifier groups to close with it.
  const pending: number[] = [0];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] ?? '';
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '(') {
      const flags = INLINE_FLAGS.exec(source.slice(i));
      if (flags) {
        const [whole, on = '', off = ''] = flags;
        const bad = [...on, ...off].find((f) => !'ims'.includes(f));
        if (bad) throw new QueryUnsupportedError(`the regex flag (?${bad})`, span);
        out += `(?${on}${off ? `-${off}` : ''}:`;
        pending[pending.length - 1] = (pending.at(-1) ?? 0) + 1;
        i += whole.length - 1;
      } else {
        pending.push(0);
        out += c;
      }
    } else if (c === ')') {
      out += ')'.repeat(pending.pop() ?? 0);
      if (pending.length === 0) pending.push(0);
      out += c;
    } else {
      out += c;
    }
  }
  return out + ')'.repeat(pending.reduce((sum, n) => sum + n, 0));
}

/** Compiles a Logs Insights regex (the text between the slashes); a bad one is the user's to fix, with where. */
export function compileRegex(source: string, span: Span): RegExp {
  const translated = translateInlineFlags(source, span);
  try {
    return new RegExp(translated);
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : '';
    throw new QuerySyntaxError(
      `/${source}/ is not a valid regular expression${why ? ` (${why.toLowerCase()})` : ''}`,
      span,
    );
  }
}

/** The named groups of a compiled regex, in order: `parse` makes one field of each. */
export function namedGroups(source: string): string[] {
  return [...source.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1] ?? '');
}

/**
 * A `parse` glob: each `*` captures, the rest is literal. Captures are lazy except a trailing one,
 * which takes the rest of the value.
 */
export function compileGlob(glob: string): RegExp {
  const parts = glob.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const last = parts.length - 1;
  return new RegExp(
    parts.map((p, i) => (i === 0 ? p : `${i === last && p === '' ? '(.*)' : '(.*?)'}${p}`)).join(''),
    's',
  );
}
