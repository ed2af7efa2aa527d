import { normalize } from './tokenize.ts';

/**
 * The workload traits `/dbadvice` reads from a question. Notes say how well their service fits
 * each trait (`fits` in front matter), so a ranking is always "these traits were found, and this
 * service fits them": the same facts become the answer's bullets.
 *
 * English patterns run on the lower-cased question with hyphens as spaces; Korean patterns run on
 * the question with all spacing removed, so `세션 저장소` and `세션저장소` read the same.
 */

export type TraitKind = 'model' | 'access' | 'scale' | 'engine';

export interface Trait {
  id: string;
  kind: TraitKind;
  /**
   * Its words are everyday chatter too ("any recommendations?", "search the logs", "fast"):
   * alone, such a trait does not make a question about choosing a data store.
   */
  ambiguous: boolean;
  /** Words that make an ambiguous trait unmistakable (`full-text`, `OLAP`, `fraud`). */
  specific: RegExp[];
  label: { en: string; ko: string };
  en: RegExp[];
  ko: RegExp[];
}

// `transactions` is here for its business words (orders, payments, billing): "the orders are late
// today" is not about a database unless something else in it is.
// `document`: "where are the onboarding docs?" is no document store unless JSON, a schema or nesting is named.
const AMBIGUOUS = new Set(['search', 'analytics', 'relationships', 'logs', 'transactions', 'document']);

/** Run on both forms of the question, like the trait patterns. */
const SPECIFIC: Record<string, RegExp[]> = {
  document: [
    /\bjson\b/,
    /\bschema (changes|keeps changing|evolves|varies)/,
    /\b(any|many|different|multiple|lots of|varying) (different )?(fields|attributes|properties)\b/,
    /스키마가(자주)?(바뀌|변하|유연|달라)/,
    /여러필드/,
    /\bschemaless\b/,
    /\bflexible schema/,
    /\bnested\b/,
    // The decision guide's own examples of document data.
    /\b(user|player|customer|member|account) profiles?\b/,
    /\b(product|content) catalogs?\b/,
    /(사용자|유저|회원|고객|플레이어)프로필/,
    /\bdocument (db|database|store|model|oriented)\b/,
    /\bmongo/,
    /json/,
    /도큐먼트/,
    /다큐먼트/,
    /스키마리스/,
    /유연한스키마/,
    /중첩/,
    /문서(형|db|디비|데이터베이스|저장소|지향)/,
    /몽고/,
  ],
  search: [
    /\bfull ?text\b/,
    /\bauto ?complete\b/,
    /\bfuzzy\b/,
    /\btypo/,
    /\brelevance\b/,
    /\b(by|for) keywords?\b/,
    /\b(most )?relevant (results|articles|documents|docs|matches|products|hits|pages)\b/,
    /\bkeyword (search|match)/,
    /키워드(로|를)?(검색|매칭|찾)/,
    /전문검색/,
    /자동완성/,
    /오타/,
    /형태소/,
  ],
  logs: [/\b(log|trace|span) (analytics|search|analysis)\b/, /\btrace ids?\b/, /(로그|트레이스)(분석|검색)/, /traceid/],
  analytics: [
    /\bolap\b/,
    /\bwarehous/,
    /\bbi\b/,
    /\bbusiness intelligence\b/,
    /\bcolumnar\b/,
    /웨어하우스/,
    /웨어하우징/,
    // Aggregating is what analytics stores are for; "report" alone is not.
    /\baggregat/,
    /집계/,
  ],
  transactions: [
    /\btransaction(s|al)?\b/,
    /\bacid\b/,
    /\bintegrity\b/,
    /\bconsisten(t|cy)\b/,
    /\boltp\b/,
    /\bledger entries\b/,
    /트랜잭션/,
    /무결성/,
    /정합성/,
    /일관성/,
  ],
  relationships: [
    /\bfraud\b/,
    /\bfriends? of friends?\b/,
    /\brecommendation engine/,
    /사기(탐지|방지|거래|적발|패턴|행위|조직|일당|링)/,
    /이상거래/,
    /부정행위/,
    /친구의친구/,
    /추천(엔진|시스템)/,
  ],
};

