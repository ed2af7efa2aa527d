import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase, readNotes } from '../../../knowledge/build.ts';
import { type Answer, advise, loadKnowledgeBase } from '../../../knowledge/index.ts';

// Fresh questions, in words used by neither evaluation set, one or more per way the old engine failed
// (issue 13): negation, typos, constraints, migrations, relationships without "graph", latest state vs
// time windows, analytics vs search, short questions, and off-topic chatter. Expected services follow
// /work/shared/reference/db-guidance.md's routing rules.
const kb = loadKnowledgeBase(buildKnowledgeBase(readNotes('knowledge/notes')));

function answer(question: string): Answer {
  const advice = advise(kb, question);
  if (advice.kind !== 'answer') throw new Error(`no answer for "${question}" (${advice.why})`);
  return advice;
}

const CASES: [string, string | null][] = [
  ['feature flags read by flag key on every request, tens of millions of users, no joins needed', 'dynamodb'],
  [
    "we don't want a cache, this is where the player inventory lives permanently, looked up by player id at huge scale",
    'dynamodb',
  ],
  [
    'not looking for full text search: we need quarterly sales totals over 6 years of transactions for the CFO',
    'redshift',
  ],
  ['we are getting off SQL Server because of licence fees, the engine can change', 'aurora'],
  ['our vendor only supports SQL Server, so SQL Server has to stay; we just want AWS to manage it', 'rds'],
  ['dynamoo for a shopping cart with 2M users?', 'dynamodb'],
  ['we run cassandera on ec2 and want to stop patching it, keep our cql', 'keyspaces'],
  ['moving our mongo cluster to aws, the app uses the mongodb driver everywhere', 'documentdb'],
  ['which accounts are connected to a known bad account through 3 or more shared payment methods?', 'neptune'],
  [
    'power plant turbines emit vibration readings every 5 seconds; engineers want hourly averages per turbine',
    'timestream',
  ],
  ['just the current location per delivery driver, overwritten each ping, read by driver id', 'dynamodb'],
  ['presence flags for chat users, sub-ms, expire after 30s, losing them on a restart is fine', 'elasticache'],
  ['valkey as our primary store, writes must land in both Frankfurt and Virginia simultaneously', 'memorydb'],
  ['immutable audit trail of balance changes that auditors can verify', 'aurora'],
  ['relational schema, want storage that scales itself without me resizing volumes', 'aurora'],
  ['keep it portable: vanilla MySQL, nothing AWS-specific, steady small load', 'rds'],
  ['search product reviews by keyword with typo tolerance', 'opensearch'],
  ['how do I create an index in postgres?', null],
  ['what time is the all-hands tomorrow?', null],
  ['recommend a database', null],
  ['회원 수백만 명의 프로필을 회원 ID로만 조회해요, 조인 없음', 'dynamodb'],
  ['검색 엔진은 필요 없고 5년치 매출 데이터를 분기별로 집계해야 해요', 'redshift'],
  ['캐시가 아니라 원본 데이터예요. 장바구니를 유저ID로 조회하고 사용자가 수백만', 'dynamodb'],
  ['오라클 라이선스가 너무 비싸서 벗어나고 싶어요, 엔진 바꿔도 돼요', 'aurora'],
  ['SQL Server 엔진은 바꿀 수 없어요, 그대로 관리형으로 운영하고 싶어요', 'rds'],
  ['카산드라 클러스터를 관리형으로 옮기고 CQL은 그대로 쓰고 싶어요', 'keyspaces'],
  ['공장 설비에서 1초마다 온도값이 들어오고 일별 평균을 봐야 해요', 'timestream'],
  ['기기별 현재 상태값만 필요해요, 과거 이력은 안 남겨도 됨, 기기 ID로 조회', 'dynamodb'],
  ['같은 IP, 같은 기기로 여러 단계 연결된 계정들을 찾아내야 해요', 'neptune'],
  ['래디스를 주 DB로 쓰는데 서울과 버지니아 리전 둘 다에서 동시에 쓰기가 들어와요', 'memorydb'],
  ['포스트그래스 온프레미스 DB를 AWS로 옮기려는데 추천 서비스는?', 'aurora'],
  ['쿠버네티스 파드 재시작 방법', null],
  ['DB 추천 좀', null],
  ['그래프 DB 추천', 'neptune'],
  ['time series db?', 'timestream'],
];

