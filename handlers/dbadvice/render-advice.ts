import type { KnownBlock } from '@slack/types';
import type { Abstention, Advice, Answer } from '../../knowledge/index.ts';
import { context, escapeMrkdwn, inlineCode, LIMITS, type SlackMessage, section, truncate } from '../slack-message.ts';

const WORDS = {
  en: {
    why: 'Why',
    alternatives: 'Alternatives',
    insteadWhen: 'pick it instead when',
    caseStudy: 'From the case studies',
    source: 'Source',
    facts: 'facts from',
    retired: 'Not',
    read: 'read',
    decided: 'decided by',
    notYours: (service: string) => `Your own clues point to ${service} instead.`,
    tie: (a: string, b: string) => `:scales: *${a}* and *${b}* fit this equally well, so I won't guess.`,
    decides: 'One answer decides it',
    compare: 'Side by side',
    alsoUsed: 'It also used',
  },
  ko: {
    why: '이유',
    alternatives: '대안',
    insteadWhen: '이럴 때는 이쪽을 고르세요:',
    caseStudy: '사례',
    source: '출처',
    facts: '사실 근거',
    retired: '비추천',
    read: '읽은 단서',
    decided: '결정한 단서',
    notYours: (service: string) => `질문하신 워크로드의 단서는 ${service} 쪽을 가리킵니다.`,
    tie: (a: string, b: string) => `:scales: *${a}*와(과) *${b}*가 똑같이 잘 맞아서 추측하지 않을게요.`,
    decides: '이것 하나만 알려 주시면 정해져요',
    compare: '나란히 비교',
    alsoUsed: '함께 쓴 것',
  },
} as const;

/** The answer to a `/dbadvice` question, in the question's language. */
export function renderAdvice(advice: Advice, share = false): SlackMessage {
  const message =
    advice.kind === 'answer' ? renderAnswer(advice) : advice.tie ? renderTie(advice) : renderAbstention(advice);
  return { ...message, response_type: share ? 'in_channel' : 'ephemeral' };
}

function renderAnswer(a: Answer): SlackMessage {
  const w = WORDS[a.lang];
  const s = a.recommended.service;
  const blocks: KnownBlock[] = [
    // The rule that decided may name the engine within the service (Aurora PostgreSQL for a licence exit).
    section(
      `:bulb: *${escapeMrkdwn(s.name)}*${a.decidedBy?.target ? ` — *${escapeMrkdwn(a.decidedBy.target)}*` : ''}\n_${escapeMrkdwn(s.dataModel[a.lang])}_`,
    ),
    // What the answer rests on, first, so a misreading is visible at once.
    context(
      `${w.read}: ${escapeMrkdwn(a.read.join(', '))}${a.decidedBy ? ` · ${w.decided}: ${escapeMrkdwn(a.decidedBy.label[a.lang])}` : ''}`,
    ),
    section(
      `*${w.why}*\n${a.reasons
        .map(
          (r) =>
            `• ${r.trait ? `*${escapeMrkdwn(r.trait.label[a.lang])}*: ` : r.clue ? `*${escapeMrkdwn(r.clue)}*: ` : ''}${escapeMrkdwn(r.text)}${r.section ? ` _(§ ${escapeMrkdwn(r.section)})_` : ''}`,
        )
        .join('\n')}`,
    ),
  ];
  if (a.alternatives.length > 0) {
    blocks.push(
      section(
        `*${w.alternatives}*\n${a.alternatives
          .map((alt) => `• *${escapeMrkdwn(alt.service.name)}*: ${w.insteadWhen} ${escapeMrkdwn(alt.when)}`)
          .join('\n')}`,
      ),
    );
  }
  if (a.retired?.statusNote) {
    blocks.push(
      section(
        `:warning: *${w.retired}: ${escapeMrkdwn(a.retired.name)}*. ${escapeMrkdwn(a.retired.statusNote[a.lang])}`,
      ),
    );
  }
  if (a.caseStudy) {
    const { note, use, fitsAsker, otherUses = [] } = a.caseStudy;
    const verdict = fitsAsker ? '' : ` ${escapeMrkdwn(w.notYours(s.name))}`;
    // A use names its service by id; the answer names it as AWS does ("Amazon ElastiCache", not "elasticache").
    const nameOf = (id: string) => a.ranked.find((r) => r.service.id === id)?.service.name ?? id;
    const others = otherUses.map(
      (u) => `\n• ${w.alsoUsed} *${escapeMrkdwn(nameOf(u.service))}*: ${escapeMrkdwn(u.text[a.lang])}`,
    );
    blocks.push(
      section(
        `*${w.caseStudy}*: ${escapeMrkdwn(note.name)}: ${escapeMrkdwn(use.text[a.lang])}.${verdict}${others.join('')}`,
      ),
    );
  }
  if (a.compared) {
    blocks.push(context(`${w.compare}: ${inlineCode(`/dbadvice compare ${a.compared.join(' ')}`)}`));
  }
  const where = a.source.heading ? `${a.source.path} § ${a.source.heading}` : a.source.path;
  // Slack links (`<url|label>`) keep long AWS addresses short; the URLs are checked by the build, never user text.
  const facts = a.source.sources
    .slice(0, 2)
    .map((url) => `<${url}|${escapeMrkdwn(pageLabel(url))}>`)
    .join(', ');
  // What was read is said once, in the read line under the headline: a second "Traits found" list beside the
  // source disagreed with it (traits the answer did not rest on) and was empty when a rule alone decided.
  blocks.push(context(`${w.source}: ${inlineCode(where)}${facts ? ` · ${w.facts}: ${facts}` : ''}`));
  const alternatives = a.alternatives.map((alt) => alt.service.name).join(', ');
  const target = a.decidedBy?.target ? ` — ${a.decidedBy.target}` : '';
  const text =
    a.lang === 'ko'
      ? `추천: ${s.name}${target}${alternatives ? ` (대안: ${alternatives})` : ''}`
      : `Recommended: ${s.name}${target}${alternatives ? ` (alternatives: ${alternatives})` : ''}`;
  return { text: truncate(text, LIMITS.fallbackText), blocks };
}

