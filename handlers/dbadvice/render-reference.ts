import type { KnownBlock } from '@slack/types';
import {
  type KnowledgeBase,
  type Lang,
  type ResolvedName,
  SERVICE_CATEGORIES,
  type ServiceNote,
} from '../../knowledge/index.ts';
import {
  context,
  escapeMrkdwn,
  fieldsSection,
  header,
  inlineCode,
  type SlackMessage,
  section,
} from '../slack-message.ts';
import { fitTable, withTable } from '../slack-table.ts';
import { directionParticle, objectParticle } from './korean-particle.ts';

export const DBADVICE_USAGE = [
  '`/dbadvice <question>` in English or Korean, e.g. `/dbadvice session store with sub-millisecond reads`',
  '`/dbadvice compare <service> <service>` e.g. `/dbadvice compare dynamodb documentdb`',
  '`/dbadvice list` · `/dbadvice fleet` · `/dbadvice help`',
].join('\n');

const DBADVICE_USAGE_KO = [
  '`/dbadvice <질문>` 영어 또는 한국어로, 예) `/dbadvice 세션을 1ms 미만으로 읽어야 하는 저장소`',
  '`/dbadvice compare <서비스> <서비스>` 예) `/dbadvice compare 오로라 다이나모디비`',
  '`/dbadvice list` · `/dbadvice fleet` · `/dbadvice help`',
].join('\n');

/** The usage under a compare that went wrong, in the language it was typed in. */
export function compareUsage(lang: Lang): string {
  return lang === 'ko' ? DBADVICE_USAGE_KO : DBADVICE_USAGE;
}

/** `MongoDB → Amazon DocumentDB (MongoDB-compatible)`, or `read \`dynamdb\` as Amazon DynamoDB`. */
export function readingOf(r: ResolvedName, lang: Lang): string | undefined {
  const ko = lang === 'ko';
  const target = r.engine ? r.engine.label : r.service.name;
  const typo = r.correctedFrom
    ? ko
      ? `${inlineCode(r.correctedFrom)}${objectParticle(r.correctedFrom)} ${target}${directionParticle(target)} 읽었어요`
      : `read ${inlineCode(r.correctedFrom)} as ${target}`
    : undefined;
  const engine = r.engine ? `${r.engine.label} → ${r.service.name} (${r.engine.how[lang]})` : undefined;
  // A retired service is still compared (it was asked for), with where AWS sends its users.
  const retired = r.service.statusNote ? `:warning: ${r.service.name}: ${r.service.statusNote[lang]}` : undefined;
  const parts = [typo, engine, retired].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(ko ? ' · ' : '; ') : undefined;
}

/** `compare dynamodb dynamodb` or `compare mongo documentdb`: one service named twice. */
export function renderSameService(a: ResolvedName, b: ResolvedName, lang: Lang): SlackMessage {
  const ko = lang === 'ko';
  const name = a.service.name;
  const readings = [readingOf(a, lang), readingOf(b, lang)].filter((r): r is string => r !== undefined);
  const others = a.service.id === 'dynamodb' ? 'documentdb' : 'dynamodb';
  const engines = [a.engine?.label, b.engine?.label].filter((l): l is string => l !== undefined);
  const both = engines.length === 2 && engines[0] !== engines[1] ? engines.join(ko ? '와(과) ' : ' and ') : undefined;
  const lead = both
    ? ko
      ? `:left_right_arrow: ${escapeMrkdwn(both)} 모두 AWS에서는 *${escapeMrkdwn(name)}*에 해당해서 비교할 AWS 서비스가 하나뿐이에요. 서로 다른 서비스 두 개를 적어 주세요.`
      : `:left_right_arrow: ${escapeMrkdwn(both)} both map to *${escapeMrkdwn(name)}* on AWS, so there is only one service to look at. Name two different services.`
    : ko
      ? `:left_right_arrow: 둘 다 *${escapeMrkdwn(name)}*이라 비교할 게 없어요. 서로 다른 서비스 두 개를 적어 주세요.`
      : `:left_right_arrow: Both names are *${escapeMrkdwn(name)}*, so there is nothing to compare. Name two different services.`;
  const example = ko
    ? `예) \`/dbadvice compare ${a.service.id} ${others}\` · \`/dbadvice list\`로 서비스 목록을 볼 수 있어요.`
    : `e.g. \`/dbadvice compare ${a.service.id} ${others}\` · \`/dbadvice list\` shows every service.`;
  return {
    response_type: 'ephemeral',
    text: ko ? `둘 다 ${name}이에요` : `Both names are ${name}`,
    blocks: [section(lead), ...(readings.length ? [context(...readings)] : []), context(example)],
  };
}

