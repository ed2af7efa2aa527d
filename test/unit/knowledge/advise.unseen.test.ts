import { describe, expect, it } from 'vitest';
import { type Advice, type Answer, advise, defaultKnowledgeBase } from '../../../knowledge/index.ts';
import { koreanForm } from '../../../knowledge/traits.ts';
import { readWorkload } from '../../../knowledge/workload/read.ts';

/**
 * Classes of misreading found by questions nobody on the team wrote (issue 13, third round): each case here is
 * worded afresh, so a fix that only matched the reported question fails it.
 */
const kb = defaultKnowledgeBase();
const ask = (q: string): Advice => advise(kb, q);
function answer(q: string): Answer {
  const a = ask(q);
  if (a.kind !== 'answer') throw new Error(`expected an answer to "${q}", got ${a.kind}/${a.why}`);
  return a;
}

describe('an engine ruled out by name rules out the services that speak it', () => {
  it.each([
    ['anything but redis for our login sessions, 5M users', 'dynamodb', ['elasticache', 'memorydb']],
    ['session state, we are done with Redis — not Redis please', 'dynamodb', ['elasticache', 'memorydb']],
    ['레디스 말고 세션 저장할 곳, 사용자 수백만', 'dynamodb', ['elasticache', 'memorydb']],
    ['몽고디비 대신 쓸 거, 주문이라 트랜잭션이 꼭 필요해요', 'aurora', ['documentdb']],
    ['we had cassandra and want to stop using it, simple key lookups at huge scale', 'dynamodb', ['keyspaces']],
  ])('"%s" → %s', (q, service, out) => {
    // Act
    const a = answer(q);
    // Assess
    expect(a.recommended.service.id).toBe(service);
    for (const id of out) expect(a.alternatives.map((x) => x.service.id)).not.toContain(id);
    expect(a.read.join(' ')).toMatch(/not (Redis|MongoDB|Apache Cassandra)|(Redis|MongoDB) 제외/);
  });

  it('keeps a service that also runs other engines when nothing else fits what is asked', () => {
    // "An in-memory store, but not Redis": ElastiCache runs Memcached and Valkey too; refusing would help nobody.
    const a = ask('in-memory store but not redis');
    expect(a.kind === 'answer' ? a.recommended.service.id : a.tie?.services.map((s) => s.id)).toEqual(
      expect.arrayContaining(['elasticache']),
    );
  });

  it('a relational engine ruled out never rules out RDS or Aurora, which run other engines', () => {
    expect(answer('relational orders app with joins, anything except mysql').recommended.service.id).toMatch(
      /aurora|rds/,
    );
  });
});

describe('Korean patterns read only Korean text', () => {
  it.each([
    ['we keep a little state for each user', 'expires'],
    ['any advice for a good keyboard layout', 'vector'],
  ])('"%s" does not read as %s', (q, id) => {
    const p = readWorkload(q);
    expect([...p.clues, ...p.traits.map((t) => t.id)]).not.toContain(id);
    expect(koreanForm(q)).toBe('');
  });

  it('a mixed Korean question still reads its Latin terms', () => {
    expect(readWorkload('만료는 ttl 로 처리하고 키로만 조회').clues.has('expires')).toBe(true);
  });
});

describe('a comparison asked for is answered with the side-by-side compare', () => {
  it.each([
    ['오픈서치하고 레드시프트 비교 좀', ['opensearch', 'redshift']],
    ['메모리db랑 엘라스티캐시 장단점', ['memorydb', 'elasticache']],
    ['compare keyspaces and dynamodb for a chat app', ['keyspaces', 'dynamodb']],
    ['what are the differences between neptune and aurora', ['neptune', 'aurora']],
  ])('"%s"', (q, pair) => {
    const a = ask(q);
    expect(a.kind).toBe('abstain');
    expect(a.compared).toEqual(pair);
  });

  it('"X vs Y for <workload>" without asking for a comparison still weighs them', () => {
    const a = ask('dynamodb vs aurora for an order system with joins and transactions');
    expect(a.kind).toBe('answer');
    expect(a.compared).toEqual(['dynamodb', 'aurora']);
  });
});

