/**
 * What the question rules out. "no joins at all", "this is not a cache", "we don't need search",
 * "검색이 아니라", "시계열은 아님", "이력은 안 남겨도 됨" name the thing they do NOT want: read naively they
 * push the answer towards it. This splits the question into what it asks for (`positive`, the negated
 * phrases blanked) and what it rules out (`negated`).
 *
 * English negators scope forward to the end of the clause ("not a cache, it's ..."), or backwards when
 * they follow the noun ("old values not needed"). Korean negators scope back over the phrase before them
 * ("검색이 아니라", "전문 검색은 필요 없음"); 안/못 take the verb after them too ("안 남겨도"). "Can't lose",
 * "유실 없이" are requirements (no loss), not negations of anything.
 */

export interface NegationSplit {
  /** The question with its negated phrases blanked out. */
  positive: string;
  /** The negated phrases, one per negator. */
  negated: string[];
}

interface Span {
  start: number;
  end: number;
}

const EN_NEGATOR =
  /(?<![\p{L}\p{N}])(no|not|never|nothing|nobody|no one|without|nor|neither|none|w\/o|(?:do|does|did|is|are|was|were|wo|should|need|ca|could|would|must|have|has)n['’]?t|dont|doesnt|isnt|arent|cannot|rather than|instead of|other than|anything but|except|besides|apart from|(?:stop|stopped|quit|avoid) using|skip|skipping|no longer (?:use|using|want))(?![\p{L}\p{N}])/gu;
/**
 * After a negator, a defect makes a requirement, not a negation: "can't lose data", "never goes down",
 * "no double bookings", "without downtime" ask for durability or integrity.
 */
const EN_REQUIREMENT =
  /^\s*(afford to |any |single |more |data |a )?(lose|lost|be lost|losing|loss|go(es)? down|drop|miss|downtime|outages?|tamper\w*|double|duplicat\w*|errors?|conflicts?|corrupt\w*|inconsisten\w*|stale)\b/;
/** Negators that follow their noun: "old values not needed", "history isn't required". */
const EN_AFTER =
  /^\s*(needed|required|necessary|wanted|important|kept|used|relevant|a must|a requirement|an issue|matter|matters|count|work|works|do|fit|fits|cut it|scale)\b/;
/**
 * Two negators that cancel: "we can't live without joins", "couldn't do without transactions" require the
 * thing. Neither the first negator nor the "without" after it rules anything out.
 */
const EN_CANCELLING =
  /(?<![\p{L}\p{N}])(can'?t|cannot|can not|couldn'?t|could not|won'?t|wouldn'?t) (live|do|work|survive|go|manage|function|operate|run|ship|launch)( \w+)? without(?![\p{L}\p{N}])/gu;
/** Words that negate the noun before them: "history is irrelevant", "joins are unnecessary". */
const EN_POSTFIX =
  /(?<![\p{L}\p{N}])(?:is|are|'s|'re)? ?(irrelevant|unnecessary|optional|useless|overkill|out of scope)(?![\p{L}\p{N}])/gu;
const EN_CLAUSE_END =
  /[,.;:!?\n()[\]→]|\s[-–—]+\s|\b(but|though|although|however|just|only|instead|rather|while|whereas|so|because)\b/g;
const EN_SCOPE_WORDS = 8;
/** Words that close a forward negation's scope once it has taken its noun. */
const EN_SCOPE_BREAK = /^(for|with|since|because|as|that|which|where|when)$/;
/** Verbs that take the preposition with them ("not looking for search", "don't care about joins"): no break. */
const EN_VERB_WITH_PREPOSITION =
  /^(look|search|ask|wait|need|care|go|opt|aim|pay|optimi[sz]|tun|build|design|plan|shop)\w*$/;

const KO_CLAUSE_END = /[,.;:!?\n()[\]→]/g;
/** A word that negates the phrase before it (아니라, 아님, 없음, 불필요, 필요 없어요, 말고, 빼 주세요, 제외). */
const KO_NEGATOR_WORD = /^(아니|아님|아닌|아냐|없|불필요|필요없|말고|빼|제외|무관|대신|no$|x$)/;
/** The same, written joined to the noun it negates (`조인없음`, `캐시아님`, `이력불필요`). */
const KO_NEGATOR_SUFFIX =
  /(아니라|아니고|아님|아닌|아니에요|아닙니다|없음|없어요|없고|없이|없는|없습니다|없어도|없다|불필요|말고|대신(에)?)$/;
/** Words inside a negated phrase that carry nothing ("꼭 유지할 필요는 없어요", "전혀 없음"). */
const KO_FILLER =
  /^(꼭|전혀|굳이|딱히|별로|따로|그다지|절대|필요|필요는|필요가|필요도|정말|사실|거의|상관|관계|문제|지장)$/;
/** "조인 없으면 안 돼요", "트랜잭션 없이는 안 됨": the lack is forbidden, so the thing is required (no negation). */
const KO_CANCELLING = /^(없으면|없이는|없이선|없어선|없어서는|아니면)$/;
const KO_SEPARATELY = /^(따로|별도로|별도|분리해서|떼어서|떼서)$/;
const KO_FORBIDDEN = /^(안|못)$|^안(돼|됨|되|됩)|^못(해|함|씀|써)/;
/** A word that closes the clause before the negated phrase. */
const KO_CLAUSE_WORD = /(고|며|서|는데|은데|지만|요|다|함|임|니다|죠)$/;
/** "유실 없이", "위변조 없이", "중복 없이": no defect is a requirement, not a negation. */
const KO_REQUIREMENT = /유실|손실|잃|날아|다운타임|장애|끊김|중단|위변조|변조|조작|중복|누락|오류|충돌|불일치/;
/** The phrase a Korean negator takes: the one or two words right before it. */
const KO_SCOPE_WORDS = 2;

const HANGUL = /[\uac00-\ud7a3]/;

function clauseEnds(text: string, pattern: RegExp): number[] {
  const ends: number[] = [];
  for (const m of text.matchAll(pattern)) ends.push(m.index);
  ends.push(text.length);
  return ends;
}

function englishSpans(text: string): Span[] {
  const spans: Span[] = [];
  const ends = clauseEnds(text, EN_CLAUSE_END);
  const starts = [0, ...ends.map((e) => e + 1)];
  for (const m of text.matchAll(EN_POSTFIX)) {
    const start = Math.max(...starts.filter((st) => st <= m.index));
    const words = [...text.slice(start, m.index).matchAll(/\S+/g)].slice(-4);
    const first = words[0];
    const last = words[words.length - 1];
    if (first && last) spans.push({ start: start + first.index, end: start + last.index + last[0].length });
  }
  // The spans of both cancelling negators ("could not" is two words, each a negator match).
  const cancelled: Span[] = [];
  // "can't not have transactions": a double negative that requires the thing.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(can'?t|cannot|couldn'?t|won'?t) not(?![\p{L}\p{N}])/gu)) {
    cancelled.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(EN_CANCELLING)) {
    const first = m[1] ?? '';
    cancelled.push({ start: m.index, end: m.index + first.length });
    cancelled.push({ start: m.index + m[0].length - 'without'.length, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(EN_NEGATOR)) {
    if (cancelled.some((c) => c.start <= m.index && m.index < c.end)) continue;
    const after = m.index + m[0].length;
    const rest = text.slice(after);
    if (EN_REQUIREMENT.test(rest)) continue;
    if (EN_AFTER.test(rest)) {
      const start = Math.max(...starts.filter((s) => s <= m.index));
      const words = [...text.slice(start, m.index).matchAll(/\S+/g)].slice(-5);
      const first = words[0];
      const last = words[words.length - 1];
      if (first && last) spans.push({ start: start + first.index, end: start + last.index + last[0].length });
      continue;
    }
    const end = ends.find((e) => e >= after) ?? text.length;
    const all = [...text.slice(after, end).matchAll(/\S+/g)].slice(0, EN_SCOPE_WORDS);
    // "anything but DynamoDB for user profiles": a preposition after the negated thing starts what is wanted.
    const cut = all.findIndex(
      (w, k) => k > 0 && EN_SCOPE_BREAK.test(w[0]) && !EN_VERB_WITH_PREPOSITION.test(all[k - 1]?.[0] ?? ''),
    );
    const words = cut > 0 ? all.slice(0, cut) : all;
    const first = words[0];
    const last = words[words.length - 1];
    if (first && last) spans.push({ start: after + first.index, end: after + last.index + last[0].length });
  }
  return spans;
}

function koreanSpans(text: string): Span[] {
  const spans: Span[] = [];
  const ends = clauseEnds(text, KO_CLAUSE_END);
  let clauseStart = 0;
  for (const end of ends) {
    const words = [...text.slice(clauseStart, end).matchAll(/\S+/g)].map((m) => ({
      word: m[0],
      start: clauseStart + m.index,
      end: clauseStart + m.index + m[0].length,
    }));
    words.forEach((w, i) => {
      const joined = !KO_NEGATOR_WORD.test(w.word) && KO_NEGATOR_SUFFIX.exec(w.word);
      const preverbal = w.word === '안' || w.word === '못' || w.word.startsWith('않') || /지않/.test(w.word);
      if (!joined && !preverbal && !KO_NEGATOR_WORD.test(w.word)) return;
      // A lack that is forbidden ("없으면 안 돼요") and the 안 that forbids it are a requirement, not two negations.
      const after = words[i + 1]?.word ?? '';
      if (KO_CANCELLING.test(w.word) && KO_FORBIDDEN.test(after)) return;
      const before = words[i - 1]?.word ?? '';
      if (preverbal && KO_CANCELLING.test(before)) return;
      // "분석은 따로 빼고 싶어요": moving something out to its own store is wanting it, not ruling it out.
      if (/^빼/.test(w.word) && KO_SEPARATELY.test(before)) return;
      if (/^안(돼|됨|되|됩)/.test(w.word) && KO_CANCELLING.test(before)) return;
      // The negated noun written joined to its negator (`조인없음`): the part before it, unless a filler.
      if (joined) {
        const head = w.word.slice(0, joined.index);
        if (head && !KO_FILLER.test(head)) {
          if (!KO_REQUIREMENT.test(head)) spans.push({ start: w.start, end: w.start + head.length });
          return;
        }
      }
      const scope: typeof words = [];
      for (let j = i - 1; j >= 0 && scope.length < KO_SCOPE_WORDS; j--) {
        const prev = words[j] as (typeof words)[number];
        if (KO_FILLER.test(prev.word)) continue;
        if (scope.length > 0 && KO_CLAUSE_WORD.test(prev.word) && HANGUL.test(prev.word)) break;
        scope.unshift(prev);
      }
      // 안/못 negate the verb after them, with its object before.
      const next = words[i + 1];
      if (preverbal && w.word.length <= 1 && next) scope.push(next);
      const first = scope[0];
      const last = scope[scope.length - 1];
      if (!first || !last) return;
      if (KO_REQUIREMENT.test(text.slice(first.start, last.end))) return;
      spans.push({ start: first.start, end: last.end });
    });
    clauseStart = end + 1;
  }
  return spans;
}

/** Splits `text` (already normalised: NFKC, lower case) into what it asks for and what it rules out. */
export function splitNegation(text: string): NegationSplit {
  const spans = [...englishSpans(text), ...(HANGUL.test(text) ? koreanSpans(text) : [])].sort(
    (a, b) => a.start - b.start,
  );
  if (spans.length === 0) return { positive: text, negated: [] };
  const negated: string[] = [];
  let positive = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    positive += `${text.slice(at, span.start)} ; `;
    negated.push(text.slice(span.start, span.end));
    at = span.end;
  }
  positive += text.slice(at);
  return { positive, negated };
}
