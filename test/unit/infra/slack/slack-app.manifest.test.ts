import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { slashCommandNames } from '../../../../handlers/registry.ts';

interface Manifest {
  features: { slash_commands: { command: string; url: string; description: string; usage_hint: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { interactivity: { is_enabled: boolean; request_url: string }; socket_mode_enabled: boolean };
}

const manifest = parse(readFileSync('infra/slack-app-manifest.yml', 'utf8')) as Manifest;

describe('infra/slack-app-manifest.yml', () => {
  it('declares exactly the slash commands the app registers, each with a description and usage hint', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(slashCommandNames());
    for (const command of manifest.features.slash_commands) {
      expect(command.url).toBe('REQUEST_URL');
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.usage_hint.length).toBeLessThanOrEqual(100);
    }
  });

  it('asks for only the scopes the bot uses', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual([
      'commands',
      'chat:write',
      'files:write',
      'channels:history',
      'groups:history',
    ]);
  });

  it('sends interactivity (the buttons) to the same signed endpoint', () => {
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: 'REQUEST_URL' });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });
});
