/**
 * Typo- and spelling-tolerant reading of the words that decide an answer. People type `dynmodb`,
 * `postgress`, `casandra`, `auto scalling`, `포스트그래스`, `래디스`: each is one slip away from a word the
 * lexicon knows, so it is corrected in place before anything else reads the question.
 *
 * - Latin words of 5+ letters: Damerau–Levenshtein (adjacent transpositions count as one edit) within
 *   1 edit up to 8 letters and 2 edits from 9, same first letter, and only when one vocabulary word is
 *   nearest (a tie is not a correction).
 * - Hangul: the spacing-free text is compared syllable window by syllable window, on the jamo
 *   (consonant/vowel) level, so a one-jamo variant of a loanword of 3+ syllables (래/레, 그래/그레) reads
 *   as the word itself.
 */

/** Optimal-string-alignment distance, giving up (returning max + 1) once it cannot stay within `max`. */
export function editDistance(a: ArrayLike<number | string>, b: ArrayLike<number | string>, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row.push(d);
      best = Math.min(best, d);
    }
    if (i > 0 && best > max) return max + 1;
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** Edits allowed for a Latin word of this length. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  return length >= 9 ? 2 : 1;
}

/** A syllable's jamo: initial, medial and (when there is one) final, as distinct numbers. */
export function jamo(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const code = (ch.codePointAt(0) ?? 0) - 0xac00;
    if (code < 0 || code > 11171) {
      out.push(100000 + (ch.codePointAt(0) ?? 0));
      continue;
    }
    out.push(Math.floor(code / 588), 100 + Math.floor((code % 588) / 28));
    if (code % 28 !== 0) out.push(200 + (code % 28));
  }
  return out;
}

export interface Correction {
  from: string;
  to: string;
}

export interface Vocabulary {
  latin: ReadonlyMap<string, readonly string[]>;
  latinWords: ReadonlySet<string>;
  hangul: readonly { word: string; syllables: number }[];
}

export function vocabulary(
  latin: readonly string[],
  hangul: readonly string[],
  known: readonly string[] = [],
): Vocabulary {
  const byInitial = new Map<string, string[]>();
  for (const word of latin) {
    const list = byInitial.get(word[0] ?? '') ?? [];
    list.push(word);
    byInitial.set(word[0] ?? '', list);
  }
  return {
    latin: byInitial,
    latinWords: new Set([...latin, ...known]),
    // Longest first, so a longer word is tried before a shorter one it starts with.
    hangul: hangul
      .filter((w) => [...w].length >= 3)
      .sort((a, b) => [...b].length - [...a].length)
      .map((word) => ({ word, syllables: [...word].length })),
  };
}

function nearestLatin(word: string, vocab: Vocabulary): string | undefined {
  const max = allowedEdits(word.length);
  if (max === 0 || vocab.latinWords.has(word)) return undefined;
  let best: string | undefined;
  let bestDistance = max + 1;
  let tie = false;
  for (const candidate of vocab.latin.get(word[0] ?? '') ?? []) {
    if (candidate.length < 5) continue;
    const cap = Math.min(max, allowedEdits(candidate.length));
    const d = editDistance(word, candidate, cap);
    if (d > cap) continue;
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && candidate !== best) tie = true;
  }
  return best && !tie && bestDistance <= max ? best : undefined;
}

const HANGUL = /[\uac00-\ud7a3]/;

/** The inflected forms of an English word: plural (-s, -es, -ies), past (-ed, -d) and -ing, doubled consonant too. */
function inflectionsOf(base: string): string[] {
  const forms = [`${base}s`, `${base}es`, `${base}ed`, `${base}d`, `${base}ing`];
  if (base.endsWith('y')) forms.push(`${base.slice(0, -1)}ies`, `${base.slice(0, -1)}ied`);
  if (base.endsWith('e')) forms.push(`${base.slice(0, -1)}ing`);
  const last = base.at(-1);
  if (last && /[bdgklmnprt]/.test(last)) forms.push(`${base}${last}ed`, `${base}${last}ing`);
  return forms;
}

