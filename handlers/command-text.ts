/**
 * Slash-command text as typed in Slack, turned into tokens. Slack escapes `&`, `<` and `>`
 * in `text`, and phones and macOS autocorrect `--` into a dash and quotes into curly quotes:
 * all of that is undone here so `—since 3h` still works at 3 a.m. on a phone.
 */
export function tokenize(text: string): string[] {
  const normalized = straightenQuotes(decodeSlackText(stripCodeFences(text))).replace(
    /[\u00A0\u2000-\u200B\u3000]/g,
    ' ',
  );
  const tokens: string[] = [];
  let current = '';
  let quote: '"' | "'" | null = null;
  let inToken = false;
  for (const ch of normalized) {
    if (quote) {
      if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inToken = true;
    } else if (/\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += ch;
      inToken = true;
    }
  }
  if (inToken) tokens.push(current);
  return tokens.filter((token) => !/^`+$/.test(token)).map((token) => normalizeDashes(stripInlineCode(token)));
}

/**
 * Slack users paste names as inline code (`` `orders-db` ``, `` InstanceId=`i-0abc…` ``,
 * `` `orders-db`,`users-db` ``): backticks at a word's edges, or beside its `=` and commas, are
 * formatting, never part of a CloudWatch name, so they are dropped.
 */
export function stripInlineCode(word: string): string {
  return word.replace(/(^|[=,])`+|`+(?=$|[=,])/g, '$1');
}

/** ```` ``` ```` fences around pasted text become spaces. */
export function stripCodeFences(text: string): string {
  return text.replace(/```/g, ' ');
}

/** Curly quotes (what Slack's clients type) as the straight ones commands and queries mean. */
export function straightenQuotes(text: string): string {
  return text.replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"').replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'");
}

/** `—since`, `–since` and `–-since` (autocorrected `--since`) become `--since`. */
export function normalizeDashes(token: string): string {
  return token.replace(/^-*[\u2012\u2013\u2014\u2015\u2212][-\u2012\u2013\u2014\u2015\u2212]*(?=[a-z])/i, '--');
}

export function decodeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** What a refusal echoes of a word the user typed: never more than a glance, however long it was. */
const ECHO_LENGTH = 40;
export function echo(text: string): string {
  const chars = Array.from(text);
  return chars.length <= ECHO_LENGTH ? text : `${chars.slice(0, ECHO_LENGTH).join('')}…`;
}
