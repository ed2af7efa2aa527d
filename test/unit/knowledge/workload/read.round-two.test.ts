import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, readNotes } from '../../../../knowledge/build.ts';
import { advise, loadKnowledgeBase } from '../../../../knowledge/index.ts';
import { splitNegation } from '../../../../knowledge/workload/negation.ts';
import { readWorkload } from '../../../../knowledge/workload/read.ts';

// The mechanisms added in issue 13's second round, each with questions in words of neither evaluation set.
const kb = loadKnowledgeBase(buildKnowledgeBase(readNotes('knowledge/notes')));
const got = (question: string) => {
  const advice = advise(kb, question);
  return advice.kind === 'answer' ? advice.recommended.service.id : null;
};
const clues = (question: string) => readWorkload(question).clues;

describe('negators that cancel or scope differently', () => {
  it.each([
    ["we can't live without joins for the billing reports", 'relational'],
    ['we could not ship without transactions, it is money', 'transactions'],
  ])('reads "can\'t live without X" as X required: %s', (question, trait) => {
    // Act
    const picture = readWorkload(question);
    // Assess
    expect(picture.traits.map((t) => t.id)).toContain(trait);
    expect(picture.notWanted.map((t) => t.id)).not.toContain(trait);
  });

  it('still reads "we can live without X" as X not needed', () => {
    expect(readWorkload('we can live without transactions here').notWanted.map((t) => t.id)).toContain('transactions');
  });

  it('reads Korean "X 없으면 안 돼요" as X required, not ruled out', () => {
    const picture = readWorkload('결제 데이터라 트랜잭션 없으면 안 돼요');
    expect(picture.traits.map((t) => t.id)).toContain('transactions');
    expect(picture.notWanted.map((t) => t.id)).not.toContain('transactions');
  });

  it.each([
    ['nobody needs full text search on it', 'search'],
    ['nothing historical, just the current value', 'history'],
  ])('"nobody" and "nothing" negate what follows: %s', (question, id) => {
    const picture = readWorkload(question);
    const ruledOut = [...picture.notWanted.map((t) => t.id), ...picture.notClues];
    expect(ruledOut).toContain(id);
  });

  it('scopes 상관없음 back over the phrase it dismisses ("예전 상태는 상관없음")', () => {
    expect(splitNegation('예전 상태는 상관없음').negated.join(' ')).toContain('예전 상태는');
    expect(readWorkload('충전기별 현재 상태만, 예전 상태는 상관없음').notClues).toContain('history');
  });
});

describe('time series vs state', () => {
  it.each([
    ['water meters report flow every 15 seconds, utilities want weekly totals', 'timestream'],
    ['energy readings every minute, monthly reports per customer', 'timestream'],
    ['보일러 압력 값을 3초마다 받아서 하루 평균을 냄', 'timestream'],
  ])('a sampling rate makes measurements a time series: %s', (question, service) => {
    expect(got(question)).toBe(service);
  });

  it.each([
    ['only the latest known address for each customer, old ones are overwritten', 'dynamodb'],
    ['매장마다 최신 재고만 남기고 예전 값은 덮어써요', 'dynamodb'],
  ])('overwritten old values are no history: %s', (question, service) => {
    expect(got(question)).toBe(service);
  });

  it('reads a lifetime as short-lived, never a window size', () => {
    expect(clues('cache the captcha answers for 2 minutes')).toContain('short-lived');
    expect(clues('store turbine averages in 10 minute buckets for a year')).not.toContain('short-lived');
  });

  it.each([
    ['one-time login codes valid for 3 minutes, fast lookups', 'elasticache'],
    ['택시 실시간 위치, 2초마다 갱신, 1분 지나면 쓸모없음', 'elasticache'],
  ])('fast data that lives seconds or minutes is a cache-class store: %s', (question, service) => {
    expect(got(question)).toBe(service);
  });
});

