import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, readNotes } from '../../../knowledge/build.ts';
import { advise, loadKnowledgeBase } from '../../../knowledge/index.ts';
import { splitFrontMatter, splitSections } from '../../../knowledge/markdown.ts';
import { QUESTIONS } from '../../eval/questions.ts';

const files = readNotes('knowledge/notes');
const kb = loadKnowledgeBase(buildKnowledgeBase(files));
const headings = new Map(
  files.map((f) => [f.path, splitSections(splitFrontMatter(f.content).body, '').map((s) => s.heading)]),
);
const NOT_SUPPORT = /watch out|주의할 점|sources|출처/i;

describe('knowledge/advise citations', () => {
  const answers = QUESTIONS.map((q) => advise(kb, q.q)).flatMap((a) => (a.kind === 'answer' ? [a] : []));

  it('has answers to check', () => {
    expect(answers.length).toBeGreaterThan(100);
  });

  it('cites, for every bullet, a section of the recommended note that states facts, in the answer language', () => {
    for (const a of answers) {
      const own = headings.get(a.recommended.service.path) ?? [];
      for (const reason of a.reasons) {
        expect(reason.section, reason.text).toBeDefined();
        expect(own).toContain(reason.section);
        expect(reason.section).not.toMatch(NOT_SUPPORT);
        expect(/[\uac00-\ud7a3]/.test(reason.section ?? '')).toBe(a.lang === 'ko');
      }
      expect(a.source.heading ?? '').not.toMatch(NOT_SUPPORT);
    }
  });

  it('links English answers to English pages and Korean answers to the /ko_kr/ docs pages', () => {
    const wrongLanguage = answers.flatMap((a) =>
      a.source.sources
        .filter((url) =>
          a.lang === 'en'
            ? /\/[a-z]{2}_[a-z]{2}\//.test(url)
            : url.startsWith('https://docs.aws.amazon.com/') && !url.startsWith('https://docs.aws.amazon.com/ko_kr/'),
        )
        .map((url) => `${a.lang}: ${url}`),
    );
    expect(wrongLanguage).toEqual([]);
    for (const a of answers) {
      for (const url of a.source.sources) expect(url).not.toMatch(/amazonaws\.cn|\.md$|github\.com/);
    }
  });
});
