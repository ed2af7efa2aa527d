import { ENGINE_ALIASES } from '../service-aliases.ts';
import { vocabulary } from './fuzzy.ts';

/**
 * The words worth correcting when misspelt: engine and service names and the workload words that
 * decide an answer. A word missing here is simply read as written.
 *
 * Engine names come from the one alias table (knowledge/service-aliases.ts) as well; the lists here
 * add the spellings and workload words only the question reader corrects.
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

/** The engine names `/dbadvice compare` knows (one table, knowledge/service-aliases.ts) are words worth correcting too. */
const ENGINE_WORDS = ENGINE_ALIASES.flatMap((engine) => engine.names).filter((name) => !/\s/.test(name));
const only = (pattern: RegExp) => ENGINE_WORDS.filter((name) => pattern.test(name) && name.length >= 3);

export const VOCABULARY = vocabulary(
  [...new Set([...LATIN, ...only(/^[a-z]+$/)])],
  [...new Set([...HANGUL, ...only(/^[\uac00-\ud7a3]+$/)])],
  KNOWN_WORDS,
);
