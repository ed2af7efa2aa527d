import { englishForm, koreanForm } from '../traits.ts';

/**
 * Whether the question forbids losing data. Loss is the one requirement people state through negations
 * of negations: "it's not ok to lose data" negates a permission ("ok to lose"), "can't afford to lose",
 * "must not lose", "손실되면 안 됨", "유실 불가" forbid a defect. Read word by word, the permission or the
 * defect survives and the question seems to say loss is acceptable; read as a whole, it asks for durability.
 *
 * English patterns run on {@link englishForm}, Korean ones on {@link koreanForm} (no spacing).
 */

/** A permission to lose ("ok to lose", "fine if it's lost"): negated, it forbids loss. */
const PERMISSION = '(ok|okay|fine|acceptable|allowed|alright|tolerable|an option|permitted)';
const LOSS = String.raw`(los[et]|losing|loss|lost|gone|dropped|vanish\w*|disappear\w*|wiped)`;
const NEGATOR = "(not|never|isn't|isnt|aren't|arent|wasn't|is not|are not|no longer)";

const NO_LOSS_EN: readonly RegExp[] = [
  // "it's not ok to lose data", "never acceptable if writes are lost", "isn't fine for data to be lost"
  new RegExp(String.raw`\b${NEGATOR} (really |at all |ever )?${PERMISSION}\b.{0,30}\b${LOSS}\b`),
  // "losing data is not ok", "data loss is never acceptable", "lost writes are not an option"
  new RegExp(String.raw`\b${LOSS}\b.{0,30}\b${NEGATOR} (really |at all |ever )?${PERMISSION}\b`),
  // "data loss is unacceptable", "losing orders would be unacceptable"
  new RegExp(String.raw`\b${LOSS}\b.{0,30}\b(unacceptable|intolerable|not tolerated|a no go|a dealbreaker)\b`),
  new RegExp(String.raw`\b(unacceptable|intolerable) (to |if )(\w+ ){0,3}${LOSS}\b`),
  // "can't afford to lose", "must not lose", "should never lose", "we cannot ever lose a write"
  /\b(can't|cant|cannot|can not|must ?n't|must not|mustnt|should ?n't|should not|shouldnt|may not|never|won't|will not|do not want to|don't want to|dont want to) (ever |afford to |risk |be allowed to )*(lose|losing|be lost|drop|dropping)\b/,
  // "must never be lost", "can't be lost", "should not go missing"
  /\b(can't|cant|cannot|must|should|may) (not |never )+(be lost|go missing|disappear|vanish)\b/,
  /\b(no|zero) (data |write |message |order )?loss\b/,
  /\blose nothing\b/,
  /\bevery (single )?(write|record|event|order|message) (must|has to|needs to) (survive|be kept|persist)\b/,
];

const NO_LOSS_KO: readonly RegExp[] = [
  // 유실되면 안 됨, 손실되어서는 안 돼요, 잃어버리면 안 됨, 날아가면 안 됨, 사라지면 안 돼요
  /(유실|손실|분실|누락)(되|돼|하|나)?(면|선|어선|어서는|서는|어도|도)?안(됨|돼|되|된|됩)/,
  /(잃으|잃어버리|날아가|날리|사라지|없어지|지워지|증발하)(면|선|어서는|서는)안(됨|돼|되|된|됩)/,
  // 유실 불가, 손실 불허, 유실 절대 안 됨, 유실 허용 안 함, 유실은 용납 못 함
  /(유실|손실|분실)(은|는|이|가|도)?(절대)?(불가|금지|불허|안됨|안돼|허용(안|불가|하지않|되지않|못)|용납(안|못|불가|하지않|되지않)|있으면안|있어선안|있어서는안|없어야)/,
  /(무손실|무유실|제로유실|유실제로|손실제로|유실0|손실0)/,
  // 유실돼도 괜찮지 않아요, 날아가도 안 괜찮아요: a permission negated
  /(유실|손실|날아가|사라져|잃어)(돼도|되어도|가도|져도|도)(괜찮지않|안괜찮|상관있|되지않)/,
  // 유실 없이, 손실 없어야, 데이터 유실 없는: no defect is a requirement
  /(유실|손실|분실)(이|은|은절대|도)?(없이|없어야|없는|없게|없도록)/,
  /절대(유실|손실|잃|날아가|사라지)/,
];

/** True when the question forbids losing data (durability is a requirement, however it is worded). */
export function forbidsLoss(question: string): boolean {
  // A typographic apostrophe ("can’t") is the same word; englishForm would turn it into a space.
  const en = englishForm(question.replace(/[’‘]/g, "'"));
  if (NO_LOSS_EN.some((p) => p.test(en))) return true;
  const ko = koreanForm(question);
  return NO_LOSS_KO.some((p) => p.test(ko));
}
