import type { FilesPort } from '../../handlers/ports.ts';
import { httpFetch } from './http-fetch.ts';

/**
 * files.uploadV2's three steps (files.getUploadURLExternal → the file's bytes to the upload URL →
 * files.completeUploadExternal, docs.slack.dev/messaging/working-with-files) as three plain requests
 * on node:http. For the relay, whose one upload is the alarm graph after the alarm is posted: the
 * Web API client's uploadV2 builds a multipart FormData, which loads undici (tens of ms of every
 * cold start measured with `npm run bench`), and this needs no more than a form and a byte body.
 * A Slack error (`ok: false`) is thrown in the Web API client's shape, so `slackErrorCode` reads it.
 */
export function createSlackUploader(
  token: string,
  slackApiUrl: string,
  options: { timeoutMs?: number } = {},
): FilesPort {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const headers = { authorization: `Bearer ${token}` };

  async function call(method: string, args: Record<string, string>): Promise<Record<string, unknown>> {
    const response = await httpFetch(`${slackApiUrl}${method}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(args).toString(),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`${method} answered HTTP ${response.status}`);
    const result = (await response.json()) as { ok?: boolean; error?: string } & Record<string, unknown>;
    if (!result.ok) {
      throw Object.assign(new Error(`An API error occurred: ${result.error}`), {
        code: 'slack_webapi_platform_error',
        data: result,
      });
    }
    return result;
  }

  return {
    async upload(file) {
      const content = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
      const target = await call('files.getUploadURLExternal', {
        filename: file.filename,
        length: String(content.byteLength),
        ...(file.altText ? { alt_txt: file.altText } : {}),
      });
      const uploadUrl = typeof target.upload_url === 'string' ? target.upload_url : undefined;
      const fileId = typeof target.file_id === 'string' ? target.file_id : undefined;
      if (!uploadUrl || !fileId) throw new Error('files.getUploadURLExternal returned no upload_url');
      const sent = await httpFetch(uploadUrl, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/octet-stream' },
        body: content,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (sent.status !== 200) throw new Error(`The file upload answered HTTP ${sent.status}`);
      const done = await call('files.completeUploadExternal', {
        files: JSON.stringify([{ id: fileId, title: file.title }]),
        channel_id: file.channelId,
        ...(file.threadTs ? { thread_ts: file.threadTs } : {}),
        ...(file.comment ? { initial_comment: file.comment } : {}),
      });
      const shared = (done.files as { permalink?: unknown }[] | undefined)?.[0];
      return {
        ...(typeof shared?.permalink === 'string' ? { location: shared.permalink } : {}),
        fileId,
      };
    },
  };
}
