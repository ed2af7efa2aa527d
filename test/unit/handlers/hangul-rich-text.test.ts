import type { RichTextBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderAdvice } from '../../../handlers/dbadvice/render-advice.ts';
import { inlineElements, needsRichText, richTextFromMrkdwn } from '../../../handlers/hangul-rich-text.ts';
import { type SlackMessage, safeMessage, section } from '../../../handlers/slack-message.ts';
import { advise, defaultKnowledgeBase } from '../../../knowledge/index.ts';
import { messageProblems } from '../../fixtures/message-rules.ts';

const PINGS = new Set(['broadcast', 'user', 'channel', 'team', 'usergroup']);

function elementTypes(block: RichTextBlock): string[] {
  return block.elements.flatMap((e) => [e.type, ...e.elements.flatMap((i) => ('elements' in i ? [] : [i.type]))]);
}

// Slack's mrkdwn needs a space or punctuation beside `*`, `_` and `` ` `` (docs.slack.dev/messaging/formatting-message-text):
// a Korean particle written straight after the marker leaves the markers on screen.
describe('handlers/hangul-rich-text', () => {
  it.each([
    ['*Amazon Aurora*와 *DynamoDB*가', true],
    ['`/dbadvice help`로 전체 사용법', true],
    ['_인메모리 키-값_', true],
    ['*이유*\n• 세션', true],
    ['*Why*\n• sessions', false],
    ['세션 저장소 (no markers)', false],
    ['*굵게* 다음에 공백', true],
  ])('%j needs rich text: %s', (text, expected) => {
    expect(needsRichText(text)).toBe(expected);
  });

  it('carries bold, italics, code, links, dates, emoji and the route’s user group as data', () => {
    // Act
    const elements = inlineElements(
      ':bulb: *Amazon ElastiCache*와 _인메모리_ `p99`로 <https://docs.aws.amazon.com/x|문서> <!date^1795604400^{time}|11:00> <!subteam^S0ONCALL> read_replica',
    );

    // Assess
    expect(elements).toEqual([
      { type: 'emoji', name: 'bulb' },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'Amazon ElastiCache', style: { bold: true } },
      { type: 'text', text: '와 ' },
      { type: 'text', text: '인메모리', style: { italic: true } },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'p99', style: { code: true } },
      { type: 'text', text: '로 ' },
      { type: 'link', url: 'https://docs.aws.amazon.com/x', text: '문서' },
      { type: 'text', text: ' ' },
      { type: 'date', timestamp: 1795604400, format: '{time}', fallback: '11:00' },
      { type: 'text', text: ' ' },
      { type: 'usergroup', usergroup_id: 'S0ONCALL' },
      { type: 'text', text: ' read_replica' },
    ]);
  });

  it('makes `•` lines a bullet list and decodes entities into the literal text rich text shows', () => {
    // Act
    const block = richTextFromMrkdwn('*이유*\n• 첫째 &lt;b&gt;\n• 둘째\n끝');

    // Assess
    expect(block.elements.map((e) => e.type)).toEqual(['rich_text_section', 'rich_text_list', 'rich_text_section']);
    const list = block.elements[1];
    expect(list?.type === 'rich_text_list' && list.elements.map((i) => i.elements)).toEqual([
      [{ type: 'text', text: '첫째 <b>' }],
      [{ type: 'text', text: '둘째' }],
    ]);
  });

  it('leaves a mention written by a user or an alarm a word: escaped first, then literal text', () => {
    // Prepare
    const raw: SlackMessage = {
      text: 't',
      blocks: [section('*결제* <!channel> <@U024BE7LH> <!here|here> 경보가 `울렸어요`')],
    };

    // Act
    const message = safeMessage(raw);

    // Assess
    const block = message.blocks?.[0];
    expect(block?.type).toBe('rich_text');
    if (block?.type !== 'rich_text') return;
    expect(elementTypes(block).filter((t) => PINGS.has(t))).toEqual([]);
    expect(JSON.stringify(block)).toContain('<!channel> <@U024BE7LH> <!here|here>');
    expect(messageProblems(message)).toEqual([]);
  });

  it('never writes an element that notifies anyone, whatever the mrkdwn', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (text) => {
        const block = richTextFromMrkdwn(text);
        expect(elementTypes(block).filter((t) => PINGS.has(t) && t !== 'usergroup')).toEqual([]);
      }),
    );
  });

  it('shows a Korean /dbadvice answer’s bold and lists as rich text, English as mrkdwn', () => {
    // Prepare
    const kb = defaultKnowledgeBase();

    // Act
    const ko = safeMessage(renderAdvice(advise(kb, '세션을 1ms 미만으로 읽어야 하는 저장소')));
    const en = safeMessage(renderAdvice(advise(kb, 'session store with sub-millisecond reads')));

    // Assess
    const rich = (ko.blocks ?? []).filter((b): b is RichTextBlock => b.type === 'rich_text');
    expect(rich.length).toBeGreaterThan(0);
    const json = JSON.stringify(rich);
    expect(json).toContain('{"type":"text","text":"Amazon ElastiCache","style":{"bold":true}}');
    expect(json).toContain('"type":"rich_text_list","style":"bullet"');
    // What rich text shows holds no marker mrkdwn failed to read.
    expect(json).not.toMatch(/\*Amazon|_인메모리/);
    expect((en.blocks ?? []).some((b) => b.type === 'rich_text')).toBe(false);
    expect(messageProblems(ko)).toEqual([]);
  });
});
