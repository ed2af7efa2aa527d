import { describe, expect, it } from 'vitest';
import { renderAdvice } from '../../../../handlers/dbadvice/render-advice.ts';
import { buildKnowledgeBase, readNotes } from '../../../../knowledge/build.ts';
import { advise, loadKnowledgeBase } from '../../../../knowledge/index.ts';
import { expectValidMessage } from '../../../fixtures/block-kit.ts';

const kb = loadKnowledgeBase(buildKnowledgeBase(readNotes('knowledge/notes')));
const texts = (question: string) => {
  const message = renderAdvice(advise(kb, question));
  expectValidMessage(message);
  return {
    message,
    all: (message.blocks ?? []).flatMap((b) =>
      b.type === 'section'
        ? [b.text?.text ?? '']
        : b.type === 'context'
          ? b.elements.map((e) => ('text' in e ? e.text : ''))
          : [],
    ),
  };
};

describe('handlers/dbadvice/render-advice', () => {
  it('says what it read right under the recommendation, and which clue decided', () => {
    // Prepare // Act
    const { message, all } = texts('player profiles by player id, no joins, 3M DAU');
    // Assess
    expect(message.text).toMatch(/^Recommended: Amazon DynamoDB/);
    const read = all[1] ?? '';
    expect(read).toMatch(/^read: /);
    expect(read).toContain('no joins');
    expect(read).toContain('very large scale');
  });

  it('names the rule that decided when one did', () => {
    const { all } = texts('retiring our Cassandra ring; the services keep their CQL');
    expect(all[1]).toContain('decided by: Cassandra / CQL source');
  });

  it('shows a corrected typo in the read line, in Korean for a Korean question', () => {
    const { all } = texts('포스트그래스 온프레미스를 AWS로 이관하려는데 권장 관리형은?');
    expect(all[1]).toMatch(/^읽은 단서: /);
    expect(all[1]).toContain('"포스트그래스" → 포스트그레스');
  });

  it("says when a named case study's design is not what the asker's clues call for", () => {
    const { all } = texts(
      'Airbnb put search history in DynamoDB; ours is a 6-table internal tool with ad-hoc joins for 25 staff',
    );
    expect(all.join('\n')).toContain('Your own clues point to Amazon Aurora instead.');
  });

  it('asks the one deciding question on a tie instead of recommending, naming both services', () => {
    const { message, all } = texts('Redis-compatible primary database, durable, must not lose data');
    expect(message.text).not.toMatch(/^Recommended/);
    expect(all[0]).toContain('*Amazon ElastiCache*');
    expect(all[0]).toContain('*Amazon MemoryDB*');
    expect(all[1]).toMatch(/several Regions at once\?$/);
  });

  it('escapes what the question wrote when it echoes a correction', () => {
    const { all } = texts('<!channel> is dyanmodb fine for carts keyed by user id, no joins, 2M users');
    expect(all.join('\n')).not.toContain('<!channel>');
  });
});