// A second batch, written after the first round of fixes: latest state vs time windows, more negators,
// constraints in other words, engine exits and stays, and Korean chatter.
CASES.push(
  // time series vs state
  [
    'GPS pings from 8k trucks every 10 seconds, dispatch wants 5-minute average speed per truck over the last week',
    'timestream',
  ],
  [
    'we only ever need what each kiosk is doing right now; the last reported status replaces the previous one',
    'dynamodb',
  ],
  ['heart-rate samples from wearables, 1 Hz, and doctors look at rolling averages per patient', 'timestream'],
  ['crypto prices every second, we build 1-minute candles and daily highs/lows', 'timestream'],
  ['store the last known battery level per scooter, history goes to S3 anyway, read by scooter id', 'dynamodb'],
  ['our Postgres metrics table gets 50k inserts a second and the per-hour dashboards time out', 'timestream'],
  ['공장 온도·습도 값을 5초 간격으로 받아서 시간 단위 평균을 내야 해요', 'timestream'],
  ['매장 키오스크마다 지금 상태만 알면 돼요, 예전 값은 버려도 되고 키오스크 ID로 읽어요', 'dynamodb'],
  ['코인 시세 1초 단위로 들어오는데 1분 캔들이랑 일별 고가·저가 뽑아요', 'timestream'],
  ['스쿠터별 마지막 배터리 잔량만 스쿠터 ID로 조회, 과거 값은 필요없어요', 'dynamodb'],
  ['서버 CPU 지표를 10초마다 수집해서 최근 24시간 그래프를 그려요', 'timestream'],
  // negation
  ['zero joins, zero reports; just put and get of user settings by user id for 10M users', 'dynamodb'],
  ["it doesn't need to be searchable by text at all. we need to sum claims per month across 8 years", 'redshift'],
  ["we can live without transactions; it's shopping carts by session id, millions per day", 'dynamodb'],
  ['rather than a cache, we want the durable home of the game state, looked up by match id at huge scale', 'dynamodb'],
  ['no need for a graph here, just orders with foreign keys to customers and products, normal joins', 'aurora'],
  ['MongoDB is not required, but we do need to query JSON documents by lots of different fields', 'documentdb'],
  ['조인은 안 써요. 유저 ID로 설정값만 저장하고 읽는데 유저가 천만 명', 'dynamodb'],
  ['텍스트 검색 용도는 아니에요. 8년치 보험 청구 데이터를 월별로 합산해요', 'redshift'],
  ['캐시 말고 원본으로 쓸 게임 상태 저장소, 매치 ID로 조회하고 트래픽이 엄청 많아요', 'dynamodb'],
  ['그래프 DB는 필요 없을 것 같고 주문-고객-상품 외래키로 평범하게 조인해요', 'aurora'],
  ['시계열 DB 쓰지 않아도 돼요, 장비별 현재 값 하나만 덮어쓰면 됨', 'dynamodb'],
  // constraints
  [
    'hundreds of Lambda invocations open too many connections to our MySQL; every call is a lookup by api key',
    'dynamodb',
  ],
  [
    'hobby app, idle most of the time: pay only for the requests, nothing to run when nobody uses it, items by id',
    'dynamodb',
  ],
  ['I never want to think about disk size again for our relational app, it should just grow', 'aurora'],
  ['we must avoid lock-in: open-source Postgres only, nothing proprietary, tiny steady load', 'rds'],
  ['users on three continents each write their profile to the nearest region, all regions accept writes', 'dynamodb'],
  [
    'short-lived typing indicators and online presence, sub-millisecond, who cares if they vanish on a reboot',
    'elasticache',
  ],
  ['our Redis keyspace hit 25 TB, RAM bills are insane, single-digit ms by key is fine', 'dynamodb'],
  ['람다 동시 실행이 많아서 DB 연결이 모자라요. 전부 API 키로 조회하는 단순한 요청', 'dynamodb'],
  ['거의 안 쓰는 사내 앱이라 안 쓸 땐 비용이 0이었으면 좋겠고 서버 관리도 싫어요, ID로 조회', 'dynamodb'],
  ['관계형 DB인데 디스크 크기 신경 안 쓰고 저장 공간이 자동으로 커졌으면 해요', 'aurora'],
  ['특정 클라우드에 종속되기 싫어서 오픈소스 PostgreSQL 그대로, 부하는 작고 꾸준해요', 'rds'],
  ['세 대륙 사용자가 각자 가까운 리전에 프로필을 쓰고 모든 리전이 쓰기를 받아야 해요', 'dynamodb'],
  ['채팅 타이핑 표시랑 접속 상태, 1ms 미만, 재부팅 때 사라져도 상관없어요', 'elasticache'],
  ['레디스 데이터가 30TB라 메모리 비용이 너무 커요. 키 조회는 몇 ms면 충분', 'dynamodb'],
  // migrations
  ['we are dropping SQL Server because licensing is eating our budget; fine to switch engines', 'aurora'],
  ['legacy app uses Oracle-specific PL/SQL packages the vendor will not port, so Oracle it is; managed please', 'rds'],
  ['DB2 on the mainframe is our OLTP system and it must stay DB2 on AWS', 'rds'],
  ['SQL Server 라이선스 비용 때문에 그만 쓰려고요, 엔진은 바뀌어도 괜찮아요', 'aurora'],
  ['벤더가 Oracle만 지원해서 Oracle 엔진 유지해야 해요, 관리형으로만 옮겨요', 'rds'],
  // off-topic ko / en
  ['배포 파이프라인 어떻게 설정해요?', null],
  ['이 에러 메시지 무슨 뜻이에요? ECONNRESET', null],
  ['슬랙 채널 하나 만들어 줘', null],
  ['can you page the on-call engineer', null],
  ['please bump the node version in our dockerfile', null],
  ['회의록 요약해 주세요', null],
  ['how can I speed up my jest tests', null],
  ['노트북이 느려요 어떻게 해요', null],
);

