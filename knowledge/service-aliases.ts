import type { KnowledgeBase } from './kb.ts';
import { nameKey } from './name-key.ts';
import type { Bilingual, ServiceNote } from './schema.ts';
import { stripParticle } from './tokenize.ts';
import { editDistance } from './workload/fuzzy.ts';

/**
 * Engines and products people name that are not AWS services but have one AWS counterpart: the
 * one table behind `/dbadvice compare mongo dynamodb` and behind questions that only name an
 * engine ("moving our Cassandra cluster"). The targets follow AWS's migration table ("match the
 * source engine", agent toolkit select.md; /work/shared/reference/db-guidance.md §2).
 */
export interface EngineAlias {
  /** The engine as the answer names it: `MongoDB`. */
  label: string;
  /** Spellings people type, any case or spacing (`mongo`, `몽고디비`). */
  names: string[];
  /** The id of the service note that answers for it. */
  service: string;
  /** Why that service, a phrase per language: `MongoDB-compatible`. */
  how: Bilingual;
  /**
   * Services that speak this engine's own API (DocumentDB speaks MongoDB's): ruling the engine out ("not Redis",
   * "몽고디비 말고") rules them out too. Relational engines have none: Aurora and RDS run several engines.
   */
  speaks?: readonly string[];
}

const REDIS_HOW: Bilingual = {
  en: 'Valkey- and Redis OSS-compatible; AWS defaults to ElastiCache, durable primaries included, and keeps MemoryDB for multi-Region active-active writes',
  ko: 'Valkey·Redis OSS 호환. AWS는 내구성 있는 주 저장소까지 ElastiCache를 기본으로 하고, 여러 리전에서 동시에 쓰는 경우에만 MemoryDB를 권합니다',
};

export const ENGINE_ALIASES: readonly EngineAlias[] = [
  {
    label: 'MongoDB',
    names: ['mongodb', 'mongo', '몽고db', '몽고디비', '몽고'],
    service: 'documentdb',
    how: { en: 'MongoDB-compatible', ko: 'MongoDB 호환' },
    speaks: ['documentdb'],
  },
  {
    label: 'Apache Cassandra',
    names: ['cassandra', 'apache cassandra', 'scylladb', 'scylla', '카산드라'],
    service: 'keyspaces',
    how: { en: 'Cassandra-compatible, runs CQL', ko: 'Cassandra 호환, CQL 사용' },
    speaks: ['keyspaces'],
  },
  {
    label: 'Redis',
    names: ['redis', 'redis oss', '레디스'],
    service: 'elasticache',
    how: REDIS_HOW,
    speaks: ['elasticache', 'memorydb'],
  },
  {
    label: 'Valkey',
    names: ['valkey', '밸키'],
    service: 'elasticache',
    how: REDIS_HOW,
    speaks: ['elasticache', 'memorydb'],
  },
  {
    label: 'Memcached',
    names: ['memcached', 'memcache', '멤캐시드', '멤캐시'],
    service: 'elasticache',
    how: { en: 'Memcached is one of its engines', ko: 'Memcached 엔진을 제공' },
  },
  {
    label: 'Elasticsearch',
    names: ['elasticsearch', 'elastic search', '엘라스틱서치'],
    service: 'opensearch',
    how: {
      en: 'runs OpenSearch, which began as a fork of Elasticsearch',
      ko: 'Elasticsearch에서 갈라져 나온 OpenSearch를 운영',
    },
    speaks: ['opensearch'],
  },
  {
    label: 'PostgreSQL',
    names: [
      'postgresql',
      'postgres',
      'pg',
      '포스트그레스',
      '포스트그레스큐엘',
      '포스트그레',
      '포스그레',
      '포스그레스',
      '포스트그래',
    ],
    service: 'aurora',
    how: {
      en: 'Aurora PostgreSQL; RDS for PostgreSQL runs the stock engine',
      ko: 'Aurora PostgreSQL. 표준 엔진은 RDS for PostgreSQL',
    },
  },
  {
    label: 'MySQL',
    names: ['mysql', '마이에스큐엘'],
    service: 'aurora',
    how: { en: 'Aurora MySQL; RDS for MySQL runs the stock engine', ko: 'Aurora MySQL. 표준 엔진은 RDS for MySQL' },
  },
  {
    label: 'MariaDB',
    names: ['mariadb', '마리아db', '마리아디비'],
    service: 'rds',
    how: { en: 'RDS for MariaDB', ko: 'RDS for MariaDB' },
  },
  {
    label: 'Oracle Database',
    names: ['oracle', 'oracle database', 'oracle db', '오라클'],
    service: 'rds',
    how: { en: 'RDS for Oracle', ko: 'RDS for Oracle' },
  },
  {
    label: 'Microsoft SQL Server',
    names: ['sql server', 'sqlserver', 'mssql', 'microsoft sql server', 'ms sql', '에스큐엘서버'],
    service: 'rds',
    how: { en: 'RDS for SQL Server', ko: 'RDS for SQL Server' },
  },
  { label: 'IBM Db2', names: ['db2', 'ibm db2'], service: 'rds', how: { en: 'RDS for Db2', ko: 'RDS for Db2' } },
  {
    label: 'InfluxDB',
    names: ['influxdb', 'influx', '인플럭스db', '인플럭스디비', '인플럭스'],
    service: 'timestream',
    how: { en: 'Timestream for InfluxDB', ko: 'Timestream for InfluxDB' },
  },
  {
    label: 'Neo4j',
    names: ['neo4j', '네오포제이'],
    service: 'neptune',
    how: { en: 'a graph database with openCypher and Gremlin', ko: 'openCypher·Gremlin을 쓰는 그래프 DB' },
  },
  {
    label: 'a graph database',
    names: ['graph db', 'graph database', 'gremlin', 'janusgraph', 'tinkerpop', '그래프db', '그래프디비'],
    service: 'neptune',
    how: { en: 'AWS’s graph database', ko: 'AWS의 그래프 DB' },
  },
];

