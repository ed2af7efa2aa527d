import type { KnowledgeBase, SearchHit } from './kb.ts';
import type { CaseStudyNote, CaseUse, Lang, ServiceNote } from './schema.ts';
import { type ResolvedName, resolveExact, resolveServiceName, resolveTypo } from './service-aliases.ts';
import { sourceFor } from './sources.ts';
import { isHangul, tokenize } from './tokenize.ts';
import { englishForm, isSpecific, koreanForm, type Trait } from './traits.ts';
import { CLUE_BY_ID } from './workload/clues.ts';
import { applyRules, type Rule, type Vote } from './workload/decide.ts';
import { readWorkload, type WorkloadPicture } from './workload/read.ts';

/**
 * From a question to a recommendation. The question is first read into a workload picture
 * (knowledge/workload: typos corrected, negations scoped, traits and clues found). The traits it asks
 * for are scored against each service's `fits` (its note's front matter), AWS's routing rules add their
 * votes (knowledge/workload/decide.ts), and BM25 retrieval over the notes adds a smaller, normalised
 * share so wording the lexicon misses still counts. Retrieval alone never makes an answer: without a
 * trait or a rule the question is too vague or off-topic, and we say so.
 */

/** Retrieval's weight next to trait fits (one strong trait = 3). */
const RETRIEVAL_WEIGHT = 1;
/** Below this trait score no service fits well enough to recommend. */
const MIN_TRAIT_SCORE = 2;
/** An alternative must reach this share of the winner's score to be worth naming. */
const ALTERNATIVE_SHARE = 0.5;
/** A rule voting this much for a service is a clear signal on its own (a short question can rest on it). */
const DECISIVE_VOTE = 4;
/** A rule voting this much describes a workload, but is not on its own enough to be on topic. */
const COMBINED_VOTE = 3;
/**
 * Two services whose fits and rules score within this of each other, with no decisive rule for
 * either, are a tie (retrieval's small share does not break it): ask instead of guessing.
 */
const TIE_MARGIN = 0.25;

export interface RankedService {
  service: ServiceNote;
  score: number;
  traitScore: number;
  retrieval: number;
  /** Detected traits this service fits, strongest fit first. */
  matched: Trait[];
  /** AWS routing rules that voted for (or against) this service. */
  votes: Vote[];
  ruleScore: number;
}

export interface Answer {
  kind: 'answer';
  lang: Lang;
  traits: Trait[];
  ranked: RankedService[];
  recommended: RankedService;
  /** Two or three sentences tied to the traits found, each with the note section that supports it. */
  /** `clue`: the rule that decided, when the reason is that rule rather than a trait. */
  reasons: { trait: Trait | undefined; clue?: string; text: string; section: string | undefined }[];
  alternatives: { service: ServiceNote; when: string }[];
  /**
   * A case study to quote. `fitsAsker` is false when the question names a case study whose design is
   * not what the asker's own clues call for (a small app with joins should not copy a key-value design).
   */
  caseStudy: { note: CaseStudyNote; use: CaseUse; fitsAsker: boolean; otherUses?: CaseUse[] } | undefined;
  /** A service the question points at that AWS has retired (QLDB), with what to use instead. */
  retired: ServiceNote | undefined;
  /** The note, its section that matched best, and the AWS pages behind it (in the answer's language). */
  source: { path: string; heading: string | undefined; sources: string[] };
  /** What was read from the question, in its language: the clues, what it rules out, the typos corrected. */
  read: string[];
  /** The rule (clue) that decided, when one did; otherwise the traits' fits decided. */
  decidedBy: Rule | undefined;
  /** "dynamodb vs aurora …": the two services the question weighs, to offer `/dbadvice compare` for. */
  compared?: [string, string];
}

export interface Abstention {
  kind: 'abstain';
  lang: Lang;
  traits: Trait[];
  /**
   * `vague`: about databases, but no workload trait to go on; `off-topic`: not about data at all;
   * `tie`: two services fit equally and one answer would decide between them.
   */
  why: 'vague' | 'off-topic' | 'tie';
  /** For a tie: the two services and the one question that decides. */
  tie?: { services: [ServiceNote, ServiceNote]; ask: string };
  read?: string[];
  /** "dynamodb vs aurora" with no workload to weigh them by: the two ids, for a side-by-side compare. */
  compared?: [string, string];
}

export type Advice = Answer | Abstention;

export function questionLang(question: string): Lang {
  return isHangul(question) ? 'ko' : 'en';
}

// Counters (rate limits, quotas, likes) are data a store keeps, though nobody calls them "data".
const DOMAIN_EN =
  /\b(databases?|dbs?|data|datastores?|stores?|stor(age|ed|ing)|persist\w*|tables?|records?|items?|rows?|schemas?|quer(y|ies)|cach\w*|nosql|sql|index(es|ing)?|counters?|rate limit\w*|profiles?)\b/;
