import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { slackErrorCode } from '../../../../handlers/alarm-relay/ports.ts';
import { createSlackUploader } from '../../../../infra/slack/slack-upload.ts';
import { startSlackApiServer } from '../../../fixtures/slack-api-server.ts';

let slack: Awaited<ReturnType<typeof startSlackApiServer>>;
beforeEach(async () => {
  slack = await startSlackApiServer();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await slack.close();
});

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3]);

describe('infra/slack/slack-upload', () => {
  it('shares a file in a thread in files.uploadV2’s three steps, without the global fetch (undici)', async () => {
    // Prepare
    const fetchSpy = vi.spyOn(globalThis, 'fetch');

    // Act
    await createSlackUploader('xoxb-upload', slack.apiUrl).upload({
      channelId: 'C0ALARMS01',
      threadTs: '1700000000.000100',
      filename: 'alarm.png',
      title: 'cpu-high: the hour before the change',
      content: png,
      altText: 'Graph of cpu-high',
    });

    // Assess
    expect(slack.calls.map((c) => c.method)).toEqual([
      'files.getUploadURLExternal',
      'upload',
      'files.completeUploadExternal',
    ]);
    expect(slack.calls.every((c) => c.token === 'xoxb-upload')).toBe(true);
    expect(slack.callsTo('files.getUploadURLExternal')[0]?.args).toEqual({
      filename: 'alarm.png',
      length: String(png.byteLength),
      alt_txt: 'Graph of cpu-high',
    });
    expect([...(slack.uploads.values().next().value ?? [])]).toEqual([...png]);
    expect(slack.callsTo('files.completeUploadExternal')[0]?.args).toEqual({
      files: [{ id: 'F01', title: 'cpu-high: the hour before the change' }],
      channel_id: 'C0ALARMS01',
      thread_ts: '1700000000.000100',
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('throws Slack’s refusal in the shape the relay reads its code from', async () => {
    // Prepare
    slack.failNextWith('not_in_channel');

    // Act
    const upload = createSlackUploader('xoxb-upload', slack.apiUrl).upload({
      channelId: 'C0ALARMS01',
      filename: 'alarm.png',
      title: 't',
      content: png,
    });

    // Assess
    const error = await upload.catch((e: unknown) => e);
    expect(slackErrorCode(error)).toBe('not_in_channel');
  });
});
