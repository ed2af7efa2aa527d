import type { KnowledgeBase, SearchHit } from './kb.ts';
import type { CaseStudyNote, CaseUse, Lang, ServiceNote } from './schema.ts';
import { resolveExact } from './service-aliases.ts';
import { sourceFor } from './sources.ts';
import { isHangul } from './tokenize.ts';
import { compactForm, detectTraits, englishForm, isSpecific, type Trait } from './traits.ts';

/**
 * From a question to a recommendation. Traits found in the question are scored against each
 * service's `fits` (its note's front matter); BM25 retrieval over the notes adds a smaller,
 * normalised share so wording the trait lexicon misses still counts. Retrieval alone never
 * makes an answer: without a trait the question is too vague or off-topic, and we say so.
 */

/** Retrieval's weight next to trait fits (one strong trait = 3). */
const RETRIEVAL_WEIGHT = 1;
/** Below this trait score no service fits well enough to recommend. */
const MIN_TRAIT_SCORE = 2;
/** An alternative must reach this share of the winner's score to be worth naming. */
const ALTERNATIVE_SHARE = 0.5;

export interface RankedService {
  service: ServiceNote;
  score: number;
  traitScore: number;
  retrieval: number;
  /** Detected traits this service fits, strongest fit first. */
  matched: Trait[];
}

export interface Answer {
  kind: 'answer';
  lang: Lang;
  traits: Trait[];
  ranked: RankedService[];
  recommended: RankedService;
  /** Two or three sentences tied to the traits found, each with the note section that supports it. */
  reasons: { trait: Trait | undefined; text: string; section: string | undefined }[];
  alternatives: { service: ServiceNote; when: string }[];
  caseStudy: { note: CaseStudyNote; use: CaseUse } | undefined;
  /** A service the question points at that AWS has retired (QLDB), with what to use instead. */
  retired: ServiceNote | undefined;
  /** The note, its section that matched best, and the AWS pages behind it (in the answer's language). */
  source: { path: string; heading: string | undefined; sources: string[] };
}

export interface Abstention {
  kind: 'abstain';
  lang: Lang;
  traits: Trait[];
  /** `vague`: about databases, but no workload trait to go on; `off-topic`: not about data at all. */
  why: 'vague' | 'off-topic';
}

export type Advice = Answer | Abstention;

export function questionLang(question: string): Lang {
  return isHangul(question) ? 'ko' : 'en';
}

// Counters (rate limits, quotas, likes) are data a store keeps, though nobody calls them "data".
const DOMAIN_EN =
  /\b(databases?|dbs?|data|datastores?|stores?|stor(age|ed|ing)|persist\w*|tables?|records?|items?|rows?|schemas?|quer(y|ies)|cach\w*|nosql|sql|index(es|ing)?|counters?|rate limit\w*)\b/;
const DOMAIN_KO = /데이터|디비|저장|테이블|레코드|스키마|쿼리|캐시|보관|적재|조회|db|항목|카운터|요청제한/;

/** Does the question talk about storing or querying data, name a service, or carry an unambiguous trait? */
function aboutData(question: string, traits: Trait[], kb: KnowledgeBase): boolean {
  if (traits.some((t) => isSpecific(t, question))) return true;
  if (DOMAIN_EN.test(englishForm(question)) || DOMAIN_KO.test(compactForm(question))) return true;
  const words = englishForm(question).trim().split(' ');
  // A service or an engine with an AWS counterpart (`cassandra`, `몽고디비`): one table for questions and compare.
  return words.some((w) => resolveExact(kb, w) !== undefined);
}

/** Ranks every service for the question; `advise` builds the answer from this. */
export function rankServices(kb: KnowledgeBase, traits: Trait[], hits: SearchHit[]): RankedService[] {
  const best = new Map<string, number>();
  for (const hit of hits) best.set(hit.noteId, Math.max(best.get(hit.noteId) ?? 0, hit.score));
  const top = Math.max(0, ...kb.services.map((s) => best.get(s.id) ?? 0));
  return kb.services
    .map((service) => {
      const matched = traits
        .filter((t) => (service.fits[t.id] ?? 0) > 0)
        .sort((a, b) => (service.fits[b.id] ?? 0) - (service.fits[a.id] ?? 0));
      const traitScore = matched.reduce((sum, t) => sum + (service.fits[t.id] ?? 0), 0);
      const retrieval = top > 0 ? (best.get(service.id) ?? 0) / top : 0;
      return { service, matched, traitScore, retrieval, score: traitScore + RETRIEVAL_WEIGHT * retrieval };
    })
    .sort((a, b) => b.score - a.score || b.traitScore - a.traitScore);
}

export function advise(kb: KnowledgeBase, question: string): Advice {
  const lang = questionLang(question);
  const traits = detectTraits(question);
  const onTopic = aboutData(question, traits, kb);
  // Scale and latency say how big or fast, never what kind of store: alone they cannot pick one.
  const workload = traits.some((t) => t.kind !== 'scale');
  if (!workload || !onTopic) return { kind: 'abstain', lang, traits, why: onTopic ? 'vague' : 'off-topic' };

  const hits = kb.search(question);
  const ranked = rankServices(kb, traits, hits);
  const live = ranked.filter((r) => r.service.status === 'active');
  const recommended = live[0];
  if (!recommended || recommended.traitScore < MIN_TRAIT_SCORE) return { kind: 'abstain', lang, traits, why: 'vague' };

  const retired = ranked.find((r) => r.service.status !== 'active' && r.traitScore >= MIN_TRAIT_SCORE)?.service;
  return {
    kind: 'answer',
    lang,
    traits,
    ranked,
    recommended,
    reasons: reasonsFor(kb, recommended, lang),
    alternatives: alternativesTo(recommended, live, traits, lang),
    caseStudy: matchCaseStudy(kb, recommended.service.id, traits),
    retired,
    source: sourceOf(recommended.service, hits, lang),
  };
}

