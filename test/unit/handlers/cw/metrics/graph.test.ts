import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type GraphDeps, runMetricsGraph } from '../../../../../handlers/cw/metrics/graph.ts';
import { parseMetricsArgs } from '../../../../../handlers/cw/metrics/parse-metrics.ts';
import { DataSourceAccessError } from '../../../../../handlers/errors.ts';
import type { FilesPort } from '../../../../../handlers/ports.ts';
import { createDemoMetrics } from '../../../../../infra/demo/demo-metrics.ts';
import { createLocalFiles } from '../../../../../infra/local/local-files.ts';
import { filesWithoutToken } from '../../../../../infra/slack/slack-files.ts';

const now = new Date('2026-11-25T12:34:00Z');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
const query = parseMetricsArgs(['rds', 'cpu', 'orders-db', '--graph']);

async function graphNote(
  files: FilesPort,
  more: Partial<Pick<GraphDeps, 'images' | 'reportError'>> = {},
): Promise<string> {
  const message = await runMetricsGraph(
    {
      metrics: createDemoMetrics({ now: () => now }),
      region: 'us-east-1',
      now: () => now,
      images: { getMetricImage: async () => png },
      files,
      ...more,
    },
    query,
    { channelId: 'C0123456789' },
  );
  // The note is the last section: the range buttons stay below it.
  return JSON.stringify(message.blocks?.filter((b) => b.type === 'section').at(-1));
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

  it('never shows an unexpected error’s text (an SDK error with an ARN): a reference, the detail logged', async () => {
    // Prepare
    const reported: { error: Error; reference: string }[] = [];
    const sdkError = Object.assign(
      new Error(
        'User: arn:aws:sts::123456789012:assumed-role/cw-chatops-worker/fn is not authorized to perform: cloudwatch:GetMetricWidgetImage\n    at de_CommandError (/var/task/index.mjs:2:1)',
      ),
      { name: 'InternalFailure', $metadata: { httpStatusCode: 500, requestId: 'req-1' } },
    );

    // Act
    const note = await graphNote(
      { upload: async () => ({}) },
      {
        images: {
          getMetricImage: async () => {
            throw sdkError;
          },
        },
        reportError: (error, reference) => reported.push({ error, reference }),
      },
    );

    // Assess
    expect(note).toContain('The graph could not be posted: something went wrong on my side');
    expect(note).not.toMatch(/arn:aws|123456789012|index\.mjs|not authorized|InternalFailure/);
    expect(reported).toEqual([{ error: sdkError, reference: expect.any(String) }]);
    expect(note).toContain(reported[0]?.reference);
  });

  it('shows an exposed error of the data source as it is', async () => {
    const note = await graphNote(
      { upload: async () => ({}) },
      {
        images: {
          getMetricImage: async () => {
            throw new DataSourceAccessError("The bot's AWS role may not draw metric graphs.");
          },
        },
      },
    );
    expect(note).toContain("The graph could not be posted: The bot's AWS role may not draw metric graphs.");
    expect(note).not.toContain('reference');
  });

  it('says to invite the bot when Slack refuses the upload because it is not in the channel', async () => {
    const note = await graphNote({
      upload: async () => {
        throw Object.assign(new Error('An API error occurred: not_in_channel'), {
          code: 'slack_webapi_platform_error',
          data: { ok: false, error: 'not_in_channel' },
        });
      },
    });
    expect(note).toContain('The graph could not be posted: I am not in this channel. Invite me');
    expect(note).not.toContain('An API error occurred');
  });
});
