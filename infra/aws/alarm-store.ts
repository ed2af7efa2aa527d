import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { AlarmStateValue } from '../../handlers/alarm-relay/alarm-change.ts';
import type {
  AlarmStore,
  AlarmThread,
  DigestEntry,
  PendingThread,
  StormWindow,
} from '../../handlers/alarm-relay/ports.ts';

/**
 * The relay's state in one DynamoDB table (string hash key `pk`, TTL attribute `expiresAt`):
 * - `event#<id>`: the de-duplication claim of an EventBridge event;
 * - `thread#<channel>#<alarm ARN>`: where an alarm's thread is and what its parent shows, or, while its
 *   parent is being posted, the claim (`owner`, `pendingUntil`) of the invocation posting it;
 * - `storm#<channel>#<window start>`: a channel's per-minute alarm count and storm digest.
 * Every race between concurrent invocations is settled by a conditional write or an atomic ADD.
 */
export const TTL_ATTRIBUTE = 'expiresAt';

const DAY_S = 86_400;
/** Lambda keeps an async event up to 6 h and EventBridge retries for 24 h; two days covers both. */
const EVENT_TTL_S = 2 * DAY_S;
/** A thread outlives a long incident; after this the next change starts a new one. */
const THREAD_TTL_S = 14 * DAY_S;
const STORM_TTL_S = DAY_S;

const S = (value: string): AttributeValue => ({ S: value });
const N = (value: number): AttributeValue => ({ N: String(value) });
const expires = (nowMs: number, ttlS: number) => N(Math.floor(nowMs / 1000) + ttlS);
const str = (item: Record<string, AttributeValue> | undefined, key: string) => item?.[key]?.S;
const num = (item: Record<string, AttributeValue> | undefined, key: string) => Number(item?.[key]?.N ?? 0);