/** Up to three reasons, one per matched trait (strongest fit first), topped up from the note's strengths. */
function reasonsFor(kb: KnowledgeBase, r: RankedService, lang: Lang): Answer['reasons'] {
  const reasons: { trait: Trait | undefined; text: string }[] = [];
  for (const trait of r.matched) {
    const text = r.service.reasons[trait.id]?.[lang];
    if (text && reasons.length < 3) reasons.push({ trait, text });
  }
  for (const strength of r.service.strengths[lang]) {
    if (reasons.length >= 2) break;
    reasons.push({ trait: undefined, text: strength });
  }
  return reasons.map((reason) => ({ ...reason, section: supportingSection(kb, r.service, reason.text, lang) }));
}

/**
 * Sections that state facts. "Watch out for" holds caveats and "Sources" a list of pages: neither
 * supports a reason to choose the service, so neither is cited for one.
 */
const NOT_CITED = /^(summary|watch out for|주의할 점|sources?\b|출처)/i;

export function isCitable(heading: string): boolean {
  return !NOT_CITED.test(heading.trim());
}

/** Reasons are a fixed set of note sentences, so each one's section is looked up once per knowledge base. */
const sectionCache = new WeakMap<KnowledgeBase, Map<string, string | undefined>>();

/** The section of the service's own note, in the answer's language, that best matches a reason's words. */
function supportingSection(kb: KnowledgeBase, service: ServiceNote, text: string, lang: Lang): string | undefined {
  const cache = sectionCache.get(kb) ?? new Map<string, string | undefined>();
  sectionCache.set(kb, cache);
  const key = `${service.id}\u0000${lang}\u0000${text}`;
  if (cache.has(key)) return cache.get(key);
  const own = kb
    .search(text)
    .filter((h) => h.noteId === service.id && isCitable(h.heading) && isHangul(h.heading) === (lang === 'ko'));
  cache.set(key, own[0]?.heading);
  return own[0]?.heading;
}

/** A substitute must fit something the question says about the data or its access at least this well. */
const SUBSTITUTE_FIT = 1;

/**
 * Stores that sit beside a primary database rather than replace it (a warehouse, a cache), with the
 * question traits that make them a fair alternative.
 */
function sideRole(service: ServiceNote): string[] | undefined {
  if (service.category === 'analytics') return ['analytics', 'logs'];
  if ((service.fits.cache ?? 0) >= 3) return ['cache', 'session', 'leaderboard', 'in-memory'];
  return undefined;
}

/**
 * A plausible substitute does the same job: it fits something the question says about the data or
 * its access (scale alone fits almost anything, and a weak fit is no substitute), and a warehouse
 * or cache only when the question asks for one. Services of the kind the question describes come
 * first.
 */
function alternativesTo(
  winner: RankedService,
  live: RankedService[],
  traits: Trait[],
  lang: Lang,
): Answer['alternatives'] {
  const asked = new Set(traits.map((t) => t.id));
  const models = new Set(traits.filter((t) => t.kind === 'model').map((t) => t.id));
  const substitutes = live.filter((r) => {
    const doesTheJob = r.matched.some((t) => t.kind !== 'scale' && (r.service.fits[t.id] ?? 0) >= SUBSTITUTE_FIT);
    if (r === winner || !doesTheJob) return false;
    const role = sideRole(r.service);
    return role === undefined || role.some((id) => asked.has(id));
  });
  const sameKind = (r: RankedService) => (models.has(r.service.category) ? 0 : 1);
  const ordered = [...substitutes].sort((a, b) => sameKind(a) - sameKind(b) || b.score - a.score);
  const close = ordered.filter((r) => r.score >= winner.score * ALTERNATIVE_SHARE).slice(0, 2);
  const picked = close.length > 0 ? close : ordered.slice(0, 1);
  return picked.map((r) => ({ service: r.service, when: r.service.chooseWhen[lang] }));
}

/** The case-study use of this service that shares the most traits with the question, if any does. */
function matchCaseStudy(kb: KnowledgeBase, serviceId: string, traits: Trait[]): Answer['caseStudy'] {
  const found = new Set(traits.map((t) => t.id));
  let best: { note: CaseStudyNote; use: CaseUse; overlap: number } | undefined;
  for (const note of kb.caseStudies) {
    for (const use of note.uses) {
      if (use.service !== serviceId) continue;
      const overlap = use.traits.filter((t) => found.has(t)).length;
      if (overlap > 0 && overlap > (best?.overlap ?? 0)) best = { note, use, overlap };
    }
  }
  return best && { note: best.note, use: best.use };
}

/** The section of the service's note that matched best, in the answer's language when there is one. */
function sourceOf(service: ServiceNote, hits: SearchHit[], lang: Lang): Answer['source'] {
  const own = hits.filter((h) => h.noteId === service.id && isCitable(h.heading));
  const inLang = own.find((h) => isHangul(h.heading) === (lang === 'ko')) ?? own[0];
  return { path: service.path, heading: inLang?.heading, sources: service.sources.map((url) => sourceFor(url, lang)) };
}
