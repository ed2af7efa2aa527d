import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { lazyDynamoAlarmStore } from '../../../../infra/aws/lazy-alarm-store.ts';

const dynamoMock = mockClient(DynamoDBClient);
beforeEach(() => dynamoMock.reset());

describe('infra/aws/lazy-alarm-store', () => {
  it('loads the DynamoDB store on the first call and passes every call through to the table', async () => {
    // Prepare
    dynamoMock.on(PutItemCommand).resolves({});
    dynamoMock.on(GetItemCommand).resolves({ Item: { count: { N: '4' } } });
    const store = lazyDynamoAlarmStore('us-east-1', 'alarm-table');

    // Act
    const [claimed, count] = await Promise.all([
      store.claimEvent('e-1', 'owner', 1_000, 60_000),
      store.windowCount('C0A', 0),
    ]);

    // Assess
    expect(claimed).toBe(true);
    expect(count).toBe(4);
    expect(dynamoMock).toHaveReceivedCommandWith(PutItemCommand, { TableName: 'alarm-table' });
  });

  it('is not a thenable, so awaiting it or returning it from an async function calls nothing', async () => {
    const store = lazyDynamoAlarmStore('us-east-1', 'alarm-table');
    await expect(Promise.resolve(store)).resolves.toBe(store);
    expect(dynamoMock.calls()).toHaveLength(0);
  });
});