const DOMAIN_KO = /데이터|디비|저장|테이블|레코드|스키마|쿼리|캐시|보관|적재|조회|db|항목|카운터|요청제한|프로필/;

/** Does the question talk about storing or querying data, name a service, or carry an unambiguous trait? */
function aboutData(question: string, traits: Trait[], kb: KnowledgeBase): boolean {
  if (traits.some((t) => isSpecific(t, question))) return true;
  if (DOMAIN_EN.test(englishForm(question)) || DOMAIN_KO.test(koreanForm(question))) return true;
  const words = englishForm(question).trim().split(' ');
  // A service or an engine with an AWS counterpart (`cassandra`, `몽고디비`): one table for questions and compare.
  return words.some((w) => resolveExact(kb, w) !== undefined);
}

// "How do I …", "what's the difference between …": explaining, not choosing a store.
const HOW_TO_EN =
  /\b(how (do|can|to|should) (i|we|you)?|how does|what'?s the difference|difference between|explain|syntax|tutorial|example of)\b/;
const HOW_TO_KO =
  /어떻게(하|해|거|걸|쓰|써|설정|만들|바꾸|넣|지우|보|봐|연결|올리|늘리|줄이|확인|켜|꺼|잡)|방법|는법|차이(가|점|는)|문법|설명해|원리|개념|(이|가)뭐예요|(이)?란무엇|무슨뜻|의미가뭐|어떻게동작|어떻게작동/;
// "What is a foreign key?": a definition, the whole question.
const DEFINITION_EN = /^ (what|whats|what's) (is|are)? ?(a |an |the )?[\p{L} ]{1,30}$/u;
// Running an existing system (restart it, flush keys, a command, who has access, page someone): operations,
// not a store to choose.
const OPS_EN =
  /\b(restart|reboot|flush|delete|drop|clear|wipe) (the|our|it|this|that|all|my|prod|production|now)\b|\b(command|page (someone|somebody|the on ?call)|on ?call|backups?|dump|grant|permissions?|access to|password|maintenance window|at \d+ ?%|outages?|incidents?)\b|\bwhat version\b|\bwhich version (is|are|do|does)\b|\b(alarm|alert)s? (is |are |keeps |kept |went |fired|firing|going off|triggered)|^ why |\bwho (has|knows|broke|owns|changed|deleted|restarted)\b/;
// An alarm, an error or "why / when / who" about a running system is an incident or a schedule, not a choice.
const OPS_KO =
  /(재시작|재부팅|삭제|초기화)(해|하|할)|명령어|권한|백업|덤프|비밀번호|점검시간|(몇|무슨)버전|버전(이|은|은요)?(몇|뭐)|(알람|경보)(이|가|왜)?(울|떠|뜨|와|발생)|장애(가|났|나)|에러(가|났|나)|왜|언제|누가|누구|몇시/;
// A request to the bot ("can you clear the cache", "에러 로그 좀 봐줘"), not a store to choose.
const REQUEST_EN = /^ (can|could|would|will) you\b|^ please\b/;
const REQUEST_KO = /(해|줘|봐|만들어|지워|알려|보여|찾아|바꿔|켜|꺼)(줘|주세요|주실래요|줄래)$/;
const CHOICE_EN =
  /\b(which|recommend(s|ed|ing)?|recommendations? (for|please|on)|suggest\w*|should (we|i) (use|pick|choose|go|move|migrate|switch|store|put|keep|copy|run)|best|fit|good (\w+ )?(for|fit|choice)|use for|right (db|database|store)|what (db|database|store|service|aws)|options?|where should|ok for|choose|pick)\b/;
const CHOICE_KO =
  /추천(?!시스템|엔진|알고리즘|기능|서비스의|모델)|권장|뭐(가|를|로)?(써|쓰|좋)|어떤|맞|될까|쓸까|좋을까|골라|고르|선택|뭘|대체|어디에/;

const WANTS_EN =
  /\b(we|i) (need|want|would like|are looking)|\b(team|security|finance|marketing|analysts?|ops|sre|business) wants? (to|a|an)\b|\bwhere (do|should|can) (we|i)\b|\blooking for\b|\bwhat should\b|^ (want|need|looking|trying) to\b/;
const WANTS_KO =
  /싶어요|싶습니다|싶은데|싶음|싶어|원해요|원함|필요해|필요합|필요한데|필요함|하려고|하려면|어디(가|에|로)|용도|[가-힣]용[:：]|하는용/;

/** Does the question ask for a system ("we want to …", "…하고 싶어요") rather than ask the bot to do something? */
function wantsASystem(question: string): boolean {
  return WANTS_EN.test(englishForm(question)) || WANTS_KO.test(koreanForm(question));
}

// Learning material (a book, a course, a study group) about a database is not a store to choose, whichever engine
// it names ("레디스 책 추천해주세요", "best course on DynamoDB?"). 정책/대책/방책 are not books.
const RESOURCE_EN =
  /\b(books?|courses?|tutorials?|videos?|certifications?|certs?|trainings?|workshops?|blog posts?|talks?|reading list|resources?) (on|about|for learning|to learn|that teach\w*)\b|\bbest (book|course|tutorial|resource|video)s?\b|\b(learn|study|studying|learning) (about |for )?(\w+ ){0,2}(exam|cert\w*)\b|\bstudy (group|guide|buddy)\b/;
const RESOURCE_KO =
  /(?<![정대방산비])책(을|를|좀|하나|추천|있|이|은)|강의|강좌|교재|튜토리얼|자격증|스터디|세미나|밋업|유튜브|블로그(글)?추천/;

/** A how-to or definition question with no store to choose. */
function explainsRatherThanChooses(question: string): boolean {
  const en = englishForm(question);
  const ko = koreanForm(question);
  if (RESOURCE_EN.test(en) || RESOURCE_KO.test(ko)) return true;
  const asks = HOW_TO_EN.test(en) || HOW_TO_KO.test(ko) || DEFINITION_EN.test(en);
  return asks && !choosing(en, ko, question);
}

/** A request for the bot to do something ("can you clear the cache", "에러 로그 좀 봐줘") or an operations question. */
function requestsAnAction(question: string): boolean {
  const en = englishForm(question);
  const ko = koreanForm(question);
  const asks = REQUEST_EN.test(en) || REQUEST_KO.test(ko.replace(/[?.!~]+$/, '')) || OPS_EN.test(en) || OPS_KO.test(ko);
  return asks && !choosing(en, ko, question);
}

function choosing(en: string, ko: string, question: string): boolean {
  return CHOICE_EN.test(en) || CHOICE_KO.test(ko) || wantsASystem(question);
}

/** Ranks every service for the question; `advise` builds the answer from this. */
export function rankServices(
  kb: KnowledgeBase,
  traits: Trait[],
  hits: SearchHit[],
  votes: ReadonlyMap<string, Vote[]> = new Map(),
): RankedService[] {
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
      const own = votes.get(service.id) ?? [];
      const ruleScore = own.reduce((sum, v) => sum + v.weight, 0);
      return {
        service,
        matched,
        traitScore,
        retrieval,
        votes: own,
        ruleScore,
        score: traitScore + ruleScore + RETRIEVAL_WEIGHT * retrieval,
      };
    })
    .sort((a, b) => b.score - a.score || b.traitScore - a.traitScore);
}

