import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REGISTRY, slashCommandNames } from '../../../../handlers/registry.ts';

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

  it("names every command word of the registry in its slash command's usage hint", () => {
    for (const slash of slashCommandNames()) {
      const hint = manifest.features.slash_commands.find((c) => c.command === slash)?.usage_hint ?? '';
      const words = [
        ...new Set(REGISTRY.commands.flatMap((c) => (c.path[0] === slash && c.path[1] ? [c.path[1]] : []))),
      ];
      // `/dbadvice list` is the one word a hint of 100 characters leaves out: `/dbadvice help` lists it.
      const missing = words.filter(
        (word) => !hint.split(/[\s·]+/).includes(word) && !(slash === '/dbadvice' && word === 'list'),
      );
      expect(missing, slash).toEqual([]);
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
