import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedEdits, correctSpelling, editDistance, vocabulary } from '../../../../knowledge/workload/fuzzy.ts';
import { VOCABULARY } from '../../../../knowledge/workload/lexicon.ts';

describe('knowledge/workload/fuzzy', () => {
  it('counts an adjacent transposition as one edit (Damerau), and stops early past the limit', () => {
    // Prepare // Act // Assess
    expect(editDistance('keysapces', 'keyspaces', 2)).toBe(1);
    expect(editDistance('redshfit', 'redshift', 1)).toBe(1);
    expect(editDistance('neptune', 'neptune', 1)).toBe(0);
    expect(editDistance('aurora', 'dynamodb', 2)).toBe(3);
  });

  it('allows no edit under 5 letters, 1 up to 8 and 2 from 9', () => {
    expect([4, 5, 8, 9, 12].map(allowedEdits)).toEqual([0, 1, 1, 2, 2]);
  });

  it.each([
    ['is dyanmodb fine here', 'dynamodb'],
    ['posgresql on prem', 'postgresql'],
    ['our cassndra ring', 'cassandra'],
    ['elasticahce in front of it', 'elasticache'],
    ['need auto scalng', 'scaling'],
    ['leaderbaord for the game', 'leaderboard'],
  ])('corrects a slip in a deciding word: %s', (question, word) => {
    const { text, corrections } = correctSpelling(question, VOCABULARY);
    expect(text).toContain(word);
    expect(corrections.map((c) => c.to)).toContain(word);
  });

  it.each([
    'the valley office',
    'shipping labels',
    'temperature readings',
    'introductions between people',
    'thousands of queries',
    'integrity matters',
    'cloudwatch alarms',
  ])('leaves real words alone: %s', (question) => {
    expect(correctSpelling(question, VOCABULARY).corrections).toEqual([]);
  });

  it('expands capitalised abbreviations only as written (ES yes, "es" no)', () => {
    const abbreviations = { ES: 'elasticsearch' };
    expect(correctSpelling('self-hosted ES for logs', VOCABULARY, abbreviations).text).toContain('elasticsearch');
    expect(correctSpelling('es for logs', VOCABULARY, abbreviations).corrections).toEqual([]);
  });

  it('does not correct when two vocabulary words are equally near', () => {
    const vocab = vocabulary(['abcdef', 'abcdeg'], []);
    expect(correctSpelling('abcdex', vocab).corrections).toEqual([]);
  });

  it.each([
    ['포스트그래스 온프레미스를 옮겨요', '포스트그레스'],
    ['래디스 캐시', '레디스'],
    ['엘라스틱 서치 쓰는 중', '엘라스틱서치'],
  ])('reads Korean loanword variants and spacing as the word: %s', (question, word) => {
    const { text } = correctSpelling(question, VOCABULARY);
    expect(text.replace(/\s/g, '')).toContain(word);
  });

  it('does not turn a word that merely contains a near miss into a loanword (온프레미스 is not 레디스)', () => {
    expect(correctSpelling('온프레미스 서버', VOCABULARY).corrections).toEqual([]);
  });

  it('never changes a question it has nothing to correct in', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ]{0,40}$/), (text) => {
        const { text: out, corrections } = correctSpelling(text, VOCABULARY);
        expect(corrections.length === 0 ? out : text).toBe(text);
      }),
    );
  });
});