async function conditional(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

function entryToItem(entry: DigestEntry): AttributeValue {
  return {
    M: {
      eventId: S(entry.eventId),
      alarmName: S(entry.alarmName),
      state: S(entry.state),
      atMs: N(entry.atMs),
      region: S(entry.region),
      account: S(entry.account),
    },
  };
}

function itemToEntry(value: AttributeValue): DigestEntry {
  const m = value.M;
  return {
    eventId: str(m, 'eventId') ?? '',
    alarmName: str(m, 'alarmName') ?? '',
    state: (str(m, 'state') ?? 'ALARM') as AlarmStateValue,
    atMs: num(m, 'atMs'),
    region: str(m, 'region') ?? '',
    account: str(m, 'account') ?? '',
  };
}

export function createDynamoAlarmStore(client: DynamoDBClient, tableName: string, now = Date.now): AlarmStore {
  const TableName = tableName;
  const key = (pk: string) => ({ pk: S(pk) });
  const stormKey = (channel: string, start: number) => key(`storm#${channel}#${start}`);
  const get = async (pk: Record<string, AttributeValue>) =>
    (await client.send(new GetItemCommand({ TableName, Key: pk, ConsistentRead: true }))).Item;
  const threadItem = (thread: AlarmThread): Record<string, AttributeValue> => ({
    ...key(`thread#${thread.channel}#${thread.alarmArn}`),
    ts: S(thread.ts),
    openedAtMs: N(thread.openedAtMs),
    state: S(thread.state),
    lastChangeMs: N(thread.lastChangeMs),
    parentEvent: S(thread.parentEvent),
    ...(thread.lastEventId ? { lastEventId: S(thread.lastEventId) } : {}),
    ...(thread.digest ? { digest: { BOOL: true } } : {}),
    [TTL_ATTRIBUTE]: expires(now(), THREAD_TTL_S),
  });

  return {
    claimEvent: (eventId, owner, nowMs, lockMs) =>
      conditional(
        client.send(
          new PutItemCommand({
            TableName,
            Item: {
              ...key(`event#${eventId}`),
              status: S('pending'),
              owner: S(owner),
              lockedUntil: N(nowMs + lockMs),
              [TTL_ATTRIBUTE]: expires(nowMs, EVENT_TTL_S),
            },
            // Free, or claimed by an attempt that died without finishing or giving it back.
            ConditionExpression: 'attribute_not_exists(pk) OR (#status = :pending AND lockedUntil <= :now)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': S('pending'), ':now': N(nowMs) },
          }),
        ),
      ),
    // Both only for the attempt that holds the claim: one whose lock expired and was taken over leaves it alone.
    completeEvent: (eventId, owner, nowMs) =>
      conditional(
        client.send(
          new UpdateItemCommand({
            TableName,
            Key: key(`event#${eventId}`),
            UpdateExpression: 'SET #status = :done, #ttl = :ttl REMOVE lockedUntil',
            ConditionExpression: '#status = :pending AND #owner = :owner',
            ExpressionAttributeNames: { '#status': 'status', '#owner': 'owner', '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: {
              ':done': S('done'),
              ':pending': S('pending'),
              ':owner': S(owner),
              ':ttl': expires(nowMs, EVENT_TTL_S),
            },
          }),
        ),
      ),
    async releaseEvent(eventId, owner) {
      await conditional(
        client.send(
          new DeleteItemCommand({
            TableName,
            Key: key(`event#${eventId}`),
            ConditionExpression: '#status = :pending AND #owner = :owner',
            ExpressionAttributeNames: { '#status': 'status', '#owner': 'owner' },
            ExpressionAttributeValues: { ':pending': S('pending'), ':owner': S(owner) },
          }),
        ),
      );
    },
    async getThread(channel, alarmArn) {
      const item = await get(key(`thread#${channel}#${alarmArn}`));
      if (!item) return undefined;
      if (item.pendingUntil) {
        return {
          channel,
          alarmArn,
          owner: str(item, 'owner') ?? '',
          pendingUntilMs: num(item, 'pendingUntil'),
        } satisfies PendingThread;
      }
      return {
        channel,
        alarmArn,
        ts: str(item, 'ts') ?? '',
        openedAtMs: num(item, 'openedAtMs'),
        state: (str(item, 'state') ?? 'ALARM') as AlarmStateValue,
        lastChangeMs: num(item, 'lastChangeMs'),
        parentEvent: str(item, 'parentEvent') ?? '{}',
        ...(item.lastEventId?.S ? { lastEventId: item.lastEventId.S } : {}),
        ...(item.digest?.BOOL ? { digest: true } : {}),
      } satisfies AlarmThread;
    },
    claimThread: (claim, nowMs, replacingTs) =>
      conditional(
        client.send(
          new PutItemCommand({
            TableName,
            Item: {
              ...key(`thread#${claim.channel}#${claim.alarmArn}`),
              owner: S(claim.owner),
              pendingUntil: N(claim.pendingUntilMs),
              [TTL_ATTRIBUTE]: expires(now(), THREAD_TTL_S),
            },
            // Created only when there is no thread, its claimant died, or it is the closed thread the caller saw.
            ConditionExpression: `attribute_not_exists(pk) OR pendingUntil <= :now${replacingTs === undefined ? '' : ' OR #ts = :replacing'}`,
            ...(replacingTs === undefined
              ? { ExpressionAttributeValues: { ':now': N(nowMs) } }
              : {
                  ExpressionAttributeNames: { '#ts': 'ts' },
                  ExpressionAttributeValues: { ':now': N(nowMs), ':replacing': S(replacingTs) },
                }),
          }),
        ),
      ),
    openThread: (thread, owner) =>
      conditional(
        client.send(
          new PutItemCommand({
            TableName,
            Item: threadItem(thread),
            ConditionExpression: '#owner = :owner',
            ExpressionAttributeNames: { '#owner': 'owner' },
            ExpressionAttributeValues: { ':owner': S(owner) },
          }),
        ),
      ),
    async releaseThread(channel, alarmArn, owner) {
      await conditional(
        client.send(
          new DeleteItemCommand({
            TableName,
            Key: key(`thread#${channel}#${alarmArn}`),
            ConditionExpression: '#owner = :owner',
            ExpressionAttributeNames: { '#owner': 'owner' },
            ExpressionAttributeValues: { ':owner': S(owner) },
          }),
        ),
      );
    },
    saveThread: (thread) =>
      conditional(
        client.send(
          new PutItemCommand({
            TableName,
            Item: threadItem(thread),
            // Events arrive out of order and concurrently: only a later state change is written, so an
            // older or repeated one never overwrites what the parent shows, whichever invocation is
            // faster. The same time again only for the same event (its retry). A claim has no
            // lastChangeMs, so it is never overwritten either.
            ConditionExpression:
              'attribute_not_exists(pk) OR lastChangeMs < :t OR (lastChangeMs = :t AND lastEventId = :event)',
            ExpressionAttributeValues: { ':t': N(thread.lastChangeMs), ':event': S(thread.lastEventId ?? '(none)') },
          }),
        ),
      ),
    async countTopLevel(channel, start, delta = 1) {
      const result = await client.send(
        new UpdateItemCommand({
          TableName,
          Key: stormKey(channel, start),
          UpdateExpression: 'ADD #count :delta SET #ttl = :ttl',
          ExpressionAttributeNames: { '#count': 'count', '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':delta': N(delta), ':ttl': expires(start, STORM_TTL_S) },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return num(result.Attributes, 'count');
    },
    async windowCount(channel, start) {
      return num(await get(stormKey(channel, start)), 'count');
    },
    async appendDigest(channel, start, entry) {
      const result = await client.send(
        new UpdateItemCommand({
          TableName,
          Key: stormKey(channel, start),
          UpdateExpression: 'SET entries = list_append(if_not_exists(entries, :empty), :entry), #ttl = :ttl',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ':empty': { L: [] },
            ':entry': { L: [entryToItem(entry)] },
            ':ttl': expires(start, STORM_TTL_S),
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return result.Attributes?.entries?.L?.length ?? 0;
    },
    async readDigest(channel, start): Promise<StormWindow> {
      const item = await get(stormKey(channel, start));
      return {
        count: num(item, 'count'),
        entries: (item?.entries?.L ?? []).map(itemToEntry),
        ts: str(item, 'ts'),
        renderedLength: num(item, 'renderedLength'),
        renderLockUntilMs: num(item, 'renderLockUntil'),
      };
    },
    claimDigestRender: (channel, start, nowMs, untilMs) =>
      conditional(
        client.send(
          new UpdateItemCommand({
            TableName,
            Key: stormKey(channel, start),
            UpdateExpression: 'SET renderLockUntil = :until',
            ConditionExpression: 'attribute_not_exists(renderLockUntil) OR renderLockUntil <= :now',
            ExpressionAttributeValues: { ':until': N(untilMs), ':now': N(nowMs) },
          }),
        ),
      ),
    async saveDigestRender(channel, start, render) {
      // A slower render that read fewer entries must not make the count go back.
      await conditional(
        client.send(
          new UpdateItemCommand({
            TableName,
            Key: stormKey(channel, start),
            UpdateExpression: 'SET #ts = if_not_exists(#ts, :ts), renderedLength = :len, renderLockUntil = :next',
            ConditionExpression: 'attribute_not_exists(renderedLength) OR renderedLength <= :len',
            ExpressionAttributeNames: { '#ts': 'ts' },
            ExpressionAttributeValues: {
              ':ts': S(render.ts),
              ':len': N(render.renderedLength),
              ':next': N(render.nextRenderAtMs),
            },
          }),
        ),
      );
    },
  };
}
