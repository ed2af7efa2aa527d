import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, readNotes } from '../../knowledge/build.ts';
import { loadKnowledgeBase } from '../../knowledge/index.ts';
import { runQuestions, score } from './evaluate.ts';
import { FIFTH_ROUND } from './fifth-round-questions.ts';
import { FOURTH_ROUND } from './fourth-round-questions.ts';
import { FRESH_QUESTIONS } from './fresh-questions.ts';
import { QUESTIONS } from './questions.ts';
import { THIRD_ROUND } from './third-round-questions.ts';
import { WORKLOAD_QUESTIONS } from './workload-questions.ts';

// The quality bar, as a gate: `npm run kb:eval` prints the full report (the held-out third's figures,
// never its questions or misses).
const kb = loadKnowledgeBase(buildKnowledgeBase(readNotes('knowledge/notes')));
const old = runQuestions(kb, QUESTIONS);
const work = runQuestions(kb, WORKLOAD_QUESTIONS, 3);
const held = work.filter((o) => o.question.heldOut);
const fresh = runQuestions(kb, FRESH_QUESTIONS);
const third = runQuestions(kb, THIRD_ROUND);
const fourth = runQuestions(kb, FOURTH_ROUND);
const fifth = runQuestions(kb, FIFTH_ROUND);

/**
 * Issue 13 asks for 90% top-1 overall and 88% per language on the held-out third, and 95% of off-topic
 * or vague questions declined with no confident answer to any. These floors are what the engine honestly
 * reaches (README "How good it is"); the engine is deterministic, so the gate passes on every clean checkout.
 */
// Reached on the final run (2026-12-02): 59/64 top-1 (English 30/32, Korean 29/32), 8/8 declined.
const HELD_OUT_TOP1 = 0.92;
const HELD_OUT_TOP1_PER_LANG = { en: 0.93, ko: 0.9 } as const;
const HELD_OUT_DECLINED = 1;
const OLD_SETS_TOP1 = 0.95;

describe('test/eval (dbadvice quality)', () => {
  it('keeps the old sets (questions.ts) as regression checks: 95% top-1, every off-topic question declined', () => {
    const s = score(old);
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(60);
    expect(s.top1).toBeGreaterThanOrEqual(OLD_SETS_TOP1);
    expect(s.abstention).toBe(1);
  });

  it(`reaches ${HELD_OUT_TOP1 * 100}% top-1 on the workload set's held-out third`, () => {
    const s = score(held);
    expect(s.answerable).toBeGreaterThanOrEqual(60);
    expect(s.top1).toBeGreaterThanOrEqual(HELD_OUT_TOP1);
  });

  it.each(['en', 'ko'] as const)('reaches the per-language floor on the held-out third in %s', (lang) => {
    const s = score(held.filter((o) => o.question.lang === lang));
    expect(s.top1).toBeGreaterThanOrEqual(HELD_OUT_TOP1_PER_LANG[lang]);
  });

  it('declines off-topic and vague held-out questions, with no confident answer to any', () => {
    expect(score(held).abstention).toBeGreaterThanOrEqual(HELD_OUT_DECLINED);
    expect(held.filter((o) => o.question.expect === null && o.got !== null)).toHaveLength(0);
  });

  // The fresh set was written to measure mechanisms and was tuned on (its misses are printed): a regression check,
  // never the headline.
  it('keeps the fresh set (fresh-questions.ts) at 97% top-1 with every off-topic or vague question declined', () => {
    const s = score(fresh);
    expect(FRESH_QUESTIONS.length).toBeGreaterThanOrEqual(360);
    expect(s.top1).toBeGreaterThanOrEqual(0.97);
    expect(s.abstention).toBe(1);
  });

  // Written blind and measured at 87.5% before it was tuned on: a regression check now.
  it('keeps the third round (third-round-questions.ts) at 97% top-1 with every off-topic or vague question declined', () => {
    const s = score(third);
    expect(THIRD_ROUND.length).toBeGreaterThanOrEqual(240);
    expect(s.top1).toBeGreaterThanOrEqual(0.97);
    expect(s.abstention).toBe(1);
  });

  // The fourth round's odd half was never tuned on: the figure nearest to questions nobody here has seen.
  it("reaches 86% top-1 on the fourth round's held-out half, declining every off-topic or vague question", () => {
    const held = fourth.filter((o) => o.question.heldOut);
    const s = score(held);
    expect(held).toHaveLength(100);
    // Reached on 2026-12-02: 78/90 top-1 (86.7%), 10/10 declined.
    expect(s.top1).toBeGreaterThanOrEqual(0.86);
    expect(s.abstention).toBe(1);
  });

  it("keeps the tuned later rounds (the fourth round's other half, the fifth) at 97% top-1", () => {
    for (const outcomes of [fourth.filter((o) => !o.question.heldOut), fifth]) {
      const s = score(outcomes);
      expect(s.top1).toBeGreaterThanOrEqual(0.97);
      expect(s.abstention).toBe(1);
    }
  });

  it('never answers an off-topic or vague question of the tuning two thirds', () => {
    expect(score(work.filter((o) => !o.question.heldOut)).abstention).toBe(1);
  });

  // Latency (p99 under 5 ms per question) is measured by `npm run bench` and printed by `npm run kb:eval`, never gated
  // by a timed test: on a loaded machine a timer measures the scheduler.
});
