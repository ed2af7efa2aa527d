import { TRAIT_IDS } from './traits.ts';

/**
 * What a note's front matter must hold. A build that meets a note it cannot use stops with an
 * error naming the file and the field, so a team extending the base knows what to fix.
 */

export type Lang = 'en' | 'ko';
export type Bilingual = Record<Lang, string>;
export type BilingualList = Record<Lang, string[]>;

/** Where a service sits in `/dbadvice list`. */
export const SERVICE_CATEGORIES = [
  'relational',
  'key-value',
  'document',
  'in-memory',
  'graph',
  'wide-column',
  'time-series',
  'ledger',
  'search',
  'analytics',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export interface ServiceNote {
  kind: 'service';
  id: string;
  name: string;
  category: ServiceCategory;
  dataModel: Bilingual;
  aliases: string[];
  /** `end-of-support` services are explained but never recommended. */
  status: 'active' | 'end-of-support';
  /** For an end-of-support service: the service AWS points to instead. */
  replacement?: string;
  statusNote?: Bilingual;
  /** Trait id → how well this service fits it, 0 to 3 with fractions allowed (0.5 barely … 3 made for it). */
  fits: Record<string, number>;
  /** Trait id → why, in a sentence per language: the answer's bullets. */
  reasons: Record<string, Bilingual>;
  /** When to pick this service over the one recommended: shown when it is an alternative. */
  chooseWhen: Bilingual;
  strengths: BilingualList;
  limits: BilingualList;
  workloads: BilingualList;
  keywords: BilingualList;
  /** Canonical English AWS pages (checked by the build, `knowledge/sources.ts`). */
  sources: string[];
  /** Where else facts came from (team seed notes, a secondary copy): named, never linked. */
  provenance: string[];
  /** Path of the note, relative to the repository root. */
  path: string;
}

export interface CaseUse {
  service: string;
  traits: string[];
  text: Bilingual;
}

export interface CaseStudyNote {
  kind: 'case-study';
  id: string;
  name: string;
  uses: CaseUse[];
  keywords: BilingualList;
  sources: string[];
  provenance: string[];
  path: string;
}

export interface TopicNote {
  kind: 'topic';
  id: string;
  name: string;
  keywords: BilingualList;
  sources: string[];
  provenance: string[];
  path: string;
}

export type Note = ServiceNote | CaseStudyNote | TopicNote;

export class KnowledgeBuildError extends Error {
  override name = 'KnowledgeBuildError';
}

type Raw = Record<string, unknown>;

/** Reads one note's parsed front matter; throws {@link KnowledgeBuildError} naming `path` and the field. */
export function toNote(raw: unknown, path: string): Note {
  const fail = (what: string): never => {
    throw new KnowledgeBuildError(`${path}: ${what}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('front matter must be a YAML mapping');
  const fm = raw as Raw;
  const str = (key: string): string => {
    const value = fm[key];
    return typeof value === 'string' && value.trim() ? value.trim() : fail(`"${key}" must be a non-empty string`);
  };
  const id = str('id');
  if (!/^[a-z0-9-]+$/.test(id)) fail(`"id" must be lower-case letters, digits and hyphens, got "${id}"`);
  const name = str('name');
  const category = str('category');
  const keywords = bilingualList(fm.keywords, 'keywords', fail);
  const sources = fm.sources === undefined ? [] : stringList(fm.sources, 'sources', fail);
  const provenance = fm.provenance === undefined ? [] : stringList(fm.provenance, 'provenance', fail);
  if (sources.length + provenance.length === 0) {
    fail('"sources" (AWS pages) or "provenance" (other material) must name where the facts came from');
  }
  if (category === 'case-study') {
    const uses = Array.isArray(fm.uses) ? fm.uses : fail('"uses" must be a list');
    return {
      kind: 'case-study',
      id,
      name,
      keywords,
      sources,
      provenance,
      path,
      uses: uses.map((use: unknown, i: number) => caseUse(use, `uses[${i}]`, fail)),
    };
  }
  if (category === 'topic') return { kind: 'topic', id, name, keywords, sources, provenance, path };
  if (!(SERVICE_CATEGORIES as readonly string[]).includes(category)) {
    fail(`"category" must be case-study, topic or one of ${SERVICE_CATEGORIES.join(', ')}; got "${category}"`);
  }
  const status = fm.status ?? 'active';
  if (status !== 'active' && status !== 'end-of-support') fail('"status" must be active or end-of-support');
  const fits = traitWeights(fm.fits, fail);
  const reasons = traitReasons(fm.reasons, fail);
  const note: ServiceNote = {
    kind: 'service',
    id,
    name,
    category: category as ServiceCategory,
    dataModel: bilingual(fm.data_model, 'data_model', fail),
    aliases: fm.aliases === undefined ? [] : stringList(fm.aliases, 'aliases', fail),
    status: status as ServiceNote['status'],
    fits,
    reasons,
    chooseWhen: bilingual(fm.choose_when, 'choose_when', fail),
    strengths: bilingualList(fm.strengths, 'strengths', fail),
    limits: bilingualList(fm.limits, 'limits', fail),
    workloads: bilingualList(fm.workloads, 'workloads', fail),
    keywords,
    sources,
    provenance,
    path,
  };
  if (status === 'end-of-support') {
    note.replacement = str('replacement');
    note.statusNote = bilingual(fm.status_note, 'status_note', fail);
  }
  return note;
}

type Fail = (what: string) => never;

function stringList(value: unknown, key: string, fail: Fail): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return fail(`"${key}" must be a list of strings`);
  }
  return value.map(String);
}

function bilingual(value: unknown, key: string, fail: Fail): Bilingual {
  const v = (value ?? {}) as Raw;
  if (typeof v.en !== 'string' || typeof v.ko !== 'string') return fail(`"${key}" needs "en" and "ko" text`);
  return { en: v.en.trim(), ko: v.ko.trim() };
}

function bilingualList(value: unknown, key: string, fail: Fail): BilingualList {
  const v = (value ?? {}) as Raw;
  return { en: stringList(v.en, `${key}.en`, fail), ko: stringList(v.ko, `${key}.ko`, fail) };
}

function checkTrait(id: string, where: string, fail: Fail): void {
  if (!TRAIT_IDS.has(id)) fail(`${where}: unknown trait "${id}" (see knowledge/traits.ts)`);
}

function traitWeights(value: unknown, fail: Fail): Record<string, number> {
  if (typeof value !== 'object' || value === null) return fail('"fits" must map trait ids to numbers from 0 to 3');
  const weights: Record<string, number> = {};
  for (const [trait, weight] of Object.entries(value)) {
    checkTrait(trait, '"fits"', fail);
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > 3) {
      fail(`"fits.${trait}" must be a number from 0 to 3`);
    }
    weights[trait] = weight;
  }
  return weights;
}

function traitReasons(value: unknown, fail: Fail): Record<string, Bilingual> {
  const reasons: Record<string, Bilingual> = {};
  for (const [trait, text] of Object.entries((value ?? {}) as Raw)) {
    checkTrait(trait, '"reasons"', fail);
    reasons[trait] = bilingual(text, `reasons.${trait}`, fail);
  }
  return reasons;
}

function caseUse(value: unknown, where: string, fail: Fail): CaseUse {
  const v = (value ?? {}) as Raw;
  if (typeof v.service !== 'string') return fail(`${where}.service must be a service id`);
  const traits = stringList(v.traits, `${where}.traits`, fail);
  for (const trait of traits) checkTrait(trait, where, fail);
  return { service: v.service, traits, text: bilingual(v, where, fail) };
}
