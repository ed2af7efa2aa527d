import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FilesPort } from '../../handlers/ports.ts';

/**
 * For `npm start` only, where there is no Slack: files the bot would post are written to a folder
 * and the path is returned as `savedLocally`, for the person at this terminal. `npm run serve` answers
 * real Slack users and must never use this (see `filesWithoutToken` in infra/slack/slack-files.ts).
 */
export function createLocalFiles(folder = resolve('.cw-chatops-files')): FilesPort {
  return {
    async upload(file) {
      await mkdir(folder, { recursive: true });
      const safe = file.filename.replace(/[^\w.-]+/g, '_');
      const path = join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${safe}`);
      await writeFile(path, file.content);
      return { location: path, savedLocally: true };
    },
  };
}