/**
 * Whether two spellings are one word inflected (`sensor`/`sensors`, `query`/`queries`, `store`/`stored`,
 * `dashboard`/`dashboards`): either is the other with an ending added. Stemming both would clip a word that
 * merely ends like an ending (`dashboard` is no past tense of `dashboar`).
 */
export function isInflection(a: string, b: string): boolean {
  return a === b || inflectionsOf(b).includes(a) || inflectionsOf(a).includes(b);
}

/**
 * The question with its slips corrected, and the corrections made (shown in the answer's "read:" line,
 * so a wrong correction is visible at once).
 */
export function correctSpelling(
  question: string,
  vocab: Vocabulary,
  abbreviations: Readonly<Record<string, string>> = {},
): { text: string; corrections: Correction[] } {
  const corrections: Correction[] = [];
  let text = question.replace(/(?<![\p{L}\p{N}])([A-Z][A-Za-z]{1,5})(?![\p{L}\p{N}])/gu, (word) => {
    const to = abbreviations[word];
    if (!to) return word;
    corrections.push({ from: word, to });
    return to;
  });
  text = text.replace(/[A-Za-z][A-Za-z0-9]{4,}/g, (word) => {
    const lower = word.toLowerCase();
    const to = nearestLatin(lower, vocab);
    if (!to) return word;
    // "sensor" for "sensors" is the same word, not a slip: read through, never shown as a correction.
    if (!isInflection(lower, to)) corrections.push({ from: word, to });
    return to;
  });
  if (HANGUL.test(text)) text = correctHangul(text, vocab, corrections);
  return { text, corrections };
}

/** Replaces one-jamo variants of Hangul vocabulary, ignoring spacing, keeping everything else as written. */
function correctHangul(text: string, vocab: Vocabulary, corrections: Correction[]): string {
  // Hangul syllables with their position in the original text, spaces skipped; anything else breaks a word.
  const chars: { ch: string; at: number; wordStart: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (HANGUL.test(ch)) chars.push({ ch, at: i, wordStart: !HANGUL.test(text[i - 1] ?? '') });
    else if (!/\s/.test(ch)) chars.push({ ch: '\u0000', at: i, wordStart: false });
  }
  const replacements: { start: number; end: number; to: string }[] = [];
  for (let i = 0; i < chars.length; i++) {
    // Loanwords start a word (`레디스를`, `AWS레디스`); inside one (`온프레미스`) a near miss is another word.
    if (!chars[i]?.wordStart) continue;
    for (const entry of vocab.hangul) {
      const hit = variantAt(chars, i, entry.word);
      if (hit === undefined) continue;
      const first = chars[i] as { at: number };
      const last = chars[i + entry.syllables - 1] as { at: number };
      if (hit) {
        replacements.push({ start: first.at, end: last.at + 1, to: entry.word });
        corrections.push({ from: text.slice(first.at, last.at + 1), to: entry.word });
      }
      i += entry.syllables - 1;
      break;
    }
  }
  let out = text;
  for (const r of replacements.reverse()) out = `${out.slice(0, r.start)}${r.to}${out.slice(r.end)}`;
  return out;
}

/**
 * At position `i`: `false` when `word` is written exactly, `true` when one syllable differs from it by one
 * jamo (래/레), `undefined` otherwise. Comparing syllable by syllable first keeps this cheap.
 */
function variantAt(chars: { ch: string }[], i: number, word: string): boolean | undefined {
  let differing = -1;
  let k = 0;
  for (const syllable of word) {
    const written = chars[i + k]?.ch;
    if (written === undefined || written === '\u0000') return undefined;
    if (written !== syllable) {
      if (differing >= 0) return undefined;
      differing = k;
    }
    k += 1;
  }
  if (differing < 0) return false;
  const written = jamo(chars[i + differing]?.ch ?? '');
  const wanted = jamo([...word][differing] ?? '');
  if (editDistance(written, wanted, 1) > 1) return undefined;
  // In a three-syllable word only a vowel may vary (래디스/레디스); a consonant makes another word.
  if ([...word].length < 4 && written[0] !== wanted[0]) return undefined;
  return true;
}
