/**
 * A question of the later rounds of unseen questions for `/dbadvice` (issue 13: third-round-questions.ts and after),
 * each written by an AWS database specialist who read only /work/shared/reference/db-guidance.md, platform-2026.md
 * and the seed notes' case studies, never the engine or the other sets. `why` cites the guidance rule behind the
 * label; `expect: 'compare'` is an explicit request to compare two named services, answered with `/dbadvice compare`.
 */
export type RoundCategory =
  | 'negation'
  | 'typos'
  | 'constraints'
  | 'migrations'
  | 'relationships'
  | 'time-series'
  | 'case-studies'
  | 'analytics'
  | 'short'
  | 'plain'
  | 'ledger'
  | 'vector'
  | 'compare'
  | 'off-topic'
  | 'vague';

export interface RoundQuestion {
  q: string;
  lang: 'en' | 'ko';
  expect: string | null;
  category: RoundCategory;
  why: string;
  /** Held out: never tuned on; `npm run kb:eval` prints its figures, never its questions or misses. */
  heldOut?: boolean;
}
