import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, readNotes, type SourceFile } from '../../../knowledge/build.ts';
import { advise, KnowledgeBuildError, loadKnowledgeBase } from '../../../knowledge/index.ts';

const repoNotes = () => readNotes('knowledge/notes');

/** A minimal valid service note; `extra` replaces front-matter lines by key. */
function serviceNote(id: string, extra: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    id: `id: ${id}`,
    name: `name: Amazon ${id}`,
    category: 'category: key-value',
    data_model: 'data_model: { en: Key-value, ko: 키-값 }',
    fits: 'fits: { key-value: 3, wide-column: 3 }',
    reasons: 'reasons: { wide-column: { en: Rows of columns., ko: 컬럼 행. } }',
    choose_when: 'choose_when: { en: always, ko: 항상 }',
    strengths: 'strengths: { en: [fast], ko: [빠름] }',
    limits: 'limits: { en: [none], ko: [없음] }',
    workloads: 'workloads: { en: [tests], ko: [테스트] }',
    keywords: 'keywords: { en: [zebra], ko: [얼룩말] }',
    sources: 'sources: [https://docs.aws.amazon.com/zebra/latest/guide/what-is.html]',
    ...extra,
  };
  return `---\n${Object.values(fields).filter(Boolean).join('\n')}\n---\n# ${id}\n\n## Overview\nZebra store for striped rows.\n\n![[Pasted image 20231110095822.png]]\nSee [[aurora|Aurora]].\n`;
}

const buildWith = (...extra: SourceFile[]) => buildKnowledgeBase([...repoNotes(), ...extra]);

