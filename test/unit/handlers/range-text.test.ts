import { describe, expect, it } from 'vitest';
import { betweenText, crossesDay, momentText, rangeText } from '../../../handlers/range-text.ts';
import { mrkdwnToTerminal, PLAIN } from '../../../infra/local/render-terminal.ts';

const at = (iso: string) => new Date(iso);
const epoch = (iso: string) => Date.parse(iso) / 1000;

describe('handlers/range-text', () => {
  it('writes times as Slack date tokens, so each reader sees their own time zone, with UTC as the fallback', () => {
    expect(momentText(at('2026-11-25T21:45:00Z'), true)).toBe(
      `<!date^${epoch('2026-11-25T21:45:00Z')}^{date_short_pretty} {time}|2026-11-25 21:45 UTC>`,
    );
    expect(momentText(at('2026-11-25T21:45:00Z'), false)).toBe(
      `<!date^${epoch('2026-11-25T21:45:00Z')}^{time}|21:45 UTC>`,
    );
  });

  it('dates both ends of a window that crosses a day: a day back no longer reads "21:45 – 21:45"', () => {
    // Act
    const text = mrkdwnToTerminal(
      rangeText({ start: at('2026-11-24T21:45:00Z'), end: at('2026-11-25T21:45:00Z'), since: '1d' }),
      PLAIN,
    );

    // Assess
    expect(text).toBe('last 1d (2026-11-24 21:45 – 2026-11-25 21:45 UTC)');
  });

  it('dates only the start of a window within one day, and a window ending at midnight stays on its day', () => {
    expect(mrkdwnToTerminal(betweenText(at('2026-11-25T09:00:00Z'), at('2026-11-25T12:00:00Z')), PLAIN)).toBe(
      '2026-11-25 09:00 – 12:00 UTC',
    );
    expect(crossesDay(at('2026-11-25T21:00:00Z'), at('2026-11-26T00:00:00Z'))).toBe(false);
    expect(crossesDay(at('2026-11-25T21:00:00Z'), at('2026-11-26T00:01:00Z'))).toBe(true);
  });

  it('gives an absolute window its length in rounded days and hours, not in seconds', () => {
    // Act
    const text = mrkdwnToTerminal(
      rangeText({ start: at('2026-11-18T22:16:32Z'), end: at('2026-11-25T11:00:00Z') }),
      PLAIN,
    );

    // Assess
    expect(text).toBe('2026-11-18 22:16 – 2026-11-25 11:00 UTC (6d13h)');
    expect(text).not.toMatch(/\d{5,}s/);
  });

  it('shows the length as the user typed it', () => {
    const text = rangeText({ start: at('2026-11-25T09:00:00Z'), end: at('2026-11-25T12:00:00Z'), since: '3 hours' });
    expect(text).toMatch(/^last 3 hours \(<!date\^/);
  });
});
