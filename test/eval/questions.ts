/**
 * The `/dbadvice` evaluation set: questions as people type them in Slack, with the service a
 * reviewer would expect (`null`: off-topic or too vague, the bot should not recommend anything).
 *
 * Held-out questions are reported separately so tuned numbers cannot hide overfitting:
 * - `heldOut: 1` was written before tuning. Its first run scored en 100% / ko 91.7% top-1 and 67%
 *   abstention in each language; the misses led to two general fixes (ambiguous traits need a data
 *   word; "dashboard" no longer implies a warehouse), so set 1 is no longer clean.
 * - `heldOut: 2` was written after all tuning. Its first run scored en 80% / ko 70% top-1; all five
 *   misses were refusals, which led to general fixes (vector/semantic/RAG and 집계 count as clear
 *   search and analytics words; counters and rate limits are data), so set 2 is no longer clean.
 * - `heldOut: 3` was written before those fixes and has not been used to change anything. Its first
 *   run, after the fixes: en 100% / ko 90% top-1, every off-topic question declined. Its one miss
 *   (Korean "Redis-compatible, no data loss, primary database" → ElastiCache, not MemoryDB) is
 *   left as it is, so the set stays clean.
 * - Review fixes (after set 3): scale and latency alone no longer answer, "keep"/"save" are no longer
 *   data words, orders/payments alone do not make a question about data, a trait found only inside a
 *   longer trait phrase is dropped, and Korean trait words no longer match inside other words. The
 *   scale-alone rule first turned six questions of sets 1 and 2 into refusals (they name key access
 *   or constant reads in words the lexicon missed: "read by device id", "per API key", "짧은 코드로 …
 *   조회", "read on every request"); those phrasings were added as general patterns, so sets 1 and 2
 *   are tuned a little further. Set 3 was not looked at for any of this and scores as before.
 */
export interface EvalQuestion {
  q: string;
  lang: 'en' | 'ko';
  expect: string | null;
  heldOut?: 1 | 2 | 3;
}

