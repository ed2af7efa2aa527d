import { performance } from 'node:perf_hooks';
import { advise, type KnowledgeBase } from '../../knowledge/index.ts';

/** What the runner needs of a question, in either set (questions.ts or workload-questions.ts). */
export interface ScoredQuestion {
  q: string;
  expect: string | null;
}

export interface Outcome<Q extends ScoredQuestion = ScoredQuestion> {
  question: Q;
  /** The recommended service, `compare` when it answered with the side-by-side compare, or null when it declined. */
  got: string | null;
  top3: string[];
  ms: number;
}

export interface Score {
  n: number;
  /** Questions with an expected service: share whose recommendation is that service. */
  top1: number;
  top3: number;
  answerable: number;
  /** Off-topic / vague questions: share the bot declined (no confident answer). */
  abstention: number;
  offTopic: number;
}

/**
 * Runs every question `repeats` times and keeps the fastest run's time: on a shared machine the slower
 * runs measure the scheduler, not the question.
 */
export function runQuestions<Q extends ScoredQuestion>(kb: KnowledgeBase, questions: Q[], repeats = 1): Outcome<Q>[] {
  return questions.map((question) => {
    let ms = Number.POSITIVE_INFINITY;
    let advice = advise(kb, question.q);
    for (let i = 0; i < repeats; i++) {
      const start = performance.now();
      advice = advise(kb, question.q);
      ms = Math.min(ms, performance.now() - start);
    }
    // "다이나모db랑 오로라 비교해줘": the side-by-side compare is the answer (`expect: 'compare'`).
    if (advice.kind === 'abstain' && advice.compared) return { question, got: 'compare', top3: ['compare'], ms };
    if (advice.kind === 'abstain') return { question, got: null, top3: [], ms };
    const top3 = advice.ranked
      .filter((r) => r.service.status === 'active')
      .slice(0, 3)
      .map((r) => r.service.id);
    return { question, got: advice.recommended.service.id, top3, ms };
  });
}

export function score(outcomes: Outcome<ScoredQuestion>[]): Score {
  const answerable = outcomes.filter((o) => o.question.expect !== null);
  const offTopic = outcomes.filter((o) => o.question.expect === null);
  const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  return {
    n: outcomes.length,
    answerable: answerable.length,
    offTopic: offTopic.length,
    top1: share(answerable.filter((o) => o.got === o.question.expect).length, answerable.length),
    top3: share(answerable.filter((o) => o.top3.includes(o.question.expect ?? '')).length, answerable.length),
    abstention: share(offTopic.filter((o) => o.got === null).length, offTopic.length),
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
