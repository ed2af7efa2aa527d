import { performance } from 'node:perf_hooks';
import { planDbAdvice } from '../../handlers/dbadvice/plan.ts';
import { defaultKnowledgeBase } from '../../knowledge/index.ts';
import { QUESTIONS } from '../eval/questions.ts';
import { percentile, round } from './stats.ts';

export interface DbAdviceLatency {
  questions: number;
  rounds: number;
  p50Ms: number;
  p99Ms: number;
}

/** Each evaluation question through the whole answer (traits, retrieval, ranking, Block Kit), in-process. */
export function dbadviceLatency(rounds = 20): DbAdviceLatency {
  const kb = defaultKnowledgeBase();
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const question of QUESTIONS) {
      const started = performance.now();
      try {
        planDbAdvice(question.q, { kb });
      } catch {
        // A question the parser refuses is still a timed answer.
      }
      times.push(performance.now() - started);
    }
  }
  const warm = times.slice(QUESTIONS.length);
  return {
    questions: QUESTIONS.length,
    rounds,
    p50Ms: round(percentile(warm, 50), 3),
    p99Ms: round(percentile(warm, 99), 3),
  };
}
