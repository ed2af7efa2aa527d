import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle, FUNCTIONS } from '../../../../infra/build/bundle.ts';

/** IAM actions AWS offers no resource-level permission for: the only ones allowed on "*". */
const STAR_RESOURCE_ACTIONS = new Set([
  'cloudwatch:GetMetricData',
  'cloudwatch:ListMetrics',
  'cloudwatch:DescribeAlarms',
  'cloudwatch:GetMetricWidgetImage',
  'logs:GetQueryResults',
  'logs:StopQuery',
  'logs:DescribeQueryDefinitions',
]);

// biome-ignore lint/suspicious/noExplicitAny: a CloudFormation template is untyped JSON
type Json = Record<string, any>;
let template: Json;
let resources: Json;

interface Statement {
  Sid?: string;
  Action: string | string[];
  Resource: unknown;
}

function statements(roleName: string): Statement[] {
  return resources[roleName].Properties.Policies.flatMap((p: Json) => p.PolicyDocument.Statement);
}
const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

beforeAll(async () => {
  // Prepare: the real bundles, then `serverless package` (osls) offline, as `npm run package` does.
  for (const name of FUNCTIONS) await bundle(name);
  const out = mkdtempSync(join(tmpdir(), 'cw-package-'));
  const run = spawnSync(
    process.execPath,
    ['node_modules/osls/bin/serverless.js', 'package', '--stage', 'ci', '--package', out],
    {
      encoding: 'utf8',
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
    },
  );
  if (run.status !== 0) throw new Error(`serverless package failed:\n${run.stdout}\n${run.stderr}`);
  template = JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
  resources = template.Resources;
}, 120_000);

describe('serverless.yml (the packaged CloudFormation template)', () => {
  it('has the three functions on nodejs24.x, arm64, each with its own role and log retention', () => {
    const functions = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
    expect(functions.map(([name]) => name).sort()).toEqual([
      'AlarmDashrelayLambdaFunction',
      'SlackLambdaFunction',
      'WorkerLambdaFunction',
    ]);
    const roles = new Set();
    for (const [, fn] of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      roles.add(fn.Properties.Role['Fn::GetAtt'][0]);
    }
    expect(roles).toEqual(new Set(['SlackFunctionRole', 'WorkerFunctionRole', 'AlarmRelayFunctionRole']));
    const logGroups = Object.values(resources).filter((r: Json) => r.Type === 'AWS::Logs::LogGroup');
    expect(logGroups).toHaveLength(3);
    for (const group of logGroups) expect(group.Properties.RetentionInDays).toBe(30);
  });

  it('routes POST /slack/events on an HTTP API to the slack function', () => {
    expect(resources.HttpApiRoutePostSlackEvents.Properties.RouteKey).toBe('POST /slack/events');
    expect(resources.HttpApiIntegrationSlack.Properties.PayloadFormatVersion).toBe('2.0');
  });

  it('sends CloudWatch alarm state changes to the relay, with a dead-letter queue behind both hops', () => {
    const rule = Object.values(resources).find((r: Json) => r.Type === 'AWS::Events::Rule') as Json;
    expect(rule.Properties.EventPattern).toEqual({
      source: ['aws.cloudwatch'],
      'detail-type': ['CloudWatch Alarm State Change'],
    });
    expect(rule.Properties.Targets[0].DeadLetterConfig.Arn).toEqual({ 'Fn::GetAtt': ['AlarmDeadLetterQueue', 'Arn'] });
    const relay = resources.AlarmDashrelayLambdaFunction.Properties;
    expect(relay.DeadLetterConfig.TargetArn).toEqual({ 'Fn::GetAtt': ['AlarmDeadLetterQueue', 'Arn'] });
    expect(resources.AlarmDashrelayLambdaEvConf.Properties.MaximumRetryAttempts).toBe(2);
    expect(resources.AlarmDeadLetterQueue.Type).toBe('AWS::SQS::Queue');
    expect(resources.AlarmStateTable.Properties.TimeToLiveSpecification).toEqual({
      AttributeName: 'expiresAt',
      Enabled: true,
    });
  });

  it('never retries a worker job, which would answer twice', () => {
    expect(resources.WorkerLambdaEvConf.Properties.MaximumRetryAttempts).toBe(0);
  });

  it('has no "*" action, and "*" resources only for actions without resource-level permissions', () => {
    for (const role of ['SlackFunctionRole', 'WorkerFunctionRole', 'AlarmRelayFunctionRole']) {
      for (const statement of statements(role)) {
        for (const action of actions(statement)) expect(action).not.toContain('*');
        if (statement.Resource === '*') {
          for (const action of actions(statement))
            expect(STAR_RESOURCE_ACTIONS.has(action), `${role}: ${action} on *`).toBe(true);
        }
      }
    }
  });

  it('gives each function only what it uses', () => {
    const all = (role: string) => statements(role).flatMap(actions).sort();
    expect(all('SlackFunctionRole')).toEqual([
      'cloudwatch:DescribeAlarms',
      'cloudwatch:GetMetricData',
      'cloudwatch:ListMetrics',
      'lambda:InvokeFunction',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'ssm:GetParameters',
    ]);
    expect(all('AlarmRelayFunctionRole')).toEqual([
      'cloudwatch:GetMetricWidgetImage',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'sqs:SendMessage',
      'ssm:GetParameters',
    ]);
    // Every AWS call the worker makes: metrics, alarms and graphs, Logs Insights, RDS for the fleet review.
    expect(all('WorkerFunctionRole')).toEqual([
      'cloudwatch:DescribeAlarms',
      'cloudwatch:GetMetricData',
      'cloudwatch:GetMetricWidgetImage',
      'cloudwatch:ListMetrics',
      'logs:CreateLogStream',
      'logs:DescribeLogGroups',
      'logs:DescribeQueryDefinitions',
      'logs:GetQueryResults',
      'logs:PutLogEvents',
      'logs:StartQuery',
      'logs:StopQuery',
      'rds:DescribeDBClusters',
      'rds:DescribeDBInstances',
      'ssm:GetParameters',
    ]);
    const invoke = statements('SlackFunctionRole').find((s) => s.Sid === 'HandOffToWorker');
    expect(JSON.stringify(invoke?.Resource)).toContain(':function:cw-chatops-ci-worker');
    const startQuery = statements('WorkerFunctionRole').find((s) => actions(s).includes('logs:StartQuery'));
    expect(JSON.stringify(startQuery?.Resource)).toContain(':log-group:/aws/lambda/*');
    expect(statements('WorkerFunctionRole').flatMap(actions)).not.toContain('lambda:InvokeFunction');
  });

  it('keeps secrets out of the template: only SSM parameter names', () => {
    const text = JSON.stringify(template);
    const slackEnv = resources.SlackLambdaFunction.Properties.Environment.Variables;
    expect(slackEnv.SLACK_SIGNING_SECRET).toBeUndefined();
    expect(slackEnv.SLACK_BOT_TOKEN).toBeUndefined();
    expect(slackEnv.SLACK_SIGNING_SECRET_PARAM).toBe('/cw-chatops/ci/slack-signing-secret');
    expect(slackEnv.ACCESS_POLICY_FILE).toBe('dist/slack/access-policy.json');
    expect(text).not.toMatch(/xox[bp]-/);
  });
});

