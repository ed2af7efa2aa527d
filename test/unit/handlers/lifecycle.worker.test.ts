import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PROGRESS_POSTS, runWorkerJob } from '../../../handlers/lifecycle.ts';
import type { LogsPort } from '../../../handlers/ports.ts';
import type { SlackMessage } from '../../../handlers/slack-message.ts';
import type { WorkerJob } from '../../../handlers/worker-job.ts';
import { createDataSource } from '../../../infra/data-source.ts';
import { postToResponseUrl } from '../../../infra/slack/response-url.ts';
import { createSlackFiles } from '../../../infra/slack/slack-files.ts';
import { createWebClient } from '../../../infra/slack/web-client.ts';
import { shownText } from '../../fixtures/block-kit.ts';
import { startResponseUrlServer } from '../../fixtures/response-url-server.ts';
import { startSlackApiServer } from '../../fixtures/slack-api-server.ts';
import { cwJob, DEMO_WORKER_CONFIG } from '../../fixtures/worker-jobs.ts';

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

const config = DEMO_WORKER_CONFIG;

const job = (text: string, path: string): WorkerJob => cwJob(text, `${responses.url}${path}`);

const postsTo = (path: string) => responses.posts.filter((p) => p.path === path).map((p) => p.body);

describe('handlers/lifecycle: the worker', () => {
  it('reports progress a bounded number of times, then replaces the message with the answer: at most 5 posts', async () => {
    // Prepare: a query that keeps running for a long (fake) time
    let t = Date.parse('2026-11-25T12:00:00Z');
    let polls = 0;
    const logs: LogsPort = {
      startQuery: async () => 'q-1',
      getQueryResults: async () =>
        ++polls < 40
          ? {
              status: 'Running',
              fields: [],
              rows: [],
              statistics: { recordsMatched: 0, recordsScanned: polls * 1000, bytesScanned: 0 },
            }
          : {
              status: 'Complete',
              fields: ['@message'],
              rows: [{ '@message': 'done' }],
              statistics: { recordsMatched: 1, recordsScanned: 40_000, bytesScanned: 10 },
            },
      stopQuery: async () => undefined,
      listSavedQueries: async () => [],
      listLogGroups: async () => [],
      listQueryLogGroups: async () => [],
    };
    const source = createDataSource(config, { now: () => new Date(t) });
    const deps = {
      ...source,
      ports: { ...source.ports, logs: async () => logs },
      sleep: async (ms: number) => {
        t += ms;
      },
      reportError: () => {},
      post: postToResponseUrl,
    };

    // Act
    await runWorkerJob(job('logs query /aws/lambda/checkout-api --since 1h', '/slow'), deps, 60_000);

    // Assess
    const posts = postsTo('/slow');
    expect(posts.length).toBeLessThanOrEqual(5);
    expect(posts).toHaveLength(MAX_PROGRESS_POSTS + 1);
    expect(posts.every((p) => p.replace_original === true)).toBe(true);
    expect(posts.slice(0, -1).every((p) => /running for \d+ s/.test(String(p.text)))).toBe(true);
    expect(shownText({ text: '', ...posts.at(-1) } as SlackMessage)).toContain('done');
  });

  it('posts the graph to the channel through files.uploadV2 and says so in the answer', async () => {
    // Prepare
    const files = createSlackFiles(createWebClient('xoxb-test', slack.apiUrl));
    const deps = { ...createDataSource(config, { files }), reportError: () => {}, post: postToResponseUrl };

    // Act
    await runWorkerJob(job('metrics rds cpu orders-db --graph', '/graph'), deps, 30_000);

    // Assess
    const [answer] = postsTo('/graph');
    expect(JSON.stringify(answer?.blocks)).toContain('Graph posted to the channel');
    expect(slack.callsTo('files.getUploadURLExternal')[0]?.args).toMatchObject({ filename: 'metric.png' });
    // The bytes arrive as a multipart form; the PNG signature and IEND chunk must be inside it.
    const upload = slack.callsTo('upload')[0]?.args.bytes as Buffer;
    expect(upload.includes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(upload.includes(Buffer.from('IEND'))).toBe(true);
    const complete = slack.callsTo('files.completeUploadExternal')[0];
    expect(complete?.args).toMatchObject({ channel_id: 'C2147483705' });
    expect(String(complete?.args.initial_comment)).toMatch(/CPUUtilization DBInstanceIdentifier=orders-db: latest/);
    expect(complete?.token).toBe('xoxb-test');
  });

  it('still answers with the numbers when the graph cannot be posted', async () => {
    // Prepare: Slack refuses every call of the upload
    const files = createSlackFiles(createWebClient('xoxb-test', slack.apiUrl));
    const deps = { ...createDataSource(config, { files }), reportError: () => {}, post: postToResponseUrl };
    slack.failNext(500, 500, 500, 500);

    // Act
    await runWorkerJob(job('metrics rds cpu orders-db --graph', '/graph-fails'), deps, 30_000);

    // Assess
    const text = JSON.stringify(postsTo('/graph-fails')[0]?.blocks);
    expect(text).toContain('*Latest*');
    expect(text).toContain('The graph could not be posted');
  }, 20_000);
});