describe('workload words read as what they are', () => {
  it.each([
    ['semantic search over support tickets using embeddings', 'opensearch', /vector/],
    ['다음 분기부터 분석팀이 18개월치 주문 이벤트에 SQL 돌릴 예정', 'redshift', /집계/],
    ['analysts want to slice 24 months of order events in sql', 'redshift', /aggregations/],
    ['player profiles that must keep serving if a whole region goes down', 'dynamodb', /Region failure/],
    ['comments ordered by time within each post, tens of millions of posts', 'dynamodb', /ordered within each key/],
    ['배터리 잔량은 현재 값만 있으면 돼요, 충전기 2만 대', 'dynamodb', /최신 상태/],
    ['fx rates arrive every 200 ms but the app only shows the latest rate per currency pair', 'dynamodb', /latest/],
    ['we still run qldb for a parts registry, where do we go', 'aurora', /QLDB/],
  ])('"%s" → %s', (q, service, read) => {
    const a = answer(q);
    expect(a.recommended.service.id).toBe(service);
    expect(a.read.join(' · ')).toMatch(read);
  });

  it.each([
    ['키로만 읽고 써요, 초당 5만 건, 조인 없음', 'sampling'],
    ['200k writes per second by user id, no joins', 'sampling'],
    ['durable, in-memory speed, one region, redis api', 'measurements'],
  ])('a throughput or a speed is not a measurement stream: "%s" has no %s', (q, clue) => {
    expect(readWorkload(q).clues.has(clue)).toBe(false);
  });

  it('"따로 빼고 싶어요" (move it out on its own) asks for the thing, never rules it out', () => {
    const a = answer('운영 DB는 그대로 두고 OLAP 분석만 따로 빼고 싶어요');
    expect(a.recommended.service.id).toBe('redshift');
  });

  it('an open engine kept as it is goes to its Aurora edition; RDS is the alternative', () => {
    const a = answer('self-hosted postgres 15, moving to aws, staying on postgres');
    expect(a.recommended.service.id).toBe('aurora');
    expect(a.reasons[0]?.text).toMatch(/migration table/);
    expect(a.reasons.map((r) => r.text).join(' ')).not.toMatch(/Oracle|SQL Server/);
  });
});

describe('a case study the question names settles a near tie', () => {
  it('the service the company used for that kind of data, when it fits the asker too', () => {
    expect(
      answer('where did airbnb keep relational booking data? thinking of doing the same').recommended.service.id,
    ).toBe('rds');
  });

  it('never over the asker’s own clues: a tiny app with joins does not copy a key-value design', () => {
    expect(
      answer('airbnb used dynamodb, should we? our app has 20 users and lots of joins').recommended.service.id,
    ).not.toBe('dynamodb');
  });
});

describe('constraints and pains read as the workload they imply (fourth round)', () => {
  it.each([
    ['multi-az failover on our mysql took 90 seconds, we need failover within 30 s', 'aurora', /failover/],
    ['oracle licence costs are way too high, and we can rewrite the stored procedures', 'aurora', /Aurora PostgreSQL/],
    ['오라클 떠나기로 했어요, 어디로 가고 어떤 도구로 옮기나요', 'aurora', /Aurora PostgreSQL/],
    ['the same few product rows get read 30k times a second and postgres is melting', 'elasticache', /cache/],
    ['계좌끼리 5단계 건너 이어지는 자금 흐름 추적', 'neptune', /연결/],
    ['마일리지 이력은 전부 남기고 수정 불가여야 해요, 감사 대응', 'aurora', /QLDB|원장|변경/],
    ['임베딩으로 사내 문서 검색하는 RAG, 문서 수천만 건', 'opensearch', /벡터/],
    ['trace analytics across our services, filter spans by latency', 'opensearch', /trace/],
    [
      'each kiosk shows the current price list and status per kiosk, 40k kiosks, updated in place',
      'dynamodb',
      /latest/,
    ],
  ])('"%s" → %s', (q, service, read) => {
    const a = answer(q);
    expect(a.recommended.service.id).toBe(service);
    expect(a.read.join(' · ')).toMatch(read);
  });

  it('a question about what a company ran as its main database answers from its case study', () => {
    const a = answer('듀오링고는 메인 db로 뭘 썼나요?');
    expect(a.recommended.service.id).toBe('dynamodb');
    expect(a.caseStudy?.note.id).toBe('case-duolingo');
  });
});

