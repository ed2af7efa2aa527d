import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AlarmThread, DigestEntry } from '../../handlers/alarm-relay/ports.ts';
import { createDynamoAlarmStore, TTL_ATTRIBUTE } from '../../infra/aws/alarm-store.ts';
import { alarmEvent, nextChange } from '../fixtures/alarm-events/index.ts';
import { alarmTableDefinition, createAlarmTable, startDynalite } from '../fixtures/dynalite.ts';
import { startSlackApiServer } from '../fixtures/slack-api-server.ts';

/**
 * The relay's DynamoDB store run for real: dynalite on loopback, the table created from serverless.yml's
 * definition, every conditional write and atomic counter answered by a DynamoDB implementation rather
 * than a mock. The last tests run invocations in separate processes, as separate Lambda instances.
 */
let db: Awaited<ReturnType<typeof startDynalite>>;
let table: string;
const NOW = Date.parse('2026-03-01T12:00:00Z');
const DAY_S = 86_400;

beforeAll(async () => {
  db = await startDynalite();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  table = `alarm-state-${randomUUID().slice(0, 8)}`;
  await createAlarmTable(db.client, table);
});

const store = () => createDynamoAlarmStore(db.client, table, () => NOW);
const raw = async (pk: string) =>
  (await db.client.send(new GetItemCommand({ TableName: table, Key: { pk: { S: pk } }, ConsistentRead: true }))).Item;
const ARN = 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh';
const thread = (over: Partial<AlarmThread> = {}): AlarmThread => ({
  channel: 'C0EC2000001',
  alarmArn: ARN,
  ts: '1772366400.000100',
  openedAtMs: NOW,
  state: 'ALARM',
  lastChangeMs: NOW,
  lastEventId: 'e-1',
  parentEvent: '{}',
  ...over,
});

