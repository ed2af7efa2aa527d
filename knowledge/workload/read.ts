import { normalize } from '../tokenize.ts';
import { detectTraits, isSpecific, TRAITS, type Trait } from '../traits.ts';
import { detectClues, regionCount } from './clues.ts';
import { type Correction, correctSpelling } from './fuzzy.ts';
import { ABBREVIATIONS, VOCABULARY } from './lexicon.ts';
import { forbidsLoss } from './loss.ts';
import { splitNegation } from './negation.ts';

/**
 * The workload as the question describes it: what it asks for (traits and clues), what it rules out,
 * and the slips corrected on the way. The decision (decide.ts) works on this picture, never on the
 * raw words.
 */
export interface WorkloadPicture {
  /** The question, normalised and with its slips corrected. */
  text: string;
  /** The question with what it rules out blanked out: what retrieval and the traits read. */
  positive: string;
  corrections: Correction[];
  /** Traits the question asks for. */
  traits: Trait[];
  /** Traits it mentions only to rule them out ("no joins", "not a cache", "검색이 아니라"). */
  notWanted: Trait[];
  clues: Set<string>;
  /** Clues it rules out ("we do NOT need to stay on Oracle": engine-stay). */
  notClues: Set<string>;
  /** How many distinct AWS Regions or places it names. */
  regions: number;
  /** The phrases it rules out, as written (a service named in one is excluded from the answer). */
  negated: string[];
}

/**
 * Traits that presuppose a clue: "analytics over large history" means nothing once the question says it
 * keeps no history ("이력은 안 남겨도 됨"), so a ruled-out clue takes the trait that rests on it with it, and
 * neither a reason nor an alternative can cite it.
 */
const PRESUPPOSES: Readonly<Record<string, readonly string[]>> = {
  analytics: ['history'],
};

/** Ruled out, the first clue asserts the second. */
const OPPOSITES: Readonly<Record<string, string>> = {
  'engine-change': 'engine-stay',
};

// "SQL vs NoSQL" names two paradigms, not a workload: the bare words say nothing about the data.
const PARADIGMS = /(?<![\p{L}\p{N}])(no ?sql|sql)(?![\p{L}\p{N}])/gu;

export function readWorkload(question: string): WorkloadPicture {
  // NFKC without lower-casing first, so capitalised abbreviations (ES, DDB) can still be told apart.
  const { text: corrected, corrections } = correctSpelling(question.normalize('NFKC'), VOCABULARY, ABBREVIATIONS);
  const text = normalize(corrected);
  const { positive: split, negated } = splitNegation(text);
  const paradigms = new Set([...split.matchAll(PARADIGMS)].map((m) => m[1]?.replace(' ', '')));
  const positive = paradigms.has('sql') && paradigms.has('nosql') ? split.replace(PARADIGMS, ' ') : split;
  const found = detectTraits(positive);
  const negatedText = negated.join(' ; ');
  const asked = new Set(found.map((t) => t.id));
  const notWanted = negated.length > 0 ? detectTraits(negatedText).filter((t) => !asked.has(t.id)) : [];
  const clues = detectClues(positive, text);
  const notClues = negated.length > 0 ? detectClues(negatedText) : new Set<string>();
  for (const id of clues) notClues.delete(id);
  // A clue whose opposite is itself a clue: ruling one out says the other ("엔진은 바꾸지 않고", "not changing
  // the engine" is the engine staying), so it is read as said, never as a double negative ("not open to changing").
  for (const [id, opposite] of Object.entries(OPPOSITES)) {
    if (notClues.delete(id) && !clues.has(id)) clues.add(opposite);
  }
  // "It's not ok to lose data", "유실 불가": a negated permission or a forbidden defect asks for durability, so
  // neither the permission ("ok to lose") nor the negator ("not … durable") may survive the reading.
  const keep = forbidsLoss(question.normalize('NFKC'));
  if (keep) {
    clues.delete('loss-ok');
    notClues.delete('loss-ok');
    const durable = TRAITS.find((t) => t.id === 'durable');
    if (durable && !found.some((t) => t.id === 'durable')) found.push(durable);
  }
  const kept = keep ? notWanted.filter((t) => t.id !== 'durable') : notWanted;
  const ruledOut = (id: string) => notClues.has(id) || kept.some((t) => t.id === id);
  // In a search question "documents" are texts to search ("사내 문서 수백만 건 임베딩"), not the document data model.
  const searching = found.some((t) => t.id === 'search' || t.id === 'vector');
  const textDocs = (t: Trait) => t.id === 'document' && searching && !isSpecific(t, positive);
  const traits = found.filter((t) => !(PRESUPPOSES[t.id] ?? []).some(ruledOut) && !textDocs(t));
  return {
    text,
    positive,
    corrections,
    traits,
    notWanted: kept,
    clues,
    notClues,
    regions: regionCount(text, question),
    negated,
  };
}
