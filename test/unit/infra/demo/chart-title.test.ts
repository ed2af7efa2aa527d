import { describe, expect, it } from 'vitest';
import { titleLines } from '../../../../infra/demo/chart-title.ts';
import { textWidth } from '../../../../infra/demo/font.ts';
import { buildMetricWidget } from '../../../../infra/metric-widget.ts';

const SCALE = 2;
/** The widths renderChart gives an 800-pixel picture: beside the `Dec 2 2026 (UTC)` caption, then whole. */
const BESIDE = 800 - 36 - textWidth('Nov 25 – Dec 2 2026 (UTC)', SCALE);
const WHOLE = 800 - 24;

describe('infra/demo/chart-title', () => {
  it('keeps a title that fits on one line', () => {
    expect(titleLines('Errors api · 07:00 – 08:00 UTC', BESIDE, WHOLE, SCALE)).toEqual([
      'Errors api · 07:00 – 08:00 UTC',
    ]);
  });

  it.each([
    ['CPUUtilization orders-db', '2026-12-02 04:42 – 07:42 UTC'],
    ['CPUUtilization 2 series', '2026-11-25 06:00 – 2026-12-02 07:42 UTC'],
    ['FreeStorageSpace 3 series', '2026-11-30 23:59 – 2026-12-02 00:01 UTC'],
  ])('puts the window of "%s" whole on its own line rather than cut it', (what, window) => {
    // Act
    const lines = titleLines(`${what} · ${window}`, BESIDE, WHOLE, SCALE);

    // Assess
    expect(lines).toEqual([what, window]);
  });

  it('cuts the metric part, never the window, when even two lines are too narrow', () => {
    // Prepare
    const what = 'ApproximateAgeOfOldestMessage orders-queue-dead-letters-production';
    const window = '2026-11-25 06:00 – 2026-12-02 07:42 UTC';

    // Act
    const lines = titleLines(`${what} · ${window}`, BESIDE, WHOLE, SCALE);

    // Assess
    expect(lines[1]).toBe(window);
    expect(lines[0]?.endsWith('..')).toBe(true);
    expect(what.startsWith(lines[0]?.slice(0, -2) ?? '-')).toBe(true);
    for (const [i, line] of lines.entries())
      expect(textWidth(line, SCALE)).toBeLessThanOrEqual(i === 0 ? BESIDE : WHOLE);
  });

  it('wraps a title without a window at a space', () => {
    // Act
    const lines = titleLines('payments-api-5xx-rate-high in production eu-west-1 for checkout', 360, WHOLE, SCALE);

    // Assess
    expect(lines.join(' ')).toBe('payments-api-5xx-rate-high in production eu-west-1 for checkout');
    expect(textWidth(lines[0] ?? '', SCALE)).toBeLessThanOrEqual(360);
  });

  it('gives the widget CloudWatch draws the same window in its title, for any graph', () => {
    // Act
    const widget = buildMetricWidget(
      {
        title: 'orders-db-cpu-high',
        periodSeconds: 60,
        start: new Date('2026-12-02T06:40:00Z'),
        end: new Date('2026-12-02T07:45:00Z'),
        series: [],
      },
      'us-east-1',
    );

    // Assess
    expect(widget.title).toBe('orders-db-cpu-high · 2026-12-02 06:40 – 07:45 UTC');
  });
});
