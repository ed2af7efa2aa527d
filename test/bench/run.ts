/**
 * `npm run bench`: bundle sizes, cold starts, the warm ack, /dbadvice, an alarm burst and the Logs
 * Insights polling cost. Prints a table and writes bench-results/bench.json. Benchmarks, not
 * tests: nothing here fails on a slow machine, but the targets are printed beside the figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { alarmBursts, QUEUE_SETTINGS } from './alarm-burst.ts';
import { bundleSizes } from './bundle-sizes.ts';
import { coldStarts } from './cold-start.ts';
import { dbadviceLatency } from './dbadvice.ts';
import { pollsFor } from './logs-polls.ts';
import { warmAcks } from './warm-ack.ts';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

const sizes = await bundleSizes();
const cold = await coldStarts(Number(process.env.BENCH_COLD_RUNS ?? 15));
const warm = await warmAcks(Number(process.env.BENCH_WARM_REQUESTS ?? 2000));
const dbadvice = dbadviceLatency();
const polls = { tenSecondQuery: await pollsFor(10), oneMinuteQuery: await pollsFor(60) };
const burst = await alarmBursts(Number(process.env.BENCH_BURST_RUNS ?? 3));

const targets = {
  coldStartRatio: 3,
  burstSeconds: 15,
  warmAckP99Ms: 20,
  dbadviceP99Ms: 5,
};
const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  targets,
  sizes,
  cold,
  warm,
  dbadvice,
  polls,
  burst,
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', `${JSON.stringify(results, null, 2)}\n`);

const out: string[] = [`cw-chatops benchmarks · ${results.date} · Node ${results.node} · ${results.cpus}`, ''];
out.push(
  line(['bundle', 'all chunks', 'loaded at cold start', 'largest packages']),
  line(['---', '---', '---', '---']),
);
for (const s of sizes) {
  out.push(
    line([
      s.fn,
      kib(s.totalBytes),
      kib(s.entryBytes),
      s.topPackages.map((p) => `${p.name} ${kib(p.bytes)}`).join(', '),
    ]),
  );
}
out.push(
  '',
  line([
    'cold start (median)',
    'runs',
    'bare node',
    'to first answer',
    'difference',
    `ratio (target ≤ ${targets.coldStartRatio}×)`,
  ]),
);
out.push(line(['---', '---', '---', '---', '---', '---']));
for (const c of cold)
  out.push(line([c.fn, c.runs, `${c.nodeFloorMs} ms`, `${c.medianMs} ms`, `${c.overFloorMs} ms`, `${c.ratio}×`]));
for (const c of cold) {
  if (c.toPostMs !== undefined) {
    out.push(
      '',
      `${c.fn}: Slack had the alarm ${c.toPostMs} ms after spawn (${c.toPostRatio}× bare node); the rest is the graph posted in its thread.`,
    );
  }
}
out.push(
  '',
  line(['warm ack, in-process', 'requests', 'p50', `p99 (target < ${targets.warmAckP99Ms} ms)`]),
  line(['---', '---', '---', '---']),
);
for (const w of warm) out.push(line([w.command, w.requests, `${w.p50Ms} ms`, `${w.p99Ms} ms`]));
out.push(
  '',
  line(['/dbadvice per question', 'questions × rounds', 'p50', `p99 (target < ${targets.dbadviceP99Ms} ms)`]),
  line(['---', '---', '---', '---']),
  line(['plan + answer', `${dbadvice.questions} × ${dbadvice.rounds}`, `${dbadvice.p50Ms} ms`, `${dbadvice.p99Ms} ms`]),
  '',
  line([
    'alarm burst (EventBridge → SQS → relay)',
    'channels',
    'batches of / at once',
    `all visible after the last event (median of ${burst.runs.length}; target ≤ ${targets.burstSeconds} s)`,
    'half visible',
    'Lambda GB-s',
    'Slack calls (429s)',
    'messages / digest updates (min gap)',
    'outcomes',
    'lost / duplicated',
  ]),
  line(['---', '---', '---', '---', '---', '---', '---', '---', '---', '---']),
  line([
    `${burst.events} events`,
    burst.channels,
    `${QUEUE_SETTINGS.batchSize} / ${QUEUE_SETTINGS.maximumConcurrency}`,
    `${burst.seconds} s (runs: ${burst.runs.map((r) => `${r} s`).join(', ')})`,
    `${burst.p50VisibleSeconds} s`,
    `${burst.gbSeconds} (${burst.invocations} invocations × ${QUEUE_SETTINGS.memoryMb} MB)`,
    `${burst.slackCalls} (${burst.rateLimited})`,
    `${burst.messages} / ${burst.digestUpdates}${burst.digestUpdates > 1 ? ` (${burst.minUpdateGapSeconds} s)` : ''}`,
    Object.entries(burst.outcomes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
    `${burst.lost} / ${burst.duplicated}${burst.redelivered ? ` (${burst.redelivered} redelivered)` : ''}`,
  ]),
  '',
  `Logs Insights: a 10 s query costs ${polls.tenSecondQuery} GetQueryResults calls, a 1 min query ${polls.oneMinuteQuery}.`,
  '',
  'Written to bench-results/bench.json.',
);
console.log(out.join('\n'));
