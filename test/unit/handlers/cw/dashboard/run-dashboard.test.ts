import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_GRAPHS, runDashboard } from '../../../../../handlers/cw/dashboard/run-dashboard.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import { runWorkerJob } from '../../../../../handlers/lifecycle.ts';
import { DashboardNotFoundError } from '../../../../../handlers/port-errors.ts';
import type { WorkerJob } from '../../../../../handlers/worker-job.ts';
import { createDataSource } from '../../../../../infra/data-source.ts';
import { createDemoDashboards } from '../../../../../infra/demo/demo-dashboards.ts';
import { postToResponseUrl } from '../../../../../infra/slack/response-url.ts';
import { createSlackFiles, filesWithoutToken } from '../../../../../infra/slack/slack-files.ts';
import { createWebClient } from '../../../../../infra/slack/web-client.ts';
import { mrkdwnTexts } from '../../../../fixtures/block-kit.ts';
import { commandDeps } from '../../../../fixtures/command-deps.ts';
import { startResponseUrlServer } from '../../../../fixtures/response-url-server.ts';
import { startSlackApiServer } from '../../../../fixtures/slack-api-server.ts';
import { cwJob, DEMO_WORKER_CONFIG } from '../../../../fixtures/worker-jobs.ts';

let responses: Awaited<ReturnType<typeof startResponseUrlServer>>;
let slack: Awaited<ReturnType<typeof startSlackApiServer>>;
beforeAll(async () => {
  responses = await startResponseUrlServer();
  slack = await startSlackApiServer();
});
afterAll(async () => {
  await responses.close();
  await slack.close();
});
beforeEach(() => {
  slack.calls.length = 0;
});

const CHANNEL = 'C2147483705';
const config = DEMO_WORKER_CONFIG;

const job = (text: string, path: string): WorkerJob => cwJob(text, `${responses.url}${path}`, { channelId: CHANNEL });

const answerAt = (path: string) => responses.posts.filter((p) => p.path === path).at(-1)?.body;
const files = () => createSlackFiles(createWebClient('xoxb-test', slack.apiUrl));