export function advise(kb: KnowledgeBase, question: string): Advice {
  const lang = questionLang(question);
  const picture = readWorkload(question);
  const { traits } = picture;
  const { fired, votes } = applyRules(picture);
  const decisive = fired.some(
    (rule) => !rule.chatterProne && Object.values(rule.votes).some((w) => w >= DECISIVE_VOTE),
  );
  // A rule that combines everyday words (logs + search) describes a workload, but only a question that
  // asks for a system ("we want to …") is about choosing one; "search the logs please" is a request.
  const combined = fired.some((rule) => Object.values(rule.votes).some((w) => w >= COMBINED_VOTE));
  // A clear workload ("…, can you suggest?" aside) outweighs a request form; a how-to question never does.
  const explaining = explainsRatherThanChooses(picture.text) || (requestsAnAction(picture.text) && !decisive);
  const onTopic =
    !explaining && (decisive || aboutData(picture.text, traits, kb) || (combined && wantsASystem(picture.text)));
  // Scale and latency say how big or fast, never what kind of store: alone they cannot pick one. Nor
  // can an everyday word alone ("any recommendations?" is not a recommendation engine).
  const workload =
    decisive || combined || traits.some((t) => t.kind !== 'scale' && (!t.ambiguous || isSpecific(t, picture.positive)));
  const compared = namedPair(kb, picture.text);
  const caseNamed = kb.caseStudies.filter((note) => picture.clues.has(note.id));
  // "What did Airbnb use?" reads like a definition ("what is …"), but asks what a case study chose.
  const caseQuestion = !HOW_TO_EN.test(englishForm(picture.text)) && !HOW_TO_KO.test(koreanForm(picture.text));
  const aboutTheCase = caseNamed.length > 0 && asksWhatItUsed(picture.text);
  if (caseQuestion && !requestsAnAction(picture.text) && (!workload || !onTopic || aboutTheCase)) {
    // "What did Airbnb use?", "Duolingo 은 뭘 썼나요?": the case study is the answer, from its note.
    const fromCase = caseNamed[0] && caseStudyAnswer(kb, caseNamed[0], picture, lang);
    if (fromCase) return fromCase;
  }
  // "다이나모db랑 오로라 비교해줘", "pros and cons of documentdb or dynamodb": the side-by-side compare is the answer.
  if (compared && asksToCompare(picture.text)) return { kind: 'abstain', lang, traits, why: 'vague', compared };
  // "dynamodb vs aurora for orders": naming two services to weigh is choosing, so any trait counts.
  const weighs = compared !== undefined && !explaining && traits.some((t) => t.kind !== 'scale');
  if (!weighs && (!workload || !onTopic)) {
    const why = compared || onTopic || (!explaining && aboutData(picture.text, traits, kb)) ? 'vague' : 'off-topic';
    return { kind: 'abstain', lang, traits, why, ...(compared && !explaining ? { compared } : {}) };
  }

  const hits = kb.search(picture.positive);
  const ranked = rankServices(kb, traits, hits, votes);
  const excluded = withinReach(excludedServices(kb, picture), ranked);
  const active = ranked.filter((r) => r.service.status === 'active' && !excluded.has(r.service.id));
  // Asked "X vs Y", the answer is one of the two when either fits at all.
  const pairOnly = compared && active.filter((r) => compared.includes(r.service.id) && r.score > 0);
  const live = pairOnly && pairOnly.length > 0 ? pairOnly : active;
  const decidedOf = (r: RankedService | undefined) => r && strongestFor(r);
  // A ruled-out trait votes against services but says nothing for one: when the top of the ranking rests on
  // such votes alone, the best service the positive clues fit is the answer, not a refusal.
  // With the best fit ruled out by name, the best other fit answers, however modest ("anything but DynamoDB").
  const minTrait = excluded.size > 0 ? Number.MIN_VALUE : MIN_TRAIT_SCORE;
  const top = live[0];
  let recommended =
    top && top.traitScore < minTrait && !decidedOf(top) ? (live.find((r) => r.traitScore >= minTrait) ?? top) : top;
  const substitute = excluded.size > 0 && recommended && recommended.traitScore <= 0 && !decidedOf(recommended);
  if (substitute) {
    // Nothing else fits what the ruled-out service was best at: AWS's credible alternative to it answers.
    const best = ranked.find((r) => excluded.has(r.service.id));
    const other = best && live.find((r) => r.service.id === SUBSTITUTES[best.service.id]);
    if (other) recommended = other;
  }
  const substituted = substitute && recommended !== top;
  // "Airbnb kept its relational data where? Should we do the same?": a named precedent breaks a near tie.
  const precedent = recommended && !decidedOf(recommended) ? precedentFor(kb, picture, live, recommended) : undefined;
  if (precedent) recommended = precedent;
  const runnerUp = live.find((r) => r !== recommended);
  const decidedBy = decidedOf(recommended);
  if (!recommended || (recommended.traitScore < minTrait && !decidedBy && !substituted)) {
    return { kind: 'abstain', lang, traits, why: 'vague', ...(compared ? { compared } : {}) };
  }
  const read = [...excludedLine(excluded, lang), ...readLine(picture, recommended, fired, lang)].slice(0, 7);
  const base = (r: RankedService) => r.traitScore + r.ruleScore;
  const pair = [recommended.service.id, runnerUp?.service.id].sort().join('|');
  const guidanceTie = fired.some((rule) => rule.ties && [...rule.ties].sort().join('|') === pair);
  const scoreTie =
    !decidedBy && !precedent && runnerUp && base(runnerUp) >= base(recommended) - TIE_MARGIN && !strongestFor(runnerUp);
  if (runnerUp && (guidanceTie || scoreTie)) {
    const ask = tieQuestion(recommended.service.id, runnerUp.service.id, lang);
    if (ask)
      return {
        kind: 'abstain',
        lang,
        traits,
        why: 'tie',
        tie: { services: [recommended.service, runnerUp.service], ask },
        read,
      };
  }

  const retired = ranked.find((r) => r.service.status !== 'active' && r.traitScore >= MIN_TRAIT_SCORE)?.service;
  return {
    kind: 'answer',
    lang,
    traits,
    ranked,
    recommended,
    reasons: withDecidingClue(kb, reasonsFor(kb, recommended, lang), recommended, decidedBy, lang),
    alternatives: alternativesTo(recommended, live, traits, lang),
    caseStudy: matchCaseStudy(kb, recommended.service.id, traits, picture),
    retired,
    source: sourceOf(recommended.service, hits, lang),
    read,
    decidedBy,
    ...(compared ? { compared } : {}),
  };
}

