import type { Lang } from '../schema.ts';
import type { WorkloadPicture } from './read.ts';

/**
 * AWS's routing rules (db-guidance.md §1–§3: the decision guide, the agent toolkit's `select.md` and
 * service cards) as votes over the workload picture. Each rule that holds adds its votes to the
 * notes' `fits` score; the strongest rule behind the winner is the clue that decided, and the answer
 * says so.
 */
export interface Rule {
  id: string;
  /** The clue that decides, as the answer's "read:" line names it. */
  label: Record<Lang, string>;
  when: (p: Facts) => boolean;
  votes: Record<string, number>;
  /** Where AWS's guidance accepts two services equally, the pair: the answer asks rather than picks. */
  ties?: [string, string];
  /** Its clue words are everyday chatter too: it weighs in, but never makes a question about databases. */
  chatterProne?: boolean;
  /** The trait this rule rules out, so the answer's read line says it once ("no joins", not also "not relational"). */
  negates?: string;
  /** The clues its label already says, so the read line does not repeat them (a clue voices its own rule id). */
  voices?: readonly string[];
  /** The engine within the service that the rule points at ("Aurora PostgreSQL"), named in the headline. */
  target?: string;
  /** The rule's own reason, from the guidance, cited as the first reason when it decides. */
  reason?: Record<Lang, string>;
}

/** Questions over the picture. */
export interface Facts {
  /** Asked for: a trait or clue id. */
  has(id: string): boolean;
  /** Ruled out. */
  not(id: string): boolean;
  /** Mentioned either way (an engine named only in "we don't need to stay on Oracle" is still the source). */
  mentioned(id: string): boolean;
  regions: number;
}

export function factsOf(p: WorkloadPicture): Facts {
  const asked = new Set([...p.traits.map((t) => t.id), ...p.clues]);
  const ruledOut = new Set([...p.notWanted.map((t) => t.id), ...p.notClues]);
  return {
    has: (id) => asked.has(id),
    not: (id) => ruledOut.has(id),
    mentioned: (id) => asked.has(id) || ruledOut.has(id),
    regions: p.regions,
  };
}

const redis = (f: Facts) => f.has('engine-redis') || f.has('in-memory');
const relationalApp = (f: Facts) =>
  (f.has('relational') || f.has('engine-mysql') || f.has('engine-postgres') || f.has('transactions')) &&
  !f.not('relational');
const keyAccess = (f: Facts) => f.has('key-value') || f.not('relational') || f.has('session');
const stateOnly = (f: Facts) =>
  f.not('history') ||
  f.has('no-history') ||
  // Data worthless after seconds or minutes is never a history to aggregate.
  (f.has('short-lived') && !f.has('time-window')) ||
  f.not('time-series') ||
  f.has('history-elsewhere') ||
  (f.has('latest-state') && !f.has('time-window') && (!f.has('history') || f.has('overwrite')));
// Data that arrives at a rate and is aggregated by period is a time series whatever it measures ("output every
// minute, daily yield"): the sampling says measurements even when the quantity is a word no list holds.
const timeWindows = (f: Facts) =>
  (((f.has('time-window') || f.has('sampling')) && (f.has('measurements') || f.has('time-series'))) ||
    (f.has('sampling') && f.has('time-window'))) &&
  !stateOnly(f);
const multiRegionWrites = (f: Facts) =>
  f.has('multi-region-writes') || (f.regions >= 2 && (f.has('global') || f.has('concurrent-writes')));
/** The engine named is the store in trouble today, not the one the answer must match. */
const currentStoreTrouble = (f: Facts) =>
  f.has('connections') ||
  f.has('heavy-reporting') ||
  f.has('cache') ||
  f.has('multi-hop') ||
  f.has('too-big-for-memory') ||
  timeWindows(f);
const warehouse = (f: Facts) => f.has('warehouse-source') || f.has('dw');
const leaving = (f: Facts) =>
  (f.has('engine-change') || f.has('licence-free') || f.not('engine-stay')) && !f.has('engine-stay');
