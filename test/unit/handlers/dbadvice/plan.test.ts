import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCommandRequest } from '../../../../handlers/command-request.ts';
import { planDbAdvice } from '../../../../handlers/dbadvice/plan.ts';
import { UserInputError } from '../../../../handlers/errors.ts';
import { REGISTRY } from '../../../../handlers/registry.ts';
import type { SlackMessage } from '../../../../handlers/slack-message.ts';
import { buildKnowledgeBase, readNotes } from '../../../../knowledge/build.ts';
import { loadKnowledgeBase } from '../../../../knowledge/index.ts';
import { blockKitProblems, expectValidMessage, shownText, tableCells } from '../../../fixtures/block-kit.ts';
import { attempt } from '../../../fixtures/outcome.ts';

const kb = loadKnowledgeBase(buildKnowledgeBase(readNotes('knowledge/notes')));

function reply(plan: { kind: 'reply'; message: SlackMessage }): SlackMessage {
  if (plan.kind !== 'reply') throw new Error('expected a reply in the ack');
  expectValidMessage(plan.message);
  return plan.message;
}

// What the message shows, its table included.
const all = (m: SlackMessage) => shownText(m);

describe('handlers/dbadvice/plan', () => {
  it('answers a question in the ack: recommended service first and bold, then why, alternatives and the note', () => {
    // Act
    const message = reply(planDbAdvice('where should we keep user sessions? must be sub-millisecond', { kb }));

    // Assess
    const first = message.blocks?.[0];
    expect(first?.type === 'section' && first.text?.text).toMatch(/^:bulb: \*Amazon ElastiCache\*/);
    expect(all(message)).toMatch(/\*Why\*/);
    expect(all(message)).toMatch(/\*Alternatives\*/);
    expect(all(message)).toMatch(/Airbnb/);
    expect(all(message)).toMatch(/knowledge\/notes\/elasticache\.md/);
    expect(message.response_type).toBe('ephemeral');
    expect(message.text).toMatch(/^Recommended: Amazon ElastiCache/);
  });

  it('answers in Korean when the question is Korean', () => {
    const message = reply(planDbAdvice('주문과 결제 데이터, 트랜잭션과 무결성이 중요해요', { kb }));
    expect(message.text).toMatch(/^추천: Amazon Aurora/);
    expect(all(message)).toMatch(/\*이유\*/);
  });

  it('shows how to ask instead of guessing when the question is off-topic or vague', () => {
    const offTopic = reply(planDbAdvice("what's for lunch?", { kb }));
    expect(all(offTopic)).toMatch(/How to ask/);
    expect(all(offTopic)).not.toMatch(/:bulb:/);
    expect(all(reply(planDbAdvice('어떤 DB를 써야 할까요?', { kb })))).toMatch(/이렇게 물어보세요/);
  });

  it('posts to the channel with --share', () => {
    expect(reply(planDbAdvice('session cache --share', { kb })).response_type).toBe('in_channel');
  });

  it('explains every subcommand with examples in both languages', () => {
    for (const text of ['help', '', '도움말']) {
      const message = reply(planDbAdvice(text, { kb }));
      expect(all(message)).toMatch(/compare/);
      expect(all(message)).toMatch(/fleet/);
      expect(all(message)).toMatch(/세션/);
    }
  });

  it('lists categories and services, marking the retired one', () => {
    const message = reply(planDbAdvice('list', { kb }));
    expect(all(message)).toMatch(/Relational · 관계형/);
    expect(all(message)).toMatch(/`qldb` Amazon QLDB \(end of support\) :warning:/);
    for (const s of kb.services) expect(all(message)).toContain(`\`${s.id}\``);
  });

  it('compares two services side by side, by id or alias, in the language used', () => {
    // Act
    const en = reply(planDbAdvice('compare dynamodb vs DocumentDB', { kb }));
    const ko = reply(planDbAdvice('compare 오로라 rds', { kb }));

    // Assess
    expect(en.text).toBe('Amazon DynamoDB vs Amazon DocumentDB');
    // One table: an aspect a row, the two services its columns.
    const [head, dataModel] = tableCells(en);
    expect(head).toEqual(['Aspect', 'Amazon DynamoDB', 'Amazon DocumentDB']);
    expect(dataModel).toEqual(['Data model', expect.stringMatching(/^Key-value/), expect.stringMatching(/^Document/)]);
    expect(tableCells(ko).map((row) => row[0])).toEqual([
      '항목',
      '데이터 모델',
      '강점',
      '한계',
      '대표 워크로드',
      '고를 때',
      '상태',
    ]);
  });

  it.each([
    ['fleet management telemetry from 10k trucks every few seconds', 'Amazon Timestream'],
    ['list of products with full-text search and autocomplete', 'Amazon OpenSearch Service'],
    ['Help desk tickets as JSON documents with a flexible schema', 'Amazon DocumentDB'],
    ['compare prices across regions in our sales data warehouse', 'Amazon Redshift'],
    ['목록 화면용 상품 데이터를 전문 검색하고 싶어요', 'Amazon OpenSearch Service'],
    ['도움말 문서를 오타가 있어도 검색되게 하고 싶어요', 'Amazon OpenSearch Service'],
    ['플릿 차량 센서 데이터를 초마다 저장해요', 'Amazon Timestream'],
  ])('answers a question that starts with a subcommand word: %s', (text, service) => {
    const plan = planDbAdvice(text, { kb });
    expect(plan.kind).toBe('reply');
    expect(reply(plan).text).toContain(service);
  });

  it.each([
    ['fleet --share', '/dbadvice fleet'],
    ['--share fleet', '/dbadvice fleet'],
    ['플릿', '/dbadvice fleet'],
    ['list --share', '/dbadvice list'],
    ['목록', '/dbadvice list'],
  ] as const)('still takes a bare subcommand as the subcommand: %s', (text, command) => {
    expect(readCommandRequest({ command: '/dbadvice', text }, REGISTRY).spec?.path.join(' ')).toBe(command);
  });

  it.each([
    ['compare 오로라와 rds', 'Amazon Aurora vs Amazon RDS'],
    ['compare 오로라랑 다이나모디비', 'Amazon Aurora vs Amazon DynamoDB'],
    ['compare Amazon DynamoDB aurora', 'Amazon DynamoDB vs Amazon Aurora'],
    ['compare Amazon DynamoDB and Amazon Aurora', 'Amazon DynamoDB vs Amazon Aurora'],
    // One syllable too many is a typo read as the service it is one edit from.
    ['비교 디다이나모디비를 오로라와', 'Amazon DynamoDB vs Amazon Aurora'],
  ])('compares services named with particles or several words: %s', (text, title) => {
    expect(reply(planDbAdvice(text, { kb })).text).toBe(title);
  });

  it('refuses a comparison with a word that is no service, particle or not', () => {
    expect(() => planDbAdvice('비교 다이나모디비를 엑스와이지와', { kb })).toThrow(UserInputError);
  });

  it('answers Korean questions in Korean, case study and retirement warning included', () => {
    // Act
    const ledger = all(reply(planDbAdvice('위변조 없는 원장 데이터가 필요해요', { kb })));
    const session = all(reply(planDbAdvice('세션을 1ms 미만으로 읽어야 하는 저장소가 필요해요', { kb })));

    // Assess
    expect(ledger).toMatch(/비추천: Amazon QLDB\*/);
    expect(ledger).not.toMatch(/end of support/);
    expect(session).toMatch(/\*사례\*: Airbnb: 세션 상태/);
    expect(session).not.toMatch(/Case study/);
  });

  it.each([
    ['compare dynamodb', /exactly two services/],
    ['compare dynamodb nosuchdb', /no note on `nosuchdb`/],
  ])('rejects %s with usage', (text, message) => {
    expect(() => planDbAdvice(text, { kb })).toThrow(UserInputError);
    expect(() => planDbAdvice(text, { kb })).toThrow(message);
  });

  it('answers any text with a valid message or a UserInputError, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const outcome = attempt(() => planDbAdvice(text, { kb }));
        // A plan to work later, a reply within Block Kit's limits, or a refusal: nothing else.
        const problems = outcome.ok
          ? outcome.value.kind === 'reply'
            ? blockKitProblems(outcome.value.message)
            : []
          : outcome.error instanceof UserInputError
            ? []
            : [`threw ${String(outcome.error)}`];
        expect(problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a very long question within Block Kit limits', () => {
    const long = `session cache ${'with sub-millisecond reads and many words '.repeat(200)}`;
    expectValidMessage(reply(planDbAdvice(long, { kb })));
  });
});