/** The services the question names, as typed, outside what it rules out. */
function servicesNamed(kb: KnowledgeBase, p: WorkloadPicture): Set<string> {
  const words = p.positive.split(/[\s,?!.]+/).filter((w) => w !== '');
  return new Set(words.map((w) => resolveExact(kb, w)?.service.id).filter((id) => id !== undefined));
}

/** How close a case study's service must score to the winner for the precedent to decide. */
const PRECEDENT_MARGIN = 1;

/**
 * What settles a near tie (within {@link PRECEDENT_MARGIN} of the winner, no rule decided): the one service the
 * question names, or what a case study it names used for the kind of data it asks about. Never a service a rule
 * voted against.
 */
function precedentFor(
  kb: KnowledgeBase,
  p: WorkloadPicture,
  live: readonly RankedService[],
  winner: RankedService,
): RankedService | undefined {
  const asked = new Set(p.traits.filter((t) => t.kind !== 'scale').map((t) => t.id));
  const base = (r: RankedService) => r.traitScore + r.ruleScore;
  const named = servicesNamed(kb, p);
  // "dynamo for user sessions": a service the asker names and that fits as well is the one they meant to weigh.
  // Naming two ("X vs Y for …") is weighing them, which the ranking and the tie question do.
  const [only] = named.size === 1 ? [...named] : [];
  const proposed = live.find((x) => x.service.id === only && x !== winner);
  if (proposed && !proposed.votes.some((v) => v.weight < 0) && base(proposed) >= base(winner) - PRECEDENT_MARGIN)
    return proposed;
  for (const note of kb.caseStudies.filter((n) => p.clues.has(n.id))) {
    // "Like Airbnb, DynamoDB?": the use the question names is the precedent it weighs, no other.
    const pointed = note.uses.filter((u) => named.has(u.service));
    for (const use of pointed.length > 0 ? pointed : note.uses) {
      const r = live.find((x) => x.service.id === use.service);
      // The asker's own clues may rule the precedent out (a small app with joins should not copy a key-value design).
      if (!r || r === winner || !use.traits.some((t) => asked.has(t)) || r.votes.some((v) => v.weight < 0)) continue;
      if (base(r) >= base(winner) - PRECEDENT_MARGIN) return r;
    }
  }
  return undefined;
}

