import { describe, expect, it } from 'vitest';
import { renderSavedQueries } from '../../../../../handlers/cw/logs/render-saved.ts';
import type { SavedQuery } from '../../../../../handlers/ports.ts';
import type { SlackMessage } from '../../../../../handlers/slack-message.ts';
import { expectNoStrayAngleBrackets, expectValidMessage } from '../../../../fixtures/block-kit.ts';

/** A saved query as DescribeQueryDefinitions returns one (name, queryString, logGroupNames). */
const query = (name: string, overrides: Partial<SavedQuery> = {}): SavedQuery => ({
  name,
  queryString: 'fields @timestamp, @message\n| sort @timestamp desc\n| limit 20',
  logGroupNames: ['/aws/lambda/checkout-api'],
  ...overrides,
});

const sections = (message: SlackMessage) =>
  (message.blocks ?? []).flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
const contextText = (message: SlackMessage) =>
  (message.blocks ?? []).flatMap((b) =>
    b.type === 'context' ? b.elements.map((e) => ('text' in e ? e.text : '')) : [],
  );

describe('handlers/cw/logs/render-saved listing', () => {
  it('says there are none, and how to save one, when the account has no saved query', () => {
    // Act
    const message = renderSavedQueries([]);

    // Assess
    expect(message).toEqual({
      response_type: 'ephemeral',
      text: 'This account has no saved Logs Insights queries. Save one in the CloudWatch console to run it with /cw logs run <name>.',
    });
  });

  it('lists the queries by name, with a header, their groups and how to run one, only to the asker', () => {
    // Act
    const message = renderSavedQueries([
      query('web 5xx', { logGroupNames: ['/ecs/public-web', '/ecs/admin-web'] }),
      query('checkout errors'),
      query('Audit trail', { logGroupNames: [] }),
    ]);

    // Assess
    expectValidMessage(message);
    expect(message.response_type).toBe('ephemeral');
    expect(message.text).toBe('Saved Logs Insights queries: Audit trail, checkout errors, web 5xx');
    expect(message.blocks?.[0]).toMatchObject({ type: 'header', text: { text: 'Saved Logs Insights queries' } });
    const [body] = sections(message);
    expect(body?.split('\n').filter((l) => l.startsWith('•'))).toEqual([
      '• *Audit trail*: _no log groups_',
      '• *checkout errors*: `/aws/lambda/checkout-api`',
      '• *web 5xx*: `/ecs/public-web`, `/ecs/admin-web`',
    ]);
    expect(contextText(message)).toEqual(['Run one with `/cw logs run &lt;name&gt; [--since 1h]`.']);
  });

  it('escapes what the console let someone type, so a name cannot ping a channel', () => {
    // Act
    const message = renderSavedQueries([
      query('<!channel> errors & <@U0123ABCD>', { queryString: 'filter @message like /<!here>/' }),
    ]);

    // Assess
    const [body] = sections(message);
    expect(body).toContain('*&lt;!channel&gt; errors &amp; &lt;@U0123ABCD&gt;*');
    expect(body).toContain('`filter @message like /&lt;!here&gt;/`');
    expectNoStrayAngleBrackets(message);
  });

  it('shows the first 40 by name and says how many there are', () => {
    // Prepare: names that sort differently as text and as numbers
    const saved = Array.from({ length: 45 }, (_, i) => query(`query ${String(i).padStart(2, '0')}`)).reverse();

    // Act
    const message = renderSavedQueries(saved);

    // Assess
    expectValidMessage(message);
    const listed = sections(message).flatMap((s) => s.split('\n').filter((l) => l.startsWith('•')));
    expect(listed).toHaveLength(40);
    expect(listed[0]).toMatch(/^• \*query 00\*/);
    expect(listed.at(-1)).toMatch(/^• \*query 39\*/);
    expect(contextText(message)[0]).toMatch(/^Showing 40 of 45\. Run one with/);
  });

  it('spreads long entries over sections that each keep within 3,000 characters, never cutting one', () => {
    // Prepare: each entry near 700 characters (long names, many groups, a long query)
    const saved = Array.from({ length: 12 }, (_, i) =>
      query(`${i} ${'n'.repeat(150)}`, {
        logGroupNames: Array.from({ length: 12 }, (_, g) => `/aws/lambda/service-${i}-${g}`),
        queryString: `fields @message\n| filter ${'@message like /timeout/ or '.repeat(10)}@message like /x/`,
      }),
    );

    // Act
    const message = renderSavedQueries(saved);

    // Assess
    expectValidMessage(message);
    const parts = sections(message);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(3000);
    // Every entry whole, in one section: its name line and its query line together, none ending in a cut.
    const entries = parts.flatMap((p) => p.split(/\n(?=• )/));
    expect(entries).toHaveLength(12);
    for (const entry of entries) expect(entry).toMatch(/^• \*\d+ n+…?\*: .+\n {3}`fields @message \| filter .+`$/s);
    expect(parts.some((p) => p.endsWith('…'))).toBe(false);
  });

  it('cuts a very long name and a very long list of groups, but not the rest of the entry', () => {
    // Act
    const message = renderSavedQueries([
      query('x'.repeat(300), { logGroupNames: Array.from({ length: 40 }, (_, g) => `/aws/lambda/fn-${g}`) }),
    ]);

    // Assess
    const [body] = sections(message);
    const [nameLine, queryLine] = body?.split('\n') ?? [];
    expect(nameLine).toMatch(/^• \*x{99}…\*: /);
    expect(Array.from(nameLine?.replace(/^• \*x{99}…\*: /, '') ?? '')).toHaveLength(300);
    expect(queryLine).toBe('   `fields @timestamp, @message | sort @timestamp desc | limit 20`');
  });
});