// A third batch: typos and Konglish, relationships in plain words, case studies, analytics over an
// operational store, and one-line questions.
CASES.push(
  // typos / konglish
  // A leaderboard is a sorted set (ElastiCache card): the data structure decides, not the service the asker names
  // nor the player count (issue 13 acceptance finding 3).
  ['is dynamdb good for a leaderbord with 10M players?', 'elasticache'],
  ['neptun for fraud detction?', 'neptune'],
  ['we need managed elastisearch for app logs w/ kibana', 'opensearch'],
  ['redshfit vs something else for our BI warehouse?', 'redshift'],
  ['time-seires db for iot sensor telemetry', 'timestream'],
  ['documnet db with json and flexible schema, team knows mongo', 'documentdb'],
  ['transactinal relational db for a new billing service', 'aurora'],
  ['다이나모 DB에 세션 저장, 유저 수백만', 'dynamodb'],
  ['엘라스틱캐시로 API 응답 캐싱하려고요', 'elasticache'],
  ['카산드라 CQL 그대로 쓰는 관리형 서비스', 'keyspaces'],
  ['레드쉬프트로 BI 리포트 돌려도 돼요?', 'redshift'],
  ['오로라 포스트그레스 vs RDS, 새 서비스 트랜잭션 많음', 'aurora'],
  ['몽고 DB 드라이버 그대로 쓰는 AWS 관리형', 'documentdb'],
  // relationships
  ['who influences whom: find everyone within four degrees of a given influencer', 'neptune'],
  ['which microservices transitively depend on the auth service, through any number of calls?', 'neptune'],
  ['merge duplicate customer records that share emails, phones or addresses into one person', 'neptune'],
  ['customers, invoices and line items with foreign keys, a couple of joins per page', 'aurora'],
  ['계정 간 송금 흐름을 여러 단계 따라가서 자금 세탁 고리를 찾아요', 'neptune'],
  ['이 부품이 들어간 완제품을 하위 부품부터 끝까지 따라 올라가야 해요', 'neptune'],
  ['고객·주문·상품 테이블을 외래키로 묶고 한두 번 조인하는 평범한 쇼핑몰', 'aurora'],
  // case studies
  ['Duolingo keeps its main data in DynamoDB; we have 6M students always read by student id. good fit?', 'dynamodb'],
  ['Expedia put OLTP on Aurora. our booking service needs ACID transactions and joins too, copy them?', 'aurora'],
  ['Amazon went from Oracle to Aurora, but our vendor only certifies Oracle. what now?', 'rds'],
  [
    'Airbnb keeps sessions in ElastiCache; ours must survive a restart and are read by session id for 20M users',
    'dynamodb',
  ],
  ['듀오링고처럼 DynamoDB로 가도 될까요? 학습자 500만 명, 항상 학습자 ID로 진도 조회', 'dynamodb'],
  ['익스피디아가 Redshift로 OLAP 한다던데 우리도 6년치 예약 데이터로 BI 분석해요', 'redshift'],
  ['에어비앤비는 검색 이력을 DynamoDB에 뒀다는데, 우리는 숙소 설명 전문 검색에 오타 보정이 필요해요', 'opensearch'],
  // analytics vs ops
  ['quarter-end finance queries slow our production Postgres to a crawl for hours', 'redshift'],
  ['year over year sales by store across 10 years, billions of rows, no free-text search', 'redshift'],
  ['we want to search our nginx logs by error text and chart error rates', 'opensearch'],
  ['분기 마감 리포트만 돌리면 운영 DB가 몇 시간씩 느려져요', 'redshift'],
  ['10년치 매장별 매출을 연도별로 비교 집계, 텍스트 검색은 없어요', 'redshift'],
  // short
  ['graph db?', 'neptune'],
  ['ledger database?', 'aurora'],
  ['managed mongodb?', 'documentdb'],
  ['session store at scale?', 'dynamodb'],
  ['full text search?', 'opensearch'],
  ['그래프 DB 뭐 써요?', 'neptune'],
  ['원장 DB 추천', 'aurora'],
  ['레디스 캐시 관리형?', 'elasticache'],
  ['몽고디비 대체제', 'documentdb'],
  ['데이터 웨어하우스 추천', 'redshift'],
);

