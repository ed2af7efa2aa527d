import { describe, expect, it } from 'vitest';
import { renderAdvice } from '../../../../handlers/dbadvice/render-advice.ts';
import type { SlackMessage } from '../../../../handlers/slack-message.ts';
import { ruledOutLabel } from '../../../../knowledge/advise.ts';
import { buildKnowledgeBase, readNotes } from '../../../../knowledge/build.ts';
import { type Answer, advise, loadKnowledgeBase } from '../../../../knowledge/index.ts';
import { isInflection } from '../../../../knowledge/workload/fuzzy.ts';
import { expectValidMessage } from '../../../fixtures/block-kit.ts';

// What an acceptance tester found on main (issue 13), each tested as a class with questions written for these
// tests, in both languages. Expected services follow /work/shared/reference/db-guidance.md: §2 migration rules
// (refactors leaving Oracle/SQL Server start with Aurora PostgreSQL; a same-engine move is RDS) and the
// ElastiCache card (leaderboards are Valkey sorted sets; MemoryDB when it is the durable primary store).
const kb = loadKnowledgeBase(buildKnowledgeBase(readNotes('knowledge/notes')));

function answer(question: string): Answer {
  const advice = advise(kb, question);
  if (advice.kind !== 'answer') throw new Error(`no answer for "${question}" (${advice.why})`);
  return advice;
}

function rendered(question: string): { message: SlackMessage; all: string } {
  const message = renderAdvice(advise(kb, question));
  expectValidMessage(message);
  return { message, all: JSON.stringify(message.blocks) };
}