/**
 * The credible alternative to each service when the asker rules it out and nothing else fits the workload
 * (guidance §2: "name one credible alternative, a competing primary database"): a graph without Neptune is
 * recursive SQL on Aurora PostgreSQL, time series without Timestream a time-partitioned Aurora table, key
 * access without DynamoDB documents by id in DocumentDB, and each in-memory store the other.
 */
const SUBSTITUTES: Readonly<Record<string, string>> = {
  neptune: 'aurora',
  timestream: 'aurora',
  dynamodb: 'documentdb',
  documentdb: 'dynamodb',
  keyspaces: 'dynamodb',
  elasticache: 'memorydb',
  memorydb: 'elasticache',
  aurora: 'rds',
  rds: 'aurora',
  redshift: 'aurora',
  opensearch: 'aurora',
};

// "What did Duolingo run as its primary database?", "에어비앤비는 세션을 어디에 뒀나요?": a question about what the
// company chose, answered from its note, even when it names a kind of data.
const WHAT_IT_USED_EN =
  /\b(what|which)( \w+){0,3} (did|does|do) \w+ (use|run|pick|choose|go with|put|keep|store|move|migrate|land)\b/;
const WHAT_IT_USED_KO =
  /(뭘|무엇을|뭐를?|무슨|어떤|어디에|어디로)[가-힣a-z]{0,8}(썼|쓰나|쓰는지|사용했|사용하나|골랐|선택했|뒀|두었|옮겼)/;

function asksWhatItUsed(text: string): boolean {
  return WHAT_IT_USED_EN.test(englishForm(text)) || WHAT_IT_USED_KO.test(koreanForm(text));
}

/** Words joining two names the question weighs against each other. */
const VERSUS = /^(vs\.?|versus|or|대|아니면|또는|혹은)$/;

/** Asking for a comparison outright: the side-by-side compare answers it, whatever else the question says. */
const COMPARE_EN =
  /\b(compar(e|es|ed|ing|ison)|differences?|differ|pros and cons|side by side|trade ?offs?|head to head)\b/;
const COMPARE_KO = /비교|차이|장단점|장점과단점|뭐가다른|어떻게다른/;

function asksToCompare(text: string): boolean {
  return COMPARE_EN.test(englishForm(text)) || COMPARE_KO.test(koreanForm(text));
}

/**
 * Two different services the question weighs: either side of "vs" / "or" / "대" ("dynamdb vs aurora", "다이너모디비
 * 대 오로라"), or the first two it names when it asks for a comparison ("다이나모db랑 오로라 비교해줘", "compare
 * redshift and opensearch").
 */
function namedPair(kb: KnowledgeBase, text: string): [string, string] | undefined {
  const words = text.split(/[\s,?!.]+/).filter((w) => w !== '');
  const service = (word: string | undefined) => (word ? resolveServiceName(kb, word).resolved?.service.id : undefined);
  for (let i = 1; i < words.length - 1; i++) {
    if (!VERSUS.test(words[i] ?? '')) continue;
    const a = service(words[i - 1]);
    const b = service(words[i + 1]);
    if (a && b && a !== b) return [a, b];
  }
  if (!asksToCompare(text)) return undefined;
  const named = [...new Set(words.map(service).filter((id) => id !== undefined))];
  const [a, b] = named;
  return a && b ? [a, b] : undefined;
}

