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

describe('infra/local/render-terminal: Slack’s table and rich text blocks', () => {
  it('lines up a table’s columns by display width, numbers to the right, under the message’s blocks', () => {
    // Act
    const text = renderForTerminal(
      {
        text: 'top',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Top CPU' } }],
        attachments: [
          {
            blocks: [
              {
                type: 'table',
                column_settings: [{}, { align: 'right' }],
                rows: [
                  [
                    { type: 'raw_text', text: '이름' },
                    { type: 'raw_text', text: 'CPU' },
                  ],
                  [
                    {
                      type: 'rich_text',
                      elements: [
                        {
                          type: 'rich_text_section',
                          elements: [{ type: 'link', url: 'https://x.y', text: '주문-db' }],
                        },
                      ],
                    },
                    { type: 'raw_text', text: '9.5%' },
                  ],
                  [
                    { type: 'raw_text', text: 'users' },
                    { type: 'raw_text', text: '42.0%' },
                  ],
                ],
              },
            ],
          },
        ],
      },
      PLAIN,
    );

    // Assess: the link shows its text alone (an address would push the columns apart).
    expect(text.split('\n')).toEqual([
      'Top CPU',
      '',
      '이름       CPU',
      '주문-db   9.5%',
      'users    42.0%',
      '(only visible to you)',
    ]);
  });

  it('shows rich text with its styles, lists as bullets and links with their address', () => {
    // Act
    const text = renderForTerminal(
      {
        text: 'ko',
        blocks: [
          {
            type: 'rich_text',
            elements: [
              {
                type: 'rich_text_section',
                elements: [
                  { type: 'emoji', name: 'bulb' },
                  { type: 'text', text: ' ' },
                  { type: 'text', text: 'Amazon ElastiCache', style: { bold: true } },
                  { type: 'text', text: '가 맞아요' },
                ],
              },
              {
                type: 'rich_text_list',
                style: 'bullet',
                elements: [
                  { type: 'rich_text_section', elements: [{ type: 'text', text: '세션' }] },
                  {
                    type: 'rich_text_section',
                    elements: [{ type: 'link', url: 'https://docs.aws.amazon.com/x', text: '문서' }],
                  },
                ],
              },
            ],
          },
        ],
      },
      COLOR,
    );

    // Assess
    expect(text.split('\n').slice(0, 3)).toEqual([
      '💡 \u001b[1mAmazon ElastiCache\u001b[22m가 맞아요',
      '• 세션',
      '• 문서 (https://docs.aws.amazon.com/x)',
    ]);
  });
});
