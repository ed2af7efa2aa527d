import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runMetricsGraph } from '../../../../../handlers/cw/metrics/graph.ts';
import { parseMetricsArgs } from '../../../../../handlers/cw/metrics/parse-metrics.ts';
import type { FilesPort } from '../../../../../handlers/ports.ts';
import { createDemoMetrics } from '../../../../../infra/demo/demo-metrics.ts';
import { createLocalFiles } from '../../../../../infra/local/local-files.ts';
import { filesWithoutToken } from '../../../../../infra/slack/slack-files.ts';

const now = new Date('2026-11-25T12:34:00Z');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
const query = parseMetricsArgs(['rds', 'cpu', 'orders-db', '--graph']);

async function graphNote(files: FilesPort): Promise<string> {
  const message = await runMetricsGraph(
    {
      metrics: createDemoMetrics({ now: () => now }),
      region: 'us-east-1',
      now: () => now,
      images: { getMetricImage: async () => png },
      files,
    },
    query,
    { channelId: 'C0123456789' },
  );
  return JSON.stringify(message.blocks?.at(-1));
}

let folder: string | undefined;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = undefined;
});

describe('handlers/cw/metrics/graph', () => {
  it('says plainly that nothing was posted when the server has no bot token, and why', async () => {
    // Act
    const note = await graphNote(filesWithoutToken());

    // Assess
    expect(note).toContain('The graph could not be posted');
    expect(note).toContain('no Slack bot token configured (SLACK_BOT_TOKEN)');
    expect(note).not.toContain('posted to the channel');
    // Inviting the bot would not help: that advice is for a channel the bot is not in.
    expect(note).not.toContain('invite me');
  });

  it('in the local shell, says the graph was saved (not posted) and where, for that terminal', async () => {
    // Prepare
    folder = await mkdtemp(join(tmpdir(), 'cw-graph-'));

    // Act
    const note = await graphNote(createLocalFiles(folder));

    // Assess
    const [saved] = await readdir(folder);
    expect(saved).toMatch(/metric\.png$/);
    expect(note).toContain('Nothing was posted to Slack');
    expect(note).toContain(join(folder, saved ?? ''));
  });

  it('shows a Slack permalink, and never a location that is not a web link', async () => {
    const posted = await graphNote({
      upload: async () => ({ location: 'https://example.slack.com/files/U1/F1/metric.png' }),
    });
    expect(posted).toContain('Graph posted to the channel: https://example.slack.com/files/U1/F1/metric.png');
    const odd = await graphNote({ upload: async () => ({ location: '/srv/cw-chatops/.cw-chatops-files/metric.png' }) });
    expect(odd).toContain('Graph posted to the channel.');
    expect(odd).not.toContain('/srv/');
  });
});