describe('infra/aws/alarm-store against dynalite', () => {
  it('uses the table serverless.yml defines: string hash key pk, TTL on the attribute the store writes', () => {
    const definition = alarmTableDefinition();
    expect(definition.KeySchema).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }]);
    expect(definition.AttributeDefinitions).toEqual([{ AttributeName: 'pk', AttributeType: 'S' }]);
    expect(definition.TimeToLiveSpecification).toEqual({ AttributeName: TTL_ATTRIBUTE, Enabled: true });
  });

  it('claims an event once: a second claim fails while the lock holds, and none succeeds once it is done', async () => {
    // Prepare
    const s = store();
    expect(await s.claimEvent('e-1', 'owner-a', NOW, 60_000)).toBe(true);

    // Act / Assess
    expect(await s.claimEvent('e-1', 'owner-b', NOW + 1000, 60_000)).toBe(false);
    expect(await s.completeEvent('e-1', 'owner-b', NOW + 1000)).toBe(false);
    expect(await s.completeEvent('e-1', 'owner-a', NOW + 2000)).toBe(true);
    expect(await s.claimEvent('e-1', 'owner-c', NOW + 10 * 60_000, 60_000)).toBe(false);
  });

  it('gives a released event back, but only its owner can release it', async () => {
    const s = store();
    await s.claimEvent('e-2', 'owner-a', NOW, 60_000);
    await s.releaseEvent('e-2', 'owner-b');
    expect(await s.claimEvent('e-2', 'owner-b', NOW, 60_000)).toBe(false);
    await s.releaseEvent('e-2', 'owner-a');
    expect(await s.claimEvent('e-2', 'owner-b', NOW, 60_000)).toBe(true);
  });

  it('lets an expired event claim be taken over; the old owner can then neither complete nor release it', async () => {
    // Prepare
    const s = store();
    await s.claimEvent('e-3', 'crashed', NOW, 5_000);

    // Act
    const takenOver = await s.claimEvent('e-3', 'retry', NOW + 5_000, 60_000);

    // Assess
    expect(takenOver).toBe(true);
    expect(await s.completeEvent('e-3', 'crashed', NOW + 6_000)).toBe(false);
    await s.releaseEvent('e-3', 'crashed');
    expect((await raw('event#e-3'))?.owner?.S).toBe('retry');
    expect(await s.completeEvent('e-3', 'retry', NOW + 7_000)).toBe(true);
  });

  it('claims a thread once, takes over an expired claim, and opens it only for the owner who holds it', async () => {
    // Prepare
    const s = store();
    const claim = { channel: 'C0EC2000001', alarmArn: ARN, owner: 'a', pendingUntilMs: NOW + 10_000 };
    expect(await s.claimThread(claim, NOW)).toBe(true);
    expect(await s.claimThread({ ...claim, owner: 'b' }, NOW + 1_000)).toBe(false);

    // Act: a's invocation dies; b takes over after the claim expires.
    const takenOver = await s.claimThread({ ...claim, owner: 'b', pendingUntilMs: NOW + 30_000 }, NOW + 10_000);

    // Assess
    expect(takenOver).toBe(true);
    expect(await s.openThread(thread({ ts: 'from-a' }), 'a')).toBe(false);
    expect(await s.getThread('C0EC2000001', ARN)).toMatchObject({ owner: 'b', pendingUntilMs: NOW + 30_000 });
    expect(await s.openThread(thread({ ts: 'from-b' }), 'b')).toBe(true);
    expect(await s.getThread('C0EC2000001', ARN)).toMatchObject({ ts: 'from-b', state: 'ALARM' });
    // An open thread is replaced only by a caller that saw it (its ts).
    expect(await s.claimThread({ ...claim, owner: 'c', pendingUntilMs: NOW + 90_000 }, NOW + 60_000)).toBe(false);
    expect(await s.claimThread({ ...claim, owner: 'c' }, NOW + 60_000, 'from-b')).toBe(true);
  });

  it('saves only a newer state change (or the same change again by its own event)', async () => {
    const s = store();
    await s.saveThread(thread());
    expect(await s.saveThread(thread({ state: 'OK', lastChangeMs: NOW - 1, lastEventId: 'older' }))).toBe(false);
    expect(await s.saveThread(thread({ state: 'OK', lastEventId: 'another-at-same-time' }))).toBe(false);
    expect(await s.saveThread(thread({ ts: 'retried' }))).toBe(true);
    expect(await s.saveThread(thread({ ts: 'retried', state: 'OK', lastChangeMs: NOW + 1, lastEventId: 'e-2' }))).toBe(
      true,
    );
    expect(await s.getThread('C0EC2000001', ARN)).toMatchObject({ state: 'OK', ts: 'retried', lastEventId: 'e-2' });
  });

  it('counts a storm atomically under concurrency, gives a failed post back, and keeps windows apart', async () => {
    // Prepare
    const s = store();

    // Act: 25 invocations count at once; one post fails and gives its count back.
    const counts = await Promise.all(Array.from({ length: 25 }, () => s.countTopLevel('C0A', NOW)));
    const afterRefund = await s.countTopLevel('C0A', NOW, -1);

    // Assess
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(afterRefund).toBe(24);
    expect(await s.windowCount('C0A', NOW)).toBe(24);
    expect(await s.windowCount('C0A', NOW - 60_000)).toBe(0);
    expect(await s.windowCount('C0B', NOW)).toBe(0);
  });

  it('appends digest entries concurrently, one render at a time, and never lets the rendered count go back', async () => {
    // Prepare
    const s = store();
    const entry = (i: number): DigestEntry => ({
      eventId: `e-${i}`,
      alarmName: `alarm-${i}`,
      state: 'ALARM',
      atMs: NOW + i,
      region: 'us-east-1',
      account: '123456789012',
    });

    // Act
    const positions = await Promise.all(Array.from({ length: 20 }, (_, i) => s.appendDigest('C0A', NOW, entry(i))));
    const locks = await Promise.all([1, 2, 3].map(() => s.claimDigestRender('C0A', NOW, NOW, NOW + 5_000)));
    await s.saveDigestRender('C0A', NOW, { ts: '1.1', renderedLength: 20, nextRenderAtMs: NOW + 5_000 });
    await s.saveDigestRender('C0A', NOW, { ts: '9.9', renderedLength: 12, nextRenderAtMs: NOW + 6_000 });

    // Assess
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(locks.filter(Boolean)).toHaveLength(1);
    const digest = await s.readDigest('C0A', NOW);
    expect(digest).toMatchObject({ ts: '1.1', renderedLength: 20, renderLockUntilMs: NOW + 5_000 });
    expect(digest.entries.map((e) => e.eventId).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `e-${i}`).sort());
    expect(await s.claimDigestRender('C0A', NOW, NOW + 4_999, NOW + 9_000)).toBe(false);
    expect(await s.claimDigestRender('C0A', NOW, NOW + 5_000, NOW + 9_000)).toBe(true);
  });

  it('writes the TTL attribute in epoch seconds on every item kind, at each kind’s horizon', async () => {
    // Prepare
    const s = store();
    const nowS = Math.floor(NOW / 1000);

    // Act
    await s.claimEvent('e-ttl', 'a', NOW, 60_000);
    await s.saveThread(thread());
    await s.countTopLevel('C0A', NOW);

    // Assess: DynamoDB deletes by a Number of epoch seconds (a millisecond value would never expire).
    expect((await raw('event#e-ttl'))?.[TTL_ATTRIBUTE]).toEqual({ N: String(nowS + 2 * DAY_S) });
    expect((await raw(`thread#C0EC2000001#${ARN}`))?.[TTL_ATTRIBUTE]).toEqual({ N: String(nowS + 14 * DAY_S) });
    expect((await raw(`storm#C0A#${NOW}`))?.[TTL_ATTRIBUTE]).toEqual({ N: String(nowS + DAY_S) });
  });
});