export const QUESTIONS: EvalQuestion[] = [
  // English, tuned on
  {
    lang: 'en',
    expect: 'elasticache',
    q: 'where should we keep user sessions for the web app? needs to be super fast',
  },
  { lang: 'en', expect: 'aurora', q: 'we need a DB for orders and payments, transactions and integrity are a must' },
  { lang: 'en', expect: 'dynamodb', q: 'key-value lookups by user id, millions of users, traffic is spiky' },
  { lang: 'en', expect: 'neptune', q: 'fraud detection across accounts sharing cards and devices, which db?' },
  { lang: 'en', expect: 'redshift', q: 'analytics team wants to run BI reports over 3 years of sales data' },
  { lang: 'en', expect: 'opensearch', q: 'we need full-text search with autocomplete over product descriptions' },
  { lang: 'en', expect: 'timestream', q: 'storing IoT sensor telemetry every few seconds from 50k devices' },
  { lang: 'en', expect: 'documentdb', q: 'migrating our MongoDB cluster to AWS, what should we use?' },
  { lang: 'en', expect: 'keyspaces', q: 'we run Cassandra on EC2 and want something managed with CQL' },
  { lang: 'en', expect: 'aurora', q: 'immutable audit trail / ledger for account balance changes, was thinking QLDB?' },
  { lang: 'en', expect: 'memorydb', q: 'durable in-memory database, Redis API, we cannot lose data on failover' },
  { lang: 'en', expect: 'rds', q: 'lift and shift our Oracle ERP database with minimal changes' },
  { lang: 'en', expect: 'elasticache', q: 'real-time leaderboard for our mobile game, rankings update on every score' },
  {
    lang: 'en',
    expect: 'aurora',
    q: 'moving a self-managed PostgreSQL to AWS, want better failover and read replicas',
  },
  {
    lang: 'en',
    expect: 'documentdb',
    q: 'product catalog as JSON documents with very different attributes per item, query by many fields',
  },
  { lang: 'en', expect: 'dynamodb', q: 'shopping cart storage for Black Friday scale traffic, serverless please' },
  { lang: 'en', expect: 'opensearch', q: 'where do we store application logs so we can search and analyze them' },
  { lang: 'en', expect: 'elasticache', q: 'add a cache in front of our RDS MySQL, reads are killing it' },
  { lang: 'en', expect: 'neptune', q: 'social network with friends of friends recommendations, graph queries' },
  { lang: 'en', expect: 'rds', q: 'small internal app on SQL Server, budget is tight, just need it managed' },
  {
    lang: 'en',
    expect: 'dynamodb',
    q: 'global users, need multi-region active-active writes for player profiles by key',
  },
  { lang: 'en', expect: null, q: 'how do I restart the checkout lambda?' },
  { lang: 'en', expect: null, q: "what's for lunch today?" },
  { lang: 'en', expect: null, q: 'which database should we use?' },
  // Korean, tuned on
  { lang: 'ko', expect: 'elasticache', q: '세션을 어디에 저장하면 좋을까요? 응답이 엄청 빨라야 해요' },
  { lang: 'ko', expect: 'aurora', q: '주문이랑 결제 데이터라 트랜잭션과 무결성이 중요한데 어떤 DB가 좋을까요' },
  { lang: 'ko', expect: 'dynamodb', q: '사용자 ID로 조회하는 키-값 데이터, 수백만 사용자에 트래픽이 들쭉날쭉해요' },
  { lang: 'ko', expect: 'neptune', q: '카드랑 기기를 공유하는 계정들로 사기 탐지를 하려는데 DB 추천해 주세요' },
  { lang: 'ko', expect: 'redshift', q: '3년치 매출 데이터로 BI 리포트와 집계 분석을 돌리고 싶어요' },
  { lang: 'ko', expect: 'opensearch', q: '상품 설명에 대한 전문 검색이랑 자동완성이 필요합니다' },
  { lang: 'ko', expect: 'timestream', q: 'IoT 센서 데이터를 몇 초마다 수집해서 저장하려고 해요' },
  { lang: 'ko', expect: 'documentdb', q: '몽고DB를 AWS로 옮기려면 뭘 써야 하나요?' },
  { lang: 'ko', expect: 'keyspaces', q: '카산드라를 직접 운영 중인데 관리형으로 옮기고 싶어요' },
  { lang: 'ko', expect: 'aurora', q: '잔액 변경 이력을 위변조 없이 남기는 원장 DB가 필요해요. QLDB 써도 되나요?' },
  { lang: 'ko', expect: 'memorydb', q: '레디스처럼 빠른데 데이터가 유실되면 안 되는 인메모리 주 데이터베이스' },
  { lang: 'ko', expect: 'rds', q: '오라클 DB를 최소한의 변경으로 그대로 옮기고 싶습니다' },
  { lang: 'ko', expect: 'elasticache', q: '모바일 게임 실시간 랭킹 리더보드용 저장소 추천해 주세요' },
  { lang: 'ko', expect: 'aurora', q: 'PostgreSQL을 AWS로 이전하는데 장애 조치가 빠르고 읽기 복제본이 있으면 좋겠어요' },
  { lang: 'ko', expect: 'documentdb', q: '상품마다 속성이 다른 카탈로그를 JSON 문서로 저장하고 여러 필드로 조회해요' },
  { lang: 'ko', expect: 'dynamodb', q: '블랙프라이데이 같은 대규모 트래픽의 장바구니 저장, 서버리스면 좋겠어요' },
  { lang: 'ko', expect: 'opensearch', q: '애플리케이션 로그를 저장하고 검색·분석하려면 어디가 좋아요?' },
  { lang: 'ko', expect: 'elasticache', q: 'RDS MySQL 앞단에 캐시를 두고 싶어요. 읽기가 너무 많아요' },
  { lang: 'ko', expect: 'neptune', q: '친구의 친구 추천 같은 소셜 그래프 질의를 하고 싶어요' },
  { lang: 'ko', expect: 'rds', q: 'SQL Server로 된 작은 사내 앱인데 예산이 빠듯해요. 관리형이면 됩니다' },
  { lang: 'ko', expect: 'dynamodb', q: '글로벌 서비스라 멀티 리전 액티브-액티브로 플레이어 프로필을 키로 읽고 써요' },
  { lang: 'ko', expect: null, q: '체크아웃 람다 재시작은 어떻게 하나요?' },
  { lang: 'ko', expect: null, q: '오늘 점심 뭐 먹을까요?' },
  { lang: 'ko', expect: null, q: '어떤 데이터베이스를 써야 할까요?' },
  // Tuned on: review findings (near-miss off-topic messages, questions that start with a subcommand
  // word, Korean words that hide a trait word, audit logs as a ledger, µs).
  { lang: 'en', expect: null, q: 'please save the date for the global all-hands' },
  { lang: 'en', expect: null, q: 'the orders are late today' },
  { lang: 'en', expect: null, q: 'How do I keep my team motivated and fast?' },
  { lang: 'en', expect: 'timestream', q: 'fleet management telemetry from 10k trucks every few seconds' },
  { lang: 'en', expect: 'opensearch', q: 'list of products with full-text search and autocomplete' },
  { lang: 'en', expect: 'documentdb', q: 'Help desk tickets as JSON documents with a flexible schema' },
  { lang: 'en', expect: 'redshift', q: 'compare prices across regions in our sales data warehouse' },
  { lang: 'en', expect: 'aurora', q: 'we need a ledger of audit logs' },
  { lang: 'en', expect: 'elasticache', q: 'in-memory store with reads under 100µs' },
  { lang: 'ko', expect: null, q: '글로벌 타운홀 날짜 꼭 저장해 두세요' },
  { lang: 'ko', expect: null, q: '오늘 주문이 늦게 도착했어요' },
  { lang: 'ko', expect: null, q: '팀 분위기를 빠르게 끌어올리려면 어떻게 하죠?' },
  { lang: 'ko', expect: null, q: '이번 분기 우선순위 데이터를 정리해 주세요' },
  { lang: 'ko', expect: null, q: '병원장님 회의 자료 저장해 주세요' },
  { lang: 'ko', expect: 'opensearch', q: '목록 화면용 상품 데이터를 전문 검색하고 싶어요' },
  { lang: 'ko', expect: 'opensearch', q: '도움말 센터 글을 자동완성으로 검색하고 싶어요' },
  { lang: 'ko', expect: 'timestream', q: '플릿 차량 센서 데이터를 초마다 저장해요' },
  { lang: 'ko', expect: 'aurora', q: '감사 로그를 위변조 없이 원장으로 남겨야 해요' },

  // English, held out (written before tuning, never tuned on)
  {
    heldOut: 1,
    lang: 'en',
    expect: 'dynamodb',
    q: 'storing device state for millions of smart plugs, always read by device id',
  },
  {
    heldOut: 1,
    lang: 'en',
    expect: 'aurora',
    q: 'new billing service with invoices and joins across customers and plans',
  },
  { heldOut: 1, lang: 'en', expect: 'elasticache', q: 'need sub-millisecond caching of hot product pages' },
  {
    heldOut: 1,
    lang: 'en',
    expect: 'neptune',
    q: 'knowledge graph of our microservices and their dependencies, want to traverse it',
  },
  {
    heldOut: 1,
    lang: 'en',
    expect: 'redshift',
    q: 'data warehouse for petabytes of clickstream history, OLAP queries',
  },
  { heldOut: 1, lang: 'en', expect: 'timestream', q: 'time series DB for our DevOps metrics, we use InfluxDB today' },
  { heldOut: 1, lang: 'en', expect: 'opensearch', q: 'typo-tolerant search for our help center articles' },
  {
    heldOut: 1,
    lang: 'en',
    expect: 'aurora',
    q: 'our MySQL on RDS keeps failing over slowly, what would be better for this relational workload?',
  },
  {
    heldOut: 1,
    lang: 'en',
    expect: 'documentdb',
    q: 'CMS storing articles as nested JSON, editors query by tags and authors',
  },
  {
    heldOut: 1,
    lang: 'en',
    expect: 'memorydb',
    q: 'primary database that is in-memory and durable, multi-region active-active with Valkey',
  },
  { heldOut: 1, lang: 'en', expect: 'rds', q: 'we need MariaDB exactly as it is, no engine switch' },
  {
    heldOut: 1,
    lang: 'en',
    expect: 'dynamodb',
    q: 'feature flags store read on every request at 200k rps, serverless',
  },
  { heldOut: 1, lang: 'en', expect: null, q: 'can someone review my PR for the alarm relay?' },
  { heldOut: 1, lang: 'en', expect: null, q: 'the CloudWatch dashboard widget shows no data, why?' },
  { heldOut: 1, lang: 'en', expect: null, q: 'how do I rotate the Slack signing secret?' },
  // Korean, held out
  { heldOut: 1, lang: 'ko', expect: 'dynamodb', q: '스마트 플러그 수백만 대의 기기 상태를 기기 ID로 읽고 써요' },
  { heldOut: 1, lang: 'ko', expect: 'aurora', q: '청구서와 고객, 요금제 테이블을 조인하는 새 빌링 서비스 DB' },
  { heldOut: 1, lang: 'ko', expect: 'elasticache', q: '인기 상품 페이지를 1밀리초 미만으로 캐싱하고 싶어요' },
  { heldOut: 1, lang: 'ko', expect: 'neptune', q: '마이크로서비스 간 의존 관계를 지식 그래프로 탐색하고 싶어요' },
  { heldOut: 1, lang: 'ko', expect: 'redshift', q: '페타바이트급 클릭 이력으로 OLAP 분석을 할 데이터 웨어하우스' },
  { heldOut: 1, lang: 'ko', expect: 'timestream', q: '지금 인플럭스DB로 쌓는 DevOps 지표를 시계열 DB로 옮기려 해요' },
  { heldOut: 1, lang: 'ko', expect: 'opensearch', q: '고객센터 도움말 문서를 오타가 있어도 검색되게 하고 싶어요' },
  {
    heldOut: 1,
    lang: 'ko',
    expect: 'aurora',
    q: 'RDS MySQL 페일오버가 너무 느린데 관계형 워크로드에 더 나은 게 있을까요',
  },
  { heldOut: 1, lang: 'ko', expect: 'documentdb', q: '중첩된 JSON 기사 데이터를 태그와 작성자로 조회하는 CMS 저장소' },
  {
    heldOut: 1,
    lang: 'ko',
    expect: 'memorydb',
    q: '밸키 기반 인메모리인데 내구성 있는 주 데이터베이스, 멀티 리전 액티브-액티브',
  },
  { heldOut: 1, lang: 'ko', expect: 'rds', q: 'MariaDB를 엔진 변경 없이 그대로 쓰고 싶어요' },
  { heldOut: 1, lang: 'ko', expect: 'dynamodb', q: '요청마다 읽는 기능 플래그 저장소, 초당 20만 요청, 서버리스' },
  { heldOut: 1, lang: 'ko', expect: null, q: '알람 릴레이 PR 리뷰 좀 해 주실 분?' },
  { heldOut: 1, lang: 'ko', expect: null, q: 'CloudWatch 대시보드 위젯에 데이터가 안 나와요 왜 그럴까요' },
  { heldOut: 1, lang: 'ko', expect: null, q: '슬랙 서명 시크릿은 어떻게 교체하나요?' },

  // Held out, set 2: written after tuning; never used to change traits, weights or notes.
  {
    heldOut: 2,
    lang: 'en',
    expect: 'dynamodb',
    q: 'URL shortener: write once, then billions of lookups by short code',
  },
  {
    heldOut: 2,
    lang: 'en',
    expect: 'aurora',
    q: 'hotel booking system, double bookings must be impossible, lots of relational data',
  },
  {
    heldOut: 2,
    lang: 'en',
    expect: 'elasticache',
    q: 'rate limiting counters per API key, microsecond latency, fine if lost on restart',
  },
  { heldOut: 2, lang: 'en', expect: 'neptune', q: 'who-follows-whom graph for our community app, need 3 hops queries' },
  {
    heldOut: 2,
    lang: 'en',
    expect: 'timestream',
    q: 'wind turbine sensors report temperature and vibration every second, need a store for that',
  },
  {
    heldOut: 2,
    lang: 'en',
    expect: 'redshift',
    q: 'finance wants monthly revenue reports aggregated across all regions, columnar would help',
  },
  {
    heldOut: 2,
    lang: 'en',
    expect: 'keyspaces',
    q: 'our app is written against CQL, where can it run serverless on AWS?',
  },
  { heldOut: 2, lang: 'en', expect: 'opensearch', q: 'semantic vector search over support tickets for a RAG bot' },
  {
    heldOut: 2,
    lang: 'en',
    expect: 'documentdb',
    q: 'user profiles with flexible schema, we query by many different fields',
  },
  { heldOut: 2, lang: 'en', expect: 'rds', q: 'Db2 database moving to AWS as is' },
  { heldOut: 2, lang: 'en', expect: null, q: 'is the VPN down for anyone else?' },
  { heldOut: 2, lang: 'en', expect: null, q: 'any recommendations for a good mechanical keyboard?' },
  { heldOut: 2, lang: 'ko', expect: 'dynamodb', q: '단축 URL 서비스인데 한 번 쓰고 짧은 코드로 수십억 번 조회해요' },
  {
    heldOut: 2,
    lang: 'ko',
    expect: 'aurora',
    q: '호텔 예약 시스템이라 중복 예약이 절대 안 되고 관계형 데이터가 많아요',
  },
  {
    heldOut: 2,
    lang: 'ko',
    expect: 'elasticache',
    q: 'API 키별 요청 제한 카운터, 마이크로초 지연, 재시작 시 유실돼도 괜찮아요',
  },
  { heldOut: 2, lang: 'ko', expect: 'neptune', q: '커뮤니티 앱의 팔로우 관계 그래프에서 3단계까지 탐색해야 해요' },
  {
    heldOut: 2,
    lang: 'ko',
    expect: 'timestream',
    q: '풍력 터빈 센서가 매초 온도와 진동을 보내는데 저장할 곳이 필요해요',
  },
  { heldOut: 2, lang: 'ko', expect: 'redshift', q: '재무팀이 전 리전 월별 매출 보고서를 집계하고 싶어해요' },
  { heldOut: 2, lang: 'ko', expect: 'keyspaces', q: 'CQL로 짠 앱을 AWS에서 서버리스로 돌릴 수 있을까요?' },
  { heldOut: 2, lang: 'ko', expect: 'opensearch', q: 'RAG 봇용으로 지원 티켓을 벡터 검색하고 싶어요' },
  { heldOut: 2, lang: 'ko', expect: 'documentdb', q: '스키마가 자주 바뀌는 사용자 프로필을 여러 필드로 조회해요' },
  { heldOut: 2, lang: 'ko', expect: 'rds', q: 'Db2 데이터베이스를 그대로 AWS로 옮기려고 합니다' },
  { heldOut: 2, lang: 'ko', expect: null, q: 'VPN 저만 안 되나요?' },
  { heldOut: 2, lang: 'ko', expect: null, q: '기계식 키보드 추천 좀 해주세요' },
  // Held out, set 3 (written before the set-2 fixes, never tuned on)
  {
    heldOut: 3,
    lang: 'en',
    expect: 'elasticache',
    q: "we're building a multiplayer game and need a live top-100 leaderboard updated every second",
  },
  {
    heldOut: 3,
    lang: 'en',
    expect: 'documentdb',
    q: 'product catalog with nested attributes that differ per category, queried by many fields, we use MongoDB drivers',
  },
  {
    heldOut: 3,
    lang: 'en',
    expect: 'aurora',
    q: "payments ledger where every change must be provable and history can't be altered",
  },
  {
    heldOut: 3,
    lang: 'en',
    expect: 'neptune',
    q: 'which AWS service for a knowledge graph of drugs, genes and diseases queried with SPARQL',
  },
  { heldOut: 3, lang: 'en', expect: 'rds', q: 'moving our on-prem SQL Server database with minimal changes' },
  {
    heldOut: 3,
    lang: 'en',
    expect: 'redshift',
    q: 'clickstream events, need to aggregate billions of rows for weekly business dashboards',
  },
  {
    heldOut: 3,
    lang: 'en',
    expect: 'memorydb',
    q: "durable Redis-compatible primary database, can't lose writes, microsecond reads",
  },
  {
    heldOut: 3,
    lang: 'en',
    expect: 'dynamodb',
    q: 'shopping cart service for Black Friday traffic spikes, single-digit ms at any scale',
  },
  {
    heldOut: 3,
    lang: 'en',
    expect: 'keyspaces',
    q: 'migrate a Cassandra cluster of user events without running servers',
  },
  {
    heldOut: 3,
    lang: 'en',
    expect: 'opensearch',
    q: 'search application logs by keyword and build dashboards on them',
  },
  { heldOut: 3, lang: 'en', expect: null, q: 'how do I rotate my AWS access keys?' },
  { heldOut: 3, lang: 'en', expect: null, q: "what's the best database?" },
  { heldOut: 3, lang: 'ko', expect: 'elasticache', q: '게임 서버의 실시간 랭킹을 초 단위로 갱신해야 해요' },
  {
    heldOut: 3,
    lang: 'ko',
    expect: 'documentdb',
    q: '카테고리마다 속성이 다른 상품 카탈로그를 JSON으로 저장하고 여러 필드로 조회해요, 몽고DB 드라이버를 써요',
  },
  { heldOut: 3, lang: 'ko', expect: 'aurora', q: '회계 원장처럼 변경 이력을 위변조 없이 검증할 수 있어야 해요' },
  { heldOut: 3, lang: 'ko', expect: 'neptune', q: '추천 시스템에서 사용자와 상품의 관계를 여러 단계로 따라가야 해요' },
  { heldOut: 3, lang: 'ko', expect: 'rds', q: '사내 오라클 데이터베이스를 최소 변경으로 AWS로 옮기고 싶어요' },
  { heldOut: 3, lang: 'ko', expect: 'redshift', q: '수년치 주문 데이터로 BI 대시보드와 집계 분석을 하려고 해요' },
  {
    heldOut: 3,
    lang: 'ko',
    expect: 'memorydb',
    q: 'Redis 호환이면서 데이터 유실 없이 기본 데이터베이스로 쓸 수 있는 게 있나요?',
  },
  {
    heldOut: 3,
    lang: 'ko',
    expect: 'dynamodb',
    q: '트래픽 변동이 큰 모바일 앱의 사용자 프로필을 키로 조회해요, 서버 관리는 하기 싫어요',
  },
  { heldOut: 3, lang: 'ko', expect: 'timestream', q: '공장 설비 센서에서 초당 수천 건의 측정값이 들어와요' },
  {
    heldOut: 3,
    lang: 'ko',
    expect: 'aurora',
    q: '주문과 재고를 트랜잭션으로 처리해야 하고 MySQL을 쓰고 있어요, 읽기 복제본도 많이 필요해요',
  },
  { heldOut: 3, lang: 'ko', expect: null, q: '점심 메뉴 추천해 주세요' },
  { heldOut: 3, lang: 'ko', expect: null, q: '슬랙 알림이 안 와요' },
];
