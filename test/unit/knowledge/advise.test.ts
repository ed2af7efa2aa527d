import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, readNotes } from '../../../knowledge/build.ts';
import { type Answer, advise, loadKnowledgeBase } from '../../../knowledge/index.ts';

// Built from the notes here rather than the shipped file, so this suite tests the notes as they are.
const kb = loadKnowledgeBase(buildKnowledgeBase(readNotes('knowledge/notes')));

function answer(question: string): Answer {
  const advice = advise(kb, question);
  if (advice.kind !== 'answer') throw new Error(`no answer for "${question}" (${advice.why})`);
  return advice;
}

describe('knowledge/advise', () => {
  it.each([
    [
      'relational',
      'aurora',
      'relational data with joins and transactions for orders',
      '조인과 트랜잭션이 필요한 주문 관계형 데이터',
    ],
    [
      'relational, commercial engine',
      'rds',
      'move our SQL Server database as is',
      'SQL Server 데이터베이스를 그대로 옮기기',
    ],
    ['key-value', 'dynamodb', 'key-value lookups by id for millions of users', '수백만 사용자의 키값 조회'],
    ['document', 'documentdb', 'JSON documents with a flexible schema', '유연한 스키마의 JSON 문서 저장'],
    ['in-memory cache', 'elasticache', 'cache for session data with microsecond reads', '마이크로초로 읽는 세션 캐시'],
    // AWS's current rule (db-guidance.md §3.3): MemoryDB for an in-memory primary written in several Regions;
    // durable in one Region is ElastiCache or MemoryDB, so that one is asked (knowledge/workload tests).
    [
      'in-memory primary, multi-Region writes',
      'memorydb',
      'in-memory primary database with Redis API, active-active writes across two Regions',
      '레디스 API 인메모리 주데이터베이스, 두 리전 액티브액티브',
    ],
    ['graph', 'neptune', 'graph of relationships for fraud detection', '사기 탐지를 위한 관계 그래프 데이터'],
    ['wide-column', 'keyspaces', 'wide column store for our Cassandra data', '카산드라 와이드 컬럼 데이터'],
    ['time series', 'timestream', 'time series data from IoT sensors', 'IoT 센서 시계열 데이터'],
    ['search', 'opensearch', 'full-text search with autocomplete over products', '상품 전문 검색과 자동완성 저장소'],
    [
      'analytics',
      'redshift',
      'data warehouse for OLAP analytics over sales history',
      '매출 이력 OLAP 분석용 데이터 웨어하우스',
    ],
    ['ledger (QLDB retired)', 'aurora', 'immutable ledger with a verifiable audit trail', '위변조 없는 원장 데이터'],
  ])('ranks %s first in both languages', (_category, expected, english, korean) => {
    expect(answer(english).recommended.service.id).toBe(expected);
    expect(answer(korean).recommended.service.id).toBe(expected);
  });

  it('ties its reasons to the traits it found, strongest fit first', () => {
    const a = answer('session store with sub-millisecond reads');
    expect(a.traits.map((t) => t.id)).toEqual(expect.arrayContaining(['session', 'sub-ms']));
    expect(a.reasons.length).toBeGreaterThanOrEqual(2);
    expect(a.reasons.length).toBeLessThanOrEqual(3);
    expect(a.reasons.map((r) => r.trait?.id)).toEqual(expect.arrayContaining(['session', 'sub-ms']));
  });

  it("matches a case study: Airbnb's session state on ElastiCache", () => {
    const a = answer('where do we keep session state?');
    expect(a.recommended.service.id).toBe('elasticache');
    expect(a.caseStudy?.note.id).toBe('case-airbnb');
    expect(a.caseStudy?.use.service).toBe('elasticache');
  });

  it('names one or two alternatives with when to pick them, never the winner or a retired service', () => {
    const a = answer('key-value store for user sessions');
    expect(a.alternatives.length).toBeGreaterThanOrEqual(1);
    expect(a.alternatives.length).toBeLessThanOrEqual(2);
    for (const alt of a.alternatives) {
      expect(alt.service.id).not.toBe(a.recommended.service.id);
      expect(alt.service.status).toBe('active');
      expect(alt.when.length).toBeGreaterThan(0);
    }
  });

  it('never recommends QLDB and says why, pointing to Aurora', () => {
    const a = answer('we want QLDB for an immutable ledger');
    expect(a.recommended.service.id).toBe('aurora');
    expect(a.retired?.id).toBe('qldb');
    expect(a.retired?.statusNote?.en).toMatch(/end of support on 2025-07-31/);
    expect(a.reasons.map((r) => r.text).join(' ')).toMatch(/QLDB/);
  });

  it('reads "a ledger of audit logs" as a ledger question: Aurora, not log search', () => {
    const a = answer('we need a ledger of audit logs');
    expect(a.recommended.service.id).toBe('aurora');
    expect(a.traits.map((t) => t.id)).toEqual(['ledger']);
    expect(a.retired?.id).toBe('qldb');
  });

  it('offers plausible substitutes, not a warehouse or a cache, for a primary-database question', () => {
    // Prepare
    const questions = [
      '초당 2.4만 읽기, 키로 조회하는 대규모 데이터',
      'key-value lookups by user id, millions of users',
      'JSON documents with a flexible schema for millions of users',
    ];

    // Act
    const alternatives = questions.map((q) => answer(q).alternatives.map((alt) => alt.service.id));

    // Assess
    for (const ids of alternatives) {
      expect(ids).not.toContain('redshift');
      expect(ids).not.toContain('elasticache');
      expect(ids).not.toContain('opensearch');
    }
  });

  it('names a warehouse or cache as an alternative when the question asks for analytics or caching', () => {
    expect(answer('cache in front of our database for hot reads').recommended.service.id).toBe('elasticache');
    const analytics = answer('log analytics with full-text search and aggregations').alternatives;
    expect(analytics.map((alt) => alt.service.id)).toContain('redshift');
  });

  it('prefers an alternative of the kind the question describes', () => {
    const a = answer('relational data with joins and transactions for orders');
    expect(a.alternatives[0]?.service.id).toBe('rds');
  });

  it('answers in the language of the question and cites its note', () => {
    const ko = answer('세션 저장소가 필요해요');
    expect(ko.lang).toBe('ko');
    expect(ko.reasons[0]?.text).toMatch(/[가-힣]/);
    expect(ko.source.path).toBe('knowledge/notes/elasticache.md');
    expect(answer('we need a session store').lang).toBe('en');
  });

  it.each([
    ['off-topic', 'how do I restart the checkout lambda?'],
    ['off-topic', '오늘 점심 뭐 먹을까요?'],
    ['off-topic', 'any recommendations for a keyboard?'],
    ['off-topic', 'search the logs for errors please'],
    ['vague', 'which database should we use?'],
    ['vague', '어떤 데이터베이스를 써야 할까요?'],
    // Near misses: everyday words that look like data words or workload traits.
    ['off-topic', 'please save the date for the global all-hands'],
    ['off-topic', 'the orders are late today'],
    ['off-topic', 'How do I keep my team motivated and fast?'],
    ['off-topic', '오늘 주문이 늦게 도착했어요'],
    ['off-topic', '결제가 자꾸 실패해요, 카드사에 문의해야 할까요?'],
    ['off-topic', '팀 분위기를 빠르게 끌어올리려면 어떻게 하죠?'],
    ['off-topic', '프로그램 설치 방법 알려 주세요'],
    ['off-topic', '병원장님 회의는 언제예요?'],
    ['off-topic', '이번 분기 우선순위를 정해 주세요'],
    // Scale alone says how big, never what kind of store.
    ['vague', 'global data, millions of users, needs to be fast'],
    ['vague', '글로벌 서비스의 대규모 데이터'],
  ])('declines instead of guessing (%s): %s', (why, question) => {
    const advice = advise(kb, question);
    expect(advice.kind).toBe('abstain');
    expect(advice.kind === 'abstain' && advice.why).toBe(why);
  });
});