// A fourth batch: Konglish mixes and negators after their noun ("조인 no", "history is irrelevant").
CASES.push(
  ['트랜잭션 heavy한 RDB 새로 만들어요, 조인도 많음', 'aurora'],
  ['key-value로 read만 엄청 많아요, user id 기준, DAU 300만', 'dynamodb'],
  ['조인 no, 키 lookup only, 트래픽 huge', 'dynamodb'],
  ['full-text 검색 말고 aggregation 위주, 몇 년치 데이터', 'redshift'],
  ['cache 아니고 source of truth로 쓸 장바구니 데이터, 유저 백만 단위', 'dynamodb'],
  ['multi-region active-active로 redis 메인 DB 돌려야 해요', 'memorydb'],
  ['Oracle 벗어나고 싶은데 PL/SQL이 좀 있어요, 엔진 바꿀 의향 있음', 'aurora'],
  ['Postgres 그대로 AWS에 올리고 싶어요, AWS 권장 방식으로', 'aurora'],
  ['timeseries 아니고 그냥 device별 latest value만 저장', 'dynamodb'],
  ['we dont need durability, its a throwaway cache of rendered pages', 'elasticache'],
  ['no relational model needed - every read is by order id and there are 200k req/s', 'dynamodb'],
  ["we're not doing search, it's a warehouse question: 5 years of events, big rollups by month", 'redshift'],
  ["it's not graph data, just a normal e-commerce schema with orders and customers", 'aurora'],
  ['history is irrelevant, only the freshest reading for each sensor matters, fetched by sensor id', 'dynamodb'],
  ["don't want to manage servers or a VPC, spiky traffic, single-item reads by key", 'dynamodb'],
  ['we can tolerate losing the leaderboard on a crash because it is rebuilt from the match DB', 'elasticache'],
  ['must keep MariaDB, we use its specific features, want it managed', 'rds'],
  ['retiring our ScyllaDB cluster, the app talks CQL', 'keyspaces'],
  ['migrating from Neo4j, lots of Cypher', 'neptune'],
  ['moving off self-run InfluxDB with Grafana dashboards', 'timestream'],
);

// A fifth batch: the cheapest small steady app, licence exits, live positions that expire, region
// codes, in-place counters, measurements averaged per N minutes in a relational table, typos.
CASES.push(
  ['cheapest managed database for a small internal CRUD app with steady traffic, plain MySQL is fine', 'rds'],
  ['what is the lowest-cost managed postgres for a tiny app that barely changes load?', 'rds'],
  ['small blog backend, predictable low traffic, want the most economical managed MySQL', 'rds'],
  ['가장 저렴한 관리형 MySQL이 필요해요, 작은 사내 앱이고 트래픽이 일정함', 'rds'],
  ['트래픽 작고 꾸준한 소규모 서비스용 싼 PostgreSQL 관리형', 'rds'],
  ['our SQL Server licence bill doubled, we want off it and onto something open source', 'aurora'],
  ['Oracle 라이선스 비용이 부담돼서 오픈소스 계열로 전환하고 싶어요', 'aurora'],
  ['live positions of 50k delivery riders updated every second, sub-ms reads, stale after a minute', 'elasticache'],
  ['라이더 실시간 위치를 1초마다 갱신하고 1ms 안에 읽어야 해요, 1분 지나면 의미 없음', 'elasticache'],
  ['who is online right now for our chat app, sub-millisecond, ok to lose on restart', 'elasticache'],
  [
    'API gateway + Lambda, thousands of concurrent functions, DB connection limits keep biting; reads/writes by customer id only',
    'dynamodb',
  ],
  ['serverless app, no VPC wanted, pay per request, simple key lookups', 'dynamodb'],
  ['서버리스로 가고 싶고 VPC 안 쓰고 요청당 과금되는 키 조회 저장소', 'dynamodb'],
  ['our relational DB storage keeps running out and we resize volumes monthly', 'aurora'],
  ['global game: players in EU, US and APAC all write their inventory locally, key access', 'dynamodb'],
  ['유럽·미국·아시아 플레이어가 각 리전에서 인벤토리를 쓰고 키로 조회해요', 'dynamodb'],
  ['the hot set is 12 TB, memory is too pricey, by-key reads in a few ms are ok', 'dynamodb'],
  // time series
  [
    'electricity meters report usage every 15 minutes, we bill on monthly totals per meter and show daily curves',
    'timestream',
  ],
  [
    'app performance metrics (latency, error rate) per service every 10s, dashboards over the last 7 days',
    'timestream',
  ],
  ['each sensor just needs its newest value shown on a map; nothing older matters; lookup by sensor id', 'dynamodb'],
  ['current inventory count per SKU, updated in place, read by SKU', 'dynamodb'],
  ['we insert vibration data into MySQL at 30k rows/s and averaging it per 10 minutes takes forever', 'timestream'],
  ['전력량계가 15분마다 사용량을 보내고 계량기별 월 합계와 일별 곡선을 봐요', 'timestream'],
  ['서비스별 응답시간 지표를 10초마다 모아서 최근 7일 대시보드', 'timestream'],
  ['센서마다 가장 새 값만 지도에 표시, 과거 값은 안 봐요, 센서 ID로 조회', 'dynamodb'],
  ['SKU별 현재 재고 수량만 덮어쓰고 SKU로 조회해요', 'dynamodb'],
  ['진동 데이터를 MySQL에 초당 3만 건 넣는데 10분 평균 집계가 너무 느려요', 'timestream'],
  // typos
  ['memroydb or elasticache for multi region active active redis primary?', 'memorydb'],
  ['documentdb vs dynamo for jsno docs queried by many fields', 'documentdb'],
  ['keyspace for our cassandara workload?', 'keyspaces'],
  ['opensaerch for product search with autocompelte', 'opensearch'],
  ['timestrem for iot?', 'timestream'],
  ['레디스 캐쉬 관리형으로 쓰고 싶어요', 'elasticache'],
  ['포스트그레SQL 온프렘에서 AWS로 이관', 'aurora'],
  ['몽고 디비 호환 관리형 서비스', 'documentdb'],
  ['그래프디비로 친구 추천', 'neptune'],
  ['엘라스틱 캐시로 세션 저장', 'elasticache'],
  ['다이나모로 장바구니, 유저 백만명', 'dynamodb'],
);

