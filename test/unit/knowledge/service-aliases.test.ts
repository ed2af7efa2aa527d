import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanServiceNames } from '../../../handlers/dbadvice/service-names.ts';
import { buildKnowledgeBase, readNotes } from '../../../knowledge/build.ts';
import { advise, loadKnowledgeBase } from '../../../knowledge/index.ts';
import { ENGINE_ALIASES, resolveServiceName } from '../../../knowledge/service-aliases.ts';
import { editDistance } from '../../../knowledge/workload/fuzzy.ts';

const kb = loadKnowledgeBase(buildKnowledgeBase(readNotes('knowledge/notes')));

describe('knowledge/service-aliases', () => {
  it('points every engine at a service note that exists', () => {
    for (const engine of ENGINE_ALIASES) expect(kb.services.map((s) => s.id)).toContain(engine.service);
  });

  it.each([
    ['mongo', 'documentdb', 'MongoDB'],
    ['몽고디비', 'documentdb', 'MongoDB'],
    ['ScyllaDB', 'keyspaces', 'Apache Cassandra'],
    ['valkey', 'elasticache', 'Valkey'],
    ['Elasticsearch', 'opensearch', 'Elasticsearch'],
    ['postgres', 'aurora', 'PostgreSQL'],
    ['MSSQL', 'rds', 'Microsoft SQL Server'],
    ['인플럭스DB', 'timestream', 'InfluxDB'],
    ['neo4j', 'neptune', 'Neo4j'],
  ])('reads the engine %s as %s', (name, service, label) => {
    const { resolved } = resolveServiceName(kb, name);
    expect(resolved?.service.id).toBe(service);
    expect(resolved?.engine?.label).toBe(label);
    expect(resolved?.correctedFrom).toBeUndefined();
  });

  it.each([
    ['dynamdb', 'dynamodb'],
    ['opensearh', 'opensearch'],
    ['elasticahce', 'elasticache'],
    ['neptun', 'neptune'],
    ['다이너모', 'dynamodb'],
    ['오로러', 'aurora'],
    ['오로라DB', 'aurora'],
    ['카산드라를', 'keyspaces'],
  ])('reads the misspelling %s as %s', (typed, service) => {
    expect(resolveServiceName(kb, typed).resolved?.service.id).toBe(service);
  });

  it('never corrects a short word and offers names when a typo is too far to assume', () => {
    expect(resolveServiceName(kb, 'rdz').resolved).toBeUndefined();
    // Two edits are too far to assume in a six-letter word, close enough to offer.
    const far = resolveServiceName(kb, 'auroxy');
    expect(far.resolved).toBeUndefined();
    expect(far.suggestions).toContain('aurora');
    expect(resolveServiceName(kb, 'kubernetes').suggestions).toEqual([]);
  });

  it('reads a swap of two letters as one slip, as the question reader and /cw suggestions do', () => {
    expect(resolveServiceName(kb, 'auroar').resolved?.service.id).toBe('aurora');
  });

  it('counts a Hangul syllable as one edit', () => {
    expect(editDistance([...'다이너모'], [...'다이나모'], 3)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
  });

  // The same table answers questions: an engine named in a question leads to the service compare shows for it.
  it.each(ENGINE_ALIASES.map((e) => [e.label, e.service] as const))(
    'recommends the service compare names for %s when a question asks where to move it',
    (label, service) => {
      const answer = advise(kb, `we run ${label} ourselves today; which managed AWS database should we migrate it to?`);
      expect(answer.kind === 'answer' ? answer.recommended.service.id : answer.kind).toBe(service);
    },
  );

  it('reads any words without throwing, and never assumes a short unknown word', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 6 }), (words) => {
        const scan = scanServiceNames(kb, words);
        expect(scan.services.length + scan.unknown.length).toBeLessThanOrEqual(words.length);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,4}$/), (word) => {
        const guess = resolveServiceName(kb, word);
        expect(guess.resolved?.correctedFrom).toBeUndefined();
      }),
    );
  });
});