const t = (id: string, kind: TraitKind, en: string, ko: string, patterns: { en: RegExp[]; ko: RegExp[] }): Trait => ({
  id,
  kind,
  ambiguous: kind === 'scale' || AMBIGUOUS.has(id),
  specific: SPECIFIC[id] ?? [],
  label: { en, ko },
  ...patterns,
});

export const TRAITS: readonly Trait[] = [
  // Data models
  t('relational', 'model', 'relational data (SQL, joins)', '관계형 데이터 (SQL·조인)', {
    en: [
      /\brelational\b/,
      /\bjoins?\b/,
      /\bforeign keys?\b/,
      /\bsql\b/,
      /\brdbms\b/,
      /\bnormali[sz]ed\b/,
      /\b(erp|crm)\b/,
      /\bad hoc quer/,
      /\bcomplex quer/,
      // The decision guide's canonical relational apps, described rather than named.
      /\be ?commerce (schema|database|db|tables|backend)\b/,
      /\b(normal|typical|classic|traditional|standard) (\w+ )?(schema|tables|crud app)\b/,
    ],
    ko: [/관계형/, /조인/, /외래키/, /정규화/, /복잡한쿼리/, /테이블간/],
  }),
  t('key-value', 'model', 'key-value access', '키-값 접근', {
    en: [
      /\bkey ?value\b/,
      /\bby (its |the |primary |partition |\w+ )?(key|id)\b/,
      /\b(look ?ups?|fetch(ed|es)?|get|read) (of |for )?(\w+ ){0,3}by (its |their |the )?(\w+ )?(code|sku|serial|slug|token|key|id)s?\b/,
      /\bper (\w+ )?key\b/,
      /\bkv\b/,
      /\blook ?ups? by\b/,
      /\bsimple lookups?\b/,
      /\blookup tables?\b/,
      /\b(primary|partition) key (gets?|lookups?|reads?|access|queries)\b/,
      /\bgets? by (primary |partition )?key\b/,
      /\b(giant|big|huge|simple|plain|flat) (map|dictionary|hash ?map|lookup)\b/,
      /\bdictionar(y|ies) (of|from)\b/,
      /\bkey (access|lookups?|reads?)\b/,
      /\b(access(ed)?|read|fetch(ed)?) by key\b/,
      /\bkeyed (by|on)\b/,
    ],
    ko: [
      /키값/,
      /키밸류/,
      /(키|key)(로)?(lookup|룩업)/,
      /(키|id|코드|sku|번호)(로|으로).{0,8}(조회|찾|읽)/,
      /(키|id|pk|번호|코드)기준.{0,6}(조회|읽)/,
      /(조회|읽기|쓰기)(는|은)?[가-힣]{0,6}(키|id|pk|기본키)(기준|로)/,
      /단건조회/,
      /(?<!스)키(별|마다)/,
      /키기반/,
      /단순조회/,
      // The order reversed: "조회는 전부 id로만"
      /(?<!스)(키|id|pk)(로|으로)?(만)?(조회|룩업|읽기|접근)/,
      /(조회|읽기|접근|쓰기|읽고쓰기|액세스)(는|은)?(전부|모두|다|항상|대부분|거의)?[가-힣a-z]{0,4}(키|id|pk|번호|코드)(로|으로)/,
    ],
  }),
  t('document', 'model', 'document data (profiles, catalogs, JSON)', '문서형 데이터 (프로필·카탈로그·JSON)', {
    en: [
      /\bjson\b/,
      /\bdocuments?\b/,
      /\bdocs\b/,
      /\bschemaless\b/,
      /\bflexible schema/,
      /\bschema (changes|keeps changing|evolves)/,
      /\bnested\b/,
      /\bcatalog(ue)?s?\b/,
      /\bprofiles?\b/,
      /\bcontent management\b/,
      /\bcms\b/,
    ],
    ko: [
      /문서/,
      /도큐먼트/,
      /다큐먼트/,
      /스키마가(자주)?(바뀌|변하|유연)/,
      /유연한스키마/,
      /스키마리스/,
      /카탈로그/,
      /프로필/,
      /콘텐츠관리/,
      /중첩/,
    ],
  }),
  t('graph', 'model', 'a graph of connected entities', '연결된 개체의 그래프', {
    // Not a chart: "a line graph of daily signups", "가입자 수 그래프", "그래프로 보여줘".
    en: [
      /(?<!\b(line|bar|pie|usage|traffic|signups?|daily|weekly|monthly|simple|small) )\bgraphs?\b(?! (of (daily|weekly|monthly|signups|sales|traffic|usage|revenue)|on (the |our |an? )?(dashboard|page|screen|admin)))/,
      /\bgremlin\b/,
      /\bcypher\b/,
      /\bsparql\b/,
      /\bnodes? and edges?\b/,
      /\bknowledge graph/,
    ],
    ko: [
      /(?<!(수|추이|통계|지표|매출|트래픽|사용량|막대|선|원|꺾은선))그래프(?!(로|를)?(보여|표시|그려|그리))/,
      /노드와(엣지|간선)/,
      /지식그래프/,
    ],
  }),
  t('wide-column', 'model', 'wide-column rows', '와이드 컬럼 데이터', {
    en: [/\bwide ?column\b/, /\bcql\b/, /\bcolumn famil/],
    ko: [/와이드컬럼/, /컬럼패밀리/],
  }),
  t('time-series', 'model', 'time-stamped measurements', '시간 순서의 측정값', {
    en: [
      /\btime ?series\b/,
      /\btimeseries\b/,
      /\biot\b/,
      /\bsensors?\b/,
      /\btelemetry\b/,
      /\btime ?stamped\b/,
      /\bmetrics? (data|over time|every)/,
      // Retention tiers and infrastructure metrics are what time-series stores are built around.
      /\bretention (polic(y|ies)|period|rules?)\b/,
      /\b(devops|infra(structure)?|k8s|kubernetes|host|server|container|node|service|app(lication)?) metrics\b/,
      /\brecent data (is )?(queried|read|accessed|hit) (most|more|the most)\b/,
      /\bevery (few )?seconds?\b/,
      /\bdevices? (send|report|emit)/,
    ],
    ko: [
      /시계열/,
      /센서/,
      /텔레메트리/,
      /타임스탬프/,
      /(초|분)마다/,
      /계측/,
      /측정값/,
      /장비데이터/,
      /보존(정책|기간)/,
      /(인프라|서버|컨테이너|쿠버네티스|k8s)(메트릭|지표)/,
    ],
  }),
  t('ledger', 'model', 'an immutable, verifiable history', '변경할 수 없고 검증 가능한 이력', {
    en: [
      /\bledger\b/,
      /\bimmutable\b/,
      /\baudit (trails?|histor(y|ies)|logs?)\b/,
      /\btamper/,
      /\bcryptographically\b/,
      /\bverifiable\b/,
      /\bsystem of record\b/,
      /\bappend only\b/,
    ],
    // Not 병원장/학원장 (a director) or 원장님.
    ko: [
      /(?<!병|학|유치)원장(?!님)/,
      /변경불가/,
      /변경할수없/,
      /위변조/,
      /감사(기록|이력|추적|로그|대응|목적|요건)/,
      /수정(불가|금지|할수없|못하)/,
      /불변/,
      /검증가능/,
      /추가만/,
    ],
  }),
  t('search', 'model', 'full-text search', '전문(full-text) 검색', {
    en: [
      /\b(full|free) ?text\b/,
      /\bsearch(es|ing|able)?\b(?! ?histor)/,
      /\bauto ?complete\b/,
      /\bfuzzy\b/,
      /\btypos?\b/,
      /\brelevance\b/,
      /\bkeyword (search|match)/,
      /\b(most )?relevant (results|articles|documents|docs|matches|products|hits|pages)\b/,
    ],
    ko: [/검색(?!이력|기록|히스토리)/, /자동완성/, /전문검색/, /오타/, /형태소/, /키워드매칭/, /키워드(로|를)?필터/],
  }),
  // Similarity over embeddings is its own kind of search: read as full text, the answer's read line misleads.
  t('vector', 'model', 'vector (similarity) search over embeddings', '임베딩 벡터 유사도 검색', {
    en: [
      /\bvectors?( (similarity )?(search(es|ing)?|stores?|databases?|dbs?|index(es)?|lookups?))?\b/,
      /\bembeddings?\b/,
      /\brag\b/,
      /\bsemantic (search|similarity|retrieval)\b/,
      /\b(similarity|nearest neighbou?r|k ?nn|ann) (search|lookups?|queries|matching)\b/,
      /\bpgvector\b/,
    ],
    ko: [
      /벡터(검색|db|디비|저장소|데이터베이스)?/,
      /임베딩/,
      /유사도(검색|기반)/,
      /시맨틱(검색)?/,
      /의미(기반)?검색/,
      // Spaces are gone in this form: "for a good" must not read as RAG.
      /(^|[^a-z])rag([^a-z]|$)/,
    ],
  }),
  // Access patterns
  t('transactions', 'access', 'transactions and integrity', '트랜잭션과 무결성', {
    en: [
      /\btransactions?\b/,
      /\btransactional\b/,
      /\bacid\b/,
      /\bintegrity\b/,
      /\bconsisten(t|cy)\b/,
      /\bpayments?\b/,
      /\borders\b/,
      /\border (processing|data|history|management|system|service)/,
      /\bbilling\b/,
      /\bbanking\b/,
      /\binvoices?\b/,
      /\bledger entries\b/,
      /\boltp\b/,
      /\binventory\b/,
    ],
    ko: [/트랜잭션/, /무결성/, /정합성/, /일관성/, /결제/, /주문/, /정산/, /송금/, /은행/, /재고(?!려)/, /회계/],
  }),
  t('read-heavy', 'access', 'read-heavy lookups', '읽기 위주의 대량 조회', {
    en: [
      /\bread ?heavy\b/,
      /\bmostly reads?\b/,
      /\breads? (far )?(outnumber|more than)/,
      /\bhigh read\b/,
      /\blots of reads\b/,
      /\bheavy reads?\b/,
      /\breads? per second\b/,
      /\bread traffic\b/,
      /\bread on every (request|call|page)/,
    ],
    ko: [
      /읽기가(많|대부분)/,
      /조회가(많|대부분)/,
      /읽기위주/,
      /조회위주/,
      /대량조회/,
      /읽기(요청|트래픽)/,
      /조회(요청|트래픽)/,
      /(요청|호출)마다(읽|조회)/,
    ],
  }),
  t('analytics', 'access', 'analytics over large history (OLAP)', '대량 이력에 대한 분석(OLAP)', {
    en: [
      /\banalytic(s|al)?\b/,
      /\bolap\b/,
      /\bwarehous/,
      /\bbi\b/,
      /\breport(s|ing)?\b/,
      /\baggregat/,
      /\bcolumnar\b/,
      /\bbusiness intelligence\b/,
    ],
    ko: [/분석/, /웨어하우스/, /웨어하우징/, /리포트/, /리포팅/, /보고서/, /집계/, /통계/],
  }),
  t('relationships', 'access', 'queries across relationships', '관계를 따라가는 질의', {
    en: [
      /\brelationships?\b/,
      /\bfriends? of friends?\b/,
      /\bsocial (network|graph|feed)/,
      /\bfraud\b/,
      /\brecommendation(s| engine)?\b/,
      /\brecommend (products|items|friends|content)/,
      /\btravers/,
      /\b(multi ?hop|\d+ hops?)\b/,
      /\bwho (knows|follows)\b/,
      /\bnetwork of\b/,
    ],
    ko: [
      /관계망/,
      /친구의친구/,
      /소셜/,
      /사기(탐지|방지|거래|적발|패턴|행위|조직|일당|링)/,
      /부정행위/,
      /이상거래/,
      /이상탐지/,
      /추천(엔진|시스템|기능|서비스)/,
      /연결관계/,
      /관계를(따라|탐색)/,
      /팔로우/,
      // Traversing something connected; 데이터 탐색 or 탐색적 분석 is exploring data, not relationships.
      /(관계|그래프|연결|단계|홉|경로|네트워크)(를|을|로|으로|에서|까지|의)?탐색/,
      /연관관계/,
    ],
  }),
  t('cache', 'access', 'a cache in front of another store', '다른 저장소 앞단의 캐시', {
    en: [
      /\bcach(e|es|ed|ing)\b/,
      /\bhot (keys?|rows?|items?|records?|products?|objects?)\b/,
      /\bin front of\b/,
      /\boffload\b/,
      // The same few rows read over and over: what a cache in front of the database is for.
      /\bsame (\d+ |few )?(\w+ )?(rows|items|records|keys|products|objects) (\w+ ){0,3}read\b/,
    ],
    // Not 캐시백 (cashback).
    ko: [/캐시(?!백)/, /캐싱/, /앞단/, /부하를(줄|덜)/],
  }),
  t('session', 'access', 'session or cart state', '세션·장바구니 상태', {
    en: [/\bsessions?\b/, /\bshopping carts?\b/, /\bcarts?\b/, /\blogin state\b/, /\buser state\b/],
    ko: [/세션/, /장바구니/, /로그인상태/],
  }),
  t('leaderboard', 'access', 'real-time rankings', '실시간 순위', {
    en: [/\bleader ?boards?\b/, /\brankings?\b/, /\bhigh scores?\b/, /\bsorted sets?\b/, /\bzadd\b/, /\bzrange\w*\b/],
    ko: [/리더보드/, /랭킹/, /(?<!우선)순위/, /정렬(된)?(집합|셋)/, /소티드셋/],
  }),
  t('logs', 'access', 'log and trace analytics', '로그·트레이스 분석', {
    en: [/\blogs?\b/, /\btraces?\b/, /\bobservability\b/, /\bclickstream\b/, /\bspans? (by|with|per)\b/],
    // Not inside loanwords that contain 로그: 블로그, 카탈로그, 프로그램, 다이얼로그, 아날로그, 프롤로그, 에필로그,
    // 백로그, nor 로그인/로그아웃.
    ko: [/(?<![블탈프얼날롤필백])로그(?!인|아웃)/, /트레이스/, /관측성/, /클릭스트림/],
  }),
  t('in-memory', 'access', 'data held in memory', '메모리에 두는 데이터', {
    en: [/\bin ?memory\b/, /\bram\b/],
    ko: [/인메모리/, /메모리에/],
  }),
  t('durable', 'access', 'no data loss', '데이터 유실 없음', {
    en: [
      /\bdurab(le|ility)\b/,
      /\bpersist/,
      /\b(can'?t|cannot|must not|never) lose\b/,
      /\bprimary (database|store|db)\b/,
    ],
    ko: [
      /내구성/,
      /영속/,
      /유실되면안/,
      /잃으면안/,
      /손실(없|이없|되면안)/,
      /(?<!자)주데이터베이스/,
      /메인db/,
      /프라이머리db/,
    ],
  }),
  // Scale and latency
  t('sub-ms', 'scale', 'sub-millisecond latency', '1ms 미만 지연', {
    en: [
      /\bmicroseconds?\b/,
      /\bsub ?(millisecond|ms)\b/,
      /\b(under|below|less than) (a|one|1) ?(millisecond|ms)\b/,
      // NFKC turns the micro sign (U+00B5) into Greek mu (U+03BC); `\b` never sits before either.
      /\d ?[µμ]s\b/,
    ],
    ko: [
      /마이크로초/,
      /밀리초미만/,
      /1ms(미만|안에|이내|이하)/,
      /1밀리초(미만|안에|이내|이하)/,
      /초저지연/,
      /서브밀리/,
    ],
  }),
  t('low-latency', 'scale', 'low, predictable latency', '낮고 일정한 지연', {
    en: [
      /\bmilliseconds?\b/,
      /\blow latency\b/,
      /\bsingle digit\b/,
      /\b\d+ ?ms\b/,
      /\bfast\b/,
      /\breal ?time\b/,
      /\blatency\b/,
    ],
    ko: [/밀리초/, /지연/, /레이턴시/, /빠른/, /빠르게/, /빨라야/, /빨라요/, /빠름/, /실시간/, /응답속도/],
  }),
  t('massive-scale', 'scale', 'very large scale', '아주 큰 규모', {
    en: [
      /\bmillions?\b/,
      /\bbillions?\b/,
      /\bmassive\b/,
      /\bhuge\b/,
      /\bhigh traffic\b/,
      /\bany scale\b/,
      /\b(peta|tera)bytes?\b/,
      /\b\d+ ?(tb|pb)\b/,
      /\b\d+k? ?(rps|qps|requests per second|writes per second)\b/,
      /\bhundreds of thousands\b/,
      /\bblack friday\b/,
      /\bat scale\b/,
      // "3M users", "~8M learners", "40M members": people count in millions written short.
      /\b\d+(\.\d+)? ?m\+? (daily |monthly |active |concurrent |registered )?(users?|dau|mau|customers?|players?|members?|learners?|subscribers?|devices?|accounts?|sessions?)\b/,
    ],
    ko: [
      /수백만/,
      /백만/,
      /수십억/,
      /억건/,
      /대용량/,
      /대규모/,
      /트래픽이많/,
      /초당/,
      /페타바이트/,
      /테라바이트/,
      /수십만/,
      /천만/,
      /\d{3,}만(명|건|유저|사용자|회원|건)?/,
    ],
  }),
  t('global', 'scale', 'several Regions at once', '여러 리전 동시 운영', {
    en: [/\bglobal(ly)?\b/, /\bmulti ?region\b/, /\bmultiple regions\b/, /\bactive ?active\b/, /\bcross ?region\b/],
    ko: [/글로벌/, /멀티리전/, /여러리전/, /다중리전/, /액티브액티브/, /리전간/],
  }),
  t('serverless', 'scale', 'spiky traffic, pay per request', '변동이 큰 트래픽, 요청당 과금', {
    en: [
      /\bserverless\b/,
      /\bscale to zero\b/,
      /\bon ?demand\b/,
      /\bspiky\b/,
      /\bunpredictable\b/,
      /\bpay per request\b/,
    ],
    ko: [/서버리스/, /온디맨드/, /트래픽변동/, /트래픽이(들쭉날쭉|튀|변동)/, /예측(할수없|불가)/],
  }),
  t('high-availability', 'scale', 'high availability and fast failover', '고가용성과 빠른 장애 조치', {
    en: [/\bhigh(ly)? availab/, /\bfailover\b/, /\bmulti ?az\b/, /\bdowntime\b/, /\b99\.9/],
    ko: [/고가용성/, /장애조치/, /페일오버/, /다운타임/, /멀티az/, /가용성/],
  }),
  t('lift-and-shift', 'scale', 'a straight move with minimal change', '변경을 최소로 한 이전', {
    en: [/\blift and shift\b/, /\bas is\b/, /\bminimal (changes?|effort)\b/],
    ko: [/그대로(옮|이전|이관)/, /리프트앤시프트/, /최소한의(변경|수정)/],
  }),
  // Cost said outright: what AWS's RDS card is "best for" (cost-sensitive workloads), not a migration.
  t('cost-sensitive', 'scale', 'cost-sensitive', '비용에 민감', {
    en: [/\bcost ?sensitive\b/, /\bcheap(est)?\b/, /\bsmall (app|team|budget)/, /\bbudget\b/],
    ko: [/저렴/, /비용이(중요|민감)/, /예산/, /작은(앱|서비스|규모)/],
  }),
  // Source engines (AWS's migration table: match the source engine)
  t('engine-mysql', 'engine', 'MySQL compatibility', 'MySQL 호환', { en: [/\bmysql\b/], ko: [/마이에스큐엘/] }),
  t('engine-postgres', 'engine', 'PostgreSQL compatibility', 'PostgreSQL 호환', {
    en: [/\bpostgres(ql)?\b/, /\bpg\b/, /\bpgvector\b/, /\bpostgis\b/],
    // Loanword spellings people type: 포스트그레(스), 포스그레, 포스트그래.
    ko: [/포스트?그(레|래|리)/],
  }),
  t(
    'engine-commercial',
    'engine',
    'a commercial engine (Oracle, SQL Server, Db2) or MariaDB',
    '상용 엔진(Oracle, SQL Server, Db2) 또는 MariaDB',
    {
      en: [
        /\boracle\b/,
        /\bsql ?server\b/,
        /\bmssql\b/,
        /\bdb2\b/,
        /\bmariadb\b/,
        /\b(commercial|proprietary|licensed) (db|database|engine|rdbms)s?\b/,
      ],
      ko: [/오라클/, /마리아db/, /상용(db|디비|데이터베이스|엔진|rdbms|dbms)/],
    },
  ),
  t('engine-mongodb', 'engine', 'MongoDB compatibility', 'MongoDB 호환', { en: [/\bmongo(db)?\b/], ko: [/몽고/] }),
  t('engine-cassandra', 'engine', 'Cassandra compatibility', 'Cassandra 호환', {
    en: [/\bcassandra\b/, /\bscylla/],
    ko: [/카산드라/],
  }),
  t('engine-redis', 'engine', 'Redis / Valkey compatibility', 'Redis / Valkey 호환', {
    en: [/\bredis\b/, /\bvalkey\b/, /\bmemcached?\b/],
    ko: [/레디스/, /밸키/, /멤캐시/],
  }),
  t('engine-graph', 'engine', 'a graph engine (Neo4j, Gremlin, SPARQL)', '그래프 엔진(Neo4j, Gremlin, SPARQL)', {
    en: [/\bneo4j\b/, /\bjanusgraph\b/, /\btinkerpop\b/],
    ko: [/네오포제이/],
  }),
  t('engine-influx', 'engine', 'InfluxDB compatibility', 'InfluxDB 호환', {
    en: [/\binflux(db)?\b/, /\bprometheus\b/],
    ko: [/인플럭스/],
  }),
  t('engine-search', 'engine', 'Elasticsearch / OpenSearch compatibility', 'Elasticsearch / OpenSearch 호환', {
    en: [/\belastic ?search\b/, /\bkibana\b/, /\bsolr\b/, /\blucene\b/],
    ko: [/엘라스틱서치/, /키바나/],
  }),
];

export const TRAIT_IDS: ReadonlySet<string> = new Set(TRAITS.map((trait) => trait.id));

/** The question as the English patterns see it: lower case, hyphens and punctuation as spaces. */
export function englishForm(question: string): string {
  // An arrow between words ("agent → lead → manager", "a -> b") is kept as one: a path written out is a clue.
  return ` ${normalize(question)
    .replace(/\s*(→|->|=>|⇒)\s*/g, ' → ')
    .replace(/[-_/]+/g, ' ')
    .replace(/[^\p{L}\p{N}.' →]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

/** The question as the Korean patterns see it: no spacing at all, so joined and spaced forms match. */
export function compactForm(question: string): string {
  return normalize(question).replace(/[\s\-_/.,·'"!?()]+/g, '');
}

/**
 * What Korean patterns read: the compact form of a question written in Korean, nothing for one written without
 * Hangul. With the spaces gone, English words run together and hide fragments ("a little" holds "ttl").
 */
export function koreanForm(question: string): string {
  return HANGUL_SYLLABLE.test(question) ? compactForm(question) : '';
}

const HANGUL_SYLLABLE = /[\uac00-\ud7a3\u3131-\u318e]/;

/** True when the question shows this trait unmistakably, not just through everyday words. */
export function isSpecific(trait: Trait, question: string): boolean {
  if (!trait.ambiguous) return true;
  const en = englishForm(question);
  const ko = koreanForm(question);
  return trait.specific.some((p) => p.test(en) || p.test(ko));
}

interface Span {
  form: 'en' | 'ko';
  start: number;
  end: number;
}

const globalCopies = new Map<RegExp, RegExp>();

function spansOf(patterns: RegExp[], text: string, form: Span['form']): Span[] {
  const spans: Span[] = [];
  for (const pattern of patterns) {
    let global = globalCopies.get(pattern);
    if (!global) {
      global = new RegExp(pattern.source, `${pattern.flags}g`);
      globalCopies.set(pattern, global);
    }
    for (const match of text.matchAll(global)) {
      if (match[0].length > 0) spans.push({ form, start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}

const inside = (inner: Span, outer: Span) =>
  inner.form === outer.form &&
  outer.start <= inner.start &&
  inner.end <= outer.end &&
  outer.end - outer.start > inner.end - inner.start;

/**
 * Every trait the question mentions, in {@link TRAITS} order. The longer phrase wins, as in a
 * lexer: a trait found only inside another trait's match is part of that phrase, not a trait of
 * its own ("audit logs" is a ledger, not log analytics; "sub-millisecond" says more than
 * "millisecond"; "SQL Server" is an engine).
 */
export function detectTraits(question: string): Trait[] {
  const en = englishForm(question);
  const ko = koreanForm(question);
  const found = TRAITS.map((trait) => ({
    trait,
    spans: [...spansOf(trait.en, en, 'en'), ...spansOf(trait.ko, ko, 'ko')],
  })).filter((f) => f.spans.length > 0);
  return found
    .filter(
      (f) =>
        !f.spans.every((span) =>
          found.some((other) => other !== f && other.spans.some((outer) => inside(span, outer))),
        ),
    )
    .map((f) => f.trait);
}