/** Engine words that are also a service's alias (RDS runs MariaDB): ruling out the engine is not ruling out RDS. */
const ENGINE_WORDS = /maria|mysql|postgres|oracle|sql ?server/;

/**
 * Services the question rules out, each with the name it was ruled out by: those named inside a negated phrase
 * ("anything but DynamoDB", "넵튠 말고"), and those that speak an engine ruled out by name ("not Redis" rules out
 * ElastiCache and MemoryDB, "몽고디비 대신" DocumentDB: `soft`). A pronoun rules out the last name before it.
 */
interface Exclusion {
  by: string;
  soft: boolean;
}

function excludedServices(kb: KnowledgeBase, p: WorkloadPicture): Map<string, Exclusion> {
  const out = new Map<string, Exclusion>();
  const exclude = (resolved: ResolvedName | undefined) => {
    if (!resolved) return;
    if (!resolved.engine)
      out.set(resolved.service.id, { by: resolved.service.name.replace(/^Amazon /, ''), soft: false });
    for (const id of resolved.engine?.speaks ?? []) {
      if (!out.has(id)) out.set(id, { by: resolved.engine?.label ?? id, soft: true });
    }
  };
  for (const phrase of p.negated) {
    const words = phrase.split(/[\s,?!.]+/).filter((w) => w !== '');
    if (words.length === 1 && PRONOUN.test(words[0] ?? '')) {
      exclude(lastNamedBefore(kb, p.text, phrase));
      continue;
    }
    for (const word of words) {
      if (!ENGINE_WORDS.test(word)) exclude(resolveTypo(kb, word));
    }
  }
  return out;
}

/** A pronoun standing for the thing named before it ("we used MongoDB but want to stop using it"). */
const PRONOUN = /^(it|them|that|this|those)$/;

function lastNamedBefore(kb: KnowledgeBase, text: string, pronoun: string): ResolvedName | undefined {
  const at = text.search(new RegExp(`(?<![\\p{L}])${pronoun}(?![\\p{L}])`, 'u'));
  const before = text.slice(0, at < 0 ? text.length : at).split(/[\s,?!.]+/);
  for (let i = before.length - 1; i >= 0; i--) {
    const word = before[i] ?? '';
    if (word === '' || ENGINE_WORDS.test(word)) continue;
    const resolved = resolveExact(kb, word);
    if (resolved) return resolved;
  }
  return undefined;
}

/**
 * Ruling out an engine rules out the services that speak it only while another service fits what is asked: "an
 * in-memory store instead of Redis" still leaves ElastiCache, which runs Memcached and Valkey as well.
 */
function withinReach(ruledOut: Map<string, Exclusion>, ranked: RankedService[]): Map<string, Exclusion> {
  const fitsWithout = (out: ReadonlyMap<string, Exclusion>) =>
    ranked.some(
      (r) =>
        r.service.status === 'active' &&
        !out.has(r.service.id) &&
        (r.traitScore >= MIN_TRAIT_SCORE || strongestFor(r) !== undefined),
    );
  if (fitsWithout(ruledOut)) return ruledOut;
  return new Map([...ruledOut].filter(([, e]) => !e.soft));
}

function excludedLine(excluded: ReadonlyMap<string, Exclusion>, lang: Lang): string[] {
  const names = [...new Set([...excluded.values()].map((e) => e.by))];
  return names.map((name) => (lang === 'ko' ? `${name} 제외 (직접 제외하심)` : `not ${name} (you ruled it out)`));
}

/**
 * The answer to a question about a case study itself ("what did Airbnb use?", "Airbnb put search history in
 * DynamoDB, should we?"): the use the question points at (a service it names, or the traits it shares),
 * otherwise every use the note lists. It is a recommendation only of what that company did; the case study
 * block says so.
 */
function caseStudyAnswer(kb: KnowledgeBase, note: CaseStudyNote, p: WorkloadPicture, lang: Lang): Answer | undefined {
  const named = servicesNamed(kb, p);
  const traitIds = new Set(p.traits.map((t) => t.id));
  const overlap = (u: CaseUse) => u.traits.filter((t) => traitIds.has(t)).length;
  const byName = note.uses.find((u) => named.has(u.service));
  // The question's own words in a use's text ("primary database", "session state") point at it as much as a trait.
  const asked = new Set(tokenize(p.positive));
  const said = (u: CaseUse) =>
    Math.min(1, tokenize(`${u.text.en} ${u.text.ko}`).filter((t) => asked.has(t) && t.length > 2).length);
  // "메인 db", "main database" point at the use the note calls the primary one, in whatever words.
  const primary = (u: CaseUse) => (p.clues.has('primary') && /\bprimary\b/.test(u.text.en) ? 3 : 0);
  const pointsAt = (u: CaseUse) => overlap(u) + said(u) + primary(u);
  const byTraits = [...note.uses].sort((a, b) => pointsAt(b) - pointsAt(a)).find((u) => pointsAt(u) > 0);
  const pointed = byName ?? byTraits;
  const use = pointed ?? note.uses[0];
  if (!use) return undefined;
  const ranked = rankServices(kb, p.traits, []);
  const recommended = ranked.find((r) => r.service.id === use.service);
  if (!recommended) return undefined;
  const caseClue = CLUE_BY_ID.get(note.id);
  return {
    kind: 'answer',
    lang,
    traits: p.traits,
    ranked: [recommended, ...ranked.filter((r) => r !== recommended)],
    recommended,
    reasons: reasonsFor(kb, recommended, lang),
    alternatives: [],
    caseStudy: {
      note,
      use,
      fitsAsker: true,
      ...(pointed ? {} : { otherUses: note.uses.filter((u) => u !== use) }),
    },
    retired: undefined,
    source: { path: note.path, heading: undefined, sources: note.sources.map((url) => sourceFor(url, lang)) },
    read: [caseClue?.label[lang] ?? note.name, ...p.traits.map((t) => t.label[lang])].slice(0, 7),
    decidedBy: undefined,
  };
}