describe('knowledge/build', () => {
  it('builds every note in knowledge/notes and serializes the index', () => {
    // Act
    const data = buildKnowledgeBase(repoNotes());

    // Assess
    const ids = data.notes.filter((n) => n.kind === 'service').map((n) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining(['aurora', 'rds', 'dynamodb', 'elasticache', 'memorydb', 'redshift', 'neptune']),
    );
    expect(ids).toEqual(expect.arrayContaining(['documentdb', 'keyspaces', 'timestream', 'opensearch', 'qldb']));
    expect(data.notes.filter((n) => n.kind === 'case-study')).toHaveLength(4);
    expect(JSON.parse(data.index)).toHaveProperty('documentCount');
  });

  it('picks up a new note dropped into a folder, searchable after loading', () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    writeFileSync(join(dir, 'zebra.md'), serviceNote('zebra'));
    writeFileSync(join(dir, 'README.md'), 'not a note');

    // Act
    const kb = loadKnowledgeBase(buildKnowledgeBase([...repoNotes(), ...readNotes(dir, dir)]));

    // Assess
    expect(kb.findService('zebra')?.path).toBe('zebra.md');
    expect(kb.search('zebra striped').at(0)?.noteId).toBe('zebra');
    const advice = advise(kb, 'wide column zebra store');
    expect(advice.kind === 'answer' && advice.recommended.service.id).toBe('keyspaces');
  });

  it('tolerates Obsidian embeds and links, keeping the link text', () => {
    const kb = loadKnowledgeBase(buildWith({ path: 'x/zebra.md', content: serviceNote('zebra') }));
    expect(kb.search('Pasted image').some((h) => h.noteId === 'zebra')).toBe(false);
    expect(kb.search('striped Aurora').some((h) => h.noteId === 'zebra')).toBe(true);
  });

  it.each([
    ['no front matter', '# Just a heading\ntext', /x\/bad\.md: no front matter/],
    ['invalid YAML', '---\nid: [unclosed\n---\ntext', /x\/bad\.md: front matter is not valid YAML/],
    ['a missing field', serviceNote('bad', { strengths: '' }), /x\/bad\.md: "strengths\.en" must be a list/],
    [
      'an unknown trait',
      serviceNote('bad', { fits: 'fits: { telepathy: 3 }' }),
      /x\/bad\.md: "fits": unknown trait "telepathy"/,
    ],
    [
      'a weight out of range',
      serviceNote('bad', { fits: 'fits: { key-value: 9 }' }),
      /"fits\.key-value" must be a number from 0 to 3/,
    ],
    [
      'a weight that is not a number',
      serviceNote('bad', { fits: 'fits: { key-value: .nan }' }),
      /"fits\.key-value" must be a number from 0 to 3/,
    ],
    [
      'an unknown category',
      serviceNote('bad', { category: 'category: spreadsheet' }),
      /x\/bad\.md: "category" must be/,
    ],
    [
      'no sources',
      serviceNote('bad', { sources: 'sources: []' }),
      /x\/bad\.md: "sources" \(AWS pages\) or "provenance" \(other material\) must name/,
    ],
    ['no body', serviceNote('bad').replace(/# bad[\s\S]*$/, ''), /x\/bad\.md: the note has no body text/],
  ])('rejects a note with %s, naming the file', (_case, content, message) => {
    expect(() => buildWith({ path: 'x/bad.md', content })).toThrow(KnowledgeBuildError);
    expect(() => buildWith({ path: 'x/bad.md', content })).toThrow(message);
  });

  it('rejects a duplicate id, naming both files', () => {
    expect(() => buildWith({ path: 'x/again.md', content: serviceNote('aurora') })).toThrow(
      /x\/again\.md: id "aurora" is already used by knowledge\/notes\/aurora\.md/,
    );
  });

  it('rejects a case study that refers to a service with no note', () => {
    const content = `---\nid: case-x\nname: X\ncategory: case-study\nuses:\n  - { service: nosuchdb, traits: [cache], en: a, ko: 가 }\nkeywords: { en: [x], ko: [x] }\nprovenance: [notes]\n---\n# X\n\nbody\n`;
    expect(() => buildWith({ path: 'x/case.md', content })).toThrow(
      /x\/case\.md: refers to unknown service "nosuchdb"/,
    );
  });

  it.each([
    ['a China-partition page', 'https://docs.amazonaws.cn/en_us/zebra/latest/guide/what-is.html', /China-partition/],
    [
      'a Hindi-locale page',
      'https://docs.aws.amazon.com/hi_in/zebra/latest/guide/what-is.html',
      /translated page \(hi_in\)/,
    ],
    ['a Korean page in the note', 'https://docs.aws.amazon.com/ko_kr/zebra/latest/guide/', /translated page \(ko_kr\)/],
    [
      'a Markdown copy',
      'https://docs.aws.amazon.com/zebra/latest/guide/what-is.md',
      /md copy; cite the page, https:\/\/docs\.aws\.amazon\.com\/zebra\/latest\/guide\/what-is\.html/,
    ],
    ['a GitHub path', 'https://github.com/aws/zebra/blob/main/README.md', /not an AWS documentation page/],
    [
      'a remark after the URL',
      'https://docs.aws.amazon.com/zebra/latest/guide/what-is.html (via copies)',
      /not a URL|text after the URL/,
    ],
    [
      'a page address without .html',
      'https://docs.aws.amazon.com/zebra/latest/guide/Zebra.Overview',
      /not a page address/,
    ],
    ['plain text', 'team seed notes', /not a URL.*provenance/],
  ])('refuses %s as a source, naming the file and line', (_case, url, why) => {
    // Prepare
    const content = serviceNote('bad', { sources: `sources:\n  - https://aws.amazon.com/zebra/faqs/\n  - ${url}` });

    // Act
    const build = () => buildWith({ path: 'x/bad.md', content });

    // Assess: the second source is on line 15 of the note
    expect(build).toThrow(KnowledgeBuildError);
    expect(build).toThrow(/^x\/bad\.md:15: source /);
    expect(build).toThrow(why);
  });

  it('keeps canonical pages and normalises the harmless forms', () => {
    // Prepare
    const sources =
      'sources:\n  - http://docs.aws.amazon.com/en_us/zebra/latest/guide/what-is.html?utm_source=x\n  - https://aws.amazon.com/zebra/faqs/';

    // Act
    const data = buildWith({ path: 'x/ok.md', content: serviceNote('zebra', { sources }) });

    // Assess
    expect(data.notes.find((n) => n.id === 'zebra')?.sources).toEqual([
      'https://docs.aws.amazon.com/zebra/latest/guide/what-is.html',
      'https://aws.amazon.com/zebra/faqs/',
    ]);
  });

  it('cites only canonical English AWS pages in the shipped notes', () => {
    for (const note of buildKnowledgeBase(repoNotes()).notes) {
      for (const url of note.sources)
        expect(url, note.path).toMatch(/^https:\/\/(docs\.)?aws\.amazon\.com\/(?![a-z]{2}_[a-z]{2}\/)\S+(\.html|\/)$/);
    }
  });
});
