import { editDistance as osaDistance } from '../knowledge/workload/fuzzy.ts';

/**
 * "Did you mean": one edit-distance helper for every word a person can mistype (subcommands,
 * shortcuts, namespaces, metrics, flags, states), so every typo gets the same kind of answer.
 */

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbours each cost 1, so `metircs` is one edit from `metrics`. The one implementation is the
 * question reader's (imported by file, not through knowledge/index.ts, so no knowledge base loads).
 */
export function editDistance(a: string, b: string): number {
  return osaDistance(a, b, Number.POSITIVE_INFINITY);
}

/** A typo's worth of edits for a word this long: 1 up to 3 characters, 2 up to 7, then 3. */
export function typoBudget(length: number): number {
  return length <= 3 ? 1 : length <= 7 ? 2 : 3;
}

/**
 * The candidates closest to `word` (ignoring case) within a typo's worth of edits, best first;
 * several only when they tie. Empty when nothing is close or the word is one of them.
 */
export function closestWords(word: string, candidates: Iterable<string>, maxDistance?: number): string[] {
  const wanted = word.toLowerCase();
  const budget = maxDistance ?? typoBudget(wanted.length);
  let best = Number.POSITIVE_INFINITY;
  let found: string[] = [];
  for (const candidate of new Set(candidates)) {
    const d = editDistance(wanted, candidate.toLowerCase());
    if (d === 0 || d > budget) continue;
    if (d < best) {
      best = d;
      found = [candidate];
    } else if (d === best) {
      found.push(candidate);
    }
  }
  return found.slice(0, 3);
}

/** The candidate equal to `word` but for case, when there is exactly one. */
export function sameButCase(word: string, candidates: Iterable<string>): string | undefined {
  const wanted = word.toLowerCase();
  const matches = [...new Set(candidates)].filter((c) => c.toLowerCase() === wanted);
  return matches.length === 1 ? matches[0] : undefined;
}

/** ` Did you mean \`x\`?` (with `format` applied to each), or '' when nothing is close. */
export function didYouMean(
  word: string,
  candidates: Iterable<string>,
  format: (candidate: string) => string = (c) => `\`${c}\``,
): string {
  const close = closestWords(word, candidates);
  return close.length === 0 ? '' : ` Did you mean ${close.map(format).join(' or ')}?`;
}
