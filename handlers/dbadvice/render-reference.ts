import type { KnownBlock } from '@slack/types';
import { type KnowledgeBase, type Lang, SERVICE_CATEGORIES, type ServiceNote } from '../../knowledge/index.ts';
import { context, escapeMrkdwn, fieldsSection, header, type SlackMessage, section } from '../slack-message.ts';

export const DBADVICE_USAGE = [
  '`/dbadvice <question>` in English or Korean, e.g. `/dbadvice session store with sub-millisecond reads`',
  '`/dbadvice compare <service> <service>` e.g. `/dbadvice compare dynamodb documentdb`',
  '`/dbadvice list` · `/dbadvice fleet` · `/dbadvice help`',
].join('\n');

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
        '• `/dbadvice list`: categories and services',
        "• `/dbadvice fleet`: reviews this account's RDS and Aurora databases with 7 days of CloudWatch metrics",
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

/** `/dbadvice compare <a> <b>`: the two notes' front matter side by side. */
export function renderCompare(a: ServiceNote, b: ServiceNote, lang: Lang): SlackMessage {
  const ko = lang === 'ko';
  const row = (label: string, f: (s: ServiceNote) => string): string[] => [
    `*${label}*\n${escapeMrkdwn(f(a))}`,
    `*${label}*\n${escapeMrkdwn(f(b))}`,
  ];
  const list = (items: string[]) => items.map((i) => `• ${i}`).join('\n');
  const status = (s: ServiceNote) => (s.statusNote ? s.statusNote[lang] : ko ? '지원 중' : 'Active');
  const blocks: KnownBlock[] = [
    header(`${a.name}  vs  ${b.name}`),
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
    context(`${ko ? '출처' : 'Sources'}: \`${a.path}\`, \`${b.path}\``),
  ];
  return {
    response_type: 'ephemeral',
    text: `${a.name} vs ${b.name}`,
    blocks,
  };
}