const openEngine = (f: Facts) => f.has('engine-mysql') || f.has('engine-postgres');
/** Writes in one Region only: said outright, or multi-Region writes ruled out. */
const oneRegion = (f: Facts) => f.has('single-region') || f.not('multi-region-writes');

const r = (id: string, en: string, ko: string, when: Rule['when'], votes: Rule['votes']): Rule => ({
  id,
  label: { en, ko },
  when,
  votes,
});

const ROUTING: readonly Rule[] = [
  // Migrations: match the source engine (guidance §2).
  r(
    'cassandra',
    'Cassandra / CQL source',
    'Cassandra·CQL 원본',
    (f) => f.has('engine-cassandra') || f.has('cql') || f.has('wide-column'),
    { keyspaces: 8 },
  ),
  r('mongodb', 'MongoDB compatibility', 'MongoDB 호환', (f) => f.has('engine-mongodb'), { documentdb: 8 }),
  r(
    'neo4j',
    'a graph engine or Cypher/Gremlin',
    '그래프 엔진·Cypher/Gremlin',
    (f) => f.has('engine-graph') || f.has('cypher'),
    { neptune: 8 },
  ),
  // db-guidance.md §3.1: QLDB reached end of support; AWS documents the move to Aurora PostgreSQL.
  {
    ...r(
      'qldb',
      'leaving QLDB (end of support) → Aurora PostgreSQL',
      'QLDB 이전 (지원 종료) → Aurora PostgreSQL',
      (f) => f.mentioned('qldb'),
      {
        aurora: 8,
      },
    ),
    target: 'Aurora PostgreSQL',
    reason: {
      en: 'Amazon QLDB reached end of support on 31 July 2025; AWS documents the migration of a QLDB ledger to Aurora PostgreSQL.',
      ko: 'Amazon QLDB는 2025년 7월 31일 지원이 종료되었고, AWS가 문서로 안내하는 QLDB 원장의 이전 대상은 Aurora PostgreSQL입니다.',
    },
  },
  r('influx', 'an InfluxDB source', 'InfluxDB 원본', (f) => f.has('engine-influx'), { timestream: 8 }),
  r('elasticsearch', 'an Elasticsearch source', 'Elasticsearch 원본', (f) => f.has('engine-search'), { opensearch: 6 }),
  r('warehouse', 'a data warehouse (Teradata, Db2, EDW)', '데이터 웨어하우스(Teradata·Db2·EDW)', warehouse, {
    redshift: 8,
    rds: -4,
    aurora: -2,
  }),
  // db-guidance.md §2 (refactors): leaving Oracle or SQL Server starts with Aurora PostgreSQL, with SCT and DMS.
  {
    ...r(
      'leave-commercial',
      'leaving a commercial engine → Aurora PostgreSQL (the engine need not stay)',
      '상용 엔진 탈출 → Aurora PostgreSQL (엔진 유지 불필요)',
      (f) => f.mentioned('engine-commercial') && leaving(f) && !warehouse(f),
      { aurora: 8, rds: -3 },
    ),
    target: 'Aurora PostgreSQL',
    voices: ['engine-stay', 'engine-change', 'licence-free'],
    reason: {
      en: "AWS's migration guidance for leaving a commercial engine (Oracle, SQL Server) is Aurora PostgreSQL (start with Aurora Serverless v2), not the same engine on RDS: AWS SCT converts the schema and code, AWS DMS moves the data, and the engine licence goes away.",
      ko: 'AWS 마이그레이션 가이드는 상용 엔진(Oracle·SQL Server)을 떠날 때 같은 엔진의 RDS가 아니라 Aurora PostgreSQL(Aurora Serverless v2로 시작)을 권합니다. AWS SCT가 스키마와 코드를 변환하고 AWS DMS가 데이터를 옮기며, 엔진 라이선스 비용이 없어집니다.',
    },
  },
  r(
    'keep-commercial',
    'the engine must stay',
    '엔진을 그대로 유지',
    (f) => f.has('engine-commercial') && f.has('engine-stay') && !warehouse(f),
    { rds: 8, aurora: -2 },
  ),
  r(
    'same-engine',
    'a commercial engine or MariaDB, same engine on AWS',
    '상용 엔진·MariaDB를 같은 엔진으로',
    (f) => f.has('engine-commercial') && !leaving(f) && !f.has('engine-stay') && !warehouse(f) && !f.has('cache'),
    { rds: 4 },
  ),
  r(
    'open-engine',
    'a MySQL / PostgreSQL move (AWS: Aurora)',
    'MySQL·PostgreSQL 이전 (AWS 권장: Aurora)',
    (f) =>
      openEngine(f) && !f.has('engine-stay') && !f.has('portable') && !f.has('small-steady') && !currentStoreTrouble(f),
    { aurora: 2 },
  ),
  // db-guidance.md §2: the migration table matches MySQL to Aurora MySQL and PostgreSQL to Aurora PostgreSQL, so
  // "the same engine" for an open engine is Aurora's compatible edition. RDS keeps the community build itself, and
  // wins where the asker says why that matters (portability, a small steady cost-sensitive load: rules below).
  {
    ...r(
      'keep-open-engine',
      'MySQL / PostgreSQL stays MySQL / PostgreSQL (AWS matches the source engine: Aurora)',
      'MySQL·PostgreSQL 그대로 (AWS는 원본 엔진에 맞춤: Aurora)',
      (f) => openEngine(f) && f.has('engine-stay') && !f.has('engine-commercial') && !currentStoreTrouble(f),
      { aurora: 5 },
    ),
    reason: {
      en: "AWS's migration table matches the source engine: MySQL goes to Aurora MySQL and PostgreSQL to Aurora PostgreSQL, which keep the engine's SQL, drivers and tools. RDS for MySQL or PostgreSQL runs the community build itself, if that exact build is what must stay.",
      ko: 'AWS 마이그레이션 표는 원본 엔진에 맞춥니다. MySQL은 Aurora MySQL로, PostgreSQL은 Aurora PostgreSQL로 가며 SQL·드라이버·도구가 그대로입니다. 커뮤니티 빌드 자체를 유지해야 한다면 RDS for MySQL·PostgreSQL입니다.',
    },
  },
  // A cache in front of a named database: the engine is the store behind it, not the one to choose.
  {
    ...r(
      'cache-in-front',
      'a cache in front of another store',
      '다른 저장소 앞단의 캐시',
      (f) => f.has('cache') && !f.has('primary'),
      {
        elasticache: 4,
      },
    ),
    chatterProne: true,
  },
  // db-guidance.md §2 cards: Aurora fails over in under 30 s, RDS Multi-AZ in 60–120 s.
  r(
    'fast-failover',
    'failover faster than RDS Multi-AZ gives (Aurora: under 30 s)',
    'RDS Multi-AZ보다 빠른 장애 조치 (Aurora: 30초 미만)',
    (f) => f.has('fast-failover'),
    { aurora: 5, rds: -2 },
  ),
  // Vector search stands on its own as a search index (OpenSearch), or beside relational rows in PostgreSQL
  // (pgvector on Aurora PostgreSQL), db-guidance.md §2–§3.
  r(
    'vector-index',
    'vector search as its own index',
    '독립된 벡터 검색 인덱스',
    (f) => f.has('vector') && !relationalApp(f),
    {
      opensearch: 4,
    },
  ),
  r(
    'pgvector',
    'vectors beside relational rows (pgvector)',
    '관계형 행 옆의 벡터 (pgvector)',
    (f) => f.has('vector') && relationalApp(f),
    { aurora: 4 },
  ),
  // Constraints
  r('portable', 'portable, no AWS-only features', '이식성 우선 (AWS 전용 기능 없음)', (f) => f.has('portable'), {
    rds: 7,
    aurora: -3,
  }),
  r(
    'small-steady',
    'a small, steady relational load',
    '작고 일정한 관계형 부하',
    // Cost alone is no workload ("the cheapest DB?" is asked back): it needs the relational app it is about.
    (f) =>
      f.has('small-steady') &&
      !f.has('variable-traffic') &&
      (relationalApp(f) || f.has('engine-mysql') || f.has('engine-postgres') || f.has('relational')),
    { rds: 5 },
  ),
  r('auto-storage', 'storage that grows by itself', '스스로 늘어나는 스토리지', (f) => f.has('auto-storage'), {
    aurora: 6,
  }),
  r(
    'autoscale-sql',
    'relational traffic that swings',
    '변동이 큰 관계형 트래픽',
    (f) => f.has('variable-traffic') && relationalApp(f),
    { aurora: 3 },
  ),
  r(
    'small-scale',
    'a small app (key-value design not worth it)',
    '작은 앱 (키-값 설계는 과함)',
    (f) => f.has('small-scale'),
    { dynamodb: -6, aurora: 2 },
  ),
  r(
    'memorydb',
    'in-memory primary with writes in several Regions',
    '여러 리전에서 쓰는 인메모리 주 저장소',
    (f) => redis(f) && multiRegionWrites(f) && !f.has('cache'),
    { memorydb: 9, elasticache: -3 },
  ),
  // db-guidance.md §3.3: a durable Redis/Valkey primary in one Region is ElastiCache (Valkey durability) by
  // AWS's current rules and MemoryDB by its docs. Only multi-Region writes separate them: ask that.
  {
    ...r(
      'durable-in-memory',
      'a durable in-memory primary, Region count unknown',
      '리전 수를 모르는 내구성 인메모리 주 저장소',
      (f) =>
        redis(f) &&
        (f.has('durable') || f.has('primary')) &&
        !multiRegionWrites(f) &&
        !oneRegion(f) &&
        !f.has('cache') &&
        !f.has('loss-ok') &&
        !f.has('too-big-for-memory') &&
        !f.has('terabytes'),
      {},
    ),
    ties: ['elasticache', 'memorydb'],
  },
  // §3.3: with writes in one Region, AWS's rules default a durable Redis/Valkey primary to ElastiCache (Valkey's
  // Multi-AZ transactional log); MemoryDB only for multi-Region active-active writes.
  r(
    'durable-in-memory-one-region',
    'a durable in-memory primary in one Region (ElastiCache for Valkey durability)',
    '한 리전의 내구성 인메모리 주 저장소 (ElastiCache for Valkey 내구성)',
    (f) =>
      redis(f) &&
      (f.has('durable') || f.has('primary')) &&
      oneRegion(f) &&
      !multiRegionWrites(f) &&
      !f.has('cache') &&
      !f.has('too-big-for-memory') &&
      !f.has('terabytes'),
    { elasticache: 7, memorydb: -3 },
  ),
  r(
    'too-big',
    'too big for memory, key access',
    '메모리에 안 들어가는 키 조회 데이터',
    (f) => f.has('too-big-for-memory') || (redis(f) && f.has('terabytes') && !f.has('cache')),
    { dynamodb: 8, elasticache: -5, memorydb: -5 },
  ),
  // db-guidance.md: leaderboards are ElastiCache's sorted sets (Valkey/Redis ZADD, ZRANGE); the data structure
  // decides, whatever the scale ("millions of players" is no reason to rank in a key-value table).
  r(
    'leaderboard',
    'a leaderboard or ranking (Valkey sorted sets)',
    '리더보드·랭킹 (Valkey 정렬 집합)',
    (f) =>
      f.has('leaderboard') &&
      !f.has('durable') &&
      !f.has('primary') &&
      !f.has('too-big-for-memory') &&
      !multiRegionWrites(f),
    { elasticache: 7 },
  ),
  r(
    'leaderboard-primary',
    'a leaderboard that is the durable primary store (MemoryDB)',
    '내구성 있는 주 저장소인 리더보드 (MemoryDB)',
    (f) =>
      f.has('leaderboard') &&
      (f.has('durable') || f.has('primary') || multiRegionWrites(f)) &&
      !f.has('too-big-for-memory'),
    { memorydb: 7, elasticache: -2 },
  ),
  // Surviving a Region's loss needs a copy in another Region: DynamoDB global tables for key access, Aurora Global
  // Database for a relational app (db-guidance.md §3: multi-Region replication is each service's own feature).
  r(
    'region-failure-kv',
    'survives a Region failure (global tables)',
    '리전 장애에도 유지 (글로벌 테이블)',
    (f) => f.has('region-failure') && !relationalApp(f) && !redis(f) && !multiRegionWrites(f),
    { dynamodb: 4 },
  ),
  r(
    'region-failure-sql',
    'survives a Region failure (Aurora Global Database)',
    '리전 장애에도 유지 (Aurora Global Database)',
    (f) => f.has('region-failure') && relationalApp(f),
    { aurora: 4, rds: -1 },
  ),
  r(
    'ordered-per-key',
    'items ordered within each key (partition and sort key)',
    '키마다 순서대로 쌓이는 항목 (파티션 키·정렬 키)',
    (f) => f.has('ordered-per-key') && !relationalApp(f) && !timeWindows(f) && !f.has('search'),
    { dynamodb: 4 },
  ),
  r(
    'global-kv',
    'key access with writes in several Regions',
    '여러 리전에서 쓰는 키 조회 데이터',
    (f) => multiRegionWrites(f) && !redis(f),
    { dynamodb: 5 },
  ),
  r(
    'ephemeral',
    'fast data that may expire or be lost',
    '만료되거나 유실돼도 되는 빠른 데이터',
    (f) =>
      (f.has('loss-ok') || f.not('durable') || f.not('primary') || (f.has('expires') && f.has('sub-ms'))) &&
      (f.has('sub-ms') || f.has('counter') || f.has('cache') || redis(f) || f.has('leaderboard') || f.has('session')) &&
      !multiRegionWrites(f),
    { elasticache: 6 },
  ),
  r(
    'short-lived',
    'fast data that lives seconds or minutes',
    '몇 초·몇 분만 유효한 빠른 데이터',
    (f) =>
      f.has('short-lived') &&
      (f.has('sub-ms') || f.has('low-latency') || f.has('counter') || f.has('cache') || redis(f) || f.has('session')) &&
      !f.has('durable') &&
      !multiRegionWrites(f),
    { elasticache: 6 },
  ),
  // db-guidance.md §2 routes session stores to DynamoDB: at millions of users with no cache, memory or loss clue,
  // the session data is a key-value table, not a cache.
  r(
    'sessions-at-scale',
    'session data at scale',
    '대규모 세션 데이터 (캐시 아님)',
    (f) =>
      f.has('session') &&
      f.has('massive-scale') &&
      !f.has('cache') &&
      !redis(f) &&
      !f.has('sub-ms') &&
      !f.has('loss-ok') &&
      !f.has('short-lived'),
    { dynamodb: 3 },
  ),
  // db-guidance.md §2 lists shopping carts with DynamoDB's key-value data: a cart is the user's state, kept durably.
  r(
    'carts',
    'shopping carts (key-value state per user)',
    '장바구니 (사용자별 키-값 상태)',
    (f) =>
      f.has('cart') && !f.has('cache') && !redis(f) && !f.has('sub-ms') && !f.has('loss-ok') && !f.has('short-lived'),
    { dynamodb: 3 },
  ),
  r(
    'counter',
    'counters or presence with expiry',
    '만료되는 카운터·접속 상태',
    (f) => f.has('counter') && (f.has('expires') || f.has('sub-ms')),
    { elasticache: 3 },
  ),
  r(
    'not-a-cache',
    'the system of record, not a cache',
    '캐시가 아닌 원본 저장소',
    (f) => (f.not('cache') || f.has('primary')) && keyAccess(f) && !redis(f) && !f.has('loss-ok'),
    { dynamodb: 4, elasticache: -4 },
  ),
  r('no-joins', 'no joins', '조인 없음', (f) => f.not('relational'), { dynamodb: 3, aurora: -3, rds: -3 }),
  r(
    'connections',
    'Lambda running out of connections, key access',
    'Lambda 커넥션 고갈, 키 조회',
    // The engine named is the store that is failing, not a requirement: what it is asked to do decides.
    (f) => (f.has('connections') || f.has('lambda')) && keyAccess(f) && !f.has('relational') && !f.has('acid'),
    { dynamodb: 6 },
  ),
  r(
    'scale-to-zero',
    'scale to zero, pay per request, no VPC',
    '0까지 축소, 요청당 과금, VPC 없음',
    (f) => f.has('scale-to-zero') && !relationalApp(f),
    { dynamodb: 5 },
  ),
  // Query shape
  r(
    'latest-state',
    'the latest state per key',
    '키별 최신 상태',
    // "The latest news" is not a store: the state must belong to something kept per key.
    (f) => stateOnly(f) && !f.has('time-window') && (keyAccess(f) || f.has('measurements') || f.has('per-entity')),
    { dynamodb: 6, timestream: -6 },
  ),
  r(
    'app-report',
    "a small report on the app's own screen (its own database answers it)",
    '앱 화면의 작은 집계 (앱 DB로 충분)',
    (f) =>
      f.has('app-report') &&
      !f.has('multi-hop') &&
      !warehouse(f) &&
      !f.has('heavy-reporting') &&
      !f.has('terabytes') &&
      !f.has('massive-scale') &&
      !f.has('logs'),
    { aurora: 5, redshift: -3, timestream: -4, neptune: -4 },
  ),
  r(
    'traces',
    'traces and spans (trace analytics)',
    '트레이스·스팬 (트레이스 분석)',
    (f) => f.has('traces') && (f.has('logs') || f.has('search') || f.has('analytics') || f.has('measurements')),
    { opensearch: 5, timestream: -3 },
  ),
  r('time-windows', 'measurements aggregated by time window', '시간 구간별로 집계하는 측정값', timeWindows, {
    timestream: 7,
  }),
  r(
    'multi-hop',
    'links followed several hops deep',
    '여러 단계로 이어진 연결',
    (f) => f.has('multi-hop') && !f.has('shallow-joins'),
    {
      neptune: 8,
    },
  ),
  {
    ...r(
      'link-chain',
      'chains of links between records',
      '레코드 사이의 연결 사슬',
      (f) => f.has('link-chain') && !f.has('multi-hop') && !f.has('shallow-joins'),
      { neptune: 7 },
    ),
    chatterProne: true,
  },
  r(
    'written-path',
    'a path walked step by step',
    '단계별로 따라가는 경로',
    (f) =>
      f.has('written-path') &&
      !f.has('multi-hop') &&
      !f.has('shallow-joins') &&
      !f.has('big-aggregation') &&
      !f.has('bi') &&
      !warehouse(f) &&
      !timeWindows(f),
    { neptune: 6 },
  ),
  r('shallow-joins', 'ordinary foreign keys, shallow joins', '평범한 외래키·얕은 조인', (f) => f.has('shallow-joins'), {
    aurora: 4,
    neptune: -4,
  }),
  r(
    'heavy-reporting',
    'heavy reporting overloading an operational store',
    '운영 DB를 짓누르는 대형 리포트',
    // Measurements sampled at a rate and reported by period are a time series, whatever the report is called.
    (f) => f.has('heavy-reporting') && !timeWindows(f),
    { redshift: 7 },
  ),
  r(
    'big-aggregation',
    'large aggregations over years of data',
    '수년치 데이터의 대규모 집계',
    (f) => f.has('big-aggregation') && !timeWindows(f) && !f.has('search'),
    { redshift: 4 },
  ),
  // A relational app's own reports (an ERP's, with joins) are SQL on that app: a warehouse needs warehouse clues
  // (years of data, heavy reporting, BI, a DW), db-guidance.md §1.
  r(
    'app-reports',
    "a relational app's own reports (no warehouse clue)",
    '관계형 앱 자체 리포트 (웨어하우스 단서 없음)',
    (f) =>
      f.has('relational') &&
      !f.not('relational') &&
      f.has('analytics') &&
      !f.has('big-aggregation') &&
      !f.has('heavy-reporting') &&
      !f.has('bi') &&
      !warehouse(f) &&
      !f.has('massive-scale') &&
      !f.has('terabytes') &&
      !timeWindows(f),
    { aurora: 3 },
  ),
  r(
    'bi',
    'BI over history',
    '이력에 대한 BI',
    (f) => f.has('bi') && (f.has('analytics') || f.has('big-aggregation')) && !timeWindows(f),
    {
      redshift: 2,
    },
  ),
  r('no-search', 'no text search', '텍스트 검색 없음', (f) => f.not('search'), { opensearch: -6, redshift: 1 }),
  r('no-analytics', 'not analytics', '분석 아님', (f) => f.not('analytics'), { redshift: -6 }),
  r('not-cache', 'not a cache', '캐시 아님', (f) => f.not('cache'), { elasticache: -3 }),
  // Searching logs is a workload when someone wants a system for it ("security wants to search CloudTrail …").
  {
    ...r(
      'log-search',
      'searching log text',
      '로그 텍스트 검색',
      (f) => f.has('logs') && f.has('search') && !f.has('app-report'),
      { opensearch: 4 },
    ),
    // "Search the logs for errors please" is a request to the bot, not a store to choose.
    chatterProne: true,
  },
  // Logs and traces analysed as they arrive are OpenSearch's log analytics; years of aggregates are a warehouse's.
  r(
    'log-analytics',
    'log and trace analytics',
    '로그·트레이스 분석',
    (f) => f.has('logs') && f.has('analytics') && !f.has('big-aggregation') && !f.has('bi') && !warehouse(f),
    { opensearch: 3 },
  ),
  r('no-time-series', 'not a time series', '시계열 아님', (f) => f.not('time-series'), { timestream: -6 }),
];

