import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, readNotes } from '../../../../knowledge/build.ts';
import { advise, loadKnowledgeBase } from '../../../../knowledge/index.ts';
import { forbidsLoss } from '../../../../knowledge/workload/loss.ts';
import { readWorkload } from '../../../../knowledge/workload/read.ts';

const kb = loadKnowledgeBase(buildKnowledgeBase(readNotes('knowledge/notes')));

describe('knowledge/workload/loss (durability said through negations)', () => {
  it.each([
    "it's not ok to lose data",
    'it is not okay if we lose any writes',
    'losing data is not acceptable',
    'data loss is never an option',
    'lost orders would be unacceptable',
    "we can't afford to lose a single event",
    'we can’t afford to lose a single event',
    'must not lose writes on failover',
    'we should never lose a message',
    'messages must never be lost',
    'zero data loss',
    '데이터 손실되면 안 됨',
    '데이터가 유실되어서는 안 돼요',
    '유실 불가',
    '손실은 절대 허용 안 함',
    '날아가면 안 돼요',
    '유실돼도 괜찮지 않아요',
    '데이터 유실 없이 써야 함',
  ])('forbids loss: %s', (question) => {
    expect(forbidsLoss(question)).toBe(true);
  });

  it.each([
    "it's ok to lose data",
    'fine if we lose them on a restart',
    'not a big deal if we lose them',
    'we lose sleep over our bills, which db?',
    '날아가도 상관없어요',
    '유실돼도 괜찮아요',
    '손실 처리 방법',
  ])('does not forbid loss: %s', (question) => {
    expect(forbidsLoss(question)).toBe(false);
  });

  it('reads a negated permission to lose as durability, never as "loss is fine"', () => {
    // Prepare
    const question = "redis as our primary store, it's not ok to lose data";
    // Act
    const picture = readWorkload(question);
    // Assess
    expect(picture.clues.has('loss-ok')).toBe(false);
    expect(picture.traits.map((t) => t.id)).toContain('durable');
  });

  it.each([
    "redis as our primary store, it's not ok to lose data",
    'valkey is the main store and we must not lose writes',
    '레디스를 주 저장소로 씀, 데이터 손실되면 안 됨',
    '밸키가 메인 db, 유실 불가',
  ])('never answers a forbidden loss with the "may be lost" rule: %s', (question) => {
    // Act
    const advice = advise(kb, question);
    // Assess: a durable in-memory primary, Region count unknown, is AWS's ElastiCache/MemoryDB tie (ask).
    expect(advice.kind === 'answer' && advice.decidedBy?.id === 'ephemeral').toBe(false);
    expect(advice.kind === 'abstain' ? advice.why : advice.recommended.service.id).toBe('tie');
  });

  it('still reads a permission to lose as such (counters that may reset)', () => {
    const advice = advise(kb, 'rate limit counters, sub-ms, not a big deal if we lose them on failover');
    expect(advice.kind === 'answer' && advice.recommended.service.id).toBe('elasticache');
    expect(readWorkload('rate limit counters, not a big deal if we lose them').clues.has('loss-ok')).toBe(true);
  });
});