describe('acceptance findings (issue 13)', () => {
  it.each([
    'SQL Server 워크로드를 AWS로 이관하면서 라이선스 비용을 줄이고 싶습니다',
    '사내 오라클 DB를 클라우드로 옮길 건데 라이선스 없이 운영하고 싶어요',
    'Oracle에서 더 싼 오픈소스 엔진으로 갈아타며 AWS로 옮기려 합니다',
    'we are migrating SQL Server to AWS and want to eliminate the licensing fees',
    'moving the on-prem Oracle estate to AWS, cutting our Oracle licence spend is the goal',
  ])('a licence exit reads as leaving the engine in either language: %s', (question) => {
    // Prepare // Act
    const a = answer(question);
    // Assess
    expect(a.recommended.service.id).toBe('aurora');
    expect(a.decidedBy?.id).toBe('leave-commercial');
    expect(a.read.join(' ')).not.toMatch(/가능 불필요|not open to|same engine on AWS|같은 엔진으로/);
  });

  it('a ruled-out engine change is the engine staying, never a double negative', () => {
    // Prepare // Act
    const ko = answer('PostgreSQL을 AWS로 이전하는데 엔진은 바꾸지 않을 거예요');
    const en = answer('moving Postgres to AWS, we are not changing engines');
    // Assess
    for (const a of [ko, en]) {
      expect(a.recommended.service.id).toBe('aurora');
      expect(a.read.join(' ')).not.toMatch(/변경 가능 불필요|not open to changing/);
    }
  });

  it.each([
    ['엔진 변경 가능', 'ko', '엔진 변경 불가'],
    ['장애 때 유실돼도 괜찮음', 'ko', '장애 때 유실되면 안 됨'],
    ['losing it on failure is fine', 'en', 'losing it on failure is not acceptable'],
  ] as const)('a ruled-out permission reads as a prohibition, never a double negative: %s', (label, lang, read) => {
    expect(ruledOutLabel(label, lang, 'clue')).toBe(read);
  });

  it.each([
    'PostgreSQL 14를 동일한 엔진으로 AWS에 올리고 싶어요',
    '우리 MySQL은 엔진 그대로 클라우드로 이전할 예정입니다',
    'MySQL 서버를 AWS로 이관하되 엔진은 바꾸지 말아야 해요',
    'lift our MySQL boxes to AWS keeping the same engine',
  ])(
    'a same-engine move of an open engine is Aurora, as the migration table says, in either language: %s',
    (question) => {
      // db-guidance.md §2: PostgreSQL → Aurora PostgreSQL, MySQL → Aurora MySQL (the compatible edition keeps the engine).
      const a = answer(question);
      expect(a.recommended.service.id).toBe('aurora');
      expect(a.decidedBy?.id).toBe('keep-open-engine');
      expect(a.alternatives.map((x) => x.service.id)).toContain('rds');
    },
  );

  it.each([
    'we may leave AWS later, so plain community MySQL, same engine as today',
    'tiny internal postgres app, steady load, cost sensitive, keep the same engine',
  ])('a same-engine move that says why the community build matters is RDS: %s', (question) => {
    expect(answer(question).recommended.service.id).toBe('rds');
  });

  it.each([
    ['ranking of top scores for an esports tournament, tens of millions of viewers', 'elasticache'],
    ['global top 100 high scores updated on every match, huge player base', 'elasticache'],
    ['e스포츠 대회 점수 랭킹, 동시 시청자 수천만 명', 'elasticache'],
    ['주간 리더보드를 정렬된 집합으로 관리하고 싶어요, 유저는 수백만', 'elasticache'],
    ['leaderboard that is our system of record and must never lose a score', 'memorydb'],
  ])('a leaderboard is decided by its data structure, not by scale: %s', (question, service) => {
    // Prepare // Act
    const a = answer(question);
    // Assess
    expect(a.recommended.service.id).toBe(service);
  });

  it('shows a case study only when it shares a clue about the data with the question', () => {
    // Prepare // Act
    const a = answer('weekly ranking board for a quiz app with a million players');
    // Assess
    const shared = (a.caseStudy?.use.traits ?? []).filter((t) =>
      a.traits.some((found) => found.id === t && found.kind !== 'scale'),
    );
    expect(a.caseStudy === undefined || shared.length > 0).toBe(true);
  });

  it.each([
    ['retire our SQL Server and drop the license bill on the way to AWS', /Aurora PostgreSQL/],
    ['오라클 라이선스 비용을 털어내고 AWS로 이관', /Aurora PostgreSQL/],
  ])('a licence exit names Aurora PostgreSQL and cites the rule as a reason: %s', (question, name) => {
    // Prepare // Act
    const { message } = rendered(question);
    const blocks = JSON.stringify(message.blocks);
    // Assess
    const headline = JSON.stringify(message.blocks?.[0]);
    expect(headline).toMatch(name);
    expect(blocks).toMatch(/• \*(leaving a commercial engine|상용 엔진 탈출)[^*]*\*: [^•]*(Aurora PostgreSQL)/);
  });

  it.each([
    'delivery vans: keep the newest location of every van',
    '키오스크마다 마지막 상태만 저장',
    'reports and dashboards over 4 years of invoices',
  ])('prints no separate, possibly empty or disagreeing traits list: %s', (question) => {
    const { all } = rendered(question);
    expect(all).not.toMatch(/Traits found|찾은 특성/);
  });

  it('never says "not a commercial engine" of a question that names one', () => {
    const a = answer('we no longer have to stay on SQL Server, heading to AWS');
    expect(a.read.join(' ')).not.toMatch(/not a commercial engine/);
  });

  it('does not read "a cheaper engine" as a small steady load', () => {
    const a = answer('오라클을 AWS로 옮기며 더 저렴한 엔진으로 바꾸려 해요');
    expect(a.read.join(' ')).not.toMatch(/작고 일정한/);
  });

  it.each([
    ['dashboards', 'dashboard'],
    ['warehouses', 'warehouse'],
    ['caches', 'cache'],
    ['queries', 'query'],
    ['indexing', 'index'],
    ['partitioned', 'partition'],
    ['storing', 'store'],
    ['shipped', 'ship'],
  ])('an inflection is the same word, never a correction: %s', (form, base) => {
    expect(isInflection(form, base)).toBe(true);
  });

  it('does not show a plural as a typo in the read line', () => {
    const a = answer('warehouse for finance dashboards and cohorts over 6 years of bookings');
    expect(a.read.join(' ')).not.toMatch(/"dashboards" →/);
    expect(isInflection('dashbaord', 'dashboard')).toBe(false);
  });
});
