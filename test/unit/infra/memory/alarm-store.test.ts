import { describe, expect, it } from 'vitest';
import { createInMemoryAlarmStore } from '../../../../infra/memory/alarm-store.ts';

const CHANNEL = 'C0EC2000001';
const ARN = 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh';
const thread = {
  channel: CHANNEL,
  alarmArn: ARN,
  ts: '1.1',
  openedAtMs: 0,
  state: 'ALARM' as const,
  lastChangeMs: 0,
  parentEvent: '{}',
};

describe('infra/memory/alarm-store', () => {
  it('gives back or completes an event claim only for the attempt that holds it', async () => {
    // Prepare: a's lock expired and b took the event over.
    const store = createInMemoryAlarmStore();
    await store.claimEvent('e-1', 'a', 0, 10);
    await expect(store.claimEvent('e-1', 'b', 20, 10)).resolves.toBe(true);

    // Act
    await store.releaseEvent('e-1', 'a');
    const completedByA = await store.completeEvent('e-1', 'a', 21);

    // Assess: b still holds it.
    expect(completedByA).toBe(false);
    await expect(store.claimEvent('e-1', 'c', 21, 10)).resolves.toBe(false);
    await expect(store.completeEvent('e-1', 'b', 22)).resolves.toBe(true);
    await expect(store.claimEvent('e-1', 'c', 1000, 10)).resolves.toBe(false);
  });

  it('lets one invocation open a thread, until its claim expires or it opens it', async () => {
    // Prepare
    const store = createInMemoryAlarmStore();
    const claim = (owner: string, until: number) => ({ channel: CHANNEL, alarmArn: ARN, owner, pendingUntilMs: until });

    // Act / Assess
    await expect(store.claimThread(claim('a', 100), 0)).resolves.toBe(true);
    await expect(store.claimThread(claim('b', 100), 50)).resolves.toBe(false);
    await expect(store.getThread(CHANNEL, ARN)).resolves.toMatchObject({ owner: 'a', pendingUntilMs: 100 });
    await expect(store.openThread({ ...thread, ts: 'b' }, 'b')).resolves.toBe(false);
    await expect(store.openThread(thread, 'a')).resolves.toBe(true);
    await expect(store.getThread(CHANNEL, ARN)).resolves.toEqual(thread);
    // An open thread is replaced only by whoever saw it (its ts), when it is closed.
    await expect(store.claimThread(claim('c', 300), 200)).resolves.toBe(false);
    await expect(store.claimThread(claim('c', 300), 200, '1.1')).resolves.toBe(true);
    await store.releaseThread(CHANNEL, ARN, 'someone else');
    await expect(store.claimThread(claim('d', 400), 250)).resolves.toBe(false);
    await store.releaseThread(CHANNEL, ARN, 'c');
    await expect(store.getThread(CHANNEL, ARN)).resolves.toBeUndefined();
    // An expired claim (its invocation died) is taken over.
    await store.claimThread(claim('e', 500), 400);
    await expect(store.claimThread(claim('f', 900), 500)).resolves.toBe(true);
  });
});
