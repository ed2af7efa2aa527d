import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandPlan } from '../../../../handlers/command.ts';
import { planDbAdvice } from '../../../../handlers/dbadvice/plan.ts';
import { UserInputError } from '../../../../handlers/errors.ts';
import type { SlackMessage } from '../../../../handlers/slack-message.ts';
import { buildKnowledgeBase, readNotes } from '../../../../knowledge/build.ts';
import { type Answer, advise, loadKnowledgeBase, resolveServiceName } from '../../../../knowledge/index.ts';
import { resolveTypo } from '../../../../knowledge/service-aliases.ts';
import { isInflection } from '../../../../knowledge/workload/fuzzy.ts';
import { expectValidMessage } from '../../../fixtures/block-kit.ts';

// What a new user found on main (issue 13 follow-up), each tested as a class through the command path
// (planDbAdvice) or the engine, with questions written for these tests. Expected services follow
// /work/shared/reference/db-guidance.md (§2 routing and migration rules, §3.3 ElastiCache vs MemoryDB).
const kb = loadKnowledgeBase(buildKnowledgeBase(readNotes('knowledge/notes')));

function reply(plan: CommandPlan): SlackMessage {
  if (plan.kind !== 'reply') throw new Error('expected a reply in the ack');
  expectValidMessage(plan.message);
  return plan.message;
}

const shown = (m: SlackMessage) => JSON.stringify(m.blocks);

function answer(question: string): Answer {
  const advice = advise(kb, question);
  if (advice.kind !== 'answer') throw new Error(`no answer for "${question}" (${advice.why})`);
  return advice;
}

