import { mkdirSync, writeFileSync } from 'node:fs';
import { defaultKnowledgeBase } from '../../knowledge/index.ts';
import { type Outcome, percentile, runQuestions, type Score, score } from './evaluate.ts';
import { FIFTH_ROUND } from './fifth-round-questions.ts';
import { FOURTH_ROUND } from './fourth-round-questions.ts';
import { FRESH_QUESTIONS, type FreshQuestion } from './fresh-questions.ts';
import { QUESTIONS } from './questions.ts';
import type { RoundQuestion } from './round-question.ts';
import { THIRD_ROUND } from './third-round-questions.ts';
import { CATEGORIES, WORKLOAD_QUESTIONS, type WorkloadQuestion } from './workload-questions.ts';

// `npm run kb:eval`. The headline is the held-out third of the workload set (issue 13), which nobody tunes on:
// its misses are never printed, only its figures, so the number stays honest. The old sets are regression checks.
const kb = defaultKnowledgeBase();
runQuestions(kb, [
  ...QUESTIONS,
  ...WORKLOAD_QUESTIONS,
  ...FRESH_QUESTIONS,
  ...THIRD_ROUND,
  ...FOURTH_ROUND,
  ...FIFTH_ROUND,
]); // warm-up: the first search pays for JIT compilation
const old = runQuestions(kb, QUESTIONS, 5);
const work = runQuestions(kb, WORKLOAD_QUESTIONS, 5);
const fresh = runQuestions(kb, FRESH_QUESTIONS, 5);
const third = runQuestions(kb, THIRD_ROUND, 5);
const fourth = runQuestions(kb, FOURTH_ROUND, 5);
const fifth = runQuestions(kb, FIFTH_ROUND, 5);
const fourthHeld = fourth.filter((o) => o.question.heldOut);
const fourthTuned = fourth.filter((o) => !o.question.heldOut);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (label: string, s: Score) =>
  `${label.padEnd(26)} n=${String(s.n).padStart(3)}  top-1 ${pct(s.top1).padStart(6)} (of ${String(s.answerable).padStart(3)})  top-3 ${pct(s.top3).padStart(6)}  declined ${pct(s.abstention).padStart(6)} (of ${s.offTopic})`;

const report: Record<string, Score> = {};
const add = (label: string, picked: Outcome[]) => {
  report[label] = score(picked);
  console.log(row(label, report[label] as Score));
};
const held = work.filter((o) => o.question.heldOut);
const tuned = work.filter((o) => !o.question.heldOut);

console.log('== workload set (issue 13), HELD-OUT third: the headline ==');
add('held-out all', held);
for (const lang of ['en', 'ko'] as const)
  add(
    `held-out ${lang}`,
    held.filter((o) => o.question.lang === lang),
  );
for (const c of CATEGORIES)
  add(
    `held-out ${c}`,
    held.filter((o) => o.question.category === c),
  );
const confidentOffTopic = held.filter((o) => o.question.expect === null && o.got !== null).length;
console.log(`held-out confident answers to off-topic/vague questions: ${confidentOffTopic}`);

console.log('\n== workload set, tuning two thirds ==');
add('tuning all', tuned);
for (const lang of ['en', 'ko'] as const)
  add(
    `tuning ${lang}`,
    tuned.filter((o) => o.question.lang === lang),
  );
for (const c of CATEGORIES)
  add(
    `tuning ${c}`,
    tuned.filter((o) => o.question.category === c),
  );

console.log('\n== fresh set (fresh-questions.ts, written for round two; a tuning aid, misses shown) ==');
add('fresh all', fresh);
for (const lang of ['en', 'ko'] as const)
  add(
    `fresh ${lang}`,
    fresh.filter((o) => o.question.lang === lang),
  );
for (const c of CATEGORIES)
  add(
    `fresh ${c}`,
    fresh.filter((o) => o.question.category === c),
  );
console.log(
  `fresh confident answers to off-topic/vague questions: ${fresh.filter((o) => o.question.expect === null && o.got !== null).length}`,
);

/** A round's figures: all, per language, per category. */
const addRound = (label: string, outcomes: Outcome<RoundQuestion>[]) => {
  add(`${label} all`, outcomes);
  for (const lang of ['en', 'ko'] as const)
    add(
      `${label} ${lang}`,
      outcomes.filter((o) => o.question.lang === lang),
    );
  for (const c of [...new Set(outcomes.map((o) => o.question.category))])
    add(
      `${label} ${c}`,
      outcomes.filter((o) => o.question.category === c),
    );
};

console.log('\n== fourth round, HELD-OUT half (fourth-round-questions.ts, odd positions): never tuned on ==');
addRound('4th held-out', fourthHeld);
console.log('\n== later rounds: written blind (first figures in each file and the README), tuning aids since ==');
add('4th tuning half', fourthTuned);
add('third all', third);
addRound('fifth', fifth);

console.log('\n== old sets (questions.ts): regression checks ==');
add('old all', old);
for (const lang of ['en', 'ko'] as const)
  add(
    `old ${lang}`,
    old.filter((o) => o.question.lang === lang),
  );

const ms = [...old, ...work, ...fresh, ...third, ...fourth, ...fifth].map((o) => o.ms);
const latency = { p50: percentile(ms, 50), p99: percentile(ms, 99), max: Math.max(...ms) };
console.log(
  `\nlatency per question (fastest of 5 runs, ${ms.length} questions): p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms, max ${latency.max.toFixed(2)} ms`,
);

const missed = (o: Outcome) => o.got !== o.question.expect;
const show = (o: Outcome, extra = '') =>
  console.log(`  miss${extra}: "${o.question.q}" expected ${o.question.expect} got ${o.got} [${o.top3.join(', ')}]`);
console.log('\nmisses (tuning third of the workload set only; held-out misses are counted above, never shown):');
for (const o of tuned.filter(missed)) show(o, ` [${(o.question as WorkloadQuestion).category}]`);
console.log('misses (fresh set):');
for (const o of fresh.filter(missed)) show(o, ` [${(o.question as FreshQuestion).category}]`);
console.log("misses (third round, the fourth round's tuning half, fifth round):");
for (const o of [...third, ...fourthTuned, ...fifth].filter(missed)) show(o, ` [${o.question.category}]`);
console.log('misses (old sets):');
for (const o of old.filter(missed)) show(o, o.question.heldOut ? ` (old held-out ${o.question.heldOut})` : '');

mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/kb-eval.json',
  `${JSON.stringify({ at: new Date().toISOString(), report, latency }, null, 2)}\n`,
);