/** Starts `count` relay processes for these events, releases them together, and returns their results. */
async function relayInProcesses(
  events: unknown[],
  slackUrl: string,
): Promise<{ outcome: string; threadTs?: string }[]> {
  const children = events.map((event) => {
    const child = spawn(process.execPath, ['test/integration/relay-process.ts'], {
      env: {
        ...process.env,
        ...db.env,
        ALARM_TEST_TABLE: table,
        ALARM_TEST_SLACK_URL: slackUrl,
        ALARM_TEST_EVENT: JSON.stringify(event),
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    const ready = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('ready\n')) resolve();
      });
    });
    const done = new Promise<string>((resolve) => child.on('close', () => resolve(out)));
    return { child, ready, done };
  });
  await Promise.all(children.map((c) => c.ready));
  for (const c of children) c.child.stdin.end('go\n');
  const outputs = await Promise.all(children.map((c) => c.done));
  return outputs.map((o) => JSON.parse(o.split('\n').filter(Boolean).at(-1) ?? '{}'));
}

describe('the relay in separate processes, sharing the dynalite table', () => {
  let slack: Awaited<ReturnType<typeof startSlackApiServer>>;
  beforeEach(async () => {
    slack = await startSlackApiServer();
  });
  afterAll(async () => {
    await slack.close();
  });

  it('posts the same event delivered 10 times at once exactly once', async () => {
    // Act
    const results = await relayInProcesses(Array(10).fill(alarmEvent('metric')), slack.apiUrl);

    // Assess
    expect(results.map((r) => r.outcome).sort()).toEqual([...Array(9).fill('duplicate'), 'posted']);
    expect(slack.messages).toHaveLength(1);
  }, 60_000);

  it('gives ALARM and OK of one alarm arriving at once one thread: a parent and a reply in it', async () => {
    // Prepare
    const alarm = alarmEvent('metric');
    const ok = nextChange(alarm, 'OK', 3);

    // Act
    const results = await relayInProcesses([alarm, ok], slack.apiUrl);

    // Assess: whichever won posts the parent; the other replies in its thread (or is an arrived-late line).
    const parents = slack.messages.filter((m) => m.thread_ts === undefined);
    expect(parents, JSON.stringify(results)).toHaveLength(1);
    const replies = slack.messages.filter((m) => m.thread_ts !== undefined);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.thread_ts).toBe(parents[0]?.ts);
  }, 60_000);
});
