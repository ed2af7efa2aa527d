/**
 * The knowledge base behind `/dbadvice`: notes, retrieval and advice. Pure (no AWS, no Slack);
 * `handlers/dbadvice` renders what it returns.
 */
export { type Abstention, type Advice, type Answer, advise, questionLang, type RankedService } from './advise.ts';
// The build (`knowledge/build.ts`, with fs and a YAML parser) stays out of the barrel so the Lambda bundle never carries it.
export type { KbData } from './build.ts';
export { defaultKnowledgeBase } from './default-kb.ts';
export { type KnowledgeBase, loadKnowledgeBase, type SearchHit } from './kb.ts';
export { detectLanguage, type QuestionLanguage } from './language.ts';
export {
  type Bilingual,
  type CaseStudyNote,
  KnowledgeBuildError,
  type Lang,
  type Note,
  SERVICE_CATEGORIES,
  type ServiceCategory,
  type ServiceNote,
} from './schema.ts';
export {
  ENGINE_ALIASES,
  type EngineAlias,
  type NameGuess,
  type ResolvedName,
  resolveExact,
  resolveServiceName,
} from './service-aliases.ts';
export { stripParticle, tokenize } from './tokenize.ts';
export { detectTraits, TRAITS, type Trait } from './traits.ts';
export { editDistance } from './workload/fuzzy.ts';