describe('handlers/cw/dashboard/run-dashboard: through the worker, on the demo, into a local Slack', () => {
  it('posts the summary, then each graph into its thread (thread_ts), and answers with the rest', async () => {
    // Prepare
    const deps = { ...createDataSource(config, { files: files() }), reportError: () => {}, post: postToResponseUrl };

    // Act
    await runWorkerJob(job('dashboard prod-checkout-api --since 6h', '/dash'), deps, 30_000);

    // Assess: the summary first, in the channel; then both metric widgets' graphs, in its thread
    const methods = slack.calls.map((c) => c.method).filter((m) => m !== 'upload');
    expect(methods[0]).toBe('chat.postMessage');
    const [head] = slack.callsTo('chat.postMessage');
    expect(head?.args).toMatchObject({ channel: CHANNEL });
    expect(String(head?.args.text)).toBe(
      'Dashboard prod-checkout-api: 5 widgets (1 text, 2 metric, 1 alarm, 1 log), graphs over the last 6h',
    );
    const ts = slack.messages.find((m) => m.channel === CHANNEL && m.text === head?.args.text)?.ts;
    expect(ts).toMatch(/^\d+\.\d{6}$/);
    const completes = slack.callsTo('files.completeUploadExternal');
    expect(completes).toHaveLength(2);
    for (const c of completes) expect(c.args).toMatchObject({ channel_id: CHANNEL, thread_ts: ts });
    expect(completes.map((c) => (c.args.files as { title: string }[])[0]?.title)).toEqual([
      'checkout-api errors and invocations',
      'public-web target 5xx',
    ]);

    // The answer replaces "working on it": the graphs' place, the text, the alarm states, the log query
    const answer = answerAt('/dash');
    expect(answer).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    const all = mrkdwnTexts({ text: '', blocks: answer?.blocks as never }).join('\n');
    expect(all).toContain("2 graphs posted in the thread under the dashboard's summary in this channel");
    expect(all).toContain('On call: #checkout-oncall');
    expect(all).toMatch(/checkout-api-errors · (ALARM|OK|INSUFFICIENT_DATA)/);
    expect(all).toContain(
      '```/cw logs query /aws/lambda/checkout-api --since 6h fields @timestamp, @message | filter @message like /ERROR/ | sort @timestamp desc | limit 20```',
    );
  });

  it('posts no graph when the summary cannot be posted, and says why', async () => {
    // Prepare: the bot is not in the channel
    slack.failChannel(CHANNEL, 'not_in_channel');
    const deps = { ...createDataSource(config, { files: files() }), reportError: () => {}, post: postToResponseUrl };

    // Act
    try {
      await runWorkerJob(job('dashboard prod-orders-db', '/not-in'), deps, 30_000);
    } finally {
      slack.failChannel(CHANNEL, undefined);
    }

    // Assess
    expect(slack.callsTo('files.getUploadURLExternal')).toEqual([]);
    const all = JSON.stringify(answerAt('/not-in')?.blocks);
    expect(all).toContain(
      'No graphs were posted: the summary they go under could not be posted: I am not in this channel',
    );
  });

  it('says once, not per graph, that a server without a bot token posts no graphs', async () => {
    // Prepare: `npm run serve` without SLACK_BOT_TOKEN
    const deps = {
      ...createDataSource(config, { files: filesWithoutToken() }),
      reportError: () => {},
      post: postToResponseUrl,
    };

    // Act
    await runWorkerJob(job('dashboard prod-orders-db', '/no-token'), deps, 30_000);

    // Assess
    const all = JSON.stringify(answerAt('/no-token')?.blocks);
    expect(all).toContain(
      'No graphs were posted: the summary they go under could not be posted: this bot has no Slack bot token',
    );
    expect(all).not.toContain('could not be drawn');
  });

  it('keeps going when one graph fails, and names it', async () => {
    // Prepare
    let calls = 0;
    const deps = commandDeps({
      dashboard: {
        getDashboard: async (name) => ({
          name,
          body: JSON.stringify({
            widgets: [1, 2, 3].map((i) => ({
              type: 'metric',
              x: 0,
              y: i,
              properties: { title: `w${i}`, metrics: [['A', 'B']] },
            })),
          }),
        }),
      },
      widgetImages: {
        getWidgetImage: async () => {
          calls++;
          if (calls === 2) throw Object.assign(new Error('Rate exceeded'), { expose: true });
          return new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
        },
      },
      files: files(),
    });

    // Act
    const message = await runDashboard(deps, { name: 'x', sinceSeconds: 3600, share: false }, { channelId: CHANNEL });

    // Assess
    expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(2);
    const all = mrkdwnTexts(message).join('\n');
    expect(all).toContain('2 graphs posted');
    expect(all).toContain('*w2* could not be drawn: Rate exceeded.');
  });

  it('pings no one from the summary it posts, whatever the body says', async () => {
    // Prepare: a widget kind and title written to ping
    const deps = commandDeps({
      dashboard: {
        getDashboard: async (name) => ({
          name,
          body: JSON.stringify({
            widgets: [
              { type: '<!channel>', x: 0, y: 0, properties: {} },
              { type: 'metric', x: 0, y: 1, properties: { title: '<@U0BOSS> <!here>', metrics: [['A', 'B']] } },
            ],
          }),
        }),
      },
      widgetImages: { getWidgetImage: async () => new Uint8Array([1]) },
      files: files(),
    });

    // Act
    const message = await runDashboard(deps, { name: 'x', sinceSeconds: 3600, share: true }, { channelId: CHANNEL });

    // Assess
    const posted = JSON.stringify(slack.callsTo('chat.postMessage')[0]?.args);
    // (A file's title is plain text, which Slack shows as typed and never reads as a mention.)
    for (const text of [posted, JSON.stringify(message)]) expect(text).not.toMatch(/<!channel>|<!here>|<@U0BOSS>/);
    expect(posted).toContain('&lt;!channel&gt;');
  });

  it(`draws at most ${MAX_GRAPHS} graphs of a big dashboard`, async () => {
    // Prepare
    const deps = commandDeps({
      dashboard: {
        getDashboard: async (name) => ({
          name,
          body: JSON.stringify({
            widgets: Array.from({ length: 30 }, (_, i) => ({
              type: 'metric',
              x: 0,
              y: i,
              properties: { metrics: [['A', `M${i}`]] },
            })),
          }),
        }),
      },
      widgetImages: { getWidgetImage: async () => new Uint8Array([1]) },
      files: files(),
    });

    // Act
    const message = await runDashboard(deps, { name: 'big', sinceSeconds: 3600, share: false }, { channelId: CHANNEL });

    // Assess
    expect(slack.callsTo('files.completeUploadExternal')).toHaveLength(MAX_GRAPHS);
    expect(mrkdwnTexts(message).join('\n')).toContain(`Drew the first ${MAX_GRAPHS} of 30 metric widgets`);
  });

  it('suggests a close name when the dashboard does not exist', async () => {
    // Prepare
    const deps = commandDeps({
      dashboard: {
        getDashboard: async (name) => {
          throw new DashboardNotFoundError(name);
        },
      },
      dashboards: createDemoDashboards({ now: () => new Date('2026-11-25T12:00:00Z') }),
    });

    // Act
    const run = runDashboard(deps, { name: 'prod-orders-bd', sinceSeconds: 3600, share: false });

    // Assess
    await expect(run).rejects.toBeInstanceOf(UserInputError);
    await expect(run).rejects.toThrow(/Did you mean `prod-orders-db`\?/);
  });
});
