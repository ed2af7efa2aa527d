import { describe, expect, it } from 'vitest';
import type { CommandPlan } from '../../../../handlers/command.ts';
import { planDbAdvice } from '../../../../handlers/dbadvice/plan.ts';
import { UserInputError } from '../../../../handlers/errors.ts';
import type { SlackMessage } from '../../../../handlers/slack-message.ts';
import { buildKnowledgeBase, readNotes } from '../../../../knowledge/build.ts';
import { loadKnowledgeBase } from '../../../../knowledge/index.ts';
import { expectValidMessage, shownText } from '../../../fixtures/block-kit.ts';

const kb = loadKnowledgeBase(buildKnowledgeBase(readNotes('knowledge/notes')));

function reply(plan: CommandPlan): SlackMessage {
  if (plan.kind !== 'reply') throw new Error('expected a reply in the ack');
  expectValidMessage(plan.message);
  return plan.message;
}
// What the message shows, its table included.
const all = (m: SlackMessage) => shownText(m);

function thrown(text: string): UserInputError {
  try {
    planDbAdvice(text, { kb });
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('handlers/dbadvice/plan compare', () => {
  it.each([
    ['compare keyspaces keyspaces', 'Amazon Keyspaces (for Apache Cassandra)'],
    ['compare Amazon Neptune neptune', 'Amazon Neptune'],
    ['compare mongodb docdb', 'Amazon DocumentDB'],
  ])('says so when both names are one service: %s', (text, name) => {
    // Act
    const message = reply(planDbAdvice(text, { kb }));

    // Assess
    expect(message.text).toBe(`Both names are ${name}`);
    expect(all(message)).toMatch(/nothing to compare/);
    expect(all(message)).not.toMatch(/Data model/);
  });

  it('explains two engines that map to one AWS service, and in Korean when asked in Korean', () => {
    expect(all(reply(planDbAdvice('compare oracle mssql', { kb })))).toMatch(
      /Oracle Database and Microsoft SQL Server both map to \*Amazon RDS\*/,
    );
    expect(reply(planDbAdvice('compare 오로라 오로라', { kb })).text).toBe('둘 다 Amazon Aurora이에요');
  });

  it.each([
    ['compare dynamodb scylladb', 'Amazon DynamoDB vs Apache Cassandra → Amazon Keyspaces (for Apache Cassandra)'],
    ['compare mongo vs dynamo', 'MongoDB → Amazon DocumentDB vs Amazon DynamoDB'],
    ['compare elasticsearch and redshift', 'Elasticsearch → Amazon OpenSearch Service vs Amazon Redshift'],
    ['compare neo4j documentdb', 'Neo4j → Amazon Neptune vs Amazon DocumentDB'],
    ['compare valkey memorydb', 'Valkey → Amazon ElastiCache vs Amazon MemoryDB'],
  ])('compares the AWS counterpart of an engine and says which it is: %s', (text, title) => {
    expect(reply(planDbAdvice(text, { kb })).text).toBe(title);
  });

  it('shows "MongoDB → Amazon DocumentDB (MongoDB-compatible)" above the table', () => {
    const message = reply(planDbAdvice('compare timestream mongodb', { kb }));
    expect(all(message)).toContain('MongoDB → Amazon DocumentDB (MongoDB-compatible)');
  });

  it('compares a retired service when asked, saying where AWS sends its users', () => {
    const message = reply(planDbAdvice('compare qldb dynamodb', { kb }));
    expect(message.text).toBe('Amazon QLDB vs Amazon DynamoDB');
    expect(all(message)).toMatch(/:warning: Amazon QLDB: .*Aurora PostgreSQL/);
  });

  it('says why Redis maps to ElastiCache and when MemoryDB instead', () => {
    expect(all(reply(planDbAdvice('compare redis dynamodb', { kb })))).toMatch(
      /Redis → Amazon ElastiCache \(.*MemoryDB for multi-Region active-active writes\)/,
    );
  });

  it.each([
    ['compare dynamdb opensearh', 'Amazon DynamoDB vs Amazon OpenSearch Service', 'read `dynamdb` as Amazon DynamoDB'],
    ['compare 다이너모 오로라', 'Amazon DynamoDB vs Amazon Aurora', '`다이너모`를 Amazon DynamoDB로 읽었어요'],
  ])('reads an unambiguous typo and says how it read it: %s', (text, title, reading) => {
    const message = reply(planDbAdvice(text, { kb }));
    expect(message.text).toBe(title);
    expect(all(message)).toContain(reading);
  });

  it('suggests the closest names for a typo it will not assume', () => {
    const error = thrown('compare auroxy rds');
    expect(error.message).toMatch(/no note on `auroxy`\. Did you mean `aurora`\?/);
  });

  it.each([
    ['compare 오로라', /서비스 두 개가 필요해요/],
    ['compare 오로라 엑스와이지', /`엑스와이지`에 대한 노트가 없어요/],
  ])('answers a Korean compare gone wrong in Korean: %s', (text, message) => {
    const error = thrown(text);
    expect(error.message).toMatch(message);
    expect(error.usage).toMatch(/예\)/);
  });

  it('compares in Korean when a name is typed in Korean', () => {
    const message = reply(planDbAdvice('compare 오로라 몽고디비', { kb }));
    expect(all(message)).toMatch(/데이터 모델/);
    expect(all(message)).toContain('MongoDB → Amazon DocumentDB (MongoDB 호환)');
  });
});

describe('handlers/dbadvice/plan third language', () => {
  it.each([
    'どのデータベースでセッションを保存すべきですか',
    '推荐一个存储购物车的数据库',
    '¿Dónde guardamos las sesiones de los usuarios?',
    'Quelle base pour les paniers des clients avec une faible latence ?',
  ])('says it answers in English or Korean, in both: %s', (question) => {
    // Act
    const message = reply(planDbAdvice(question, { kb }));

    // Assess
    expect(message.text).toContain('I answer in English or Korean');
    expect(message.text).toContain('영어나 한국어로 답해요');
    expect(all(message)).not.toMatch(/off-topic|doesn't look like a question/);
  });
});
