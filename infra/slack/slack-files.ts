import type { FilesUploadV2Arguments, WebClient } from '@slack/web-api';
import type { FilesPort } from '../../handlers/ports.ts';
import { createWebClient } from './web-client.ts';

interface UploadedFile {
  id?: string;
  permalink?: string;
}

/**
 * Shares files in a channel with files.uploadV2 (getUploadURLExternal → upload →
 * completeUploadExternal), in a thread when asked (`thread_ts`); posts the message a thread hangs
 * from (chat.postMessage, which returns its `ts` at once, unlike a file share's `shares` that Slack
 * fills later); removes the bot's own files (files.delete). Scopes: `files:write`, `chat:write`,
 * and the bot in the channel.
 */
export function createSlackFiles(client: WebClient): FilesPort {
  return {
    async upload(file) {
      const content = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
      const common = {
        channel_id: file.channelId,
        file: content,
        filename: file.filename,
        title: file.title,
        ...(file.comment ? { initial_comment: file.comment } : {}),
        ...(file.altText ? { alt_text: file.altText } : {}),
      };
      // The SDK's types want thread_ts either set or absent, not undefined.
      const args: FilesUploadV2Arguments = file.threadTs ? { ...common, thread_ts: file.threadTs } : common;
      const result = await client.filesUploadV2(args);
      const uploaded = (result as { files?: { files?: UploadedFile[] }[] }).files?.[0]?.files?.[0];
      return {
        ...(uploaded?.permalink ? { location: uploaded.permalink } : {}),
        ...(uploaded?.id ? { fileId: uploaded.id } : {}),
      };
    },
    async postMessage(message) {
      const posted = await client.chat.postMessage({
        channel: message.channelId,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
      });
      if (typeof posted.ts !== 'string') throw new Error('chat.postMessage returned no ts');
      return { ts: posted.ts };
    },
    async deleteFile(fileId) {
      await client.files.delete({ file: fileId });
    },
  };
}

/** Files cannot be posted: what is missing is said in the user's terms, so it may be shown in Slack. */
export class FilesUnavailableError extends Error {
  readonly expose = true;
  override name = 'FilesUnavailableError';
}

/**
 * For a server that answers Slack but has no bot token (`npm run serve` without `SLACK_BOT_TOKEN`):
 * every upload is refused with a reason a Slack user can read, and nothing is written anywhere.
 */
export function filesWithoutToken(): FilesPort {
  const refuse = (what: string) => {
    throw new FilesUnavailableError(
      `this bot has no Slack bot token configured (SLACK_BOT_TOKEN), so it cannot ${what}`,
    );
  };
  return {
    async upload() {
      return refuse('upload files');
    },
    // A dashboard says once why its graphs are missing, rather than once per graph.
    async postMessage() {
      return refuse('post messages');
    },
  };
}

/**
 * The files port for whatever bot token the current invocation has: the token may arrive from
 * SSM only on the first invocation (and change on rotation), so the client is built per token.
 */
export function filesForToken(slackApiUrl: string): (token: string | undefined) => FilesPort | undefined {
  let current: { token: string; files: FilesPort } | undefined;
  return (token) => {
    if (!token) return undefined;
    if (current?.token !== token) current = { token, files: createSlackFiles(createWebClient(token, slackApiUrl)) };
    return current.files;
  };
}