// A sixth batch: operations chatter about existing databases (restart, flush, commands, access), more
// negations, engine moves and traversals described as walking connections.
CASES.push(
  ['DB 백업 주기는 보통 어떻게 정해요?', null],
  ['캐시 서버 지금 재시작해도 돼요?', null],
  ['어제 데이터 파이프라인 장애 원인이 뭐였어요?', null],
  ['운영 DB 접속 권한 신청은 어디서 해요?', null],
  ['테이블 이름 규칙 정해진 거 있어요?', null],
  ['데이터팀 회의 몇 시예요?', null],
  ['쿼리 결과를 CSV로 뽑아 주세요', null],
  ['이번 달 AWS 비용이 왜 이렇게 많이 나왔어요?', null],
  ['레디스 키 전체 삭제하는 명령어 뭐예요?', null],
  ['MySQL 덤프 뜨는 명령어 알려줘', null],
  ['whats the SQL to find duplicate rows?', null],
  ['when is the database maintenance window?', null],
  ['who has admin access to the prod database?', null],
  ['the redis cluster is at 90% memory, should I page someone?', null],
  // negation & plain & migrations & relationships
  [
    'no strong consistency needed across regions, but users everywhere must write locally to their own profile items',
    'dynamodb',
  ],
  [
    "it's not about caching: Valkey is our database of record and both us-west-2 and eu-central-1 must take writes",
    'memorydb',
  ],
  [
    "we don't care about history, just the present status of each order, fetched by order id, 1M orders a day",
    'dynamodb',
  ],
  ['nope, not a relational workload and not a search workload: IoT temperatures we average per hour', 'timestream'],
  ['Oracle 엔진 고수할 필요 없음, 비용 줄이려고 이전하는 거예요', 'aurora'],
  ['캐시 아님, 여러 리전 동시 쓰기 필요한 Valkey 주 저장소', 'memorydb'],
  ['검색은 필요 없어요, 대신 5년치 로그 데이터로 월별 통계를 뽑아요', 'redshift'],
  ['그래프는 아니고 조인 한두 번 하는 일반 주문 시스템이에요', 'aurora'],
  ['lift our MariaDB 10.6 to AWS unchanged', 'rds'],
  ['SQL Server app moving to AWS; the team is happy to rewrite for PostgreSQL to drop licences', 'aurora'],
  ['our on-prem Postgres 14 with PostGIS needs a managed home on AWS', 'aurora'],
  ['MySQL on EC2 today, we want the AWS-recommended managed target', 'aurora'],
  ['MariaDB 그대로 올리고 싶어요, 엔진 바꿀 생각 없음', 'rds'],
  ['온프레미스 PostgreSQL을 AWS 관리형으로, AWS가 권장하는 쪽으로요', 'aurora'],
  ['Db2 OLTP를 엔진 그대로 AWS로', 'rds'],
  ['which devices talked to a compromised host, and which hosts those devices talked to, five levels out', 'neptune'],
  ['knowledge base linking drugs, genes and diseases, queried by walking the connections', 'neptune'],
  ['뉴스 기사-인물-기업 관계를 따라가는 지식 그래프', 'neptune'],
  ['managed search engine for our docs site with relevance tuning', 'opensearch'],
  ['semantic vector search for RAG over support tickets', 'opensearch'],
  ['a store for user profiles and preferences, read by user id, 20M users', 'dynamodb'],
  ['관리형 PostgreSQL에 pgvector 확장 필요해요, 신규 서비스', 'aurora'],
  ['상품 카탈로그가 카테고리마다 속성이 달라서 JSON 문서로 여러 필드 조회해요', 'documentdb'],
);

