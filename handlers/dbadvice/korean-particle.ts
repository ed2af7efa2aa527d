/**
 * Korean particles depend on how the word before them ends: 을/를 and 으로/로 after a final
 * consonant (받침) or not. A Hangul word says so in its last syllable, an acronym in how its last
 * letter is read (RDS: 에스, no 받침; SQL: 엘, ㄹ). Other words keep the written-both form (`을(를)`).
 */
type Ending = 'consonant' | 'rieul' | 'vowel' | 'unknown';

/** Acronym letters read with a final consonant: L 엘 (ㄹ), M 엠, N 엔, R 알 (ㄹ). */
const LETTER_ENDINGS: Readonly<Record<string, Ending>> = { L: 'rieul', M: 'consonant', N: 'consonant', R: 'rieul' };

function ending(word: string): Ending {
  const last = word.trim().replace(/[`'")\]]+$/, '');
  const char = last.at(-1) ?? '';
  const code = (char.codePointAt(0) ?? 0) - 0xac00;
  if (code >= 0 && code < 11172) {
    const final = code % 28;
    return final === 0 ? 'vowel' : final === 8 ? 'rieul' : 'consonant';
  }
  const acronym = /([A-Z]{2,})$/.exec(last)?.[1];
  if (acronym) return LETTER_ENDINGS[acronym.at(-1) ?? ''] ?? 'vowel';
  return 'unknown';
}

/** The object particle: `다이너모를`, `오라클을`, `RDS를`. */
export function objectParticle(word: string): string {
  const e = ending(word);
  return e === 'unknown' ? '을(를)' : e === 'vowel' ? '를' : '을';
}

/** The "as/to" particle: `오로라로`, `서울로` (ㄹ takes 로), `DynamoDB(으)로` when the reading is unclear. */
export function directionParticle(word: string): string {
  const e = ending(word);
  return e === 'unknown' ? '(으)로' : e === 'consonant' ? '으로' : '로';
}
