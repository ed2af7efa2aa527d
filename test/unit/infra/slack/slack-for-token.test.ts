import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackForToken } from '../../../../infra/slack/slack-for-token.ts';
import { startSlackApiServer } from '../../../fixtures/slack-api-server.ts';

let slack: Awaited<ReturnType<typeof startSlackApiServer>>;
beforeEach(async () => {
  slack = await startSlackApiServer();
});
afterEach(async () => {
  await slack.close();
});

const message = { text: 'ALARM: cpu-high', blocks: [] };

describe('infra/slack/slack-for-token', () => {
  it('keeps one poster per token, builds new ones when the token rotates, and has no files without one', async () => {
    // Prepare
    const forToken = slackForToken(slack.apiUrl);

    // Act
    const first = forToken('xoxb-one', Date.now() + 60_000);
    const again = forToken('xoxb-one', Date.now() + 60_000);
    const rotated = forToken('xoxb-two', Date.now() + 60_000);
    await rotated.poster.post('C0ALARMS01', message);

    // Assess
    expect(again.poster).toBe(first.poster);
    expect(again.files).toBe(first.files);
    expect(rotated.poster).not.toBe(first.poster);
    expect(slack.callsTo('chat.postMessage')[0]?.token).toBe('xoxb-two');
    expect(forToken(undefined, Date.now() + 60_000).files).toBeUndefined();
  });

  it('moves the deadline of the poster it keeps with each invocation', async () => {
    // Prepare
    const forToken = slackForToken(slack.apiUrl);
    forToken('xoxb-one', Date.now() + 60_000);

    // Act: the next invocation's deadline has passed already.
    const late = forToken('xoxb-one', Date.now() - 1);

    // Assess
    await expect(late.poster.post('C0ALARMS01', message)).rejects.toThrow(/deadline passed/);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
