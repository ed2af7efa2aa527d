import { mkdirSync, writeFileSync } from 'node:fs';
import { defaultKnowledgeBase } from '../../knowledge/index.ts';
import { percentile, runQuestions, type Score, score } from './evaluate.ts';
import { QUESTIONS } from './questions.ts';

// `npm run kb:eval`: accuracy per language, on all questions and on the held-out ones, and latency.
const kb = defaultKnowledgeBase();
runQuestions(kb, QUESTIONS); // warm-up: the first search pays for JIT compilation
const outcomes = runQuestions(kb, QUESTIONS);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (label: string, s: Score) =>
  `${label.padEnd(22)} n=${String(s.n).padStart(2)}  top-1 ${pct(s.top1).padStart(6)} (of ${s.answerable})  top-3 ${pct(s.top3).padStart(6)}  abstained on off-topic ${pct(s.abstention).padStart(6)} (of ${s.offTopic})`;

const report: Record<string, Score> = {};
for (const lang of ['en', 'ko'] as const) {
  for (const [set, held] of [
    ['all', undefined],
    ['held-out 1', 1],
    ['held-out 2', 2],
    ['held-out 3', 3],
  ] as const) {
    const picked = outcomes.filter(
      (o) => o.question.lang === lang && (held === undefined || o.question.heldOut === held),
    );
    report[`${lang} ${set}`] = score(picked);
  }
}
report.all = score(outcomes);
for (const [label, s] of Object.entries(report)) console.log(row(label, s));

const ms = outcomes.map((o) => o.ms);
const latency = { p50: percentile(ms, 50), p99: percentile(ms, 99), max: Math.max(...ms) };
console.log(`latency per question: p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms`);

const misses = outcomes.filter((o) => o.got !== o.question.expect);
for (const m of misses) {
  console.log(
    `  miss${m.question.heldOut ? ' (held-out)' : ''}: "${m.question.q}" expected ${m.question.expect} got ${m.got} [${m.top3.join(', ')}]`,
  );
}

mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/kb-eval.json',
  `${JSON.stringify({ at: new Date().toISOString(), report, latency }, null, 2)}\n`,
);