// A seventh batch: shortened names (ES, ddb, docdb, PG), misspelt workload words, spaced Korean
// loanwords, Konglish, user counts in 만/천만.
CASES.push(
  ['we self-host ES 7 for log search, want it managed', 'opensearch'],
  ['PG 15 on prem, 3TB, moving to aws, what does aws recommend', 'aurora'],
  ['docdb or something else for our mongo app?', 'documentdb'],
  ['memcache in front of mysql for hot reads', 'elasticache'],
  ['ddb for 50M user sessions?', 'dynamodb'],
  ['mongo atlas → aws native, same driver', 'documentdb'],
  ['relatoinal db w/ transacitons for a new payments service', 'aurora'],
  ['timeseries dB for server mertics', 'timestream'],
  ['leaderbaord with sub ms reads, rebuilt from game db if lost', 'elasticache'],
  ['graph database for fraud rigns', 'neptune'],
  ['warehosue for analytics over 5 yrs of sales', 'redshift'],
  ['포스트 그레스 온프렘 이관', 'aurora'],
  ['마이에스큐엘 온프레미스 AWS 이전, 권장 타깃', 'aurora'],
  ['몽고 디비 Atlas 탈출, 드라이버 유지', 'documentdb'],
  ['엘라스틱 서치 로그 검색 관리형으로', 'opensearch'],
  ['카싼드라 CQL 유지하면서 관리형', 'keyspaces'],
  ['다이나모 디비에 장바구니, 유저 천만', 'dynamodb'],
  ['레디스 캐쉬 앞단에 두고 싶어요, RDS 부하 줄이려고', 'elasticache'],
  ['타임 스트림에 IoT 센서 데이터', 'timestream'],
  ['넵튠으로 친구의 친구 추천 가능?', 'neptune'],
  ['레드 시프트로 3년치 매출 집계', 'redshift'],
  ['시계열 디비에 설비 온도 1초마다, 시간대별 평균', 'timestream'],
  ['트랜젝션 많은 신규 주문 서비스, 조인 많음', 'aurora'],
  ['key value 스토어, 유저 아이디로 조회, 트래픽 많음', 'dynamodb'],
  ['인메모리 캐시, sub ms, TTL 있음', 'elasticache'],
);

// An eighth batch, all Korean: constraints, engine moves, traversals and state vs time windows in
// everyday Korean phrasing.
CASES.push(
  ['람다 함수가 많아지니까 DB 최대 연결 수를 넘어요. 조회는 전부 회원번호 기준 단건 조회', 'dynamodb'],
  ['트래픽이 거의 없을 땐 과금이 안 됐으면 좋겠어요. 키로 읽고 쓰는 작은 데이터', 'dynamodb'],
  ['테이블이 계속 커져서 스토리지 증설하느라 힘들어요, 관계형 그대로 쓰고 싶음', 'aurora'],
  ['AWS에 종속되지 않게 표준 PostgreSQL만 쓰고 싶어요. 규모는 작고 트래픽 일정', 'rds'],
  ['미국·유럽·한국 세 리전에서 동시에 주문 키값 데이터를 써야 해요', 'dynamodb'],
  ['게임 매치메이킹 대기열, 1ms 미만, 몇 분 지나면 지워져도 돼요', 'elasticache'],
  ['키-값 데이터가 수십 TB라서 인메모리로는 비용이 감당이 안 돼요', 'dynamodb'],
  ['라이선스 비용 때문에 SQL Server를 떠나려는데 엔진은 바뀌어도 돼요', 'aurora'],
  ['Oracle 전용 기능을 너무 많이 써서 엔진은 그대로 가야 해요', 'rds'],
  ['자체 구축 MongoDB를 AWS로, 앱 코드는 건드리지 않고', 'documentdb'],
  ['Cassandra 노드 관리가 힘들어요, CQL 그대로 쓰는 서버리스로', 'keyspaces'],
  ['Teradata EDW를 AWS로 옮겨 BI 리포트 계속 돌리기', 'redshift'],
  ['InfluxDB에 쌓던 서버 지표를 AWS 관리형으로', 'timestream'],
  ['Redis를 주 저장소로 쓰는데 리전 두 곳에서 동시에 쓰기가 일어나요', 'memorydb'],
  ['회원 간 추천인 관계가 몇 단계씩 이어지는데 전체 추천인 트리를 탐색해야 해요', 'neptune'],
  ['같은 카드, 같은 주소를 쓰는 계정들을 연결해서 사기 조직을 찾아요', 'neptune'],
  ['조직도에서 상사의 상사를 끝까지 따라가는 쿼리가 느려요', 'neptune'],
  ['차량마다 최신 위치 하나만 유지하고 차량 ID로 조회해요. 이동 이력은 안 남겨요', 'dynamodb'],
  ['센서 값을 1분 평균, 1시간 평균으로 다운샘플링해서 1년 보관', 'timestream'],
  ['월별 매출 리포트 때문에 운영 MySQL이 느려져요', 'redshift'],
  ['상품 설명 전문 검색, 오타 보정, 동의어', 'opensearch'],
  ['고객 문의 티켓에 대해 벡터 검색으로 유사 문의 찾기', 'opensearch'],
  ['모바일 앱 사용자 설정, 사용자 ID로만 읽고 쓰고 수백만 명', 'dynamodb'],
  ['JSON 형태의 상품 정보, 필드가 상품마다 다르고 여러 조건으로 검색', 'documentdb'],
  ['신규 예약 시스템, 트랜잭션이랑 조인 필수, 중복 예약 절대 안 됨', 'aurora'],
);