/** A question in a language other than English or Korean: say which we answer in, in both. */
export function renderOtherLanguage(): SlackMessage {
  const lead =
    ':globe_with_meridians: I answer in English or Korean. Please ask again in one of them.\n영어나 한국어로 답해요. 둘 중 한 언어로 다시 물어봐 주세요.';
  return {
    response_type: 'ephemeral',
    text: 'I answer in English or Korean. / 영어나 한국어로 답해요.',
    blocks: [
      section(lead),
      context(
        'e.g. `/dbadvice session store with sub-millisecond reads` · 예) `/dbadvice 세션을 1ms 미만으로 읽어야 하는 저장소`',
      ),
    ],
  };
}

/** `/dbadvice help`: every subcommand, with examples in both languages. */
export function renderDbAdviceHelp(): SlackMessage {
  const blocks: KnownBlock[] = [
    header('/dbadvice: which AWS database fits'),
    section(
      [
        '*Ask a question* in English or Korean. Name the data, the access pattern and the scale; I answer with a recommended service, why, alternatives, a case study and the note it came from.',
        '• `/dbadvice orders and payments, transactions and integrity matter`',
        '• `/dbadvice key-value lookups by user id, millions of users, spiky traffic`',
        '• `/dbadvice fraud detection across accounts sharing cards and devices`',
      ].join('\n'),
    ),
    section(
      [
        '*한국어로 물어보세요.* 데이터 형태, 접근 패턴, 규모를 알려 주시면 추천 서비스와 이유, 대안, 사례, 출처 노트를 답합니다.',
        '• `/dbadvice 세션을 1ms 미만으로 읽어야 하는 저장소가 필요해요`',
        '• `/dbadvice 3년치 매출 데이터로 BI 리포트와 집계 분석`',
        '• `/dbadvice 몽고DB를 AWS로 옮기려면 뭘 써야 하나요?`',
      ].join('\n'),
    ),
    section(
      [
        '*More*',
        '• `/dbadvice compare aurora rds`: two services side by side (`compare 오로라 다이나모디비` answers in Korean)',
        '• `/dbadvice compare mongodb dynamodb`: an engine is read as its AWS counterpart (MongoDB → DocumentDB, Cassandra → Keyspaces, Redis → ElastiCache…)',
        '• `/dbadvice list`: categories and services',
        "• `/dbadvice fleet`: reviews this account's RDS and Aurora databases with 7 days of CloudWatch metrics, engines past end of standard support included",
        '• add `--share` to post the answer in the channel',
      ].join('\n'),
    ),
    context('Answers come from the team notes in `knowledge/notes` and AWS documentation; each answer names its note.'),
  ];
  return { response_type: 'ephemeral', text: '/dbadvice help: ask which AWS database fits a workload', blocks };
}

const CATEGORY_LABEL: Record<string, string> = {
  relational: 'Relational · 관계형',
  'key-value': 'Key-value · 키-값',
  document: 'Document · 문서',
  'in-memory': 'In-memory · 인메모리',
  graph: 'Graph · 그래프',
  'wide-column': 'Wide-column · 와이드 컬럼',
  'time-series': 'Time series · 시계열',
  ledger: 'Ledger · 원장',
  search: 'Search · 검색',
  analytics: 'Analytics (OLAP) · 분석',
};

