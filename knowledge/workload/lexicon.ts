import { vocabulary } from './fuzzy.ts';

/**
 * The words worth correcting when misspelt: engine and service names and the workload words that
 * decide an answer. A word missing here is simply read as written.
 *
 * This is the engine-name table of the workload reader (knowledge/workload). handlers/dbadvice/service-names.ts
 * holds the alias table for `/dbadvice compare`; the two should become one.
 */
const LATIN = [
  // engines and products
  'dynamodb',
  'postgres',
  'postgresql',
  'cassandra',
  'scylladb',
  'elasticache',
  'elasticsearch',
  'opensearch',
  'mongodb',
  'redshift',
  'timestream',
  'keyspaces',
  'neptune',
  'memorydb',
  'documentdb',
  'aurora',
  'oracle',
  'mariadb',
  'teradata',
  'valkey',
  'influxdb',
  'memcached',
  'snowflake',
  'lambda',
  'lambdas',
  // workload words
  'scaling',
  'autoscaling',
  'autoscale',
  'session',
  'sessions',
  'caching',
  'transaction',
  'transactions',
  'transactional',
  'relational',
  'analytics',
  'analytical',
  'warehouse',
  'leaderboard',
  'leaderboards',
  'telemetry',
  'timeseries',
  'serverless',
  'replica',
  'replicas',
  'replication',
  'migrate',
  'migrating',
  'migration',
  'consistency',
  'consistent',
  'durable',
  'durability',
  'latency',
  'millisecond',
  'milliseconds',
  'aggregate',
  'aggregates',
  'aggregation',
  'aggregations',
  'recommendation',
  'recommendations',
  'document',
  'documents',
  'traversal',
  'traversals',
  'relationships',
  'connections',
  'throughput',
  'partition',
  'inventory',
  'payments',
  'sensors',
  'readings',
  'dashboard',
  'reporting',
  'autocomplete',
  'portable',
  'portability',
  'immutable',
  'ledger',
  'realtime',
];

const HANGUL = [
  '레디스',
  '밸키',
  '포스트그레스',
  '포스트그레스큐엘',
  '몽고디비',
  '다이나모디비',
  '다이나모',
  '카산드라',
  '엘라스틱서치',
  '엘라스티캐시',
  '일래스티캐시',
  '오픈서치',
  '레드시프트',
  '타임스트림',
  '오라클',
  '마리아디비',
  '도큐먼트디비',
  '키스페이스',
  '메모리디비',
  '테라데이타',
  '인플럭스디비',
  '트랜잭션',
  '리더보드',
  '서버리스',
  '텔레메트리',
  '웨어하우스',
  '데이터베이스',
];

/**
 * Abbreviations people type in capitals for engines and services. Matched case-sensitively on the
 * question as written: lower-cased, `es` or `pg` are too often something else.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  ES: 'elasticsearch',
  DDB: 'dynamodb',
  PG: 'postgresql',
  DocDB: 'documentdb',
  MSSQL: 'sql server',
};

/** Real words one slip from a vocabulary word: never "corrected" (`valley` is not `valkey`). */
const KNOWN_WORDS = ['valley', 'shipping', 'relations', 'cashing', 'oracles', 'latest', 'leader', 'sessile', 'lambada'];

export const VOCABULARY = vocabulary(LATIN, HANGUL, KNOWN_WORDS);