// A ninth batch: history kept vs latest state in harder mixes, expiring codes and rate limits, SQL that
// scales to zero, portability stated as "no Aurora-only features".
CASES.push(
  ['we keep every reading from 2k wind turbines and analysts query trends over weeks', 'timestream'],
  ['telemetry sits in DynamoDB today but we need per-hour aggregates and retention tiers', 'timestream'],
  ['time-stamped events from 100k devices, queries are always "avg/max over the last N minutes"', 'timestream'],
  ['just a device registry: current firmware version per device id, no time series needed', 'dynamodb'],
  ['one row per user with their current streak count, updated daily, read by user id, 10M users', 'dynamodb'],
  ['the dashboard shows only live values; each machine overwrites its own record', 'dynamodb'],
  ['센서 데이터를 DynamoDB에 넣고 있는데 시간별 집계가 필요해져서 힘들어요', 'timestream'],
  ['10만 대 기기에서 타임스탬프 찍힌 이벤트가 들어오고 최근 N분 평균/최대를 조회해요', 'timestream'],
  ['사용자별 현재 연속 출석 일수만 저장, 사용자 ID로 읽고 천만 명', 'dynamodb'],
  ['대시보드는 실시간 값만 보여줘요. 기계마다 자기 레코드를 덮어써요', 'dynamodb'],
  ['공정 데이터를 초 단위로 쌓고 교대조별 평균을 내야 해요', 'timestream'],
  ['expiring one-time login codes, sub-ms check, fine to vanish after 5 minutes', 'elasticache'],
  ['we need a place to keep rate-limit buckets per API key, microseconds, no persistence', 'elasticache'],
  ['SQL that scales to zero when nobody uses it, relational schema with joins', 'aurora'],
  ['read replicas are not enough, our relational app needs up to 15 replicas and fast failover', 'aurora'],
  ['we must run PostgreSQL with no Aurora-only features, moving between clouds later, load is small', 'rds'],
  ['관계형 스키마에 조인 필요한데 아무도 안 쓸 땐 0으로 줄어드는 SQL', 'aurora'],
  ['API 키별 요청 제한 카운터, 마이크로초, 영속성 필요 없음', 'elasticache'],
  ['일회용 인증 코드 5분 후 만료, 1ms 미만 확인, 사라져도 됨', 'elasticache'],
);

const OFF_TOPIC_OR_VAGUE: string[] = [
  'step by step guide to set up the VPN please',
  "what's the latest news on the outage?",
  'show me trends in our AWS bill',
  'who is the manager of the manager of our team?',
  'the chain of events that led to the incident',
  'current status of the deploy?',
  '지금 상태 어때요?',
  '최신 공지 알려줘',
  '단계별로 설명해 주세요',
  '배포 이력 보여줘',
  'how do I tail CloudWatch logs for a lambda?',
  'can you restart the staging cluster',
  'what is the wifi password',
  'please review my pull request',
  'the build is failing on main, any idea?',
  'how many vacation days do I have left',
  'summarize the incident from yesterday',
  'translate this paragraph into french',
  'what does HTTP 503 mean?',
  'where is the nearest coffee shop',
  'set a reminder for 3pm',
  'how do I write a for loop in rust?',
  'our terraform apply keeps timing out',
  'explain the CAP theorem',
  'how do I add an index to a postgres table?',
  'what is the difference between TCP and UDP?',
  'tell me a joke',
  'is it going to rain in Seoul today?',
  '내일 회의 몇 시예요?',
  '점심 메뉴 추천해 주세요',
  '깃허브 액션 캐시가 안 먹어요',
  '람다 콜드스타트 줄이는 방법',
  '오늘 배포 일정 알려줘',
  '파이썬 가상환경 만드는 법',
  '휴가 신청 어떻게 해요?',
  'VPC 피어링 설정 방법 알려줘',
  '이번 주 온콜 누구예요?',
  '엑셀에서 피벗 테이블 만드는 법',
  '슬랙 알림 끄는 방법',
  'SQL에서 GROUP BY 문법이 뭐예요?',
  // vague
  'what database is best?',
  'we need a scalable db',
  'DB 골라주세요',
  '좋은 데이터베이스 추천',
  'any db recommendations for a startup?',
  '빠른 DB 뭐 있어요?',
];

