import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, readNotes } from '../../knowledge/build.ts';
import { loadKnowledgeBase } from '../../knowledge/index.ts';
import { runQuestions, score } from './evaluate.ts';
import { QUESTIONS } from './questions.ts';

// The quality bar from issue 5, as a gate: `npm run kb:eval` prints the full report.
const outcomes = runQuestions(loadKnowledgeBase(buildKnowledgeBase(readNotes('knowledge/notes'))), QUESTIONS);

describe('test/eval (dbadvice quality)', () => {
  it('has at least 60 questions, half in each language, some off-topic and some held out', () => {
    const ko = QUESTIONS.filter((q) => q.lang === 'ko').length;
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(60);
    expect(ko).toBe(QUESTIONS.length / 2);
    expect(QUESTIONS.filter((q) => q.expect === null).length).toBeGreaterThanOrEqual(10);
    expect(QUESTIONS.filter((q) => q.heldOut).length).toBeGreaterThanOrEqual(20);
  });

  it.each(['en', 'ko'] as const)('reaches 90%% top-1 in %s and never answers an off-topic question', (lang) => {
    const s = score(outcomes.filter((o) => o.question.lang === lang));
    expect(s.top1).toBeGreaterThanOrEqual(0.9);
    expect(s.abstention).toBe(1);
  });

  // Set 3 was never tuned on: a change that helps the tuned questions but hurts unseen ones shows here.
  it.each(['en', 'ko'] as const)('keeps 90%% top-1 in %s on the held-out set nobody tuned to', (lang) => {
    const s = score(outcomes.filter((o) => o.question.lang === lang && o.question.heldOut === 3));
    expect(s.answerable).toBeGreaterThanOrEqual(10);
    expect(s.top1).toBeGreaterThanOrEqual(0.9);
    expect(s.abstention).toBe(1);
  });
});
