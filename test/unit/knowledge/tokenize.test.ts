import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stemEnglish, stripParticle, tokenize } from '../../../knowledge/tokenize.ts';

const shared = (a: string, b: string) => tokenize(a).filter((t) => tokenize(b).includes(t));

describe('knowledge/tokenize', () => {
  it('strips Korean particles so 세션을 and 세션 meet', () => {
    expect(tokenize('세션을')).toContain('세션');
    expect(tokenize('데이터베이스에서는')).toContain('데이터베이스');
    expect(stripParticle('캐시를')).toBe('캐시');
  });

  it('keeps two-syllable words whole even when they end like a particle', () => {
    expect(stripParticle('추가')).toBe('추가');
    expect(stripParticle('정도')).toBe('정도');
  });

  it('matches joined and spaced Korean through bigrams (세션저장 vs 세션 저장소)', () => {
    expect(shared('세션저장', '세션 저장소')).toEqual(expect.arrayContaining(['세션', '저장']));
    expect(shared('세션을 저장하는 곳', '세션저장')).toEqual(expect.arrayContaining(['세션', '저장']));
  });

  it('splits mixed Korean and English and drops a particle glued to an English word', () => {
    expect(tokenize('DynamoDB를 쓸까요')).toContain('dynamodb');
    expect(tokenize('DynamoDB를 쓸까요')).not.toContain('를');
    expect(tokenize('Redis처럼 빠른 캐시')).toEqual(expect.arrayContaining(['redis', '빠른', '캐시']));
  });

  it('folds English case and plurals', () => {
    expect(tokenize('Sessions CACHES Queries')).toEqual(tokenize('session cache query'));
    expect(tokenize('searches')).toEqual(tokenize('search'));
    expect(tokenize('databases')).toEqual(tokenize('Database'));
    expect(stemEnglish('analytics')).toBe('analytic');
    expect(stemEnglish('redis')).toBe('redis');
    expect(stemEnglish('class')).toBe('class');
  });

  it('drops English stop words and single letters', () => {
    expect(tokenize('What is the best DB for a cache?')).toEqual(['best', 'db', 'cach']);
  });

  it('folds full-width letters (NFKC)', () => {
    expect(tokenize('ＤｙｎａｍｏＤＢ')).toEqual(['dynamodb']);
  });

  it('never throws and yields only non-empty lower-case terms for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        for (const term of tokenize(text)) {
          expect(term.length).toBeGreaterThan(0);
          expect(term).toBe(term.toLowerCase());
        }
      }),
      { numRuns: 500 },
    );
  });
});
