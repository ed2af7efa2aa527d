/**
 * One tokenizer for the index build and for queries, so both sides turn `세션을`, `세션 저장소` and
 * `세션저장` (or `Sessions` and `session`) into terms that meet.
 *
 * Latin runs are lower-cased and lightly de-pluralised. Hangul runs lose a trailing particle
 * (조사) and also yield their character bigrams: Korean spacing is loose and compounds are
 * written joined or apart, and bigrams match either way without a morphological analyser.
 */

/** Particles and a few copula endings, longest first so `에서는` wins over `는`. */
const PARTICLES = [
  '에서는',
  '에서도',
  '으로는',
  '이라는',
  '에서',
  '으로',
  '에게',
  '한테',
  '까지',
  '부터',
  '처럼',
  '보다',
  '이랑',
  '하고',
  '이나',
  '라는',
  '이란',
  '인데',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '에',
  '의',
  '와',
  '과',
  '도',
  '로',
  '랑',
] as const;

/** Words that say nothing about a workload; dropping them keeps off-topic chatter from matching notes. */
const STOP_EN = new Set(
  'a an and are as at be but by can could do does for from has have how i if in into is it its me my of on or our should so that the their them then there these this to us was we what when where which who why will with would you your'.split(
    ' ',
  ),
);
const STOP_KO = new Set(['어떤', '무엇', '뭐', '좀', '그리고', '하는', '있는', '어떻게', '우리', '저희', '그냥']);

const RUN = /[a-z0-9]+|[\uac00-\ud7a3]+/g;

/** Strips one trailing particle, keeping at least two syllables so `추가` or `정도` survive whole. */
export function stripParticle(word: string): string {
  for (const particle of PARTICLES) {
    if (word.endsWith(particle) && word.length - particle.length >= 2) return word.slice(0, -particle.length);
  }
  return word;
}

/**
 * A light stemmer: `queries` → `query`, `searches` → `search`, and a final `e` goes too so
 * `cache`, `caches` and `cached`'s stem `cach` meet. Stems need not be words, only agree.
 */
export function stemEnglish(word: string): string {
  if (word.length <= 3) return word;
  let stem = word;
  if (stem.endsWith('ies') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (/(?:sh|ch|x|ss)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !/(?:ss|us|is|os)$/.test(stem)) stem = stem.slice(0, -1);
  return stem.length > 4 && stem.endsWith('e') ? stem.slice(0, -1) : stem;
}

export function isHangul(text: string): boolean {
  return /[\uac00-\ud7a3]/.test(text);
}

/** NFKC folds full-width letters and composes Hangul jamo; lower-casing makes `DynamoDB` = `dynamodb`. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const [run] of normalize(text).matchAll(RUN)) {
    if (!isHangul(run)) {
      if (run.length > 1 && !STOP_EN.has(run)) terms.push(stemEnglish(run));
      continue;
    }
    // A particle on its own (`DynamoDB를` splits into `dynamodb` + `를`) carries no meaning.
    if ((PARTICLES as readonly string[]).includes(run)) continue;
    const word = stripParticle(run);
    if (STOP_KO.has(word)) continue;
    terms.push(word);
    // A two-syllable word is its own only bigram.
    if (word.length > 2) for (let i = 0; i + 2 <= word.length; i++) terms.push(word.slice(i, i + 2));
  }
  return terms;
}
