import type { AlarmStore } from '../../handlers/alarm-relay/ports.ts';
import { awsClients } from './clients.ts';

/**
 * The DynamoDB store, loaded on its first call rather than at cold start: the SDK's DynamoDB client and
 * its core are most of the relay's bundle, and the first call comes after the routing is read and the
 * bot token fetched. One load is shared by every call that comes meanwhile.
 */
export function lazyDynamoAlarmStore(region: string, tableName: string): AlarmStore {
  let loading: Promise<AlarmStore> | undefined;
  const load = () => {
    loading ??= Promise.all([awsClients(region).dynamoDb(), import('./alarm-store.ts')]).then(
      ([client, { createDynamoAlarmStore }]) => createDynamoAlarmStore(client, tableName),
    );
    return loading;
  };
  return new Proxy({} as AlarmStore, {
    get: (_target, method) =>
      // Not a thenable (`await store` must not call a method), and only the store's own methods.
      typeof method !== 'string' || method === 'then'
        ? undefined
        : async (...args: unknown[]) => {
            const store = await load();
            const call = store[method as keyof AlarmStore] as ((...a: unknown[]) => Promise<unknown>) | undefined;
            if (typeof call !== 'function') throw new TypeError(`The alarm store has no method ${method}`);
            return call(...args);
          },
  });
}