describe('relationships and key-value in other words', () => {
  it.each([
    ['detect circular transfers between shell companies', 'neptune'],
    ['계좌 사이 순환 송금 탐지', 'neptune'],
    ['dedupe patient records that are really the same person across clinics', 'neptune'],
  ])('cycles and same-person links are multi-hop: %s', (question, service) => {
    expect(got(question)).toBe(service);
  });

  it('reads shopping carts as key-value state per user (guidance §2), not a cache', () => {
    expect(got('basket service for a big retailer, carts per user, black friday traffic')).toBe('dynamodb');
  });
});

describe('questions that choose nothing', () => {
  it.each([
    'any good book on cassandra internals?',
    '몽고디비 강의 추천해 주세요',
    '레디스 스터디 같이 하실 분',
    'postgres 파티션 어떻게 설정해요?',
    'the elasticache cpu alarm keeps firing, why?',
    '오로라 알람이 계속 울려요',
    '다이나모 점검 언제 끝나요?',
  ])('declines: %s', (question) => {
    expect(got(question)).toBeNull();
  });

  it('keeps a policy (정책) question about data as a workload, not a book', () => {
    expect(got('보안 정책 데이터를 정책 ID로 조회, 수백만 건')).toBe('dynamodb');
  });
});

describe('round four: constraints, chains and quantities in other words', () => {
  it.each([
    ['shoestring budget, a small mysql app for a dental office, traffic is steady', 'rds'],
    ['org-wide roles inherited through nested teams, can this user approve the invoice?', 'neptune'],
    ['trace the data lineage downstream through every job that reads this table', 'neptune'],
    ['we poll 800 weather stations every 30s for wind speed, hourly max per station', 'timestream'],
    ['no joins and no reports, it is a fetch of gift cards by their token', 'dynamodb'],
    ['람다가 postgres 커넥션을 다 써버려요, 읽기는 전부 회원번호로', 'dynamodb'],
  ])('%s → %s', (question, service) => {
    expect(got(question)).toBe(service);
  });
});

describe('round five: app reports, connection errors, rebuildable state, commercial exits, analysts on replicas', () => {
  it.each([
    ['our crm needs joins across 25 tables for its screens and a few reports', 'aurora'],
    ['lambda fleet gets connection refused from mysql under load, every read is a primary key lookup', 'dynamodb'],
    ['lobby state for a multiplayer game, sub-ms, recreated on restart', 'elasticache'],
    ['we want off sql server before the licence true-up, the engine may change', 'aurora'],
    ['bi dashboards keep hammering the primary db every morning', 'redshift'],
    ['fx quotes every 50ms, we need per-minute vwap', 'timestream'],
  ])('%s → %s', (question, service) => {
    expect(got(question)).toBe(service);
  });

  it.each(['what version of postgres are we on?', '엘라스티캐시 무슨 버전 써요?'])(
    'declines a version question: %s',
    (q) => {
      expect(got(q)).toBeNull();
    },
  );

  it('reads "X won\'t work" as X ruled out', () => {
    expect(
      readWorkload("a key-value store won't work, we join orders to customers").notWanted.map((t) => t.id),
    ).toContain('key-value');
  });
});

describe('round six: sampled streams of any quantity, discarded history, resets', () => {
  it.each([
    ['wind turbines send blade pitch every 5s and engineers look at hourly trends', 'timestream'],
    ['키오스크 터치 수를 매분 보내고 주별로 비교해요', 'timestream'],
    ["each locker's current door state, older values are discarded", 'dynamodb'],
    ['로봇마다 지금 좌표만 보여주고 이전 위치는 버려요', 'dynamodb'],
    ['per-user api quota counters, microsecond reads, reset every hour', 'elasticache'],
    ['사용자별 호출 횟수 카운터, 마이크로초, 1시간마다 초기화', 'elasticache'],
    ['tiny internal portal on postgres, lowest possible bill, usage is flat', 'rds'],
    ['같은 가족에 속한 계정과 기기를 하나로 묶기', 'neptune'],
  ])('%s → %s', (question, service) => {
    expect(got(question)).toBe(service);
  });

  it('never reads a reset rate as a sampling rate', () => {
    expect(clues('counters reset every minute')).not.toContain('sampling');
    expect(clues('readings every minute')).toContain('sampling');
  });
});
