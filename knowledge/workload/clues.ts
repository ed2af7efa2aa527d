import { englishForm, koreanForm } from '../traits.ts';

/**
 * Workload clues the trait lexicon does not carry: constraints, migration intent, the shape of a
 * query (multi-hop, time windows, latest state), and what the asker can tolerate. Each is a concept
 * with its words in both languages; the decision rules (decide.ts) combine them with the traits.
 *
 * English patterns run on the lower-cased question with hyphens as spaces; Korean patterns on the
 * question with spacing removed (see traits.ts).
 */
export interface Clue {
  id: string;
  label: { en: string; ko: string };
  en: RegExp[];
  ko: RegExp[];
  /**
   * Its words carry their own negation ("no AWS-only features", "VPC 없이", "without rewriting our queries"):
   * matched on the whole question, not only on what is left once negated phrases are blanked.
   */
  wholeQuestion?: boolean;
}

const c = (id: string, en: string, ko: string, patterns: { en: RegExp[]; ko: RegExp[] }): Clue => ({
  id,
  label: { en, ko },
  ...patterns,
});

const whole = (clue: Clue): Clue => ({ ...clue, wholeQuestion: true });

const REGION_EN =
  /\b(us|eu|ap|sa|ca|me|af)\s?(east|west|north|south|central|northeast|southeast|northwest|southwest)\s?\d\b|\b(virginia|ohio|oregon|frankfurt|ireland|london|paris|stockholm|tokyo|seoul|osaka|singapore|sydney|mumbai|sao paulo|europe|asia|us and eu)\b/g;
const REGION_KO =
  /서울|도쿄|오사카|버지니아|오레곤|오하이오|프랑크푸르트|아일랜드|런던|파리|싱가포르|시드니|뭄바이|미국|유럽|일본|한국|동남아|아시아/g;

