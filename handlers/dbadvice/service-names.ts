import { type KnowledgeBase, type ResolvedName, resolveExact, resolveServiceName } from '../../knowledge/index.ts';

/** Words between or around the names in `compare a vs b`, `compare 오로라와 rds 비교`. */
const FILLER = new Set([
  'vs',
  'vs.',
  'versus',
  'and',
  'or',
  'with',
  '와',
  '과',
  '랑',
  '이랑',
  '하고',
  '비교',
  '비교해',
]);

/** The longest service name in words (`Amazon OpenSearch Service`, `Microsoft SQL Server`). */
const MAX_NAME_WORDS = 3;

export interface UnknownName {
  word: string;
  /** Known names close to it, to offer as "did you mean". */
  suggestions: string[];
}

export interface NameScan {
  /** Each name as read: the service, and the engine or typo it was read through. */
  services: ResolvedName[];
  /** Words that are neither filler nor part of a name we could read. */
  unknown: UnknownName[];
}

/**
 * Reads service names from words, longest name first, so `Amazon DynamoDB` is one service; an
 * engine with an AWS counterpart (`mongo`) or an unambiguous typo (`dynamdb`) reads as its service.
 */
export function scanServiceNames(kb: KnowledgeBase, words: string[]): NameScan {
  const scan: NameScan = { services: [], unknown: [] };
  let i = 0;
  while (i < words.length) {
    const word = words[i] ?? '';
    if (FILLER.has(word.toLowerCase())) {
      i++;
      continue;
    }
    let matched = 0;
    for (let n = Math.min(MAX_NAME_WORDS, words.length - i); n >= 1 && matched === 0; n--) {
      const resolved = resolveExact(kb, words.slice(i, i + n).join(' '));
      if (resolved) {
        scan.services.push(resolved);
        matched = n;
      }
    }
    if (matched === 0) {
      const guess = resolveServiceName(kb, word);
      if (guess.resolved) scan.services.push(guess.resolved);
      else scan.unknown.push({ word, suggestions: guess.suggestions });
    }
    i += Math.max(matched, 1);
  }
  return scan;
}
