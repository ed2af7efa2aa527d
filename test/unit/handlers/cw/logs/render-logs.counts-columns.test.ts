import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counted } from '../../../../../handlers/count-words.ts';
import {
  displayTable,
  LINE_WIDTH,
  type LogsAnswer,
  renderLogsResults,
  renderProgress,
  statisticsLine,
  tableBlocks,
} from '../../../../../handlers/cw/logs/render-logs.ts';
import type { QueryResults } from '../../../../../handlers/ports.ts';
import { tableCells, tableOrCodeLines } from '../../../../fixtures/block-kit.ts';

const answer = (results: QueryResults, overrides = {}) => ({
  title: 'Logs Insights',
  groups: ['/ecs/public-web'],
  start: new Date('2026-12-02T05:40:00Z'),
  end: new Date('2026-12-02T06:40:00Z'),
  since: '1h',
  queryString: 'stats count(*) by bin(5m)',
  results,
  pricePerGb: 0.005,
  ...overrides,
});

/** The code blocks the answer falls back to when its rows cannot be one table block: laid out for a phone. */
const codeLines = (a: LogsAnswer) => {
  const shown = displayTable(a.results, a.groups, a);
  return tableOrCodeLines({ text: '', blocks: tableBlocks(shown.fields, shown.rows, shown.labels).blocks });
};

describe('logs output: count words agree with their number', () => {
  it.each([
    [1, '1 record matched'],
    [0, '0 records matched'],
    [2, '2 records matched'],
    [1500, '1.5K records matched'],
  ])('%d matched reads "%s"', (matched, text) => {
    expect(statisticsLine({ recordsMatched: matched, recordsScanned: 1, bytesScanned: 10 }, 0.005)).toContain(text);
  });

  it('says "1 row" and "at most 1 row", never "1 rows", and "1 record scanned" while running', () => {
    // Prepare
    const one: QueryResults = {
      status: 'Complete',
      fields: ['@message'],
      rows: [{ '@message': 'x' }],
      statistics: { recordsMatched: 1, recordsScanned: 1, bytesScanned: 10 },
    };

    // Act
    const message = renderLogsResults(answer(one, { limit: 1, queryString: 'fields @message' }));
    const progress = renderProgress('Logs Insights', 2000, { recordsMatched: 1, recordsScanned: 1, bytesScanned: 1 });

    // Assess
    const all = `${JSON.stringify(message)} ${progress.text}`;
    expect(all).not.toMatch(/\b1 (rows|records)\b/);
    expect(all).toContain('at most 1 row (');
    expect(message.text).toContain('Logs Insights: 1 row.');
    expect(progress.text).toContain('1 record scanned');
  });

  it('uses the singular for exactly one, whatever the number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (n) => {
        expect(counted(n, 'row')).toBe(n === 1 ? '1 row' : `${n} rows`);
      }),
    );
  });
});

describe('logs table: a column that fits is not cut; a time is never cut', () => {
  const bins = (extra: Record<string, string> = {}): QueryResults => ({
    status: 'Complete',
    fields: ['bin(5m)', 'count()'],
    rows: [0, 5, 10].map((m) => ({
      'bin(5m)': `2026-12-02 06:${String(40 - m).padStart(2, '0')}:00.000`,
      'count()': String(100 + m),
      ...extra,
    })),
    statistics: { recordsMatched: 315, recordsScanned: 900, bytesScanned: 120_000 },
  });

  it('shows a stats result’s bin(5m) whole when the line has room', () => {
    // Act
    const lines = codeLines(answer(bins()));
    const table = tableCells(renderLogsResults(answer(bins())));

    // Assess
    expect(lines[1]).toContain('2026-12-02 06:40:00.000');
    expect(lines.join('\n')).not.toContain('…');
    expect(table[1]?.[0]).toBe('2026-12-02 06:40:00.000');
  });

  it('keeps times whole in any column even when the line is too narrow, and the line within the width', () => {
    // Prepare
    const results = bins({
      service: 'checkout-api-with-a-very-long-service-name',
      region: 'ap-northeast-2-extra-long',
    });
    results.fields = ['bin(5m)', 'service', 'region', 'count()'];

    // Act
    const lines = codeLines(answer(results));

    // Assess
    expect(lines[1]).toContain('2026-12-02 06:40:00.000');
    for (const l of lines) expect(Array.from(l).length).toBeLessThanOrEqual(LINE_WIDTH);
  });

  it('never cuts any column of a table whose natural width fits the line', () => {
    // Up to 30 characters each: two columns fit the 64 of a line, and one may be past the narrow cap.
    const word = fc.integer({ min: 1, max: 30 }).chain((n) => fc.stringMatching(new RegExp(`^[a-z0-9]{${n}}$`)));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        (as, bs) => {
          const rows = as.map((a, i) => ({ a, b: bs[i % bs.length] ?? '' }));
          const results: QueryResults = {
            status: 'Complete',
            fields: ['a', 'b'],
            rows,
            statistics: { recordsMatched: rows.length, recordsScanned: 1, bytesScanned: 1 },
          };
          const lines = codeLines(answer(results, { queryString: 'fields a, b' }));
          expect(lines.join('\n')).not.toContain('…');
          for (const [i, row] of rows.entries()) expect(lines[i + 1]).toContain(row.a);
        },
      ),
    );
  });
});