// Chatter with database-ish words in it (캐시백, 온보딩 문서, "what is a foreign key?", "can you clear the cache").
OFF_TOPIC_OR_VAGUE.push(
  '도커 이미지 크기 줄이는 법',
  'AWS 요금 청구서 어디서 봐요?',
  'IAM 역할에 S3 권한 주려면?',
  'CloudWatch 알람 만들어 주세요',
  '주말 날씨 어때요',
  'Git 브랜치 전략 추천해 주세요',
  '리액트 상태관리 라이브러리 뭐 써요?',
  'DB 비밀번호 바꾸는 법',
  'RDS 스냅샷으로 복원하는 방법',
  '쿼리가 느린데 인덱스 걸면 빨라지나요?',
  '엑셀 데이터 정리 좀 도와줘',
  '데이터 분석 공부 뭐부터 해요?',
  '브라우저 캐시 지우는 법',
  '로그인 페이지가 안 떠요',
  '에러 로그 좀 봐줘',
  '신입 온보딩 문서 어디 있어요?',
  '사내 와이파이 비번',
  '코드 리뷰 해줄 수 있어요?',
  '타입스크립트 제네릭 설명해줘',
  '오늘 배포해도 돼요?',
  '슬랙 봇 권한 추가 방법',
  '서버 재시작해 주세요',
  '데이터 센터 위치가 어디예요?',
  '데이터 요금제 추천해 주세요',
  '캐시백 이벤트 언제까지예요?',
  '우리 팀 트래픽 대시보드 링크',
  '주문한 노트북 언제 와요?',
  '결제 카드 변경 방법',
  'how do I reset the RDS master password?',
  'what is a foreign key?',
  'restore the snapshot from yesterday please',
  'show me the error logs',
  'who owns the billing service?',
  'my order from the cafeteria is late',
  'add me to the on-call rotation',
  'explain sharding to me like I am five',
  'what are the benefits of NoSQL?',
  'can you clear the cache on the website',
);

// Cost alone, explanations of how something works, and recommendations of things that are not stores.
OFF_TOPIC_OR_VAGUE.push(
  '제일 싼 DB 뭐예요?',
  '저렴한 데이터베이스 추천',
  '가성비 좋은 DB?',
  'cheapest database?',
  'what is the cheapest db on aws?',
  '비용이 제일 적게 드는 DB 알려줘',
  '유튜브 추천 시스템 원리가 뭐예요?',
  '샤딩이 뭐예요?',
  '트랜잭션 격리 수준이란 무엇인가요?',
  'how does a recommendation engine work?',
  '인덱스는 어떻게 동작해요?',
  'ACID가 무슨 뜻이에요?',
  '회식 장소 추천해 주세요',
  '데이터 분석 책 추천해 주세요',
  '주말에 볼 영화 추천',
  '좋은 키보드 추천해 줘',
);

describe('knowledge/advise reads the workload', () => {
  it.each(CASES)('%s → %s', (question, expected) => {
    // Prepare // Act
    const advice = advise(kb, question);
    // Assess
    expect(advice.kind === 'answer' ? advice.recommended.service.id : null).toBe(expected);
  });

  it.each(OFF_TOPIC_OR_VAGUE)('declines, never answering confidently: %s', (question) => {
    expect(advise(kb, question).kind).toBe('abstain');
  });

  it('names the clues it read, the deciding rule first, and what the question ruled out', () => {
    const a = answer('carts keyed by customer id, no joins, 4M customers, and not a cache');
    expect(a.recommended.service.id).toBe('dynamodb');
    expect(a.read[0]).toBe(a.decidedBy?.label.en);
    expect(a.read).toEqual(expect.arrayContaining(['no joins', 'very large scale']));
    expect(a.read.join(' ')).toContain('not a cache');
  });

  it('shows a corrected typo in what it read', () => {
    expect(answer('we run casandra and want to keep cql').read).toContain('"casandra" → cassandra');
  });

  it('answers in Korean with Korean clue labels', () => {
    const a = answer('조인 없이 회원 ID로만 조회, 회원 수백만');
    expect(a.read).toContain('조인 없음');
  });

  it("quotes a named case study, and says when the asker's own clues point elsewhere", () => {
    const copy = answer('Duolingo uses DynamoDB; we are a 3-table internal admin app with ad-hoc joins for 20 staff');
    expect(copy.recommended.service.id).toBe('aurora');
    expect(copy.caseStudy?.note.id).toBe('case-duolingo');
    // The question weighs the design it names (DynamoDB), so that is the use quoted, with "not for you" (issue 13:
    // a small app with ad-hoc joins should not copy a key-value design), though Duolingo also runs Aurora.
    expect(copy.caseStudy?.use.service).toBe('dynamodb');
    expect(copy.caseStudy?.fitsAsker).toBe(false);
    const plain = answer('Duolingo-like app but we are 20 staff with ad-hoc joins, which db?');
    expect(plain.recommended.service.id).toBe('aurora');
    expect(plain.caseStudy?.use.service).toBe('aurora'); // naming no design, Duolingo's own Aurora use fits
    expect(plain.caseStudy?.fitsAsker).toBe(true);
    const other = answer('Expedia streams through ElastiCache; ours is a Teradata warehouse to move');
    expect(other.recommended.service.id).toBe('redshift');
    expect(other.caseStudy?.note.id).toBe('case-expedia');
  });

  it('asks the one deciding question instead of guessing when two services tie', () => {
    const advice = advise(kb, 'in-memory primary database like redis that must not lose data');
    expect(advice.kind).toBe('abstain');
    if (advice.kind !== 'abstain') return;
    expect(advice.why).toBe('tie');
    expect(advice.tie?.services.map((s) => s.id).sort()).toEqual(['elasticache', 'memorydb']);
    expect(advice.tie?.ask).toMatch(/several Regions/);
  });
});
