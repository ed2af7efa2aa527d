import { describe, expect, it } from 'vitest';
import { CATEGORIES, SERVICE_IDS, WORKLOAD_QUESTIONS, type WorkloadQuestion } from './workload-questions.ts';

// Checks the evaluation SET itself (size, balance, coverage, held-out split), not the engine.
const qs = WORKLOAD_QUESTIONS;
const langs = ['en', 'ko'] as const;
const share = (part: number) => part / qs.length;
const count = (pred: (q: WorkloadQuestion) => boolean) => qs.filter(pred).length;

describe('workload questions (the set)', () => {
  it('has at least 210 questions', () => {
    expect(qs.length).toBeGreaterThanOrEqual(210);
  });

  it('balances the languages within 45–55%', () => {
    for (const lang of langs) {
      const s = share(count((q) => q.lang === lang));
      expect(s, lang).toBeGreaterThanOrEqual(0.45);
      expect(s, lang).toBeLessThanOrEqual(0.55);
    }
  });

  it('expects a decline (null) on 8–12% of the questions, only in off-topic and vague', () => {
    const s = share(count((q) => q.expect === null));
    expect(s).toBeGreaterThanOrEqual(0.08);
    expect(s).toBeLessThanOrEqual(0.12);
    for (const q of qs) {
      const declines = q.category === 'off-topic' || q.category === 'vague';
      expect(q.expect === null, q.q).toBe(declines);
    }
  });

  it('covers every category in both languages with at least 4 questions each', () => {
    for (const category of CATEGORIES) {
      for (const lang of langs) {
        expect(
          count((q) => q.category === category && q.lang === lang),
          `${category}/${lang}`,
        ).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('expects every service at least 8 times, and only known services', () => {
    for (const id of SERVICE_IDS) {
      expect(
        count((q) => q.expect === id),
        id,
      ).toBeGreaterThanOrEqual(8);
    }
    const known = new Set<string | null>([...SERVICE_IDS, null]);
    for (const q of qs) expect(known.has(q.expect), q.q).toBe(true);
    expect(count((q) => (q.expect as string | null) === 'qldb')).toBe(0);
  });

  it('holds out exactly a third (±1), balanced per category and per language', () => {
    const third = qs.length / 3;
    expect(Math.abs(count((q) => q.heldOut) - third)).toBeLessThanOrEqual(1);
    for (const category of CATEGORIES) {
      for (const lang of langs) {
        const group = qs.filter((q) => q.category === category && q.lang === lang);
        const held = group.filter((q) => q.heldOut).length;
        expect(Math.abs(held - group.length / 3), `${category}/${lang}`).toBeLessThanOrEqual(1);
      }
    }
    for (const lang of langs) {
      const group = qs.filter((q) => q.lang === lang);
      expect(Math.abs(group.filter((q) => q.heldOut).length - group.length / 3), lang).toBeLessThanOrEqual(1);
    }
  });

  it('holds out every third question of each category × language group (the documented rule)', () => {
    for (const category of CATEGORIES) {
      for (const lang of langs) {
        const group = qs.filter((q) => q.category === category && q.lang === lang);
        group.forEach((q, i) => {
          expect(q.heldOut, q.q).toBe(i % 3 === 2);
        });
      }
    }
  });

  it('has no duplicate questions (ignoring case, spacing and punctuation)', () => {
    const norm = (s: string) => s.toLowerCase().replace(/[\s\p{P}]+/gu, '');
    const seen = new Map<string, string>();
    for (const q of qs) {
      const key = norm(q.q);
      expect(seen.get(key), q.q).toBeUndefined();
      seen.set(key, q.q);
    }
  });

  it('gives every question a non-empty question text and a non-empty why', () => {
    for (const q of qs) {
      expect(q.q.trim().length, JSON.stringify(q)).toBeGreaterThan(0);
      expect(q.why.trim().length, q.q).toBeGreaterThan(0);
    }
  });

  it('writes Korean questions in Hangul and English ones without', () => {
    const hangul = /[\uac00-\ud7a3]/;
    for (const q of qs) expect(hangul.test(q.q), q.q).toBe(q.lang === 'ko');
  });
});
