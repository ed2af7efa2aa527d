import { describe, expect, it } from 'vitest';
import { splitNegation } from '../../../../knowledge/workload/negation.ts';
import { readWorkload } from '../../../../knowledge/workload/read.ts';

const ruledOut = (q: string) => readWorkload(q).notWanted.map((t) => t.id);
const asked = (q: string) => readWorkload(q).traits.map((t) => t.id);

describe('knowledge/workload/negation', () => {
  it('scopes an English negator forward to the end of its clause', () => {
    // Prepare
    const text = "this isn't a cache, it is the system of record";
    // Act
    const { positive, negated } = splitNegation(text);
    // Assess
    expect(negated).toEqual(['a cache']);
    expect(positive).toContain('system of record');
  });

  it('scopes a negator that follows its noun backwards ("old values not needed")', () => {
    expect(splitNegation('overwrite each time, previous readings not needed').negated).toEqual(['previous readings']);
  });

  it.each([
    ['no joins anywhere, lookups by device id', 'relational'],
    ['not after full-text search; we sum revenue per quarter', 'search'],
    ["we don't want a cache: it holds the only copy", 'cache'],
    ["this is not an analytics workload, it's order entry", 'analytics'],
    ['without a time series, just one value per key', 'time-series'],
  ])('rules out what English negates: %s', (question, trait) => {
    expect(ruledOut(question)).toContain(trait);
    expect(asked(question)).not.toContain(trait);
  });

  it.each([
    ["payments where we can't lose a single write", 'durable'],
    ['ledger entries, no tampering possible', 'ledger'],
  ])('keeps a requirement phrased with a negator ("can\'t lose", "no tampering"): %s', (question, trait) => {
    expect(asked(question)).toContain(trait);
  });

  it.each([
    ['캐시가 아니라 원본 데이터예요', 'cache'],
    ['전문 검색은 필요 없음, 월별 합계만', 'search'],
    ['시계열 아님 그냥 최신값', 'time-series'],
    ['조인없음 키로만 읽음', 'relational'],
    ['분석 용도는 아니고 주문 트랜잭션', 'analytics'],
  ])('rules out the Korean phrase before the negator: %s', (question, trait) => {
    expect(ruledOut(question)).toContain(trait);
    expect(asked(question)).not.toContain(trait);
  });

  it('takes the verb after 안/못 with its object ("이력은 안 남겨도 됨")', () => {
    expect(readWorkload('상태 이력은 안 남겨도 됨').notClues).toContain('history');
  });

  it('keeps "유실 없이" and "위변조 없이" as requirements', () => {
    expect(asked('위변조 없이 검증 가능한 원장')).toContain('ledger');
    expect(splitNegation('데이터 유실 없이 써야 해요').negated).toEqual([]);
  });

  it('matches clues that carry their own negation on the whole question ("no AWS-only features", "VPC 없이")', () => {
    expect(readWorkload('plain Postgres, no Aurora-only features').clues).toContain('portable');
    expect(readWorkload('VPC 없이 요청당 과금').clues).toContain('scale-to-zero');
  });

  it('leaves a question without a negator as it is', () => {
    expect(splitNegation('orders and payments in one transaction')).toEqual({
      positive: 'orders and payments in one transaction',
      negated: [],
    });
  });
});
