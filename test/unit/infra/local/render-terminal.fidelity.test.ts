import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapToWidth } from '../../../../infra/local/display-width.ts';
import { COLOR, mrkdwnToTerminal, PLAIN, renderForTerminal } from '../../../../infra/local/render-terminal.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * `:name:` where a message would carry it: at the start of a string or after a space or bracket,
 * so not inside an ARN (`arn:aws:cloudwatch:…`) or a time (`09:30:00`).
 */
const SHORTCODE = /(?<=^|[\s'"`(]):([a-z0-9_+-]+):(?![\w:])/gm;
/** Matches of SHORTCODE that are not emoji, with where they come from. */
const NOT_EMOJI: Record<string, string> = {
  alarm: 'the resource type in a CloudWatch alarm ARN, matched on its own in handlers/alarm-relay/alarm-event.ts',
};

describe('infra/local/render-terminal as Slack shows it', () => {
  it('shows every emoji shortcode the bot writes, in handlers/, infra/ and functions/', () => {
    // Prepare
    const used = new Map<string, string>();
    for (const file of ['handlers', 'infra', 'functions'].flatMap((dir) => sources(dir))) {
      for (const match of readFileSync(file, 'utf8').matchAll(SHORTCODE)) {
        const name = match[1] ?? '';
        if (!(name in NOT_EMOJI) && !used.has(name)) used.set(name, file);
      }
    }

    // Act
    const missing = [...used].filter(([name]) => mrkdwnToTerminal(`:${name}:`, PLAIN) === `:${name}:`);

    // Assess: the scan finds the bot's emoji (a scan that finds nothing would pass too easily).
    expect(used.size).toBeGreaterThan(15);
    expect(used.has('left_right_arrow')).toBe(true);
    expect(missing.map(([name, file]) => `:${name}: (${file})`)).toEqual([]);
  });

  it.each([
    [
      '`*` may only end a prefix, like `/aws/lambda/checkout-*`.',
      '* may only end a prefix, like /aws/lambda/checkout-*.',
    ],
    ['use `*bold*` or `_it_` as typed', 'use *bold* or _it_ as typed'],
    ['`:warning:` is not an emoji in code', ':warning: is not an emoji in code'],
    ['2 * 3 * 4 is 24', '2 * 3 * 4 is 24'],
    ['a * b and *c*', 'a * b and c'],
    ['checkout-* and orders-*', 'checkout-* and orders-*'],
    ['snake_case_name and _x_', 'snake_case_name and x'],
    ['*Usage*\n`/cw logs query <group|prefix*>`', 'Usage\n/cw logs query <group|prefix*>'],
  ])('%j reads %j', (mrkdwn, shown) => {
    expect(mrkdwnToTerminal(mrkdwn, PLAIN)).toBe(shown);
  });

  it('styles code spans as code and never as bold inside them', () => {
    expect(mrkdwnToTerminal('*x* `*y*`', COLOR)).toBe('\u001b[1mx\u001b[22m \u001b[36m*y*\u001b[39m');
  });

  it.each([
    ['abc', 3],
    ['오로라', 6],
    ['데이터 모델', 11],
    ['ｶﾀｶﾅ', 4],
    ['ＡＢ', 4],
    ['中文', 4],
    ['✅ ok', 5],
    ['e\u0301', 1],
    ['\u001b[1m강점\u001b[22m', 4],
  ])('%j takes %i columns', (text, columns) => {
    expect(displayWidth(text)).toBe(columns);
  });

  it('lines up two fields of Korean text by display width, wrapped in their column', () => {
    // Prepare
    const message = {
      response_type: 'ephemeral' as const,
      text: 'compare',
      blocks: [
        {
          type: 'section' as const,
          fields: [
            {
              type: 'mrkdwn' as const,
              text: '*데이터 모델*\n관계형 (MySQL·PostgreSQL 호환, 새 분산 SQL 앱은 Aurora DSQL)',
            },
            { type: 'mrkdwn' as const, text: '*데이터 모델*\n관계형 (PostgreSQL, MySQL)' },
          ],
        },
      ],
    };

    // Act
    const lines = renderForTerminal(message, PLAIN).split('\n').slice(0, -1);

    // Assess: the right-hand field starts in column 34 (display width), the long left one wraps in its column.
    expect(lines).toEqual([
      `데이터 모델${' '.repeat(34 - 11)}데이터 모델`,
      `관계형 (MySQL·PostgreSQL 호환,${' '.repeat(34 - 30)}관계형 (PostgreSQL, MySQL)`,
      '새 분산 SQL 앱은 Aurora DSQL)',
    ]);
  });

  it('wraps at spaces, cutting only words longer than the column', () => {
    expect(wrapToWidth('한국어 텍스트 줄바꿈 확인', 10)).toEqual(['한국어', '텍스트', '줄바꿈', '확인']);
    expect(wrapToWidth('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});
