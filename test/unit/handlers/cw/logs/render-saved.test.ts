import { describe, expect, it } from 'vitest';
import { oneLineQuery, renderSavedQueries } from '../../../../../handlers/cw/logs/render-saved.ts';
import { expectValidMessage } from '../../../../fixtures/block-kit.ts';

const text = (message: ReturnType<typeof renderSavedQueries>) =>
  (message.blocks ?? []).map((b) => (b.type === 'section' && b.text ? b.text.text : '')).join('\n');

describe('handlers/cw/logs/render-saved', () => {
  it('shows every command of a multi-line saved query, its filter included, on one line', () => {
    // Prepare: the console saves queries with one command a line.
    const saved = [
      {
        name: 'payment failures',
        queryString:
          '# failures only\nfields @timestamp, @message, @logStream\n| filter @message like /PaymentDeclined/\n| sort @timestamp desc\n| limit 20',
        logGroupNames: ['/aws/lambda/payments'],
      },
      {
        name: 'slow requests',
        queryString: 'fields @timestamp, @duration\nfilter @duration > 1000\nstats count() by bin(5m)',
        logGroupNames: [],
      },
    ];

    // Act
    const message = renderSavedQueries(saved);

    // Assess
    expectValidMessage(message);
    const body = text(message);
    expect(body).toContain(
      '`fields @timestamp, @message, @logStream | filter @message like /PaymentDeclined/ | sort @timestamp desc | limit 20`',
    );
    expect(body).toContain('`fields @timestamp, @duration | filter @duration &gt; 1000 | stats count() by bin(5m)`');
    expect(body).not.toContain('# failures only');
  });

  it.each([
    ['fields a,\n  b\n| filter b = 1', 'fields a, b | filter b = 1'],
    ['fields a |\nfilter a = 1', 'fields a | filter a = 1'],
    ['filter @message like /a  b/', 'filter @message like /a  b/'],
    ['\n\n  stats count()  \n', 'stats count()'],
  ])('joins %j as %j', (query, expected) => {
    expect(oneLineQuery(query)).toBe(expected);
  });

  it('cuts a long query at its width with an ellipsis', () => {
    // Prepare
    const query = `fields @message\n| filter ${Array.from({ length: 60 }, (_, i) => `@message like /e${i}/`).join(' or ')}`;

    // Act
    const line = oneLineQuery(query, 120);

    // Assess
    expect(Array.from(line)).toHaveLength(120);
    expect(line.startsWith('fields @message | filter @message like /e0/')).toBe(true);
    expect(line.endsWith('…')).toBe(true);
  });
});
