import { describe, expect, it } from 'vitest';
import { COLOR, mrkdwnToTerminal, PLAIN, renderForTerminal } from '../../../../infra/local/render-terminal.ts';

describe('infra/local/render-terminal', () => {
  it('renders links as text with their address, and decodes entities and emoji', () => {
    expect(mrkdwnToTerminal(':warning: see <https://example.com/x|the console> &lt;ok&gt;', PLAIN)).toBe(
      '⚠️ see the console (https://example.com/x) <ok>',
    );
  });

  it('bolds *text* and colours `code` when colour is on', () => {
    expect(mrkdwnToTerminal('*Latest* `x`', COLOR)).toBe('\u001b[1mLatest\u001b[22m \u001b[36mx\u001b[39m');
  });

  it('lays out headers, fields two to a row and context, and says who sees the message', () => {
    // Act
    const text = renderForTerminal(
      {
        response_type: 'in_channel',
        text: 'fallback',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'Title' } },
          {
            type: 'section',
            text: { type: 'mrkdwn', text: '```▁▂▃```' },
            fields: [
              { type: 'mrkdwn', text: '*A*\n1' },
              { type: 'mrkdwn', text: '*B*\n2' },
            ],
          },
          { type: 'context', elements: [{ type: 'mrkdwn', text: 'small print' }] },
          { type: 'divider' },
        ],
      },
      PLAIN,
    );

    // Assess
    expect(text.split('\n')).toEqual([
      '',
      'Title',
      '▁▂▃',
      `A${' '.repeat(33)}B`,
      `1${' '.repeat(33)}2`,
      'small print',
      '─'.repeat(40),
      '(in channel)',
    ]);
  });

  it('falls back to the text when there are no blocks', () => {
    expect(renderForTerminal({ text: 'plain *answer*' }, PLAIN)).toBe('plain answer\n(only visible to you)');
  });
});

describe('infra/local/render-terminal dates', () => {
  it('shows a Slack date token as its UTC fallback, in text and in context blocks', () => {
    // Prepare
    const token = '<!date^1764107100^{date_short_pretty} {time}|2026-11-25 21:45 UTC>';

    // Act
    const text = renderForTerminal(
      {
        response_type: 'ephemeral',
        text: 'x',
        blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: `last 1d (${token})` }] }],
      },
      PLAIN,
    );

    // Assess
    expect(mrkdwnToTerminal(`at ${token}`, PLAIN)).toBe('at 2026-11-25 21:45 UTC');
    expect(text).toContain('last 1d (2026-11-25 21:45 UTC)');
    expect(text).not.toContain('date^');
  });
});