/** How a typed name was read: straight, through an engine alias, or as a correction of a typo. */
export interface ResolvedName {
  service: ServiceNote;
  /** Set when the name was an engine with an AWS counterpart (`mongo` → DocumentDB). */
  engine?: EngineAlias;
  /** Set when the name was a misspelling read as this service or engine name (`dynamdb` → `dynamodb`). */
  correctedFrom?: string;
}

/** Trailing `db` / `디비` people add to a name (`오로라DB`, `다이나모디비`). */
const DB_SUFFIX = /(?:db|디비)$/;

function exact(kb: KnowledgeBase, key: string): ResolvedName | undefined {
  const service = kb.findService(key);
  if (service) return { service };
  const engine = ENGINE_ALIASES.find((e) => e.names.some((n) => nameKey(n) === key));
  const target = engine && kb.services.find((s) => s.id === engine.service);
  return engine && target ? { service: target, engine } : undefined;
}

/** A name as typed, exactly (case, spacing, a Korean particle or a `DB` suffix aside). */
export function resolveExact(kb: KnowledgeBase, phrase: string): ResolvedName | undefined {
  for (const form of [phrase, stripParticle(phrase)]) {
    const key = nameKey(form);
    if (!key) continue;
    // `메모리db` is `메모리디비`: a Hangul name with a Latin `db` is the name spelled in Hangul.
    const hangulDb = /[\uac00-\ud7a3]db$/.test(key) ? exact(kb, key.replace(/db$/, '디비')) : undefined;
    const found =
      exact(kb, key) ?? hangulDb ?? (DB_SUFFIX.test(key) ? exact(kb, key.replace(DB_SUFFIX, '')) : undefined);
    if (found) return found;
  }
  return undefined;
}

/** Edits between two names over code points (a Hangul syllable is one); past 3 the exact count does not matter. */
const distance = (a: string, b: string) => editDistance([...a], [...b], 3);

type KnownName = { key: string; shown: string; resolved: ResolvedName };

/** Built once per knowledge base: a question may look up every word it rules out. */
const knownNamesCache = new WeakMap<KnowledgeBase, KnownName[]>();

