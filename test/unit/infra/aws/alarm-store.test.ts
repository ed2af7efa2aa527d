import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { relayAlarm } from '../../../../handlers/alarm-relay/relay.ts';
import { validateAlarmRouting } from '../../../../handlers/alarm-relay/routes.ts';
import { createDynamoAlarmStore, TTL_ATTRIBUTE } from '../../../../infra/aws/alarm-store.ts';
import { alarmEvent, nextChange } from '../../../fixtures/alarm-events/index.ts';

const dynamoMock = mockClient(DynamoDBClient);
const TABLE = 'cw-chatops-alarm-relay';
const NOW = Date.parse('2026-01-05T10:00:00Z');
const credentials = { accessKeyId: 'x', secretAccessKey: 'y' };
const store = () => createDynamoAlarmStore(new DynamoDBClient({ region: 'us-east-1', credentials }), TABLE, () => NOW);
const conditionFailed = () =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

const thread = {
  channel: 'C0EC2000001',
  alarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh',
  ts: '1764072001.000100',
  openedAtMs: NOW - 60_000,
  state: 'ALARM' as const,
  lastChangeMs: NOW,
  lastEventId: 'e-1',
  parentEvent: '{"id":"e-1"}',
};

describe('infra/aws/alarm-store', () => {
  beforeEach(() => {
    dynamoMock.reset();
  });

  it('claims an event with a conditional put that an expired claim does not block', async () => {
    // Prepare
    dynamoMock.on(PutItemCommand).resolves({});

    // Act
    const claimed = await store().claimEvent('e-1', 'owner-1', NOW, 50_000);

    // Assess
    expect(claimed).toBe(true);
    expect(dynamoMock).toHaveReceivedCommandWith(PutItemCommand, {
      TableName: TABLE,
      Item: expect.objectContaining({
        pk: { S: 'event#e-1' },
        status: { S: 'pending' },
        owner: { S: 'owner-1' },
        lockedUntil: { N: String(NOW + 50_000) },
        [TTL_ATTRIBUTE]: { N: String(NOW / 1000 + 2 * 86_400) },
      }),
      ConditionExpression: 'attribute_not_exists(pk) OR (#status = :pending AND lockedUntil <= :now)',
    });
  });

  it('reports a duplicate when the condition fails, and other errors as errors', async () => {
    dynamoMock
      .on(PutItemCommand)
      .rejectsOnce(conditionFailed())
      .rejectsOnce(new Error('ProvisionedThroughputExceeded'));
    await expect(store().claimEvent('e-1', 'owner-1', NOW, 50_000)).resolves.toBe(false);
    await expect(store().claimEvent('e-1', 'owner-1', NOW, 50_000)).rejects.toThrow('ProvisionedThroughputExceeded');
  });

  it('completes an event and gives back a pending claim only for the attempt that holds it', async () => {
    // Prepare
    dynamoMock.on(UpdateItemCommand).resolvesOnce({}).rejectsOnce(conditionFailed());
    dynamoMock.on(DeleteItemCommand).rejects(conditionFailed());

    // Act / Assess
    await expect(store().completeEvent('e-1', 'owner-1', NOW)).resolves.toBe(true);
    await expect(store().completeEvent('e-1', 'owner-1', NOW)).resolves.toBe(false);
    await expect(store().releaseEvent('e-1', 'owner-1')).resolves.toBeUndefined();
    expect(dynamoMock).toHaveReceivedCommandWith(UpdateItemCommand, {
      Key: { pk: { S: 'event#e-1' } },
      ConditionExpression: '#status = :pending AND #owner = :owner',
      ExpressionAttributeValues: {
        ':done': { S: 'done' },
        ':pending': { S: 'pending' },
        ':owner': { S: 'owner-1' },
        ':ttl': { N: String(NOW / 1000 + 2 * 86_400) },
      },
    });
    expect(dynamoMock).toHaveReceivedCommandWith(DeleteItemCommand, {
      ConditionExpression: '#status = :pending AND #owner = :owner',
      ExpressionAttributeValues: { ':pending': { S: 'pending' }, ':owner': { S: 'owner-1' } },
    });
  });

  it('claims a new thread only when there is none, its claim expired, or it is the closed thread we saw', async () => {
    // Prepare
    dynamoMock.on(PutItemCommand).resolvesOnce({}).rejectsOnce(conditionFailed()).resolves({});
    dynamoMock.on(DeleteItemCommand).resolves({});
    dynamoMock.on(GetItemCommand).resolves({
      Item: {
        pk: { S: `thread#${thread.channel}#${thread.alarmArn}` },
        owner: { S: 'owner-1' },
        pendingUntil: { N: String(NOW + 65_000) },
      },
    });
    const claim = {
      channel: thread.channel,
      alarmArn: thread.alarmArn,
      owner: 'owner-1',
      pendingUntilMs: NOW + 65_000,
    };

    // Act / Assess
    await expect(store().claimThread(claim, NOW)).resolves.toBe(true);
    await expect(store().claimThread(claim, NOW, '1.1')).resolves.toBe(false);
    await expect(store().getThread(thread.channel, thread.alarmArn)).resolves.toEqual(claim);
    await expect(store().openThread({ ...thread, digest: true }, 'owner-1')).resolves.toBe(true);
    await store().releaseThread(thread.channel, thread.alarmArn, 'owner-1');
    expect(dynamoMock).toHaveReceivedNthCommandWith(PutItemCommand, 1, {
      Item: expect.objectContaining({ owner: { S: 'owner-1' }, pendingUntil: { N: String(NOW + 65_000) } }),
      ConditionExpression: 'attribute_not_exists(pk) OR pendingUntil <= :now',
    });
    expect(dynamoMock).toHaveReceivedNthCommandWith(PutItemCommand, 2, {
      ConditionExpression: 'attribute_not_exists(pk) OR pendingUntil <= :now OR #ts = :replacing',
      ExpressionAttributeValues: { ':now': { N: String(NOW) }, ':replacing': { S: '1.1' } },
    });
    expect(dynamoMock).toHaveReceivedNthCommandWith(PutItemCommand, 3, {
      Item: expect.objectContaining({ ts: { S: thread.ts }, digest: { BOOL: true } }),
      ConditionExpression: '#owner = :owner',
    });
    expect(dynamoMock).toHaveReceivedCommandWith(DeleteItemCommand, { ConditionExpression: '#owner = :owner' });
  });

  it('saves a thread only over an older change (or its own retry), and reads it back', async () => {
    // Prepare
    dynamoMock.on(PutItemCommand).resolvesOnce({}).rejectsOnce(conditionFailed());
    dynamoMock.on(GetItemCommand).resolves({
      Item: {
        pk: { S: `thread#${thread.channel}#${thread.alarmArn}` },
        ts: { S: thread.ts },
        openedAtMs: { N: String(thread.openedAtMs) },
        state: { S: 'ALARM' },
        lastChangeMs: { N: String(thread.lastChangeMs) },
        lastEventId: { S: 'e-1' },
        parentEvent: { S: thread.parentEvent },
      },
    });

    // Act / Assess
    await expect(store().saveThread(thread)).resolves.toBe(true);
    await expect(store().saveThread(thread)).resolves.toBe(false);
    await expect(store().getThread(thread.channel, thread.alarmArn)).resolves.toEqual(thread);
    expect(dynamoMock).toHaveReceivedCommandWith(PutItemCommand, {
      Item: expect.objectContaining({ lastChangeMs: { N: String(NOW) }, lastEventId: { S: 'e-1' } }),
      // Strictly later, so a repeated or concurrent older change cannot overwrite the newest state.
      ConditionExpression:
        'attribute_not_exists(pk) OR lastChangeMs < :t OR (lastChangeMs = :t AND lastEventId = :event)',
      ExpressionAttributeValues: { ':t': { N: String(NOW) }, ':event': { S: 'e-1' } },
    });
    expect(dynamoMock).toHaveReceivedCommandWith(GetItemCommand, { ConsistentRead: true });
  });

  it('has no thread when there is no item', async () => {
    dynamoMock.on(GetItemCommand).resolves({});
    await expect(store().getThread('C0EC2000001', 'arn')).resolves.toBeUndefined();
  });

  it('counts top-level alarms per channel window with an atomic ADD', async () => {
    dynamoMock.on(UpdateItemCommand).resolves({ Attributes: { count: { N: '11' } } });
    dynamoMock.on(GetItemCommand).resolves({ Item: { count: { N: '3' } } });
    await expect(store().countTopLevel('C0EC2000001', NOW)).resolves.toBe(11);
    await expect(store().windowCount('C0EC2000001', NOW - 60_000)).resolves.toBe(3);
    expect(dynamoMock).toHaveReceivedCommandWith(UpdateItemCommand, {
      Key: { pk: { S: `storm#C0EC2000001#${NOW}` } },
      UpdateExpression: 'ADD #count :delta SET #ttl = :ttl',
      ReturnValues: 'UPDATED_NEW',
    });
  });

  it('appends digest entries and reads them back', async () => {
    // Prepare
    const entry = {
      eventId: 'e-1',
      alarmName: 'svc',
      state: 'ALARM' as const,
      atMs: NOW,
      region: 'us-east-1',
      account: '123456789012',
    };
    const item = {
      M: {
        eventId: { S: 'e-1' },
        alarmName: { S: 'svc' },
        state: { S: 'ALARM' },
        atMs: { N: String(NOW) },
        region: { S: 'us-east-1' },
        account: { S: '123456789012' },
      },
    };
    dynamoMock.on(UpdateItemCommand).resolves({ Attributes: { entries: { L: [item, item] } } });
    dynamoMock.on(GetItemCommand).resolves({
      Item: {
        count: { N: '12' },
        entries: { L: [item] },
        ts: { S: '1.2' },
        renderedLength: { N: '1' },
        renderLockUntil: { N: '5' },
      },
    });

    // Act / Assess
    await expect(store().appendDigest('C0EC2000001', NOW, entry)).resolves.toBe(2);
    await expect(store().readDigest('C0EC2000001', NOW)).resolves.toEqual({
      count: 12,
      entries: [entry],
      ts: '1.2',
      renderedLength: 1,
      renderLockUntilMs: 5,
    });
    expect(dynamoMock).toHaveReceivedCommandWith(UpdateItemCommand, {
      ExpressionAttributeValues: expect.objectContaining({ ':entry': { L: [item] } }),
    });
  });

  it('lets one invocation at a time render the digest', async () => {
    dynamoMock.on(UpdateItemCommand).resolvesOnce({}).rejectsOnce(conditionFailed()).rejectsOnce(conditionFailed());
    await expect(store().claimDigestRender('C0EC2000001', NOW, NOW, NOW + 20_000)).resolves.toBe(true);
    await expect(store().claimDigestRender('C0EC2000001', NOW, NOW, NOW + 20_000)).resolves.toBe(false);
    // A slower render that read fewer entries is ignored rather than thrown.
    await expect(
      store().saveDigestRender('C0EC2000001', NOW, { ts: '1.2', renderedLength: 3, nextRenderAtMs: NOW + 5000 }),
    ).resolves.toBeUndefined();
    expect(dynamoMock).toHaveReceivedCommandWith(UpdateItemCommand, {
      ConditionExpression: 'attribute_not_exists(renderLockUntil) OR renderLockUntil <= :now',
    });
  });

  it('lets no relay regress a newer state another invocation wrote meanwhile: the conditional write refuses it', async () => {
    // Prepare: the relay reads the ALARM thread; before it writes its OK, another invocation stores a
    // newer INSUFFICIENT_DATA, so the conditional put fails and the second read shows the newer state.
    const arn = 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh';
    const ok = nextChange(alarmEvent('metric'), 'OK', 14);
    const okAt = Date.parse('2019-10-02T17:18:40.989Z');
    const item = (state: string, lastChangeMs: number, lastEventId: string) => ({
      Item: {
        pk: { S: `thread#C0ALARMS01#${arn}` },
        ts: { S: '1570035880.000100' },
        openedAtMs: { N: String(okAt - 14 * 60_000) },
        state: { S: state },
        lastChangeMs: { N: String(lastChangeMs) },
        lastEventId: { S: lastEventId },
        parentEvent: { S: JSON.stringify(alarmEvent('metric')) },
      },
    });
    dynamoMock.on(PutItemCommand).resolves({});
    dynamoMock.on(PutItemCommand, { Item: { pk: { S: `thread#C0ALARMS01#${arn}` } } }).rejects(conditionFailed());
    dynamoMock.on(UpdateItemCommand).resolves({});
    dynamoMock
      .on(GetItemCommand)
      .resolvesOnce(item('ALARM', okAt - 14 * 60_000, 'e-alarm'))
      .resolves(item('INSUFFICIENT_DATA', okAt + 60_000, 'e-insufficient'));
    const sent: { text: string; update: boolean }[] = [];
    const relayStore = createDynamoAlarmStore(
      new DynamoDBClient({ region: 'us-east-1', credentials }),
      TABLE,
      () => NOW,
    );

    // Act
    const result = await relayAlarm(
      {
        routing: validateAlarmRouting({ defaultChannel: 'C0ALARMS01', routes: [] }, 'test'),
        store: relayStore,
        poster: {
          post: async (_channel, message) => {
            sent.push({ text: message.text, update: false });
            return { ts: '1570036720.000200' };
          },
          update: async (_channel, _ts, message) => {
            sent.push({ text: message.text, update: true });
          },
        },
        deadLetter: async () => {},
        logger: { info: () => {}, warn: () => {}, error: () => {} },
        now: () => okAt + 5_000,
        sleep: async () => {},
        deadlineMs: okAt + 60_000,
      },
      ok,
    );

    // Assess: the parent was not touched; the OK is one late line before the newer state.
    expect(result).toMatchObject({ outcome: 'late' });
    expect(sent).toEqual([{ text: '(arrived late) OK: ServerCpuTooHigh', update: false }]);
    expect(dynamoMock).toHaveReceivedCommandWith(PutItemCommand, {
      Item: expect.objectContaining({ state: { S: 'OK' }, lastEventId: { S: ok.id } }),
      ConditionExpression:
        'attribute_not_exists(pk) OR lastChangeMs < :t OR (lastChangeMs = :t AND lastEventId = :event)',
    });
  });
});