export const CLUES: readonly Clue[] = [
  // Migration and engine intent
  c('migration', 'a migration', '이전(마이그레이션)', {
    en: [
      /\bmigrat/,
      /\bmov(e|ing) (it |them |off |from |to |away )/,
      /\blift(ing)?\b/,
      /\bon ?prem/,
      /\bself ?(hosted|managed|run)\b/,
      /\bretir(e|ing)\b/,
      /\bleav(e|ing)\b/,
      /\bmoved off\b/,
      /\bget(ting)? off\b/,
      /\brenewal\b/,
      /\bto aws\b/,
    ],
    ko: [
      /이관/,
      /이전하/,
      /이전을/,
      /이전할/,
      /옮기/,
      /옮겨/,
      /옮길/,
      /온프레/,
      /탈출/,
      /빠져나오/,
      /자체운영/,
      /걷어내/,
      /교체/,
      /대체/,
    ],
  }),
  c('engine-stay', 'the engine must stay', '엔진 유지 필수', {
    en: [
      /\b(must|have to|has to|need to|needs to|got to|want to) (keep|stay|remain)\b/,
      /\bstay(s|ing)? on\b/,
      /\bkeep(ing)? (it |them |the engine |using |running )?(on |as )?(oracle|sql ?server|mariadb|db2|mssql|the same engine)\b/,
      /\bvendor ?certified\b/,
      /\bcertified (on|for) (oracle|sql ?server|db2|mariadb)\b/,
      /\bas (it|they) (is|are)\b/,
      /\bsame engine\b/,
      /\bcan'?t (change|switch|move off)\b/,
      /\bkeeping (oracle|sql ?server|mariadb|db2)\b/,
      /\bspecific features\b/,
    ],
    ko: [
      /고수/,
      /유지해야/,
      /유지한채/,
      /유지하면서/,
      /(엔진|db)(은|는|을|를)?(못|안)바꾸/,
      /엔진(을|은)?(못|안)바꿈/,
      /그대로(유지|운영|쓰|사용|가)/,
      /전용기능을써/,
      /엔진유지/,
      /같은엔진/,
      /엔진(은|는|을|를)?그대로/,
      /동일(한)?엔진/,
      /엔진(은|는|을|를)?(바꾸지|변경하지|바꾸진)(않|말|마)/,
    ],
  }),
  c('engine-change', 'open to changing the engine', '엔진 변경 가능', {
    en: [
      /\bhappy to (switch|change|move|rewrite|port)/,
      /\b(rewrite|port)(ing)? (it )?(for|to) (postgres|postgresql|mysql|aurora)/,
      /\bleav(e|ing) (oracle|sql ?server|db2|mssql|the commercial)/,
      /\bmov(e|ed|ing) off\b/,
      /\bget(ting)? (off|away from|rid of)\b/,
      /\bcan (change|switch) engines?\b/,
      /\bengines? (can|could|may) (change|be changed|switch|go)\b/,
      /\b(want|wants|wanting|get|getting|go|going|move|moving) off (of )?(oracle|sql ?server|db2|mssql|the commercial|sybase)\b/,
      /\b(chang(e|es|ed|ing)|switch(es|ed|ing)?) (the |our |its )?(db |database )?engines?\b/,
      /\bexit(ing)?\b/,
      /\brefactor/,
      /\b(want|wants|get|getting|we'?re getting) out\b/,
      /\bwilling to (convert|rewrite|port|change|switch|migrate)\b/,
      /\b(we'?d|we would|we will|we can|happy to) (rewrite|convert|port)\b/,
      /\b(budget|time|room|appetite|approval) for (a |the )?rewrite\b/,
      /\b(can|could|will|willing to|ok to) rewrite\b/,
      /\bsct\b/,
      /\bhappy to (switch|change|move)/,
    ],
    ko: [
      /탈출/,
      /빠져나오/,
      /벗어나/,
      /(오라클|oracle|sqlserver|에스큐엘서버|mssql|db2|상용(db|디비|엔진)?)(을|를|에서)?떠나/,
      /엔진(은|는)?상관없/,
      /엔진(을|은)?바꿔도/,
      /엔진변경/,
      /엔진(을|은|는|를)?(바꾸|바꿔|바꿀|변경)/,
    ],
  }),
  whole(
    c('keep-api', 'keeping the API and drivers', 'API·드라이버 유지', {
      en: [
        /\b(without|w o|no) (rewriting|changing|touching) (our |the |any )?(queries|code|app|driver)/,
        /\bkeep(ing)? (the |our )?(cql|queries|driver|drivers|api|wire protocol|query language)\b/,
        /\b(same|existing|current) (driver|drivers|queries|api)\b/,
        /\buses? the (\w+ )?driver\b/,
        /\bspeaks? (cql|the mongo)/,
      ],
      ko: [
        /(쿼리|코드|드라이버|api)(는|은|를|을)?(안|못)바꾸/,
        /드라이버그대로/,
        /(cql|쿼리|api)(는|은|를|을)?그대로/,
        /코드수정없이/,
      ],
    }),
  ),
  // "No licence", "licence-free", "something cheaper" said of a commercial engine: leaving it (guidance §2 refactors).
  // Whole-question: the words carry their own negation ("no licence" is not a licence to blank out).
  whole(
    c('licence-free', 'off the licence (cheaper, open source)', '라이선스 없는(더 저렴한·오픈소스) 엔진으로', {
      en: [
        /\b(no|without|zero|free of|avoid(ing)?) (the |any |more )?(licen[cs]e|licen[cs]ing)/,
        /\b(drop|cut|shed|escape|avoid|ditch|rid of|eliminat\w*|remov\w*|reduc\w*|lower\w*)(ping|ing)? (the |our |those |of )?(\w+ )?licen[cs]/,
        /\blicen[cs](e|es|ing) (cost|fee|bill|renewal|spend|audit|true ?up)/,
        /\blicen[cs]ing\b/,
        /\b(bill|cost|costs|spend|fees?|price)\b.{0,20}\b(too high|too much|huge|insane|killing|painful|expensive)\b.{0,30}\blicen[cs]/,
        /\blicen[cs]\w*\b.{0,30}\b(too expensive|too high|too much|killing|painful|eating)\b/,
        /\brenewal (quote|price|bill|cost)\b/,
        /\blicen[cs]e ?(free|less)\b/,
        /\bcheaper\b/,
        /\b(cut|lower|reduce)(ing)? (the )?(cost|bill)/,
        /\bopen ?source\b/,
      ],
      ko: [
        /라이(선|센)스(비용|료|갱신|계약)?(을|를|이|가|은|는|도)?(없|안내|빼|줄이|부담|절감|아끼|내지않|털)/,
        /라이(선|센)스(비용|료|갱신|계약)/,
        /라이(선|센)스(없이|프리|걱정)/,
        /(더)?저렴한/,
        /더싼/,
        /비용(을)?(줄이|절감)/,
        /싸게/,
        /오픈소스/,
      ],
    }),
  ),
  c('warehouse-source', 'an existing data warehouse', '기존 데이터 웨어하우스', {
    en: [
      /\bteradata\b/,
      /\bnetezza\b/,
      /\bedw\b/,
      /\bvertica\b/,
      /\bgreenplum\b/,
      /\bexadata\b/,
      /\b(db2|oracle|sql ?server|legacy|enterprise|existing|on ?prem) (data )?warehouses?\b/,
    ],
    ko: [/테라데이타/, /테라데이터/, /네티자/],
  }),
  c('qldb', 'Amazon QLDB today (end of support)', '현재 Amazon QLDB 사용 (지원 종료)', {
    en: [/\bqldb\b/, /\bquantum ledger\b/],
    ko: [/qldb/, /큐엘디비/, /퀀텀레저/],
  }),
  c('cql', 'CQL', 'CQL', { en: [/\bcql\b/, /\bdatastax\b/, /\bnodetool\b/], ko: [] }),
  c('cypher', 'Cypher / Gremlin queries', 'Cypher·Gremlin 쿼리', {
    en: [/\bcypher\b/, /\bgremlin\b/, /\bsparql\b/],
    ko: [/사이퍼/],
  }),
  // Constraints
  c('connections', 'database connections run out', 'DB 커넥션 고갈', {
    en: [
      /\btoo many connections\b/,
      /\bopen (too many|lots of|thousands of) connections\b/,
      /\bconnections?\b.{0,30}\b(exhaust|run out|max|limit|too many|pool)/,
      /\b(exhaust|run out of|too many|max(ed)? out)\w* (\w+ )?connections?\b/,
      /\bconnection (pool|limit|storm)/,
      /\bmax_?connections\b/,
      /\btoo many clients\b/,
      /\bconnections? (keep )?(hitting|hit|hits) (the )?(limit|max|cap|ceiling)\b/,
      /\bconnection (errors?|refused|timeouts?|exhaust\w*|spikes?|churn)\b/,
    ],
    ko: [/(db|디비)?연결이?(모자|부족|고갈|터)/, /커넥션/, /연결수/, /연결이(부족|고갈)/],
  }),
  c('lambda', 'called from Lambda', 'Lambda에서 호출', { en: [/\blambdas?\b/], ko: [/람다/] }),
  whole(
    c('scale-to-zero', 'scale to zero, pay per request, no VPC', '사용량 0이면 0원, 요청당 과금, VPC 불필요', {
      en: [
        /\bscale(s|d)? (down )?to zero\b/,
        /\bpay (per|by the) (request|use)\b/,
        /\bpay as you go\b/,
        /\bno vpc\b/,
        /\bwithout (a )?vpc\b/,
        /\bnear ?zero traffic\b/,
        /\bidle (most|much) of the\b/,
        /\bbarely used\b/,
        /\b(pay|cost|costs|spend|bill) (nothing|zero|\$0|near zero|almost nothing) (at night|when idle|when (it'?s )?unused|overnight|on weekends)\b/,
        /\bzero ops\b/,
      ],
      ko: [/0원/, /요청당과금/, /쓴만큼/, /사용한만큼/, /vpc없이/, /vpc불필요/, /트래픽(이)?거의없/],
    }),
  ),
  c('auto-storage', 'storage that grows by itself', '자동으로 늘어나는 스토리지', {
    en: [
      /\bstorage\b.{0,30}\b(grows?|grow by itself|auto ?grow|expands?|auto ?scal)/,
      /\bresiz(e|ing) (the )?(disks?|volumes?|storage)/,
      /\b(disks?|volumes?) (keep )?(filling|running out)/,
      /\bgrows? by itself\b/,
    ],
    ko: [
      /스토리지가?(자동|알아서)/,
      /(디스크|스토리지|용량)(를|을)?(계속)?(늘려|증설)/,
      /용량이?(자동|알아서)/,
      /알아서늘어/,
    ],
  }),
  whole(
    c('portable', 'portable, no AWS-only features', '이식성 (AWS 전용 기능 없음)', {
      en: [
        /\b(aurora|aws|vendor|cloud)[- ]?(only|specific|proprietary) features?\b/,
        /\bbetween clouds\b/,
        /\bcloud[- ]?agnostic\b/,
        /\bproprietary\b/,
        /\bportab/,
        /\bother clouds?\b/,
        /\bmulti ?cloud\b/,
        /\baws only features?\b/,
        /\bvendor lock/,
        /\b(move|moving|migrate|take|taking|run|running) (it |this |them |us )?(off|away from|out of|outside( of)?) aws\b/,
        /\bleave aws\b/,
        /\block ?in\b/,
        /\bcommunity (postgres|postgresql|mysql|edition)/,
        /\bplain (postgres|postgresql|mysql)/,
        /\bvanilla (postgres|postgresql|mysql)/,
      ],
      ko: [
        /(aurora|오로라)전용/,
        /클라우드(간|사이)/,
        /이식성/,
        /다른클라우드/,
        /멀티클라우드/,
        /aws전용/,
        /종속/,
        /aws(밖|바깥|외부)(으로|에서)/,
        /aws를?떠날/,
        /락인/,
        /순수(mysql|postgres|포스트그레)/,
      ],
    }),
  ),
  c('small-steady', 'a small, steady load', '작고 일정한 부하', {
    en: [
      /\b(lowest|low) ?cost\b/,
      /\b(lowest|minimal|minimum|cheapest) (\w+ )?(cost|bill|price|spend)\b/,
      /\beconomical\b/,
      /\bcost ?sensitive\b/,
      /\bcheap\b/,
      /\btiny (app|service|site|backend|workload)\b/,
      /\bbarely changes\b/,
      /\bpredictable (low )?(load|traffic)\b/,
      /\blow traffic\b/,
      /\bon a budget\b/,
      /\bsmall (and )?steady\b/,
      /\bsteady (and )?small\b/,
      /\bsteady (load|traffic|workload)\b/,
      /\bpredictable (load|traffic)\b/,
      /\bcheapest\b/,
      /\blow (and )?steady\b/,
      /\b(tight|limited|small|low|shoestring) budget\b/,
      /\bbudget is (tight|limited|small|low)\b/,
      /\btraffic is (flat|steady|constant|stable|predictable|low|tiny)\b/,
      /\b(flat|constant|stable) (traffic|load|usage)\b/,
    ],
    ko: [
      /(?<!더)(싼|저렴한|저가|가성비)(?!엔진|오픈소스)/,
      /꾸준/,
      /트래픽(이|은|는)?(일정|작|적)/,
      /부하(가|는)?(일정|꾸준)/,
      /작고일정/,
      /일정한(부하|트래픽)/,
      /부하(는|가)?(작고|적고)/,
      /가장저렴/,
      /비용(이|은|을)?(최저|최소|제일낮|가장낮)/,
      /최저비용/,
      /제일저렴/,
      /제일싼/,
    ],
  }),
  c('small-scale', 'a small app', '작은 규모의 앱', {
    en: [
      /\b~?\d{1,3} (users|employees|people|staff)\b/,
      /\binternal (\w+ )?(admin|tool|app|wiki|site|portal|dashboard)/,
      /\b\d{1,2} tables?\b/,
      /\bsmall (internal )?(\w+ )?(app|team|tool|company)/,
      /\bside project\b/,
      /\bhandful of users\b/,
    ],
    ko: [/직원\d{1,3}명/, /\d{1,3}명(이|만)?쓰는/, /사내(툴|시스템|결재|인사|도구)/, /소규모/, /작은(앱|서비스|규모)/],
  }),
  c('variable-traffic', 'traffic that swings and must autoscale', '변동이 커서 자동 확장이 필요한 트래픽', {
    en: [
      /\bauto ?scal/,
      /\btraffic (spikes|swings|jumps|varies)/,
      /\bspikes? \d+x\b/,
      /\bswings? from\b/,
      /\bshrinks?\b/,
      /\bunpredictabl/,
      /\bscales? (up and down|down at night)/,
      /\bbursty\b/,
    ],
    ko: [
      /자동(으로)?(확장|늘었다|늘어나|조절|스케일)/,
      /늘었다줄었다/,
      /폭증/,
      /트래픽(이)?(변동|들쭉|튀|폭증|요동|몰리)/,
      /오토스케일/,
    ],
  }),
  c('multi-region-writes', 'writes in several Regions at once', '여러 리전에서 동시에 쓰기', {
    en: [
      /\b(users|players|customers|clients|people) (everywhere|worldwide|around the world|in every region|on (several|three|two|all|many) continents)\b.{0,40}\bwrit/,
      /\b(all|every|each|several|multiple) (of our )?regions? (accept|take|handle|receive)s? writes\b/,
      /\bwrites? to the (nearest|closest|local) region\b/,
      /\bwrites? (locally )?in (each|every) region\b/,
      /\bactive ?active\b/,
      /\bmulti ?region (active|writes?|write)\b/,
      /\bwrites? (accepted |going |coming )?(in|from|to) (several|multiple|many|two|three|both|all|\d+) (aws )?regions\b/,
      /\b(write|writ(e|ing) to|accept writes in) (both|all|\d+|two|three) regions\b/,
      /\bmulti ?master\b/,
    ],
    ko: [
      /(모든|각|여러|세|두)리전(이|에서|마다).{0,10}쓰기/,
      /가까운리전에.{0,10}(쓰|기록|저장)/,
      /리전마다쓰기/,
      /액티브액티브/,
      /(리전|지역).{0,15}(동시에|동시)(쓰기|쓰|기록|write)/,
      /(리전|지역)(양쪽|모두|둘다).{0,10}쓰/,
      /멀티리전(쓰기|액티브)/,
      /(\d+|두|세|여러)개?리전(에서|에)(다|모두|각각)?(쓰|쓰기|기록|저장)/,
    ],
  }),
  // Surviving the loss of a whole Region (disaster recovery): a replica in another Region, not only Multi-AZ.
  c('region-failure', 'survives a Region failure', '리전 장애에도 유지', {
    en: [
      /\b(survive|withstand|tolerate|outlive|ride out|keep (working|running|serving) (through|during|in)) (a |an |the |any |one )?(whole |entire |full |aws )?regions? ?(\w+ )?(failures?|outages?|down|loss|disasters?|going down)\b/,
      /\bregions? (failure|outage|loss|goes down|going down|dies|fails)\b/,
      /\bcross ?region (dr|disaster recovery|failover|replicas?|replication)\b/,
      /\b(dr|disaster recovery) (in|to|across) (another|a second|other) region\b/,
      /\bfail ?over to (another|a second|the other) region\b/,
    ],
    ko: [
      /리전(이|의)?(장애|다운|전체장애|통째로|단위장애|날아|죽)/,
      /(다른|두번째|타|보조)리전(으로|에)(장애조치|페일오버|복구|넘어|복제)/,
      /리전간(복제|장애조치|페일오버|dr)/,
      /재해복구/,
    ],
  }),
  // One Region answers the question a durable in-memory primary leaves open (ElastiCache vs MemoryDB).
  c('single-region', 'one Region only', '단일 리전', {
    en: [
      /\b(single|one|1) (aws )?region\b/,
      /\b(only|just) (in )?(one|a single) region\b/,
      /\bregion(al)? only\b/,
      /\bno (need for )?(multi ?region|other regions|cross ?region)\b/,
    ],
    ko: [
      /단일리전/,
      /(한|하나의|1개)리전/,
      /리전(은|이)?(하나|한개|1개)/,
      /한리전(만|에서만)/,
      /멀티리전(은|이)?(필요없|불필요|아님|아니)/,
    ],
  }),
  c('concurrent-writes', 'writes in several places at once', '여러 곳에서 동시에 쓰기', {
    en: [
      /\bwrites? .{0,30}\blocally\b/,
      /\bwrites?\b.{0,60}\b(simultaneous\w*|at the same time|concurrently|at once|in both|everywhere)\b/,
      /\b(simultaneous|concurrent|local) writes?\b/,
      /\bwrite (locally|anywhere)\b/,
    ],
    ko: [/동시에?(쓰기|쓰|기록)/, /쓰기.{0,10}동시/, /양쪽(에서|다)?쓰/, /둘다(에서)?쓰/],
  }),
  c('terabytes', 'terabytes of data', '테라바이트급 데이터', {
    en: [/\b(tens|hundreds) of (tb|terabytes)\b/, /\b\d+(\.\d+)? ?tb\b/, /\bterabytes?\b/],
    ko: [/(수십|수백|몇)tb/, /(수십|수백)테라/, /\d+(\.\d+)?tb/, /테라바이트/],
  }),
  c('fast-failover', 'failover in seconds', '수 초 안의 장애 조치', {
    en: [
      /\bfail ?over\b.{0,60}\b(under|below|less than|within|<) ?\d+ ?(s|secs?|seconds)\b/,
      /\b(faster|quicker|sub ?\d+ ?s(ec)?) fail ?overs?\b/,
      /\bfail ?over (took|takes|was|is) (~|about |around |over )?\d+ ?(min|mins|minutes?)\b/,
    ],
    ko: [
      /(장애조치|페일오버|failover)[가-힣a-z0-9~]{0,20}(\d+초(이내|안에|미만)|빠르)/,
      /(장애조치|페일오버|failover)[가-힣a-z0-9~]{0,6}\d+분/,
    ],
  }),
  c('traces', 'traces and spans', '트레이스·스팬', {
    en: [
      /\b(apm|distributed) traces?\b/,
      /\bspans?\b/,
      /\btrac(es|ing) (and|\/) (logs|spans)\b/,
      /\b(slow|individual) (spans|traces|requests)\b/,
    ],
    ko: [/트레이스/, /스팬/, /(분산)?추적데이터/],
  }),
  c('acid', 'ACID transactions', 'ACID 트랜잭션', {
    en: [/\btransaction(s|al)?\b/, /\bacid\b/, /\bintegrity\b/, /\bstrongly consistent\b/],
    ko: [/트랜잭션/, /무결성/, /정합성/],
  }),
  c('primary', 'the primary store (system of record)', '주 저장소(원본)', {
    en: [
      /\bsystem of record\b/,
      /\bsource of truth\b/,
      /\bprimary (database|store|db|datastore)\b/,
      /\bmain (database|db|store)\b/,
    ],
    ko: [/원본(저장소|데이터)/, /주(db|데이터베이스|저장소)/, /메인(db|데이터베이스|저장소)/, /기본데이터베이스/],
  }),
  whole(
    c('loss-ok', 'losing it on failure is fine', '장애 때 유실돼도 괜찮음', {
      en: [
        /\bwho cares if\b/,
        /\b(vanish|disappear)\w*\b/,
        /\bshort ?lived\b/,
        /\btransient\b/,
        /\bvolatile\b/,
        /\btemporary\b/,
        /\bfine if (they|it|we|data)('re| are| is|'s)? (lost|gone|lose)/,
        /\b(ok|okay|fine|acceptable) (to lose|if lost|losing)/,
        /\brebuild (it|them)?\b/,
        /\bcan be (lost|rebuilt|regenerated)\b/,
        /\b(rebuilt|regenerated|recomputed|recreated|repopulated) (from \w+ )?(if|when|on|after) (it'?s |they'?re |we )?(lost|gone|lose|restart|crash|failure|failover)/,
        /\bephemeral\b/,
        /\bthrowaway\b/,
        // Double negatives that permit loss: "not a big deal if we lose them", "doesn't matter if it's gone".
        /\b(no|not a|not that) big deal if\b/,
        /\b(doesn'?t|does not|won'?t|wouldn'?t) matter if (we|it|they|some|data)\b/,
        /\bnot the end of the world if\b/,
      ],
      ko: [
        /지워져도/,
        /삭제돼도/,
        /사라져도/,
        /없어져도/,
        /휘발/,
        /임시(데이터|값|저장)/,
        /날아가도(괜찮|상관|돼|됨)/,
        /유실(돼도|되어도|허용)/,
        /잃어도/,
        /다시(만들|생성|채우)/,
        /재생성/,
      ],
    }),
  ),
  // Whole-question: "30초 지나면 의미없음" carries its own negator; an English "never expires" is excluded by name.
  whole(
    c('expires', 'data that expires', '만료되는 데이터', {
      en: [
        /(?<!\b(never|not|doesn't|don't|dont|doesnt|won't|no|nothing) (\w+ )?)expir(e|es|ed|y|ing)\b/,
        /(?<!\bno )\bttl\b/,
        /\btime to live\b/,
        /\b(useless|stale|meaningless|worthless|irrelevant) after\b/,
        /\b(resets?|cleared|wiped|flushed) (every|each|after|hourly|daily|nightly)\b/,
      ],
      ko: [
        /지나면(의미없|필요없|버려|삭제|사라|쓸모없|지워|무의미)/,
        /(?<!안|않는|없는)만료/,
        /ttl/,
        /(초|분|시간|일)(뒤|후|지나)(에|면)?(삭제|사라|버려|의미없|필요없|무의미)/,
        /마다(초기화|리셋|비움)/,
      ],
    }),
  ),
  // Data that lives seconds or minutes (OTP codes, presence, positions): fast, expiring, rebuildable.
  // Whole-question: "1분 지나면 쓸모없음", "useless after a minute" carry their own negator.
  whole(
    c('short-lived', 'data that lives seconds or minutes', '몇 초·몇 분만 유효한 데이터', {
      en: [
        // A lifetime ("kept for 5 minutes"), never a window size ("averages in 5 minute buckets").
        /\b(expir\w*|valid|lives?|kept|keep|stor(e|ed)|held|hold|cached?|ttl) (\w+ ){0,3}(after|for|within) (\d+|a few|few|several|a couple of) ?(s|secs?|seconds?|mins?|minutes?)\b(?! (bars?|buckets?|windows?|intervals?|averages?|rollups?|candles?|granularity|resolution|aggregates?))/,
        /\b\d+ ?(s|sec|secs|seconds?|min|mins|minutes?) (ttl|expiry|lifetime|lifespan|window)\b/,
        /\b(useless|stale|meaningless|worthless|irrelevant|gone|deleted|dropped|discarded) (after|within|in) (a|one|\d+|a few|few) ?(s|secs?|seconds?|mins?|minutes?)\b/,
        /\b(otp|one time (code|password)|verification code)s?\b/,
      ],
      ko: [
        /\d+(초|분)(뒤|후|지나면|동안|간|만|이면)?(에)?(만료|삭제|사라|의미없|무의미|쓸모없|필요없|버려|지워|저장|보관|유지|유효)/,
        /(인증번호|otp|일회용(비밀번호|코드)|인증코드)/,
      ],
    }),
  ),
  // Each new value replaces the last: whatever "old values" the question mentions are not kept.
  c('overwrite', 'each value overwrites the last', '새 값이 이전 값을 덮어씀', {
    en: [/\boverwrit\w*/, /\bupdated? in place\b/, /\breplac(es|ed|ing) the (previous|old|last)\b/, /\bupsert/],
    ko: [/덮어(써|쓰|씀|씌|쓴)/, /갱신만/],
  }),
  // Items kept in order within one key ("messages ordered per conversation", "채팅방별 메시지 순서"): a partition
  // key with a sort key, what DynamoDB's single-table designs are built on.
  c('ordered-per-key', 'items ordered within each key', '키마다 순서대로 쌓이는 항목', {
    en: [
      /\b(ordered|sorted|in order|chronolog\w*|by time|by timestamp|newest first|oldest first) (with)?in (each|a|one|every|the same) \w+/,
      /\b(ordered|sorted|in order|chronolog\w*) (per|by|for each) (conversation|chat|room|channel|thread|user|device|account|player|customer|session|order|game|match)s?\b/,
      /\b(messages|events|entries|items|posts|comments) (per|for each|of each|in each) (conversation|chat|room|channel|thread|user|device|account|player|match|game)\b/,
    ],
    ko: [
      /(대화방|채팅방|방|채널|스레드|사용자|유저|기기|계정|대화)(별|마다|단위)(로)?.{0,12}(순서|시간순|정렬|최신순)/,
      /(순서|시간순|정렬)(대로|로)?.{0,6}(대화방|채팅방|채널|스레드|대화)(별|마다)/,
    ],
  }),
  c('cart', 'shopping carts', '장바구니', { en: [/\b(shopping )?(carts?|baskets?)\b/], ko: [/장바구니/] }),
  c('counter', 'counters or presence', '카운터·접속 상태', {
    en: [
      /\bcounters?\b/,
      /\brate limit/,
      /\bpresence\b/,
      /\bonline status\b/,
      /\bthrottl/,
      /\blive (\w+ )?(positions?|locations?|coordinates)\b/,
    ],
    ko: [/카운터/, /호출횟수/, /요청제한/, /접속상태/, /온라인상태/, /실시간위치/],
  }),
  c('too-big-for-memory', 'too big to keep in memory', '메모리에 다 올리기엔 너무 큼', {
    en: [
      /\bram (bills?|costs?|prices?) (are|is)\b/,
      /\bmemory (bills?|costs?) (are|is)\b/,
      /\btoo (big|large) (to (keep|fit|hold) in|for) (ram|memory)\b/,
      /\b(doesn'?t|won'?t|can'?t) fit in (ram|memory)\b/,
      /\bout of memory\b/,
      /\bram (is|gets) too expensive\b/,
    ],
    ko: [
      /(메모리|인메모리|램).{0,10}비용/,
      /메모리비용/,
      /램비용/,
      /메모리(보다|를|가)?(더)?(커|크|넘|초과|부족|모자)/,
      /메모리에(다)?(못|안)(올|들어)/,
      /메모리(가)?(부족|모자)/,
      /메모리에다못/,
    ],
  }),
  // Query shape
  c('latest-state', 'only the latest state per key', '키별 최신 상태만', {
    en: [
      /\bupdated? in place\b/,
      /\bin ?place (updates?|overwrites?)\b/,
      /\bfreshest\b/,
      /\bright now\b/,
      /\blast reported\b/,
      /\breplac(es|ed|ing) the (previous|old|last)\b/,
      /\bonly the last\b/,
      /\bpresent (\w+ ){0,2}(value|state|status)s?\b/,
      /\b(latest|most recent|last known|last seen|newest)\b/,
      /\bcurrent (\w+ )?(value|state|status|reading|position|location|config|setting|odometer|count|score)s?\b/,
      // "the current price per ticker", "latest balance for each account": one value kept per key, whatever it is.
      /\b(current|latest|most recent|last known) (\w+ ){1,4}(per|for each|of each|for every|of every) \w+/,
      /\bonly (show|keep|need|store|care about) (the )?(current|latest|last|most recent)\b/,
      /\boverwrit/,
      /\bshadow\b/,
    ],
    ko: [
      /지금상태/,
      /지금값/,
      /마지막(으로)?(보고|들어온|수신)/,
      /최근값만/,
      /현재의?값/,
      /최신/,
      /현재(값|상태)/,
      /가장최근/,
      /마지막(접속|값|상태)/,
      /덮어(써|쓰|씀|씌)/,
      /(현재|최신|실시간)(값|상태)만/,
      /(최근|마지막)(접속|로그인|위치|상태|값|시각|업데이트|수신)(시각|시간|값|상태|정보)?만/,
      /(현재|최신|지금)(의)?(온도|위치|잔량|수치|좌표|속도|배터리|재고|점수|주행거리|값|상태)(만|하나)/,
      /(현재|최신|마지막)[가-힣a-z]{1,6}(만)(필요|있으면|보여|저장|관리|알면|남기)/,
    ],
  }),
  c('per-entity', 'one value per device, user or item', '기기·사용자·항목별 값', {
    en: [
      /\b(per|each|by) (\w+ )?(sku|code|number|email|serial)s?\b/,
      /\b(each|per|every single|every) (of (our|the|all|these|those|its|their) )?(\d[\w.]* )?(\w+ )?(device|sensor|user|kiosk|vehicle|truck|car|player|machine|item|account|scooter|charger|store|shop|key|id|customer|driver|meter|host|server|robot|drone)s?('s)?\b/,
      /\bby (\w+ )?id\b/,
      // "for each parcel", "of every tenant": one value kept per thing, whatever the thing is called.
      /\b(for|of|per) (each|every) \w+/,
      /\b(each|every) \w+'s\b/,
      // "the latest rate per currency pair": the value is kept per whatever follows "per".
      /\b(current|latest|most recent|last known) \w+s? (per|for each|of each|for every|of every|by) \w+/,
      // A fleet counted ("30k trucks", "2 million devices"): a value is kept per member of it.
      /\b\d+(\.\d+)? ?(k|m|thousand|million)? (trucks|vehicles|devices|sensors|cars|scooters|drivers|machines|meters|kiosks|robots|drones|players|users|accounts|stores|chargers|tickers|symbols)\b/,
    ],
    ko: [
      /(sku|코드|번호|시리얼)(별|마다|로)/,
      /(device|user|sensor|key|id|item|player|customer|account)(별|마다)/,
      /(기기|장비|센서|사용자|유저|회원|차량|기계|충전기|키오스크|매장|스쿠터|플레이어|디바이스|고객|서버)(마다|별|별로)/,
      /id로/,
      // "택배마다", "고객마다": per thing; "5초마다", "요청마다" are a rate, not a key.
      /[가-힣](?<!(초|분|시간|날|일|주|달|월|년|요청|호출|번|회|건))마다/,
      /(^|[^가-힣])각(기기|장비|센서|사용자|유저|방|차량|매장|디바이스|서버|계정|고객|충전기|단말)/,
      // "트럭 3만 대의", "센서 2천 개의": a counted fleet, one value per member.
      /\d+(\.\d+)?(만|천|백)?(대|개|명|곳|기)(의|에대한|에서|가|마다|각각)/,
    ],
  }),
  c('history', 'keeping history', '이력 보관', {
    en: [
      /\bhistor(y|ies|ical)\b/,
      /\b(old|past|previous|older|earlier) (values|readings|states|statuses|positions|locations|versions|records|data)\b/,
    ],
    ko: [/(예전|이전|과거)(값|상태|위치|데이터|기록)/, /이력/, /히스토리/],
  }),
  // Old values discarded, said outright ("older values are thrown away", "예전 값은 버림"): there is no history to keep.
  whole(
    c('no-history', 'old values discarded', '이전 값은 버림', {
      en: [
        /\b(old|older|previous|past|earlier|prior) (\w+ )?(values?|readings?|states?|data|ones|positions|locations|versions|entries) (are|is|get|gets|can be|will be)? ?(thrown away|discarded|dropped|deleted|purged|overwritten|replaced|not kept|not stored|irrelevant)\b/,
        /\b(we )?never look back\b/,
        /\bthrow (away|out) (the )?(old|older|previous|past)\b/,
      ],
      ko: [
        /(예전|이전|과거|지난)(값|상태|데이터|기록|위치)?(은|는|들은)?(버림|버려|버리|삭제|안봐|안봄|필요없|안남|덮어|지워)/,
      ],
    }),
  ),
  c('history-elsewhere', 'history kept elsewhere', '이력은 다른 곳에', {
    en: [/\bhistory (is |lives |goes )?(elsewhere|somewhere else)\b/],
    ko: [/이력은다른(데|곳)/, /이력은따로/],
  }),
  c('time-window', 'aggregation by time window', '시간 구간별 집계', {
    en: [
      /\bper \d+ ?(s|secs?|seconds?|mins?|minutes?|h|hours?|days?)\b/,
      /\baverag\w* (it |them |that )?(per|by|over|every|into)\b/,
      /\b\d+ ?(minute|min|second|sec|hour) (averages?|avg|mean|max|min|sums?|candles?|bars?)\b/,
      /\brolling (averages?|windows?|means?)\b/,
      /\bmoving averages?\b/,
      /\bcandles?\b/,
      /\b(last|past) (hour|day|week|month)\b/,
      /\bper (second|minute|hour|day|week)\b/,
      /\b\d+ ?hz\b/,
      /\bdaily (highs?|lows?|averages?|totals?|max|min)\b/,
      /\b(hourly|daily|weekly|monthly|per minute|per hour|per day)\b/,
      /\broll ?ups?\b/,
      /\bdownsampl/,
      /\bohlc\b/,
      /\b\d+ ?(s|sec|second|min|minute|m|h|hour)s? (bars?|buckets?|windows?|intervals?)\b/,
      /\blast \d+ ?(h|hours|days|minutes|mins)\b/,
      /\bover time\b/,
      /\btrends?\b/,
      /\b(averages?|avg|min|max) per (\w+ )?(minute|hour|day|week)\b/,
    ],
    ko: [
      /(시간|분|초|일)단위(평균|합계|집계|최대|최소)?/,
      /\d+(초|분|시간)(평균|합계)/,
      /이동평균/,
      /캔들/,
      /최근\d+(시간|일|분)/,
      /\d+(초|분)단위/,
      /시간대별/,
      /시간별/,
      /일별/,
      /주별/,
      /분봉/,
      /기간별/,
      /추이/,
      /시간창/,
      /구간별/,
    ],
  }),
  // A sampling rate ("every 5s", "10 Hz", "매초", "5초마다"): a stream of measurements, not one value kept per key.
  c('sampling', 'sampled at a steady rate', '일정 주기로 수집', {
    en: [
      /(?<!\b(reset|resets|cleared|flushed|expire|expires|expired|wiped|purged|rotated) )\bevery (\d+ ?)?(ms|milliseconds?|s|secs?|seconds?|mins?|minutes?)\b/,
      /\bpoll(s|ed|ing)? (\w+ ){0,5}every\b/,
      /\b\d+ ?hz\b/,
      // Readings per second are a sampling rate; requests, writes or rows per second are throughput.
      /\b\d+k? (readings|points|samples|measurements|data points|datapoints) (per|a|each) (second|sec|minute|min)\b/,
      /\b\d+k? ?(points|samples|readings)\/?s\b/,
    ],
    ko: [
      /매초(?!초기화|리셋|삭제|만료)/,
      /매분(?!초기화|리셋|삭제|만료)/,
      /\d+(초|분)마다(?!초기화|리셋|삭제|만료|비움)/,
      /(초|분)당\d+(\.\d+)?(만|천|백)?(개|건)?의?(측정|샘플|포인트|데이터포인트|수집|센서)/,
    ],
  }),
  c('measurements', 'measurements from devices or markets', '기기·시장의 측정값', {
    en: [
      /\bvibration\b/,
      /\busage\b/,
      /\bpings?\b/,
      /\bheart ?rate\b/,
      /\bgps\b/,
      /\b(wind|vehicle|driving|fan|engine|motor|rotation|rotor|line|conveyor|spindle) speeds?\b/,
      /\bspeeds? (readings?|data|samples|values)\b/,
      /\btemperatures?\b/,
      /\b(pressure|humidity|voltage|amperage|rpm|flow rate|moisture|co2|air quality|water level|wind speed)s?\b/,
      /\bprices?\b/,
      /\bcpu\b/,
      /\bp(50|75|90|95|99|999)\b/,
      /\bvitals?\b/,
      /\bwearables?\b/,
      /\breadings?\b/,
      /\bticks?\b/,
      /\b(order ?book|quotes?|bids?|vwap|twap|ohlc)\b/,
      /\bprice points?\b/,
      /\bsensors?\b/,
      /\bthermostats?\b/,
      /\bmeters?\b/,
      /\bmetrics\b/,
      /\btelemetry\b/,
      /\bsamples?\b/,
      /\bmachines?\b/,
    ],
    ko: [
      /공정/,
      /생산라인/,
      /진동/,
      /사용량/,
      /온도/,
      /압력/,
      /전압/,
      /유량/,
      /수위/,
      /풍속/,
      /미세먼지/,
      /습도/,
      /전력/,
      /배터리/,
      /(차량|주행|회전|풍|모터|엔진|팬|라인|컨베이어)속도/,
      /속도(측정|데이터|값|센서)/,
      /심박/,
      /수치/,
      /검침/,
      /가격/,
      /cpu/,
      /gps/,
      /센서/,
      /측정/,
      /체결/,
      /호가/,
      /시세/,
      /계량/,
      /스마트미터/,
      /전력사용량/,
      /텔레메트리/,
      /설비/,
      /지표/,
      /메트릭/,
    ],
  }),
  c('multi-hop', 'links followed several hops deep', '여러 단계로 이어진 연결 탐색', {
    en: [
      /\bwalk(ing)? (the )?(connections|links|edges|relationships|graph)\b/,
      /\b(within|up to) (\d+|two|three|four|five|six|several|many) (degrees|hops|levels|steps)\b/,
      /\b(\d+|two|three|four|five|six|several|many|multiple) (degrees|hops|levels) (of|away|deep|out|apart)\b/,
      /\btransitiv/,
      /\bany number of (hops|levels|calls|steps|links|layers)\b/,
      /\b(unknown|unbounded|variable) depth\b/,
      /\binto (one|a single) (person|customer|identity|profile|account|user)\b/,
      /\b\d+ ?(\d+ )?hops?\b/,
      /\bhops? (away|apart|out|deep)\b/,
      /\bmulti ?hop\b/,
      /\bfollow\w* .{0,30}\bstep by step\b/,
      /\bstep by step .{0,30}\b(links?|edges?|relationships?|connections?)\b/,
      /\brecursive\b/,
      /\bself ?joins?\b/,
      /\barbitrary depth\b/,
      // Chains walked up or down: supply chains, lineage, inheritance through nested groups.
      /\b(follow|trace|walk|climb)\w* (\w+ ){0,3}(chain|tree|hierarchy|network|lineage)s? (up|down|upstream|downstream|back)/,
      /\b(upstream|downstream) (through|along|in|across) (the |our )?(\w+ )?(chain|suppliers|tiers|dependencies|lineage)\b/,
      /\binherit\w* (through|from|via) (\w+ ){0,3}(groups|roles|parents|levels|hierarch\w*|teams|folders)\b/,
      /\bnested (groups|roles|teams|folders) of\b/,
      /\b\d+ levels? deep\b/,
      /\bshortest (path|chain|route)\b/,
      // A path written out ("requester → manager → director → VP", "supplier -> part -> product"): a chain walked.
      /\b(indirect(ly)?|transitive(ly)?|cascad(e|es|ing)) (\w+ ){0,3}(dependen\w*|impact\w*|affected|effects?|members?|reports|grants?|access|links?)\b/,
      /\bwhich (\w+ ){0,4}(are|get|would be|is) (\w+ )?affected\b/,
      /\b(groups?|roles?|folders?|teams?|categories) (with)?in (other )?(groups|roles|folders|teams|categories)\b/,
      /\b(every|all|each) (possible )?paths?\b/,
      /\bpeople who (bought|viewed|watched|liked|read) .{0,40}\b(also|bought|viewed|watched|liked)\b/,
      /\b(customers|users|people) (also|who also) (bought|viewed|watched|liked)\b/,
      /\bco ?(purchase|purchased|view|viewed|occurrence)s?\b/,
      /\b(are |is )?all (inter)?linked\b/,
      /\b(linked|connected) to each other\b/,
      /\bbom\b/,
      /\bwalk (the |an |our )?(\w+ )?(chain|tree|hierarchy|graph|links|path)\b/,
      /\buntil (someone|something|somebody|we|it) (\w+ )?(has|have|reaches|finds|hits|can|is)\b/,
      // Networks walked rather than joined: dependencies, hierarchies, parts, lineage, influence, money trails.
      /\b(network|web|mesh) of (\w+ ){0,2}(people|accounts|users|devices|hosts|services|companies|entities|suppliers|connections|dependencies|relationships)\b/,
      /\b(org|organi[sz]ation(al)?|reporting) (chart|hierarchy|tree|chain)\b/,
      /\bbill of materials\b/,
      /\bblast radius\b/,
      /\bimpact analysis\b/,
      /\b(data )?lineage\b/,
      /\bwho knows (who|whom)\b/,
      /\bmutual (friends|connections|followers|contacts)\b/,
      /\b(centrality|pagerank|community detection|influencers? (graph|network))\b/,
      /\breachab(le|ility)\b/,
      /\bfraud rings?\b/,
      /\b(money|fund|funds|payment) (flows?|trails?) (between|across|through)\b/,
      /\battack paths?\b/,
      /\b(which|what) \w+ can reach (which|what)\b/,
      /\b(\d+|two|three|four|five|several|many) (tiers|layers) (up|down|upstream|downstream|deep|away|above|below)\b/,
      /\b(join chains?|chained joins)\b/,
      /\blink(ed|ing)? (\w+ )?identit/,
      /\bidentity (resolution|graph|linking)\b/,
      /\bpeople you may know\b/,
      /\bfollowing (the )?links\b/,
      /\b(\d+|two|three|four|five|several|many) or more (shared|hops|degrees|levels|links|intermediar\w*|steps)\b/,
      /\bthrough (\d+|two|three|several|many|multiple) (or more )?(intermediar\w*|middlemen|people|accounts|hops)\b/,
      /\bdegrees? of separation\b/,
      /\bdependency (tree|chain|graph)/,
      /\bconnected (to|through) each other\b/,
      // Cycles: money or ownership that goes round ("rings of accounts paying each other in circles").
      /\b(rings?|cycles?|circles?|loops?) of (\w+ )?(accounts|transactions|payments|transfers|people|users|companies|shell companies|entities)\b/,
      /\b(paying|sending|transferring|owing) (money to )?each other\b/,
      /\bcircular (payments?|transfers?|ownership|references?|dependenc\w*|trades?)\b/,
      /\bcycle detection\b/,
      /\b(any|arbitrary|unlimited|unknown|variable) (number of )?(depth|levels|hops)\b/,
      /\b(belong(s|ing)? to|are|is|be) (actually |really )?the same (person|customer|user|individual|household|entity|company)\b/,
      /\bwho (bought|watched|liked|read|follow(ed)?) .{0,30}\balso (bought|watched|liked|read|follow(ed)?)\b/,
    ],
    ko: [
      /(하나로|한명으로|한사람으로)(묶|합치|통합)/,
      /끝까지(따라|추적)/,
      /(따라|거슬러)(올라|내려)가/,
      /몇단계/,
      /여러단계/,
      /\d+단계(이상|까지|씩)/,
      /다단계/,
      /(단계|홉)(씩|로)?(연결|이어|엮)/,
      /재귀/,
      /셀프조인/,
      /하나의(고객|사용자|계정)으로묶/,
      /아이덴티티/,
      /연결(을|관계를)?따라/,
      /관계(를)?따라/,
      /친구의친구/,
      /순환(구조|거래|송금|참조|관계|고리|출자)/,
      /돌고도는/,
      /같은(사람|고객|사용자|인물|회원)(인지|으로|끼리|을|를)/,
      /같은(가구|가족|세대|사람|고객|사용자|회원|인물)(에|로)?(속한|속하는|인)/,
      /(깊이|단계|뎁스)(는|가|를)?(정해지지않|모름|몰라|제한없|무제한|알수없)/,
      /경로(를)?찾/,
      /최단경로/,
      /(\d+|한|두|세|몇)(~\d+)?다리(건너|거쳐|를건너)/,
      /건너(건너)?아는/,
      /공격경로/,
      /연결망/,
      /간접(적으로|포함|까지|영향|의존)/,
      /연쇄(적으로)?/,
      /(그룹|폴더|조직|팀|카테고리|역할)안에(또|다시)?(그룹|폴더|조직|팀|카테고리|역할)/,
      /(위로|아래로)계속/,
      /타고(올라|내려)/,
      /영향(을)?받는/,
      /같이산(상품|물건)?/,
      /본사람들이본/,
      /산사람들이(같이)?산/,
      /서로연결/,
      /(bom|자재명세)/,
      /역전개/,
      /\d+(차|단계)(,|및|와|과)?\d+(차|단계)/,
      /조직도/,
      /(?<![합설체회])계보/,
      /의존(관계|성)(분석|트리|그래프|추적)/,
      /영향(범위|도)?분석/,
      /자재명세/,
      /공통(친구|지인)/,
      /(지인|친구)의(지인|친구)/,
      /도달(가능|경로)/,
      /자금(흐름|추적)/,
      /\d+단계(를|로)?(따라|건너|거쳐|탐색|추적)/,
      /경로(를)?(추적|탐색)/,
      /(사기|의심|순환|자금)[가-힣]{0,4}고리/,
    ],
  }),
  // The same shape in everyday words ("chain of events", "manager of the manager"): it reads as multi-hop
  // only beside a data word, never makes a question about databases on its own.
  // A path written out ("agent → lead → manager → head", "팀장→본부장→임원"): links walked, unless it is a funnel.
  c('written-path', 'a path written out step by step', '단계별로 적힌 경로', {
    en: [/\w → [^→]{1,40} → \w/],
    ko: [],
  }),
  c('link-chain', 'chains of links between things', '사물 사이의 연결 사슬', {
    en: [
      /\b(share|sharing|shared) (the same )?(emails?|phones?|devices?|cards?|addresses?|ips?)\b/,
      /\bchains? of\b/,
      /\b(\w+)(?:'s)? of (?:the )?\1\b/,
      /\b(\w+)'s \1\b/,
      /\btied together\b/,
      /\b(reach(able)?|connected|linked|related|tied) .{0,40}\bthrough\b/,
    ],
    ko: [
      /같은(카드|기기|디바이스|전화번호|번호|주소|ip|이메일|계좌).{0,20}(계정|사용자|회원|고객)/,
      /엮여/,
      /엮인/,
      /(끼리|서로)연결/,
    ],
  }),
  c('shallow-joins', 'ordinary joins a level or two deep', '한두 단계의 평범한 조인', {
    en: [
      /\bforeign keys?\b/,
      /\b(one|two|1|2) (or two |or 2 )?levels? of joins?\b/,
      /\bsimple joins?\b/,
      /\b(only|just) (ever )?(shows?|needs?|reads?|displays?|looks? at) (the )?(direct|immediate) (\w+ )?(manager|parent|boss|supervisor|category|folder|department|team)\b/,
      /\bnever (walk|go|look|climb) (any )?(further|higher|deeper|up)\b/,
      /\bone level (only|deep)\b/,
      /\b(no|without) (nested|threaded) (replies|comments)\b/,
    ],
    ko: [
      /외래키/,
      /조인은?한두단계/,
      /한두단계/,
      /바로위[가-힣]{0,6}만/,
      /(1|한)단계만/,
      /대댓글(은|이)?없/,
      /그위로는?안/,
    ],
  }),
  c('heavy-reporting', 'heavy reporting that overloads an operational store', '운영 DB를 짓누르는 대형 리포트', {
    en: [
      /\b(quarter|month|year) ?end\b.{0,40}\b(quer|report|job)/,
      /\b(finance|reporting|analytics?|bi) (queries|jobs|reports)\b.{0,50}\b(slow|hammer|overload|lock|kill|crawl)/,
      /\bslow(s|ing)? (our |the )?(prod|production|primary)\b/,
      /\breport(s|ing)?\b.{0,40}\b(hammer|overload|lock|slow|kill|crush|choke)/,
      /\b(nightly|monthly|weekly|end of month) (report|batch|finance|reporting)/,
      /\bread replicas?\b.{0,40}\b(report|analytic)/,
      /\b(report|analytic)\w*\b.{0,40}\bread replicas?\b/,
      /\block(s|ing)? up prod/,
      /\b(analysts?|reports?|reporting|ad ?hoc|batch|bi)\b.{0,60}\breplica(tion)? lag\b/,
      /\breplica(tion)? lag\b.{0,60}\b(analysts?|reports?|reporting|ad ?hoc|batch)\b/,
      // Analysts' or reports' queries that take an operational database down, however it is said.
      /\b(analysts?|reports?|reporting|bi|dashboards?|ad ?hoc (sql |queries|query))\b.{0,40}\b(kill|hammer|overload|crush|chok|swamp|take down|knock|bring down|melt)\w*\b.{0,25}\b(replicas?|primary|prod|production|database|db)\b/,
      /\b(kill|hammer|overload|crush|chok|swamp|melt)\w* (\w+ ){0,2}(replicas?|prod|primary|production|database|db)\b.{0,40}\b(ad ?hoc|reports?|reporting|analytic\w*|analysts?)\b/,
    ],
    ko: [
      /(분기|월|연|년)(말|마감).{0,10}(리포트|보고서|정산|쿼리|배치)/,
      /(리포트|보고서|배치|분석).{0,20}(운영db|운영디비|프로덕션|서비스)(가|이)?.{0,10}(느려|뻗|죽|멈)/,
      /(복제본|레플리카|리플리카|replica)(가|이)?.{0,12}(뻗|죽|느려|터|멈)/,
      /(리포트|보고서|분석)(쿼리)?(때문에|로인해).{0,20}(운영|db|디비|레플리카|복제본)/,
      /리포트때문에/,
      /(리포트|보고서|분석|배치)[가-힣a-z0-9 ]{0,20}(복제|레플리카)(지연|랙|lag)/,
      /(리포트|보고서|분석|배치)[가-힣a-z0-9]{0,15}(운영|프로덕션|메인)(db|디비)?[가-힣a-z0-9]{0,10}(cpu|부하|느려|뻗|죽|100)/,
      /분석(쿼리|용|작업)?(만)?(따로|별도로?)(뺄|빼|분리|옮)/,
      /(야간|월말|주간)(배치)?(리포트|정산|보고서)/,
      /운영db에서.{0,20}(리포트|분석|배치)/,
    ],
  }),
  // A small figure on the app's own screen ("top 10 customers this month" on the admin page, "내 주문 월별 합계"): a
  // query on the app's database, not a warehouse, a time series or a graph.
  c('app-report', "a small report on the app's own screen", '앱 화면의 작은 집계', {
    en: [
      /\b(admin|settings|billing|account|usage|profile|tenant|customer|user|report) (page|panel|screen|view|tab|button)s?\b/,
      /\b(in ?app|on the|on our) (page|screen|dashboard|panel)\b/,
      /\b(export|download)\w* (\w+ ){0,3}(as |to |into )?(a )?(csv|excel|xlsx|pdf)\b/,
      /\btop \d+ (customers|products|users|items|sellers|merchants)\b/,
    ],
    ko: [
      /(관리자|어드민|설정|정산|마이|사용자|회원)(페이지|화면)/,
      /작은화면/,
      /(화면|페이지)에[가-힣a-z0-9]{0,12}(보여|표시|띄우)/,
      /(앱|화면|페이지)(안|안에|에서)[가-힣a-z0-9"]{0,16}(보여|표시)/,
      /(csv|엑셀)(로|파일)?(내보내|다운|추출|export)/,
    ],
  }),
  c('big-aggregation', 'large aggregations over years of data', '수년치 데이터의 대규모 집계', {
    en: [
      /\bsum(s|med|ming)? (of |up )?(\w+ )?(by|per|across)\b/,
      /\b(over|across|for|spanning) (the (last|past) )?\d+ years\b/,
      // A year or more of history queried at once: "SQL over a year of clickstream", "12 months of events".
      /\b(over|across|for|spanning|covering) (a|one|the (last|past|whole|full|entire)) (\w+ )?years?\b/,
      /\b(a|one|\d+) (full )?years?'?s? (worth )?of\b/,
      /\b(1[2-9]|[2-9]\d) months (of|worth)\b/,
      /\b(over|across) (\d+|many|several) months\b/,
      /\bgroup ?bys?\b/,
      /\bwindow functions?\b/,
      /\bcohorts?\b/,
      /\byear over year\b/,
      /\b(revenue|sales|totals?|sums?) (by|per)\b/,
      /\b\d+ years? of\b/,
      /\byears of (data|history|orders|records)/,
      /\bhuge aggregat/,
      /\bpetabytes? of\b/,
      /\bmpp\b/,
      /\b(funnel|cohort|retention|churn|ltv|kpi) (analysis|analytics|reports?|reporting|dashboards?)\b/,
      /\bdata ?lakes?\b/,
      /\bquarterly (reports?|reporting|numbers|analysis)\b/,
      /\b(historical|history) (analytics|analysis|reporting|reports)\b/,
      /\b(aggregate|aggregating|aggregation)s? (across|over) (all|every|the whole|years|months|billions)\b/,
      /\bcolumnar\b/,
      /\bcombining data from\b/,
      /\bacross (several|many|all) (databases|sources|systems)\b/,
      /\bfrom (\d+|several|many|multiple|different) (different )?(source )?(dbs|databases|sources|systems)\b/,
    ],
    ko: [
      /\d+년치/,
      /\d+년간/,
      /(일|한|1)년(치|간|동안)/,
      /(1[2-9]|[2-9]\d)개월(치|간|동안)/,
      /월별/,
      /지역별/,
      /합계/,
      /매출/,
      /가맹점별/,
      /페타바이트/,
      /컬럼기반/,
      /데이터레이크/,
      /코호트/,
      /퍼널/,
      /(매출|실적|kpi|지표)(분석|리포트|집계|대시보드)/,
      /통계(를)?(내|뽑)/,
      /컬럼형/,
      /scan만/,
      /스캔만/,
      /대규모집계/,
    ],
  }),
  c('bi', 'BI and dashboards over history', 'BI·대시보드', {
    en: [
      /\bbi\b/,
      /\bdashboards?\b/,
      /\banalysts?\b/,
      /\bfinance (team|wants|reports)/,
      /\bexec(utive)? (dashboard|report)/,
      /\b(quicksight|tableau|power ?bi|looker|metabase|superset)\b/,
    ],
    ko: [
      /(^|[^a-z])bi([^a-z]|$)/,
      /대시보드/,
      /애널리스트/,
      /분석가/,
      /퀵사이트/,
      /태블로/,
      /quicksight|tableau|powerbi|looker/,
    ],
  }),
  c('dw', 'a data warehouse', '데이터 웨어하우스', {
    en: [
      /\bdw\b/,
      /\bolap\b/,
      /\bdata ?warehouse/,
      /\b(etl|elt)\b.{0,60}\b(into|to) (one|a single|a central|the same) (place|store|database|db|warehouse)\b/,
      /\b(etl|elt)\b.{0,40}\bfrom (\d+|several|many|multiple|all) /,
      /\bedw\b/,
      /\b(star|snowflake) schemas?\b/,
      /\bfact tables?\b/,
      /\bdimension(al)? (tables?|models?)\b/,
    ],
    ko: [
      /(^|[^a-z])dw([^a-z]|$)/,
      /(^|[^a-z])olap/,
      /데이터웨어하우스/,
      /스타스키마/,
      /팩트테이블/,
      /차원테이블/,
      /(etl|elt)[가-힣a-z0-9]{0,20}(한곳|한군데|한데)/,
      /여러[가-힣a-z0-9]{0,10}(db|디비|데이터베이스)[가-힣a-z0-9]{0,16}(한곳|한군데)(에|으로|로)?모/,
    ],
  }),
  // Case studies named in the question (their `uses` are in the case notes)
  c('case-amazon', 'the Amazon retail case study', 'Amazon 리테일 사례', {
    en: [/\bamazon (retail|\.com|store)/, /\bamazon moved\b/],
    ko: [/아마존(리테일|닷컴|쇼핑)?/],
  }),
  c('case-airbnb', 'the Airbnb case study', 'Airbnb 사례', { en: [/\bairbnb\b/], ko: [/에어비앤비/] }),
  c('case-duolingo', 'the Duolingo case study', 'Duolingo 사례', { en: [/\bduolingo\b/], ko: [/듀오링고/] }),
  c('case-expedia', 'the Expedia case study', 'Expedia 사례', { en: [/\bexpedia\b/], ko: [/익스피디아/] }),
];

/** Region codes written in capitals ("EU, US and APAC"): lower-cased, "us" is a pronoun. */
const REGION_CODES = /\b(EU|US|APAC|EMEA|LATAM|NA|SEA|ANZ)\b/g;

export function regionCount(text: string, original = text): number {
  const en = new Set([
    ...[...englishForm(text).matchAll(REGION_EN)].map((m) => m[0]),
    ...[...original.matchAll(REGION_CODES)].map((m) => m[0].toLowerCase()),
  ]);
  const ko = new Set([...koreanForm(text).matchAll(REGION_KO)].map((m) => m[0]));
  return en.size + ko.size;
}

/** The clues found in `text` (what the question asks for), and the self-negating ones in `whole`, by id. */
export function detectClues(text: string, whole?: string): Set<string> {
  const en = englishForm(text);
  const ko = koreanForm(text);
  const wholeEn = whole === undefined ? en : englishForm(whole);
  const wholeKo = whole === undefined ? ko : koreanForm(whole);
  const found = new Set<string>();
  for (const clue of CLUES) {
    const [e, k] = clue.wholeQuestion ? [wholeEn, wholeKo] : [en, ko];
    if (clue.en.some((p) => p.test(e)) || clue.ko.some((p) => p.test(k))) found.add(clue.id);
  }
  return found;
}

export const CLUE_BY_ID: ReadonlyMap<string, Clue> = new Map(CLUES.map((clue) => [clue.id, clue]));
