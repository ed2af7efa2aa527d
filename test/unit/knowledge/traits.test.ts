import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectTraits } from '../../../knowledge/traits.ts';

const ids = (question: string) => detectTraits(question).map((t) => t.id);

describe('knowledge/traits', () => {
  // Korean patterns run with spacing removed, so each needs a guard against the longer words it hides in.
  it.each([
    ['logs', '프로그램 설치가 안 돼요'],
    ['logs', '다이얼로그 창이 안 떠요'],
    ['logs', '로그아웃이 안 돼요'],
    ['leaderboard', '이번 분기 우선순위를 정해 주세요'],
    ['ledger', '병원장님께 보고할 데이터를 정리해요'],
    ['ledger', '원장님 일정 저장'],
    ['durable', '자주 데이터베이스를 바꿔요'],
    ['relationships', '데이터 탐색용 저장소가 필요해요'],
    ['relationships', '탐색적 데이터 분석'],
  ])('does not find %s inside another word: %s', (trait, question) => {
    expect(ids(question)).not.toContain(trait);
  });

  it.each([
    ['logs', '애플리케이션 로그를 저장하고 검색해요'],
    ['leaderboard', '게임 순위를 실시간으로 보여줘요'],
    ['ledger', '회계 원장 데이터'],
    ['durable', '인메모리 주 데이터베이스'],
    ['relationships', '팔로우 관계를 3단계까지 탐색해요'],
    ['relationships', '지식 그래프로 탐색하고 싶어요'],
  ])('still finds %s where it is meant: %s', (trait, question) => {
    expect(ids(question)).toContain(trait);
  });

  // Scale alone never answers, so key access has to be read however it is phrased.
  it.each([
    ['key-value', 'always read by device id'],
    ['key-value', 'rate limiting counters per API key'],
    ['key-value', '짧은 코드로 수십억 번 조회해요'],
    ['key-value', 'API 키별 요청 제한 카운터'],
    ['read-heavy', 'feature flags read on every request'],
    ['read-heavy', '요청마다 읽는 기능 플래그'],
  ])('finds %s in: %s', (trait, question) => {
    expect(ids(question)).toContain(trait);
  });

  it('does not read 스키 (ski) as a key', () => {
    expect(ids('스키별 대여 요금')).not.toContain('key-value');
  });

  it('reads µs (micro sign or Greek mu) as sub-millisecond', () => {
    expect(ids('reads under 100µs')).toContain('sub-ms');
    expect(ids('reads under 100 μs')).toContain('sub-ms');
    expect(ids('p99 of 250µs please')).toContain('sub-ms');
    expect(ids('plus µsomething')).not.toContain('sub-ms');
  });

  it('lets a longer match win over a trait found only inside it: audit logs are a ledger, not log analytics', () => {
    expect(ids('we need a ledger of audit logs')).toEqual(['ledger']);
    expect(ids('감사 로그를 원장처럼 남겨야 해요')).toEqual(['ledger']);
    // Logs named on their own still count.
    expect(ids('audit logs and application logs')).toEqual(expect.arrayContaining(['ledger', 'logs']));
  });

  it('never throws and returns traits in a stable order for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const found = ids(text);
        expect(new Set(found).size).toBe(found.length);
      }),
      { numRuns: 300 },
    );
  });
});