describe('the bundled slack function (dist/slack, as deployed)', () => {
  it('answers a signed /cw help and refuses a bad signature, with Bolt’s unused parts stubbed out', async () => {
    // Prepare: a child process, so the bundle loads with the deployed configuration and nothing of the test's
    const child = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
        import { createHmac } from 'node:crypto';
        const { handler } = await import(${JSON.stringify(`file://${join(process.cwd(), 'dist/slack/index.mjs')}`)});
        const body = new URLSearchParams({ team_id: 'T0CHANGEME', channel_id: 'C1', user_id: 'U1', command: '/cw', text: 'help', response_url: 'http://127.0.0.1:9/r' }).toString();
        const ts = Math.floor(Date.now() / 1000);
        const signature = 'v0=' + createHmac('sha256', 'bundle-secret').update('v0:' + ts + ':' + body).digest('hex');
        const event = (sig) => ({ version: '2.0', rawPath: '/slack/events', routeKey: 'POST /slack/events', rawQueryString: '', isBase64Encoded: false, body,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig }, requestContext: { requestId: 'r' } });
        const context = { getRemainingTimeInMillis: () => 10000, awsRequestId: 'a', functionName: 'f' };
        const ok = await handler(event(signature), context);
        const bad = await handler(event('v0=00'), context);
        console.log(JSON.stringify({ ok: ok.statusCode, help: JSON.parse(ok.body).text, bad: bad.statusCode }));
        `,
      ],
      {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          SLACK_SIGNING_SECRET: 'bundle-secret',
          SLACK_BOT_TOKEN: 'xoxb-bundle',
          WORKER_FUNCTION_NAME: 'w',
          DATA_SOURCE: 'demo',
          AWS_REGION: 'us-east-1',
          POWERTOOLS_LOG_LEVEL: 'SILENT',
          ACCESS_POLICY_FILE: 'dist/slack/access-policy.json',
        },
      },
    );

    // Assess
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({ ok: 200, help: expect.stringMatching(/^\/cw help/), bad: 401 });
  });
});