/** Every spelling we know, keyed, with what it resolves to. */
function knownNames(kb: KnowledgeBase): KnownName[] {
  const cached = knownNamesCache.get(kb);
  if (cached) return cached;
  const names: KnownName[] = [];
  for (const service of kb.services) {
    for (const name of [service.id, service.name, ...service.aliases]) {
      names.push({ key: nameKey(name), shown: service.id, resolved: { service } });
    }
  }
  for (const engine of ENGINE_ALIASES) {
    const service = kb.services.find((s) => s.id === engine.service);
    if (!service) continue;
    for (const name of engine.names) names.push({ key: nameKey(name), shown: name, resolved: { service, engine } });
  }
  knownNamesCache.set(kb, names);
  return names;
}

/**
 * A typo is read as a name one edit away (two for names of eight letters or more), only when one
 * service is that close: `dynamdb`, `opensearh`, `다이너모`. Short words are never corrected, so
 * `rds` or `pg` stay exact.
 */
function allowedEdits(key: string): number {
  const length = [...key].length;
  const hangul = /[\uac00-\ud7a3]/.test(key);
  if (length < (hangul ? 3 : 5)) return 0;
  return !hangul && length >= 8 ? 2 : 1;
}

export interface NameGuess {
  resolved?: ResolvedName;
  /** Known names close to what was typed but not close or unique enough to assume. */
  suggestions: string[];
}

/** Reads a name, correcting an unambiguous typo; otherwise returns the closest names to suggest. */
export function resolveServiceName(kb: KnowledgeBase, phrase: string): NameGuess {
  const straight = resolveExact(kb, phrase);
  if (straight) return { resolved: straight, suggestions: [] };
  const key = nameKey(stripParticle(phrase)).replace(DB_SUFFIX, '') || nameKey(phrase);
  if (!key) return { suggestions: [] };
  const scored = knownNames(kb)
    .map((n) => ({ ...n, distance: Math.min(distance(key, n.key), distance(nameKey(phrase), n.key)) }))
    .sort((a, b) => a.distance - b.distance);
  const best = scored[0];
  if (!best) return { suggestions: [] };
  const tied = scored.filter((n) => n.distance === best.distance);
  const services = new Set(tied.map((n) => n.resolved.service.id));
  if (best.distance <= allowedEdits(key) && services.size === 1) {
    return { resolved: { ...best.resolved, correctedFrom: phrase }, suggestions: [] };
  }
  // A suggestion must be close for real: at most a third of the letters typed differ ("foo" has no near name).
  const length = [...key].length;
  const near = scored.filter((n) => n.distance <= Math.max(2, allowedEdits(key) + 1) && n.distance * 3 <= length);
  return { suggestions: [...new Set(near.map((n) => n.shown))].slice(0, 3) };
}

/**
 * The name a typo is unambiguously read as, exactly as {@link resolveServiceName} reads it, without its
 * suggestions: names whose length differs by more than two can never be within the edits a correction allows,
 * so they are skipped. For looking up every word a question rules out within the latency budget.
 */
export function resolveTypo(kb: KnowledgeBase, phrase: string): ResolvedName | undefined {
  const straight = resolveExact(kb, phrase);
  if (straight) return straight;
  const key = nameKey(stripParticle(phrase)).replace(DB_SUFFIX, '') || nameKey(phrase);
  const full = nameKey(phrase);
  const allowed = allowedEdits(key);
  if (!key || allowed === 0) return undefined;
  const len = (w: string) => [...w].length;
  let best = Number.POSITIVE_INFINITY;
  let services = new Set<string>();
  let found: KnownName | undefined;
  for (const n of knownNames(kb)) {
    if (Math.abs(len(key) - len(n.key)) > allowed && Math.abs(len(full) - len(n.key)) > allowed) continue;
    const d = Math.min(distance(key, n.key), distance(full, n.key));
    if (d < best) {
      best = d;
      services = new Set([n.resolved.service.id]);
      found = n;
    } else if (d === best) services.add(n.resolved.service.id);
  }
  return found && best <= allowed && services.size === 1 ? { ...found.resolved, correctedFrom: phrase } : undefined;
}