describe('relationships, analytics and constraints in everyday words (fifth round)', () => {
  it.each([
    ['escalation goes agent → team lead → manager → head of support until someone can approve the refund', 'neptune'],
    ['if a shared library breaks, which services are indirectly affected? we have 900 microservices', 'neptune'],
    ['customers who bought this also bought: show it live on the product page', 'neptune'],
    ['폴더 안에 폴더가 계속 있고 권한이 위에서 아래로 상속돼요, 접근 가능 여부를 바로 판단', 'neptune'],
    ['전화번호나 이메일이 하나라도 같으면 연쇄적으로 같은 고객으로 합쳐야 해요', 'neptune'],
    ['categories table with parent_id, the menu only ever shows the direct parent category', 'aurora'],
    ['게시판 댓글은 1단계만, 대댓글 없음. 글 테이블이랑 댓글 테이블', 'aurora'],
    ['the billing page shows each customer their last 12 invoices and a monthly total', 'aurora'],
    ['관리자 화면에 이번 주 신규 가입자 수 그래프 하나 보여주려고요', 'aurora'],
    ['nightly ETL from 4 service databases into one place for the finance team to query', 'redshift'],
    ['BI 쿼리를 리드 레플리카에서 돌렸더니 복제 지연이 몇 분씩 생겨요', 'redshift'],
    ['security wants to search WAF and ALB access logs for one user agent over 14 days', 'opensearch'],
    ['distributed traces from 40 services, find the slow spans behind a p99 spike', 'opensearch'],
    ['람다에서 커넥션이 모자라요, 읽기는 전부 pk 기준', 'dynamodb'],
    ['our SQL Server licences are eating the budget and we are willing to convert the procedures', 'aurora'],
  ])('"%s" → %s', (q, service) => {
    expect(answer(q).recommended.service.id).toBe(service);
  });

  it.each(['search the logs for the 500s please', 'find errors in the checkout logs'])(
    'a request to search logs is declined, not answered with a store: %s',
    (q) => {
      expect(ask(q).kind).toBe('abstain');
    },
  );

  it('"can\'t not have" transactions requires them', () => {
    expect(readWorkload("we can't not have transactions across accounts").traits.map((t) => t.id)).toContain(
      'transactions',
    );
  });

  it('a chart is not a graph database', () => {
    expect(readWorkload('a line graph of daily signups on the admin page').traits.map((t) => t.id)).not.toContain(
      'graph',
    );
    expect(readWorkload('매출 그래프를 대시보드에 보여줘요').traits.map((t) => t.id)).not.toContain('graph');
  });
});

describe('a rule that decides gives its own reason, not the note’s general "choose when"', () => {
  it.each([
    ['the settings page shows each user a count of their saved items', /one query on the app's own tables/],
    ['failover must finish within 30 s, today our multi-az mysql takes two minutes', /under 30 seconds/],
    ['chat messages ordered by time within each conversation, 50M users', /sort key by time/],
    ['semantic search over product manuals with embeddings', /k-NN/],
    ['user profiles that must keep working through a region outage', /global tables/],
  ])('"%s"', (q, reason) => {
    const a = answer(q);
    expect(a.reasons[0]?.text).toMatch(reason);
  });
});

describe('a service the asker names is the one weighed when it fits as well', () => {
  it('"dynamo for user sessions" answers DynamoDB, not the other session store', () => {
    expect(answer('dyanmo for user sessions').recommended.service.id).toBe('dynamodb');
    expect(answer('elasticache for user sessions').recommended.service.id).toBe('elasticache');
  });

  it('never over the asker’s own clues: a named service a rule votes against is not proposed', () => {
    expect(answer('dynamodb for a small internal app with 20 users and lots of joins').recommended.service.id).not.toBe(
      'dynamodb',
    );
  });
});
