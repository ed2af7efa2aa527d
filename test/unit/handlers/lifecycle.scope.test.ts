import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCommandRequest } from '../../../handlers/command-request.ts';
import { answerCommand, type CommandRuntime, runWorkerJob, workRuntime } from '../../../handlers/lifecycle.ts';
import type { MetricDataRequest, PortLoaders } from '../../../handlers/ports.ts';
import { REGISTRY } from '../../../handlers/registry.ts';
import { isWorkerJob, type WorkerJob } from '../../../handlers/worker-job.ts';
import { createDataSource } from '../../../infra/data-source.ts';
import { DEMO_ACCOUNTS, DEMO_REGIONS } from '../../../infra/demo/demo-accounts.ts';
import { postToResponseUrl } from '../../../infra/slack/response-url.ts';
import { commandDeps, runtimeOf } from '../../fixtures/command-deps.ts';
import { startResponseUrlServer } from '../../fixtures/response-url-server.ts';
import { cwJob } from '../../fixtures/worker-jobs.ts';

let responses: Awaited<ReturnType<typeof startResponseUrlServer>>;
beforeAll(async () => {
  responses = await startResponseUrlServer();
});
afterAll(async () => {
  await responses.close();
});

const demo = createDataSource({
  dataSource: 'demo',
  region: 'us-east-1',
  regionsAllowed: DEMO_REGIONS,
  accounts: DEMO_ACCOUNTS,
  logGroupsAllowed: [],
  logsMaxRangeSeconds: 7 * 86400,
  logsPricePerGb: 0.005,
});
const STAGING = DEMO_ACCOUNTS.find((a) => a.alias === 'staging')?.id ?? '';

const job = (text: string, path: string, extra: Partial<WorkerJob> = {}): WorkerJob =>
  cwJob(text, `${responses.url}${path}`, extra);

describe('handlers/lifecycle: the Region and account a command reads', () => {
  it('gives work the ports of the Region its plan decided, and that Region in its deps', async () => {
    // Prepare: one runtime whose Regions each record what they were asked.
    const asked: { region: string; request: MetricDataRequest }[] = [];
    const base = runtimeOf(commandDeps({ regionsAllowed: ['us-east-1', 'eu-west-1'] }));
    const portsIn = (region: string): PortLoaders => ({
      ...base.ports,
      metrics: async () => ({
        getMetricData: async (request) => {
          asked.push({ region, request });
          return request.series.map(() => ({ timestamps: [], values: [], status: 'Complete', messages: [] }));
        },
        listMetrics: async () => [],
        queryInsights: async () => ({ groups: [], status: 'Complete', messages: [] }),
      }),
    });
    const runtime: CommandRuntime = { ...base, ports: portsIn('us-east-1'), portsIn };
    const request = readCommandRequest(
      { command: '/cw', text: 'metrics rds cpu orders-db --region eu-west-1' },
      REGISTRY,
    );

    // Act
    const answer = await answerCommand(
      request,
      { ...runtime, ackBudgetMs: 1000, dispatch: async () => undefined },
      'ref-1',
    );

    // Assess
    expect(asked.map((a) => a.region)).toEqual(['eu-west-1']);
    expect(JSON.stringify(answer.message.blocks)).toContain('eu-west-1');
  });

  it('fails a plan for another Region plainly when the runtime has no ports for it', () => {
    const runtime = runtimeOf(commandDeps());
    expect(() =>
      workRuntime(runtime, {
        kind: 'work',
        scope: { region: 'eu-west-1' },
        mayAnswerInAck: false,
        working: { text: 'x' },
        run: async () => ({ text: 'x' }),
      }),
    ).toThrow('no data source for eu-west-1');
    expect(workRuntime(runtime, { kind: 'reply', message: { text: 'x' } }).region).toBe('us-east-1');
  });

  it('enforces the channel’s limit the job carries in the worker too, before any data is read', async () => {
    // Act
    await runWorkerJob(
      job('metrics rds cpu orders-db --account prod --graph', '/limited', { scopeLimit: { accounts: [STAGING] } }),
      { ...demo, reportError: () => {}, post: postToResponseUrl },
      10_000,
    );

    // Assess
    const [posted] = responses.posts.filter((p) => p.path === '/limited').map((p) => JSON.stringify(p.body));
    expect(posted).toContain('may not read prod (111122223333) (the access policy limits it)');
    expect(posted).toContain(`Accounts here: staging (${STAGING})`);
  });

  it('takes a job’s scopeLimit only as lists of strings', () => {
    const good = job('help', '/x');
    expect(isWorkerJob({ ...good, scopeLimit: { accounts: [STAGING], regions: ['eu-west-1'] } })).toBe(true);
    expect(isWorkerJob({ ...good, scopeLimit: { accounts: STAGING } })).toBe(false);
    expect(isWorkerJob({ ...good, scopeLimit: 'everything' })).toBe(false);
    expect(isWorkerJob({ ...good, scopeLimit: { regions: [1] } })).toBe(false);
  });
});