/** `/dbadvice list`: services grouped by category, as the notes file them. */
export function renderDbAdviceList(kb: KnowledgeBase): SlackMessage {
  const lines = SERVICE_CATEGORIES.map((category) => {
    const services = kb.services.filter((s) => s.category === category);
    if (services.length === 0) return undefined;
    const names = services
      .map((s) => `\`${s.id}\` ${escapeMrkdwn(s.name)}${s.status === 'active' ? '' : ' (end of support) :warning:'}`)
      .join(', ');
    return `• *${CATEGORY_LABEL[category] ?? category}*: ${names}`;
  }).filter((line): line is string => line !== undefined);
  const cases = kb.caseStudies.map((c) => escapeMrkdwn(c.name)).join(', ');
  return {
    response_type: 'ephemeral',
    text: `/dbadvice list: ${kb.services.length} services`,
    blocks: [
      header('AWS databases in the knowledge base'),
      section(lines.join('\n')),
      section(`*Case studies · 사례*: ${cases}`),
      context(':warning: = end of support; never recommended. `/dbadvice compare &lt;a&gt; &lt;b&gt;` for details.'),
    ],
  };
}

/** `/dbadvice compare <a> <b>`: the two notes' front matter side by side, and how each name was read. */
export function renderCompare(ra: ResolvedName, rb: ResolvedName, lang: Lang): SlackMessage {
  const a = ra.service;
  const b = rb.service;
  const ko = lang === 'ko';
  const row = (label: string, f: (s: ServiceNote) => string): string[] => [
    `*${label}*\n${escapeMrkdwn(f(a))}`,
    `*${label}*\n${escapeMrkdwn(f(b))}`,
  ];
  const list = (items: string[]) => items.map((i) => `• ${i}`).join('\n');
  const status = (s: ServiceNote) => (s.statusNote ? s.statusNote[lang] : ko ? '지원 중' : 'Active');
  const readings = [readingOf(ra, lang), readingOf(rb, lang)].filter((r): r is string => r !== undefined);
  const via = (r: ResolvedName) => (r.engine ? `${r.engine.label} → ${r.service.name}` : r.service.name);
  const text = readings.length > 0 ? `${via(ra)} vs ${via(rb)}` : `${a.name} vs ${b.name}`;
  const lead: KnownBlock[] = [
    header(`${a.name}  vs  ${b.name}`),
    ...(readings.length > 0 ? [section(readings.map((r) => `:arrow_right: ${r}`).join('\n'))] : []),
  ];
  const sources = context(`${ko ? '출처' : 'Sources'}: \`${a.path}\`, \`${b.path}\``);
  // Side by side as a table: no markup in its cells, so a Korean answer reads as written.
  const items = (list: string[]) => list.map((i) => `• ${i}`).join(' ');
  const aspects: [string, (s: ServiceNote) => string][] = [
    [ko ? '데이터 모델' : 'Data model', (s) => s.dataModel[lang]],
    [ko ? '강점' : 'Strengths', (s) => items(s.strengths[lang])],
    [ko ? '한계' : 'Limits', (s) => items(s.limits[lang])],
    [ko ? '대표 워크로드' : 'Typical workloads', (s) => items(s.workloads[lang])],
    [ko ? '고를 때' : 'Choose it when', (s) => s.chooseWhen[lang]],
    [ko ? '상태' : 'Status', status],
  ];
  const table = fitTable({
    columns: [{ label: ko ? '항목' : 'Aspect' }, { label: a.name, wrap: true }, { label: b.name, wrap: true }],
    rows: aspects.map(([label, f]) => [label, f(a), f(b)]),
  });
  if (table.kind === 'table' && table.shown === aspects.length) {
    return withTable({ response_type: 'ephemeral', text, blocks: [...lead, sources] }, table.block);
  }
  const blocks: KnownBlock[] = [
    ...lead,
    fieldsSection([
      `*${escapeMrkdwn(a.name)}*`,
      `*${escapeMrkdwn(b.name)}*`,
      ...row(ko ? '데이터 모델' : 'Data model', (s) => s.dataModel[lang]),
    ]),
    fieldsSection(row(ko ? '강점' : 'Strengths', (s) => list(s.strengths[lang]))),
    fieldsSection(row(ko ? '한계' : 'Limits', (s) => list(s.limits[lang]))),
    fieldsSection([
      ...row(ko ? '대표 워크로드' : 'Typical workloads', (s) => list(s.workloads[lang])),
      ...row(ko ? '고를 때' : 'Choose it when', (s) => s.chooseWhen[lang]),
    ]),
    fieldsSection(row(ko ? '상태' : 'Status', status)),
    sources,
  ];
  return { response_type: 'ephemeral', text, blocks };
}