/** Rules that voice a ruled-out trait themselves. */
const NEGATES: Readonly<Record<string, string>> = {
  'no-joins': 'relational',
  'not-a-cache': 'cache',
  'not-cache': 'cache',
  'no-search': 'search',
  'no-analytics': 'analytics',
  'no-time-series': 'time-series',
};

/** Clues a rule's label says besides its own id's clue. */
const VOICES: Readonly<Record<string, readonly string[]>> = {
  'durable-in-memory-one-region': ['single-region', 'primary'],
  'keep-open-engine': ['engine-stay'],
  'keep-commercial': ['engine-stay'],
  'leave-commercial': ['engine-change', 'licence-free'],
  memorydb: ['multi-region-writes', 'concurrent-writes'],
  'global-kv': ['multi-region-writes', 'concurrent-writes'],
  'latest-state': ['per-entity'],
  carts: ['cart'],
  'region-failure-kv': ['region-failure'],
  'region-failure-sql': ['region-failure'],
  'time-windows': ['time-window', 'sampling'],
  counter: ['expires'],
  'not-a-cache': ['primary'],
  connections: ['lambda'],
  warehouse: ['warehouse-source', 'dw'],
};

/**
 * The reason a rule gives when it decides, where the note's own "choose when" would not say why (the guidance's
 * facts behind each rule, db-guidance.md §2–§3).
 */