function usageError(text: string): UserInputError {
  try {
    planDbAdvice(text, { kb });
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error(`"${text}" did not give its usage`);
}

describe('ties reach the user through /dbadvice (item 1)', () => {
  it.each([
    ['valkey as the main datastore for our game state, durability matters', 'several Regions'],
    ['레디스 호환 기본 데이터베이스, 데이터 유실은 절대 안 돼요', '여러 리전'],
  ])('asks the deciding question for "%s"', (question, ask) => {
    // Act
    const message = reply(planDbAdvice(question, { kb }));

    // Assess
    expect(shown(message)).toMatch(/:scales:/);
    expect(shown(message)).toContain(ask);
    expect(shown(message)).not.toMatch(/How to ask|이렇게 물어보세요/);
  });

  it.each([
    'valkey as the main datastore for our game state, durable, one region only',
    'redis-compatible system of record, must survive failover, we only write in a single region',
    '레디스 호환 주 데이터베이스, 유실 없이, 단일 리전에서만 씀',
  ])('answers ElastiCache once the question says writes stay in one Region: "%s"', (question) => {
    // Act
    const message = reply(planDbAdvice(question, { kb }));

    // Assess
    expect(message.text).toMatch(/ElastiCache/);
    expect(message.text).not.toMatch(/MemoryDB.*ElastiCache fit/);
  });

  it('still answers MemoryDB when writes come in several Regions', () => {
    expect(
      answer('redis-compatible primary store, durable, writes accepted in several regions').recommended.service.id,
    ).toBe('memorydb');
  });
});

describe('case-study questions (item 2)', () => {
  it.each([
    ['what did Expedia use?', 'Expedia'],
    ['did Duolingo really run on DynamoDB, should we copy them?', 'Duolingo'],
    ['익스피디아는 어떤 DB를 썼어요?', 'Expedia'],
    ['amazon retail이 쓴 DB는?', 'Amazon'],
  ])('answers "%s" from the case study', (question, company) => {
    // Act
    const message = reply(planDbAdvice(question, { kb }));

    // Assess
    expect(shown(message)).toMatch(/:bulb:/);
    expect(shown(message)).toContain(company);
  });

  it('picks the use the question names, and lists every use when it names none', () => {
    // Act
    const named = answer('Duolingo cached common words in ElastiCache, is that what we want?');
    const open = answer('what did Airbnb use?');

    // Assess
    expect(named.recommended.service.id).toBe('elasticache');
    expect(named.caseStudy?.note.id).toBe('case-duolingo');
    expect(open.caseStudy?.otherUses?.map((u) => u.service).sort()).toEqual(['elasticache', 'rds']);
    const text = shown(reply(planDbAdvice('what did Airbnb use?', { kb })));
    // Services by the names AWS gives them, never their note ids.
    expect(text).toMatch(/It also used \*Amazon ElastiCache\*/);
    expect(text).not.toMatch(/It also used \*(elasticache|rds)\*/);
  });

  it('says when the asker’s own clue points elsewhere than the case study', () => {
    // Prepare: a small app with ad-hoc joins should not copy a key-value design
    const a = answer('Duolingo uses DynamoDB; we are a small app with ad-hoc joins and reports, should we copy them?');

    // Assess
    expect(a.recommended.service.id).not.toBe('dynamodb');
    expect(a.caseStudy?.fitsAsker).toBe(false);
  });

  it('still declines a how-to question that names a company', () => {
    expect(advise(kb, 'how do I book an Airbnb in Seoul?').kind).toBe('abstain');
  });
});

describe('a service ruled out by name is never recommended (item 3)', () => {
  it.each([
    ['key-value lookups of player profiles by id at huge scale, anything except DynamoDB', 'dynamodb', 'DynamoDB'],
    ['fraud rings found by following links between accounts, but not Neptune', 'neptune', 'Neptune'],
    ['device telemetry aggregated per minute, we would rather not use Timestream', 'timestream', 'Timestream'],
    ['세션 저장소, 엘라스티캐시 말고 다른 거', 'elasticache', 'ElastiCache'],
  ])('"%s"', (question, excluded, name) => {
    // Act
    const a = answer(question);

    // Assess
    expect(a.recommended.service.id).not.toBe(excluded);
    expect(a.alternatives.map((alt) => alt.service.id)).not.toContain(excluded);
    expect(a.read[0]).toMatch(new RegExp(`^(not ${name} \\(you ruled it out\\)|${name} 제외)`));
  });

  it('does not rule out a service for ruling out an engine it runs (MariaDB is an RDS engine)', () => {
    expect(answer('small steady MySQL app, not MariaDB, cheapest managed option').recommended.service.id).toBe('rds');
  });
});

describe('migrations read the engine as said (item 4)', () => {
  it.each([
    ['moving off Oracle to something cheaper', 'aurora'],
    ['SQL Server on prem, we want an open source engine on AWS', 'aurora'],
    ['Oracle 라이선스 비용 줄이려고 이전해요', 'aurora'],
  ])('leaving a commercial engine for cost: "%s" → %s', (question, service) => {
    const a = answer(question);
    expect(a.recommended.service.id).toBe(service);
    expect(a.read.join(' ')).not.toMatch(/same engine|같은 엔진/);
  });

  it.each([
    ['postgres 13 on a VM, keep the same engine, managed backups please', 'aurora'],
    ['MySQL 8 온프레미스, 같은 엔진 그대로 유지하면서 관리형으로', 'aurora'],
  ])('the same open engine goes to its Aurora edition (guidance §2 table): "%s"', (question, service) => {
    const a = answer(question);
    expect(a.recommended.service.id).toBe(service);
    expect(a.read[0]).toMatch(/stays MySQL \/ PostgreSQL|MySQL·PostgreSQL 그대로/);
  });

  it('a MySQL move that does not insist on the engine still goes to Aurora (guidance §2)', () => {
    expect(answer('migrating MySQL from on prem to AWS').recommended.service.id).toBe('aurora');
  });
});

describe('negation (item 5)', () => {
  it('never cites what the question ruled out as a reason or an alternative', () => {
    // Act
    const a = answer('온도 센서 값을 15분 단위로 집계, 과거 이력은 보관 안 해도 돼요');

    // Assess
    const cited = [...a.reasons.map((r) => `${r.trait?.id ?? ''} ${r.text}`), ...a.alternatives.map((x) => x.when)];
    expect(cited.join(' ')).not.toMatch(/대량 이력|analytics/);
    expect(a.traits.map((t) => t.id)).not.toContain('analytics');
  });

  it.each([
    ['not a relational model: product documents filtered by many attributes', 'documentdb'],
    ['no joins, we store nested JSON documents and query them on many fields', 'documentdb'],
  ])('a negation does not make it give up while positive clues remain: "%s"', (question, service) => {
    expect(answer(question).recommended.service.id).toBe(service);
  });
});

describe('X vs Y (item 6)', () => {
  it.each([
    ['dyanmodb vs aurora for a payments ledger with transactions', 'compare'],
    ['aurora 아니면 dynamodb? 장바구니, 키로만 조회', 'compare'],
  ])('answers "%s" and offers the compare', (question) => {
    // Act
    const message = reply(planDbAdvice(question, { kb }));

    // Assess
    expect(shown(message)).toMatch(/:bulb:/);
    expect(shown(message)).toMatch(/\/dbadvice compare (dynamodb aurora|aurora dynamodb)/);
  });

  it('compares side by side when the question has nothing to weigh them by', () => {
    const message = reply(planDbAdvice('documentdb versus dynamodb', { kb }));
    expect(message.text).toMatch(/DocumentDB vs .*DynamoDB|DynamoDB vs .*DocumentDB/);
  });
});

describe('the read: line says what was read (item 7)', () => {
  it('names the deciding clue once, with a reason bullet for it, and adds nothing unsaid', () => {
    // Act
    const a = answer('current odometer of every truck, 2M trucks');

    // Assess
    expect(a.decidedBy?.id).toBe('latest-state');
    expect(a.read.join(' ')).not.toMatch(/history/);
    expect(a.read.filter((r) => /latest state/.test(r))).toHaveLength(1);
    expect(a.reasons[0]?.clue).toBe(a.decidedBy?.label.en);
  });

  it('never shows a plural or a past tense as a typo correction', () => {
    expect(answer('iot thermostat readings').read.join(' ')).not.toMatch(/→/);
    expect(isInflection('sensor', 'sensors')).toBe(true);
    expect(isInflection('query', 'queries')).toBe(true);
    expect(isInflection('store', 'stored')).toBe(true);
    expect(isInflection('sesion', 'session')).toBe(false);
  });

  it.each([
    ['leaderboard scores, it does not have to be durable', /data loss is acceptable/],
    ['랭킹 데이터, 내구성은 필요 없음', /유실이 있어도 됨/],
  ])('words a ruled-out requirement readably: "%s"', (question, wording) => {
    const read = answer(question).read.join(' · ');
    expect(read).not.toMatch(/not no |없음 아님/);
    expect(read).toMatch(wording);
  });

  it('labels a cart as what it is', () => {
    expect(answer('shopping carts kept permanently, not a cache').read.join(' ')).toMatch(/cart/);
  });
});

describe('subcommand words with stray arguments (item 8)', () => {
  it.each([
    ['fleet prod-cluster', /`fleet` takes no arguments/],
    ['list everything please', /`list` takes no arguments/],
    ['compare x y z', /`compare` takes exactly two services/],
    ['compare dynamodb rds aurora', /`compare` takes exactly two services/],
  ])('"%s" gets its usage', (text, message) => {
    const error = usageError(text);
    expect(error.message).toMatch(message);
    expect(error.usage).toMatch(/\/dbadvice/);
  });

  it('still answers questions that start with a subcommand word', () => {
    expect(
      reply(planDbAdvice('fleet of 40k scooters, we keep the latest battery level of each scooter', { kb })).text,
    ).toMatch(/DynamoDB/);
  });

  it('suggests a name only when one is really close', () => {
    expect(usageError('compare qux zap').message).not.toMatch(/Did you mean/);
    expect(reply(planDbAdvice('compare dynamo auroar', { kb })).text).toMatch(/DynamoDB vs .*Aurora/);
    expect(usageError('compare opensarch foo').message).toMatch(/Did you mean `opensearch`\?|no note on `foo`/);
  });
});

describe('resolveTypo (the fast lookup behind ruled-out names)', () => {
  it('reads a word exactly as resolveServiceName does', () => {
    const names = ['dynamodb', 'neptune', 'timestream', 'elasticache', '엘라스티캐시', '넵튠', 'opensearch', 'aurora'];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.nat(20), fc.string({ maxLength: 2 }), (name, at, insert) => {
        // Prepare: a name with a slip at some position
        const word = name.slice(0, at % name.length) + insert + name.slice((at % name.length) + 1);

        // Assess
        expect(resolveTypo(kb, word)?.service.id).toBe(resolveServiceName(kb, word).resolved?.service.id);
      }),
    );
  });
});
