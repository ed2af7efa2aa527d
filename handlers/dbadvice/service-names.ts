import { type KnowledgeBase, type ServiceNote, stripParticle } from '../../knowledge/index.ts';

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

/** The longest service name in words (`Amazon OpenSearch Service`). */
const MAX_NAME_WORDS = 3;

export interface NameScan {
  services: ServiceNote[];
  /** Words that are neither filler nor part of a service name, as typed. */
  unknown: string[];
}

/** A service by name, or by the name with a Korean particle after it (`오로라와`, `다이나모디비를`). */
function lookup(kb: KnowledgeBase, phrase: string): ServiceNote | undefined {
  return kb.findService(phrase) ?? kb.findService(stripParticle(phrase));
}

/** Reads service names from words, longest name first, so `Amazon DynamoDB` is one service. */
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
      const service = lookup(kb, words.slice(i, i + n).join(' '));
      if (service) {
        scan.services.push(service);
        matched = n;
      }
    }
    if (matched === 0) scan.unknown.push(word);
    i += Math.max(matched, 1);
  }
  return scan;
}
