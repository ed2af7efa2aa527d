import type { TableBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeMessage } from '../../../handlers/slack-message.ts';
import {
  cellText,
  fitTable,
  TABLE_LIMITS,
  type TableSpec,
  tableProblems,
  withTable,
} from '../../../handlers/slack-table.ts';

const columns = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `c${i}` }));
const rowsOf = (n: number, width: number) =>
  Array.from({ length: n }, (_, r) => columns(width).map((_, c) => `${r}.${c}`));

function table(spec: TableSpec): TableBlock {
  const fit = fitTable(spec);
  if (fit.kind !== 'table') throw new Error(`not a table: ${fit.reason}`);
  return fit.block;
}

// Limits: https://docs.slack.dev/reference/block-kit/blocks/table-block (rows ≤ 100, ≤ 20 cells a row,
// column_settings ≤ 20); the 10,000-character cap of the data table block's reference.
describe('handlers/slack-table', () => {
  it('makes a table of up to 20 columns, and text of 21', () => {
    expect(fitTable({ columns: columns(20), rows: rowsOf(3, 20) }).kind).toBe('table');
    expect(fitTable({ columns: columns(21), rows: rowsOf(3, 21) })).toEqual({ kind: 'text', reason: 'columns' });
    expect(fitTable({ columns: [], rows: [] })).toEqual({ kind: 'text', reason: 'columns' });
    expect(fitTable({ columns: columns(2), rows: [] })).toEqual({ kind: 'text', reason: 'empty' });
  });

  it('shows at most 99 rows under the header, and says how many', () => {
    // Act
    const fit = fitTable({ columns: columns(2), rows: rowsOf(150, 2) });

    // Assess
    expect(fit.kind === 'table' && fit.shown).toBe(99);
    expect(fit.kind === 'table' && fit.block.rows).toHaveLength(TABLE_LIMITS.rows);
    expect(fitTable({ columns: columns(2), rows: rowsOf(150, 2) }, 10)).toMatchObject({ shown: 10 });
  });

  it('stops adding rows before the cells pass 10,000 characters, and is no table when not one row fits', () => {
    // Prepare: 400 characters a row, a cell cut at 500.
    const wide = Array.from({ length: 60 }, () => ['a'.repeat(200), 'b'.repeat(200)]);

    // Act
    const fit = fitTable({ columns: columns(2), rows: wide });
    const none = fitTable({ columns: columns(20), rows: [columns(20).map(() => 'x'.repeat(600))] });

    // Assess
    expect(fit.kind === 'table' && fit.shown).toBe(24);
    expect(none).toEqual({ kind: 'text', reason: 'characters' });
  });

  it('gives every cell one line and at least one character, cut to the cell limit', () => {
    expect(cellText('')).toBe('—');
    expect(cellText('  \n ')).toBe('—');
    expect(cellText('a\n  b\tc')).toBe('a b c');
    expect(Array.from(cellText('한'.repeat(900)))).toHaveLength(TABLE_LIMITS.cellText);
    expect(cellText('x'.repeat(900)).endsWith('…')).toBe(true);
  });

  it('sets alignment and wrapping only where asked, a link as a rich-text link', () => {
    // Act
    const block = table({
      columns: [{ label: 'name' }, { label: 'n', align: 'right' }, { label: 'msg', wrap: true }],
      rows: [[{ text: 'orders-db', url: 'https://console.aws.amazon.com/x' }, '3', 'hello']],
    });

    // Assess
    expect(block.column_settings).toEqual([{}, { align: 'right' }, { is_wrapped: true }]);
    expect(block.rows[1]?.[0]).toEqual({
      type: 'rich_text',
      elements: [
        {
          type: 'rich_text_section',
          elements: [{ type: 'link', url: 'https://console.aws.amazon.com/x', text: 'orders-db' }],
        },
      ],
    });
    expect(table({ columns: columns(1), rows: [['a']] }).column_settings).toBeUndefined();
  });

  it('goes in the message’s attachments, where Slack documents it, one per message', () => {
    // Act
    const block = table({ columns: columns(1), rows: [['a']] });
    const message = withTable(withTable({ text: 't', blocks: [] }, block), block);

    // Assess
    expect(message.attachments).toEqual([{ blocks: [block] }]);
    expect(tableProblems(message)).toEqual([]);
  });

  it('keeps user text in a cell as typed: it is no mention there, and an entity would show as one', () => {
    // Prepare
    const hostile = '<!channel> <@U024BE7LH> & <b>';

    // Act
    const message = safeMessage(
      withTable(
        { text: 't' },
        table({ columns: columns(2), rows: [[hostile, { text: hostile, url: 'https://x.y' }]] }),
      ),
    );

    // Assess
    const row = message.attachments?.[0]?.blocks[0]?.type === 'table' ? message.attachments[0].blocks[0].rows[1] : [];
    expect(JSON.stringify(row)).toContain('"text":"<!channel> <@U024BE7LH> & <b>"');
    expect(JSON.stringify(row)).not.toContain('&lt;');
  });

  it('names every limit a message breaks', () => {
    // Prepare
    const cell = { type: 'raw_text' as const, text: 'x' };
    const big: TableBlock = {
      type: 'table',
      rows: Array.from({ length: 101 }, () => Array.from({ length: 21 }, () => cell)),
      column_settings: Array.from({ length: 21 }, () => ({})),
    };
    const uneven: TableBlock = { type: 'table', rows: [[cell, cell], [cell], [{ type: 'raw_text', text: '' }, cell]] };

    // Act
    const problems = tableProblems({ text: 't', blocks: [uneven], attachments: [{ blocks: [big] }] });

    // Assess
    expect(problems).toEqual(
      expect.arrayContaining([
        '2 tables in one message',
        'a table in blocks, not in attachments',
        'table 0 row 1 has 1 cells, the header 2',
        'table 0 row 2 has an empty cell',
        'table 1 has 101 rows',
        'table 1 has 21 column settings',
        'table 1 row 0 has 21 cells',
      ]),
    );
  });

  it('makes only tables that keep every limit, whatever it is given', () => {
    const text = fc.string({ maxLength: 700, unit: 'grapheme' });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 25 }).chain((width) =>
          fc.record({
            width: fc.constant(width),
            rows: fc.array(fc.array(text, { minLength: 0, maxLength: width + 2 }), { maxLength: 130 }),
          }),
        ),
        ({ width, rows }) => {
          const fit = fitTable({ columns: columns(width), rows });
          // Text only when a limit binds: too many columns, no rows, or not one row within the characters.
          const why =
            fit.kind === 'table'
              ? [
                  ...tableProblems(withTable({ text: 't' }, fit.block)),
                  ...(fit.shown === fit.block.rows.length - 1 ? [] : ['shown']),
                ]
              : width > 20 || rows.length === 0 || fit.reason === 'characters'
                ? []
                : [`text for ${fit.reason}`];
          expect(why).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