/** The rule with the largest positive vote for this service, if one reaches {@link DECISIVE_VOTE}. */
function strongestFor(r: RankedService): Rule | undefined {
  const best = [...r.votes].sort((a, b) => b.weight - a.weight)[0];
  return best && best.weight >= DECISIVE_VOTE ? best.rule : undefined;
}

/** "read: key-value access, no joins, 3M users": what the answer rests on, so a misreading shows at once. */
function readLine(p: WorkloadPicture, winner: RankedService, fired: readonly Rule[], lang: Lang): string[] {
  const voted = fired.filter((rule) => winner.votes.some((v) => v.rule === rule && v.weight > 0));
  const saidByRule = new Set(fired.filter((rule) => winner.votes.some((v) => v.rule === rule)).map((r) => r.negates));
  const voiced = new Set(voted.flatMap((rule) => rule.voices ?? []));
  const read: string[] = [];
  // The rules that voted for the winner, strongest first, then the traits it fits, then the rest.
  for (const v of [...winner.votes].sort((a, b) => b.weight - a.weight)) {
    if (v.weight > 0) read.push(v.rule.label[lang]);
  }
  // A corrected typo is shown early: a wrong correction is the misreading a user most needs to see.
  for (const c of p.corrections) read.push(`"${c.from}" → ${c.to}`);
  for (const t of winner.matched) read.push(t.label[lang]);
  for (const t of p.notWanted) {
    // An engine named in a ruled-out phrase ("we need not stay on Oracle") is still the source, never "not Oracle".
    if (t.kind === 'engine') continue;
    if (!saidByRule.has(t.id)) read.push(ruledOutLabel(t.label[lang], lang));
  }
  for (const id of p.notClues) {
    const clue = CLUE_BY_ID.get(id);
    if (clue && !voiced.has(id)) read.push(ruledOutLabel(clue.label[lang], lang, 'clue'));
  }
  for (const id of p.clues) {
    const clue = CLUE_BY_ID.get(id);
    if (clue && !voiced.has(id)) read.push(clue.label[lang]);
  }
  return [...new Set(read)].slice(0, 7);
}

/**
 * A ruled-out requirement, worded as the asker meant it: "doesn't need to be durable" rules out "no data loss",
 * which reads "data loss is acceptable", never "not no data loss".
 */
export function ruledOutLabel(label: string, lang: Lang, kind: 'trait' | 'clue' = 'trait'): string {
  if (lang === 'ko') {
    if (/없음$/.test(label)) return label.replace(/\s*없음$/, '이 있어도 됨');
    // A permission ruled out is a prohibition, never "…가능 불필요" / "…괜찮음 아님".
    if (/\s가능$/.test(label)) return label.replace(/\s가능$/, ' 불가');
    if (/돼도 괜찮음$/.test(label)) return label.replace(/돼도 괜찮음$/, '되면 안 됨');
    if (/괜찮음$/.test(label)) return label.replace(/\s*괜찮음$/, ' 안 됨');
    // A clue is something done ("이력 보관"): ruled out, it is not needed; a trait is a kind of data: it is not that.
    return kind === 'clue' ? `${label} 불필요` : `${label} 아님`;
  }
  const no = /^no (.+)$/.exec(label);
  if (no?.[1]) return `${no[1]} is acceptable`;
  const fine = /^(.+) is (fine|ok|acceptable)$/.exec(label);
  if (fine?.[1]) return `${fine[1]} is not acceptable`;
  return `not ${label}`;
}