/** `docs.aws.amazon.com/…/WhatIs.html` as `docs.aws.amazon.com: WhatIs`: the host says whose page it is. */
function pageLabel(url: string): string {
  const { hostname, pathname } = new URL(url);
  const page =
    pathname
      .split('/')
      .filter(Boolean)
      .at(-1)
      ?.replace(/\.html$/, '') ?? '';
  return page ? `${hostname}: ${page}` : hostname;
}

/** Two services fit equally: name both and ask the one question that decides between them. */
function renderTie(a: Abstention): SlackMessage {
  const w = WORDS[a.lang];
  const [first, second] = a.tie?.services ?? [];
  const ask = a.tie?.ask ?? '';
  const lead = w.tie(escapeMrkdwn(first?.name ?? ''), escapeMrkdwn(second?.name ?? ''));
  const blocks: KnownBlock[] = [section(lead), section(`*${w.decides}*: ${escapeMrkdwn(ask)}`)];
  if (a.read && a.read.length > 0) blocks.push(context(`${w.read}: ${escapeMrkdwn(a.read.join(', '))}`));
  return { text: truncate(`${lead.replace(/^:\w+: /, '').replace(/\*/g, '')} ${ask}`, LIMITS.fallbackText), blocks };
}

/** What to say instead of guessing: why there is no answer, and how to ask so there is one. */
export function renderAbstention(a: Abstention): SlackMessage {
  const ko = a.lang === 'ko';
  const lead = ko
    ? a.why === 'off-topic'
      ? ':thinking_face: 데이터베이스 선택에 관한 질문으로 보이지 않아요. 어떤 DB를 쓸지 물어보시면 답할게요.'
      : ':thinking_face: 어떤 DB가 맞는지 판단할 단서가 부족해요. 추측하는 대신 몇 가지를 여쭤볼게요.'
    : a.why === 'off-topic'
      ? ":thinking_face: That doesn't look like a question about choosing a database, so I won't guess."
      : ":thinking_face: I need more to go on than that to recommend a database, so I won't guess.";
  const how = ko
    ? [
        '*이렇게 물어보세요*: 세 가지를 알려 주세요.',
        '• *데이터*: 관계형 테이블, 키-값, JSON 문서, 그래프, 시계열, 로그…',
        '• *접근 패턴*: 트랜잭션, 키로 조회, 분석·집계, 관계 탐색, 캐시, 전문 검색…',
        '• *규모와 지연*: 사용자 수, 초당 요청, 데이터 크기, 밀리초/마이크로초',
        '예) `/dbadvice 주문과 결제 데이터, 트랜잭션과 무결성이 중요해요`',
        '예) `/dbadvice 세션을 1ms 미만으로 읽어야 하는 저장소`',
      ]
    : [
        '*How to ask*: tell me three things.',
        '• *the data*: relational tables, key-value, JSON documents, a graph, time series, logs…',
        '• *the access pattern*: transactions, lookups by key, analytics, relationships, caching, full-text search…',
        '• *the scale and latency*: users, requests per second, data size, milliseconds or microseconds',
        'e.g. `/dbadvice orders and payments, transactions and integrity matter`',
        'e.g. `/dbadvice session store read in under a millisecond`',
      ];
  return {
    text: lead.replace(/^:\w+: /, ''),
    blocks: [
      section(lead),
      section(how.join('\n')),
      context(ko ? '`/dbadvice help`로 전체 사용법을 볼 수 있어요.' : '`/dbadvice help` shows everything it can do.'),
    ],
  };
}