const REASONS: Readonly<Record<string, Record<Lang, string>>> = {
  'fast-failover': {
    en: "AWS's cards give Aurora failover in under 30 seconds against 60–120 seconds for RDS Multi-AZ: its storage is shared across three Availability Zones, so a replica takes over without copying data.",
    ko: 'AWS 카드 기준 Aurora의 장애 조치는 30초 미만, RDS Multi-AZ는 60~120초입니다. 스토리지를 3개 가용 영역이 공유해 복제본이 데이터 복사 없이 넘겨받습니다.',
  },
  'app-report': {
    en: "A small figure on the app's own screen is one query on the app's own tables; a warehouse or a time-series store would be a second system to feed and pay for.",
    ko: '앱 화면의 작은 집계는 앱 테이블에 대한 쿼리 하나로 충분합니다. 웨어하우스나 시계열 저장소는 따로 채우고 비용을 내야 하는 두 번째 시스템입니다.',
  },
  'region-failure-kv': {
    en: 'DynamoDB global tables keep a replica of the table in other Regions, so reads and writes go on in another Region when one fails.',
    ko: 'DynamoDB 글로벌 테이블은 다른 리전에 테이블 복제본을 두어, 한 리전이 장애를 겪어도 다른 리전에서 읽기·쓰기가 계속됩니다.',
  },
  'region-failure-sql': {
    en: 'Aurora Global Database keeps copies of the cluster in other Regions and promotes one when the primary Region fails.',
    ko: 'Aurora Global Database는 다른 리전에 클러스터 사본을 두고, 기본 리전이 장애를 겪으면 그중 하나를 승격합니다.',
  },
  'ordered-per-key': {
    en: 'A partition key per conversation (or user, or device) and a sort key by time keep its items in order: one query reads them newest first, at any scale.',
    ko: '대화(또는 사용자·기기)별 파티션 키와 시간 정렬 키로 항목이 순서대로 저장되어, 규모와 상관없이 쿼리 하나로 최신순으로 읽습니다.',
  },
  'vector-index': {
    en: 'OpenSearch Service runs k-NN vector search, alone or hybrid with keyword search: how AWS serves retrieval for RAG.',
    ko: 'OpenSearch Service는 k-NN 벡터 검색을 단독으로 또는 키워드 검색과 섞어 제공하며, AWS가 RAG 검색에 쓰는 방식입니다.',
  },
  pgvector: {
    en: 'Aurora PostgreSQL runs pgvector, so embeddings sit beside the relational rows they describe and one SQL query filters and ranks them.',
    ko: 'Aurora PostgreSQL은 pgvector를 지원해, 임베딩이 그것이 설명하는 관계형 행 옆에 있고 SQL 쿼리 하나로 거르고 순위를 매깁니다.',
  },
  'written-path': {
    en: 'Neptune stores the links themselves, so a query follows them step by step (Gremlin, openCypher) instead of one join per step.',
    ko: 'Neptune은 연결 자체를 저장해, 단계마다 조인하는 대신 쿼리가 연결을 따라갑니다 (Gremlin, openCypher).',
  },
  traces: {
    en: "OpenSearch Service is AWS's log and trace analytics engine: filter spans by service and latency, then open the slow ones.",
    ko: 'OpenSearch Service는 AWS의 로그·트레이스 분석 엔진입니다. 서비스와 지연으로 스팬을 거르고 느린 것을 열어 봅니다.',
  },
};

export const RULES: readonly Rule[] = ROUTING.map((rule) => ({
  ...rule,
  ...(!rule.reason && REASONS[rule.id] ? { reason: REASONS[rule.id] } : {}),
  ...(NEGATES[rule.id] ? { negates: NEGATES[rule.id] } : {}),
  voices: [rule.id, ...(VOICES[rule.id] ?? [])],
}));

export interface Vote {
  rule: Rule;
  weight: number;
}

/** Every rule that holds, with its votes by service. */
export function applyRules(p: WorkloadPicture): { fired: Rule[]; votes: Map<string, Vote[]> } {
  const f = factsOf(p);
  const fired = RULES.filter((rule) => rule.when(f));
  const votes = new Map<string, Vote[]>();
  for (const rule of fired) {
    for (const [service, weight] of Object.entries(rule.votes)) {
      const list = votes.get(service) ?? [];
      list.push({ rule, weight });
      votes.set(service, list);
    }
  }
  return { fired, votes };
}
