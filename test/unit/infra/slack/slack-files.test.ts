import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackFiles } from '../../../../infra/slack/slack-files.ts';
import { createWebClient } from '../../../../infra/slack/web-client.ts';
import { startSlackApiServer } from '../../../fixtures/slack-api-server.ts';

let slack: Awaited<ReturnType<typeof startSlackApiServer>>;
beforeAll(async () => {
  slack = await startSlackApiServer();
});
afterAll(async () => {
  await slack.close();
});

describe('infra/slack/slack-files', () => {
  it('starts a thread with chat.postMessage, uploads into it with thread_ts, and removes a file by the id Slack gave', async () => {
    // Prepare
    const files = createSlackFiles(createWebClient('xoxb-test', slack.apiUrl));

    // Act
    const head = await files.postMessage?.({ channelId: 'C1', text: 'Dashboard prod-api' });
    const uploaded = await files.upload({
      channelId: 'C1',
      filename: 'w.png',
      title: 'CPU',
      content: new Uint8Array([1, 2, 3]),
      ...(head ? { threadTs: head.ts } : {}),
    });
    await files.deleteFile?.(uploaded.fileId ?? '');

    // Assess
    expect(head?.ts).toBe(slack.messages[0]?.ts);
    expect(slack.callsTo('files.completeUploadExternal')[0]?.args).toMatchObject({
      channel_id: 'C1',
      thread_ts: head?.ts,
    });
    expect(uploaded.fileId).toMatch(/^F0\d+$/);
    expect(uploaded.location).toMatch(/^https:\/\/example\.slack\.com\/files\//);
    expect(slack.callsTo('files.delete')[0]?.args).toMatchObject({ file: uploaded.fileId });
    expect(slack.uploads.has(uploaded.fileId ?? '')).toBe(false);
  });

  it("throws Slack's refusal, in the Web API client's shape, so the caller can say what to do", async () => {
    // Prepare
    const files = createSlackFiles(createWebClient('xoxb-test', slack.apiUrl));
    slack.failChannel('C2', 'not_in_channel');

    // Act
    const posting = files.postMessage?.({ channelId: 'C2', text: 'x' });

    // Assess
    await expect(posting).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    await expect(files.deleteFile?.('F404')).rejects.toMatchObject({ data: { error: 'file_not_found' } });
  });
});