/** The one question that separates two services that fit a question equally well. */
const TIE_QUESTIONS: Record<string, Record<Lang, string>> = {
  'aurora|dynamodb': {
    en: 'Do you need joins or ad-hoc queries across the data, or is every read and write by a known key?',
    ko: '데이터를 조인하거나 즉석 쿼리를 해야 하나요, 아니면 모든 읽기·쓰기가 정해진 키로 이뤄지나요?',
  },
  'dynamodb|elasticache': {
    en: 'Is this the system of record that must survive a failure, or a copy you can rebuild or let expire?',
    ko: '장애가 나도 남아야 하는 원본 데이터인가요, 아니면 다시 만들거나 만료돼도 되는 사본인가요?',
  },
  'opensearch|redshift': {
    en: 'Do you search text (keywords, fuzzy matching), or aggregate numbers over history?',
    ko: '텍스트를 검색(키워드·유사 일치)하나요, 아니면 이력 데이터를 숫자로 집계하나요?',
  },
  'aurora|rds': {
    en: 'Must the engine (or plain community PostgreSQL/MySQL) stay exactly as it is, or can it move to Aurora?',
    ko: '엔진(또는 순수 커뮤니티 PostgreSQL/MySQL)을 그대로 유지해야 하나요, 아니면 Aurora로 바꿔도 되나요?',
  },
  'dynamodb|timestream': {
    en: 'Do you keep the history and aggregate it by time window, or only the latest value per key?',
    ko: '이력을 남겨 시간 구간별로 집계하나요, 아니면 키별 최신 값만 있으면 되나요?',
  },
  'aurora|neptune': {
    en: 'Do your queries follow links several hops deep, or are they joins a level or two deep?',
    ko: '쿼리가 연결을 여러 단계 따라가나요, 아니면 한두 단계 조인인가요?',
  },
  'dynamodb|documentdb': {
    en: 'Do you query documents across many of their fields, or read and write them by key?',
    ko: '문서를 여러 필드로 조회하나요, 아니면 키로 읽고 쓰나요?',
  },
  'elasticache|memorydb': {
    en: 'Must writes be accepted in several Regions at once?',
    ko: '여러 리전에서 동시에 쓰기를 받아야 하나요?',
  },
};

function tieQuestion(a: string, b: string, lang: Lang): string | undefined {
  return TIE_QUESTIONS[[a, b].sort().join('|')]?.[lang];
}

/** The clue that decided comes first among the reasons, with what the service is chosen for. */
function withDecidingClue(
  kb: KnowledgeBase,
  reasons: Answer['reasons'],
  winner: RankedService,
  decidedBy: Rule | undefined,
  lang: Lang,
): Answer['reasons'] {
  if (!decidedBy) return reasons;
  const text = decidedBy.reason?.[lang] ?? winner.service.chooseWhen[lang];
  const first = {
    trait: undefined,
    clue: decidedBy.label[lang],
    text,
    section: supportingSection(kb, winner.service, text, lang),
  };
  return [first, ...reasons].slice(0, 3);
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

/**
 * The case study to quote. One the question names comes first: its use of the recommended service
 * when it has one, otherwise the use the question is about (so the answer can say the asker's own clue
 * points elsewhere). Without a named one, the use of this service sharing the most traits, if any.
 */
function matchCaseStudy(
  kb: KnowledgeBase,
  serviceId: string,
  traits: Trait[],
  picture: WorkloadPicture,
): Answer['caseStudy'] {
  // Scale and latency fit nearly every case study: a case study is shown only for a clue about the data or its
  // access that the question shares with it (Airbnb's search history says nothing about a leaderboard).
  const found = new Set(traits.filter((t) => t.kind !== 'scale').map((t) => t.id));
  const namedNotes = kb.caseStudies.filter((note) => picture.clues.has(note.id));
  for (const note of namedNotes) {
    // "Duolingo uses DynamoDB, should we copy them?": the use the question names is the one to weigh, and when
    // the asker's clues point elsewhere the answer says so, even if the company used the winner for something else.
    const named = note.uses.find((u) => picture.text.includes(u.service));
    if (named && named.service !== serviceId) return { note, use: named, fitsAsker: false };
    const own = note.uses.find((u) => u.service === serviceId);
    if (own) return { note, use: own, fitsAsker: true };
    const asked = named ?? note.uses[0];
    if (asked) return { note, use: asked, fitsAsker: false };
  }
  let best: { note: CaseStudyNote; use: CaseUse; overlap: number } | undefined;
  for (const note of kb.caseStudies) {
    for (const use of note.uses) {
      if (use.service !== serviceId) continue;
      const overlap = use.traits.filter((t) => found.has(t)).length;
      if (overlap > 0 && overlap > (best?.overlap ?? 0)) best = { note, use, overlap };
    }
  }
  return best && { note: best.note, use: best.use, fitsAsker: true };
}

/** The section of the service's note that matched best, in the answer's language when there is one. */
function sourceOf(service: ServiceNote, hits: SearchHit[], lang: Lang): Answer['source'] {
  const own = hits.filter((h) => h.noteId === service.id && isCitable(h.heading));
  const inLang = own.find((h) => isHangul(h.heading) === (lang === 'ko')) ?? own[0];
  return { path: service.path, heading: inLang?.heading, sources: service.sources.map((url) => sourceFor(url, lang)) };
}
