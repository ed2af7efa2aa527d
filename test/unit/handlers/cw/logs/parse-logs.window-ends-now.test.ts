import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLogsQuery, resolveRange } from '../../../../../handlers/cw/logs/parse-logs.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import { createDemoLogs } from '../../../../../infra/demo/demo-logs.ts';
import { tableOrCodeLines } from '../../../../fixtures/block-kit.ts';
import { runOnDemo } from '../../../../fixtures/demo-logs-run.ts';
import { attempt } from '../../../../fixtures/outcome.ts';

const NOW = new Date('2026-12-02T07:00:00Z');
const HOUR = 3_600_000;
const rangeOf = (text: string) =>
  resolveRange(parseLogsQuery(`/aws/lambda/checkout-api ${text}`).range, NOW, 7 * 86_400);
const refusal = (act: () => unknown): UserInputError => {
  try {
    act();
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('handlers/cw/logs/parse-logs: a window never ends after now', () => {
  it('clips a `--to` in the future to now and says so', () => {
    // Act
    const range = rangeOf('--from 2026-12-02T06:00:00Z --to 2026-12-03T06:00:00Z');

    // Assess
    expect(range.end).toEqual(NOW);
    expect(range.start).toEqual(new Date('2026-12-02T06:00:00Z'));
    expect(range.notes?.join(' ')).toMatch(/`--to` 2026-12-03 06:00 UTC is in the future: the window ends now/);
  });

  it('refuses a `--from` in the future, with or without `--to`, saying the latest it can be', () => {
    for (const text of ['--from 2027-01-01T00:00:00Z', '--from 2026-12-03T00:00:00Z --to 2026-12-03T07:00:00Z']) {
      const error = refusal(() => rangeOf(text));
      expect(error.message).toMatch(
        /`--from` is in the future \(20\d\d-\d\d-\d\d 00:00 UTC\); the latest it can be is now/,
      );
      expect(error.message).not.toMatch(/must be before/);
    }
  });

  it('leaves a window that ends before now as typed, with no note', () => {
    expect(rangeOf('--from 2026-12-02T05:00:00Z --to 2026-12-02T06:00:00Z')).toEqual({
      start: new Date('2026-12-02T05:00:00Z'),
      end: new Date('2026-12-02T06:00:00Z'),
    });
  });

  it('property: whatever absolute window is asked, the resolved one ends at or before now, or is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: -48, max: 48 }), fc.integer({ min: 1, max: 48 }), (fromHours, lengthHours) => {
        const from = new Date(NOW.getTime() + fromHours * HOUR);
        const to = new Date(from.getTime() + lengthHours * HOUR);
        const outcome = attempt(() => resolveRange({ from, to }, NOW, 7 * 86_400));
        // Refused only when the window starts at or after now; else it ends by now, and says so when cut.
        expect(outcome).toSatisfy((o: typeof outcome) =>
          o.ok
            ? o.value.end.getTime() <= NOW.getTime() &&
              o.value.start.getTime() < o.value.end.getTime() &&
              (to <= NOW || /in the future/.test(o.value.notes?.join(' ') ?? ''))
            : o.error instanceof UserInputError && from.getTime() >= NOW.getTime(),
        );
      }),
    );
  });
});

describe('handlers/cw/logs/run-logs on the demo: no rows from the future', () => {
  it('a window reaching into tomorrow answers with no row after now, the clipped span and the note', async () => {
    // Act
    const { message, shown, requests } = await runOnDemo(
      '/aws/lambda/checkout-api --from 2026-12-02T06:30:00Z --to 2026-12-03T06:30:00Z',
    );

    // Assess
    expect(requests[0]?.end.getTime()).toBeLessThanOrEqual(Date.parse('2026-12-02T07:00:00Z'));
    expect(shown).toContain('(30m)');
    expect(shown).not.toContain('(1d)');
    expect(shown).toMatch(/is in the future: the window ends now/);
    // The console link opens the window searched, not the one typed.
    expect(shown).toContain("end~'2026-12-02T07*3A00*3A00.000Z");
    const [head, first] = tableOrCodeLines(message);
    expect(head).toMatch(/^@timestamp UTC +@message/);
    expect(first).toMatch(/^07:00:00\.000 /);
  });
});

describe('infra/demo/demo-logs: never an event after its now', () => {
  it('returns nothing later than now when asked for a window ending tomorrow', async () => {
    // Prepare
    const logs = createDemoLogs({ now: () => NOW });
    const id = await logs.startQuery({
      logGroupNames: ['/aws/lambda/checkout-api', '/ecs/public-web', '/aws/lambda/image-resizer'],
      start: new Date(NOW.getTime() - HOUR),
      end: new Date(NOW.getTime() + 24 * HOUR),
      queryString: 'fields @timestamp, @message | sort @timestamp desc | limit 10000',
    });

    // Act
    let results = await logs.getQueryResults(id);
    while (results.status !== 'Complete') results = await logs.getQueryResults(id);

    // Assess
    expect(results.rows.length).toBeGreaterThan(0);
    const latest = Math.max(...results.rows.map((r) => Date.parse(`${(r['@timestamp'] ?? '').replace(' ', 'T')}Z`)));
    expect(latest).toBeLessThanOrEqual(NOW.getTime());
  });
});
