import { describe, expect, it } from 'vitest';
import type { RelayDeps } from '../../../../handlers/alarm-relay/relay.ts';
import { RETRY_POLICY, relayBatch, retryDelaySeconds } from '../../../../handlers/alarm-relay/relay-batch.ts';
import { validateAlarmRouting } from '../../../../handlers/alarm-relay/routes.ts';
import { createInMemoryAlarmStore } from '../../../../infra/memory/alarm-store.ts';
import { alarmEvent } from '../../../fixtures/alarm-events/index.ts';

function deps(post: () => Promise<{ ts: string }>) {
  const warnings: { message: string; extra: Record<string, unknown> }[] = [];
  const relayDeps: RelayDeps = {
    routing: validateAlarmRouting({ routes: [] }, 'test', 'C0DEFAULT01'),
    store: createInMemoryAlarmStore(),
    poster: { post, update: async () => {} },
    deadLetter: async () => {},
    logger: {
      info: () => {},
      warn: (message, ...extra) => warnings.push({ message, extra: Object.assign({}, ...extra) }),
      error: () => {},
    },
    now: () => Date.parse('2019-10-02T17:05:00Z'),
    sleep: async () => {},
    deadlineMs: Date.parse('2019-10-02T17:06:00Z'),
  };
  return { relayDeps, warnings };
}

const message = (id: string, receiveCount: number) => {
  const event = { ...alarmEvent('metric'), id };
  return { messageId: `m-${id}`, body: JSON.stringify(event), receiptHandle: `AQEB-${id}`, receiveCount };
};

describe('handlers/alarm-relay/relay-batch', () => {
  it.each([
    [1, 15],
    [2, 30],
    [3, 60],
    [5, 240],
    [6, 360],
    [30, 360],
  ])('brings a message received %i times back after %i s', (receiveCount, seconds) => {
    expect(retryDelaySeconds(receiveCount)).toBe(seconds);
  });

  it('never waits longer than the queue’s visibility timeout, nor less than the first delay', () => {
    for (let count = 0; count <= 1000; count += 7) {
      const delay = retryDelaySeconds(count);
      expect(delay).toBeGreaterThanOrEqual(RETRY_POLICY.firstDelaySeconds);
      expect(delay).toBeLessThanOrEqual(RETRY_POLICY.maxDelaySeconds);
    }
  });

  it('sets the delay of each failed message from its receive count, and reports only those', async () => {
    // Prepare: Slack fails every post.
    const { relayDeps } = deps(async () => {
      throw new Error('An HTTP protocol error occurred: statusCode = 503');
    });
    const changed: { receiptHandle: string; delaySeconds: number }[][] = [];

    // Act
    const result = await relayBatch({ ...relayDeps, retryLater: async (m) => void changed.push(m) }, [
      message('a', 1),
      message('b', 4),
    ]);

    // Assess
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm-a' }, { itemIdentifier: 'm-b' }]);
    expect(changed).toEqual([
      [
        { receiptHandle: 'AQEB-a', delaySeconds: 15 },
        { receiptHandle: 'AQEB-b', delaySeconds: 120 },
      ],
    ]);
  });

  it('changes nothing when every message is relayed', async () => {
    // Prepare
    const { relayDeps } = deps(async () => ({ ts: '1570035900.000100' }));
    let calls = 0;

    // Act
    const result = await relayBatch({ ...relayDeps, retryLater: async () => void calls++ }, [message('c', 1)]);

    // Assess
    expect(result.batchItemFailures).toEqual([]);
    expect(calls).toBe(0);
  });

  it('still reports the failure when the delay cannot be set: the queue’s own timeout applies', async () => {
    // Prepare
    const { relayDeps, warnings } = deps(async () => {
      throw new Error('socket hang up');
    });

    // Act
    const result = await relayBatch(
      {
        ...relayDeps,
        retryLater: async () => {
          throw new Error('AccessDenied');
        },
      },
      [message('d', 2)],
    );

    // Assess
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm-d' }]);
    expect(warnings.map((w) => w.message)).toContain(
      'Could not shorten the retry delay; the queue’s visibility timeout applies',
    );
    expect(warnings.find((w) => w.message.startsWith('Alarm event returned'))?.extra).toMatchObject({
      messageId: 'm-d',
      retryInSeconds: 30,
    });
  });
});
