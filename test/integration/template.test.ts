import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RETRY_POLICY } from '../../handlers/alarm-relay/relay-batch.ts';
import { REGISTRY } from '../../handlers/registry.ts';
import { commandGrants, portActions } from '../../infra/build/port-grants.ts';
import { alarmTableDefinition } from '../fixtures/dynalite.ts';
import { zipEntries } from '../fixtures/zip-entries.ts';

/** IAM actions AWS offers no resource-level permission for: the only ones allowed on "*". */
const STAR_RESOURCE_ACTIONS = new Set([
  'cloudwatch:GetMetricData',
  'cloudwatch:ListMetrics',
  'cloudwatch:DescribeAlarms',
  'cloudwatch:ListDashboards',
  'cloudwatch:GetMetricWidgetImage',
  'logs:GetQueryResults',
  'logs:StopQuery',
  'logs:ListLogGroupsForQuery',
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

/** CloudFormation's own evaluation of the few condition functions the template uses. */
function holds(condition: Json): boolean {
  if ('Fn::Not' in condition) return !holds(condition['Fn::Not'][0]);
  if ('Fn::Equals' in condition) return condition['Fn::Equals'][0] === condition['Fn::Equals'][1];
  if ('Condition' in condition) return holds(template.Conditions[condition.Condition]);
  throw new Error(`condition not understood: ${JSON.stringify(condition)}`);
}

/** A role's statements as IAM receives them: `Fn::If` resolved, `AWS::NoValue` dropped. */
function statements(roleName: string): Statement[] {
  return resources[roleName].Properties.Policies.flatMap((p: Json) => p.PolicyDocument.Statement).flatMap((s: Json) => {
    if (!('Fn::If' in s)) return [s];
    const [name, then, otherwise] = s['Fn::If'];
    const chosen = holds(template.Conditions[name]) ? then : otherwise;
    return chosen?.Ref === 'AWS::NoValue' ? [] : [chosen];
  });
}
const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** What a fresh clone holds: the sources, no dist/, no knowledge index, no .serverless/. */
const BUILT_OR_INSTALLED = new Set([
  'node_modules',
  'dist',
  '.serverless',
  '.build',
  'coverage',
  'bench-results',
  '.git',
]);
let clone: string;
let refusal: Run;
let deployRefusal: Run;
let printed: Json;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npx serverless …` as a person types it in a clone (osls, offline). */
function serverless(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/osls/bin/serverless.js', ...args], {
      cwd,
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A clean clone of this tree: the sources only (node_modules shared, as `npm ci` would install it). */
function cleanClone(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cw-clone-'));
  cpSync(process.cwd(), dir, {
    recursive: true,
    filter: (source) => {
      const path = relative(process.cwd(), source);
      return !BUILT_OR_INSTALLED.has(path.split('/')[0] ?? '') && path !== 'knowledge/dist' && !path.startsWith('.cw-');
    },
  });
  symlinkSync(realpathSync('node_modules'), join(dir, 'node_modules'));
  return dir;
}

beforeAll(async () => {
  // Prepare: two clean clones, one as shipped and one with the ids filled in
  const shipped = cleanClone();
  clone = cleanClone();
  expect(existsSync(join(clone, 'dist'))).toBe(false);
  expect(existsSync(join(clone, 'knowledge/dist'))).toBe(false);
  const policy = join(clone, 'infra/access-policy.yml');
  writeFileSync(
    policy,
    readFileSync(policy, 'utf8').replace('T0CHANGEME', 'T0ACMEWS01').replaceAll('C0CHANGEME', 'C0ONCALLX1'),
  );

  // Act: plain `serverless package` as shipped (refused), with ids (builds everything itself), and
  // `serverless print` for the configuration a deploy without parameters gets
  const out = join(clone, 'packaged');
  const [refused, deployRefused, run, print] = await Promise.all([
    serverless(shipped, ['package', '--stage', 'ci', '--package', join(shipped, 'refused')]),
    // Fake credentials, and every AWS call osls might try sent to a closed local port: nothing leaves the machine.
    serverless(shipped, ['deploy', '--stage', 'ci'], {
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'not-a-real-secret',
      AWS_REGION: 'us-east-1',
      AWS_PROFILE: '',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
      HOME: mkdtempSync(join(tmpdir(), 'cw-nohome-')),
    }),
    serverless(clone, [
      'package',
      '--stage',
      'ci',
      '--package',
      out,
      '--param=logGroupsAllowed=/aws/lambda/*',
      '--param=alarmDefaultChannel=C0ALRMSX01',
    ]),
    serverless(shipped, ['print', '--stage', 'ci', '--format', 'json']),
  ]);
  refusal = refused;
  deployRefusal = deployRefused;
  if (run.status !== 0) throw new Error(`serverless package failed:\n${run.stdout}\n${run.stderr}`);
  template = JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
  resources = template.Resources;
  if (print.status !== 0) throw new Error(`serverless print failed:\n${print.stdout}\n${print.stderr}`);
  printed = JSON.parse(print.stdout.slice(print.stdout.indexOf('{')));
}, 180_000);

describe('serverless package from a clean clone (the plugin in infra/build/serverless-plugin.cjs)', () => {
  it('refuses the shipped placeholder ids before building anything, naming each file and line', () => {
    expect(refusal.status).not.toBe(0);
    const said = `${refusal.stdout}${refusal.stderr}`;
    expect(said).toContain('Refusing to deploy');
    expect(said).toContain('infra/access-policy.yml:9: T0CHANGEME is a placeholder');
    expect(said).toContain('infra/alarm-routes.yml:11: C0CHANGEME is a placeholder');
    expect(said).not.toMatch(/\n\s+at .*\.(ts|js|cjs):\d+/);
  });

  it('refuses `serverless deploy` the same way, before anything is packaged or sent', () => {
    expect(deployRefusal.status).not.toBe(0);
    const said = `${deployRefusal.stdout}${deployRefusal.stderr}`;
    expect(said).toContain('infra/access-policy.yml:9: T0CHANGEME is a placeholder');
    expect(said).not.toMatch(/Uploading|Service deployed/);
  });

  it('builds the knowledge index and the three bundles itself, with no `npm run bundle` first', () => {
    expect(existsSync(join(clone, 'knowledge/dist/kb.json'))).toBe(true);
    for (const name of ['slack', 'worker', 'alarm-relay']) {
      expect(existsSync(join(clone, `dist/${name}/index.mjs`)), name).toBe(true);
      expect(existsSync(join(clone, `packaged/${name}.zip`)), name).toBe(true);
    }
  });

  it('packages what each function reads and nothing else: its bundle and the JSON made from the YAML', () => {
    // Prepare
    const env = (fn: string) => resources[fn].Properties.Environment.Variables;

    // Act
    const slack = zipEntries(join(clone, 'packaged/slack.zip'));
    const relay = zipEntries(join(clone, 'packaged/alarm-relay.zip'));

    // Assess: the files the functions are told to read are in their packages; no YAML is (nothing reads it).
    expect(slack).toContain(env('SlackLambdaFunction').ACCESS_POLICY_FILE);
    expect(relay).toContain(env('AlarmDashrelayLambdaFunction').ALARM_ROUTES_FILE);
    for (const [name, entries] of [
      ['slack', slack],
      ['alarm-relay', relay],
      ['worker', zipEntries(join(clone, 'packaged/worker.zip'))],
    ] as const) {
      expect(
        entries.filter((e) => !e.startsWith(`dist/${name}/`)),
        name,
      ).toEqual([]);
      expect(
        entries.filter((e) => /\.ya?ml$|meta\.json$/.test(e)),
        name,
      ).toEqual([]);
      expect(entries, name).toContain(`dist/${name}/index.mjs`);
    }
  });

  it('allows no log groups unless the deploy names them (one default: none)', () => {
    const params = printed.params.default;
    expect(params.logGroupsAllowed).toBe('');
    expect(printed.functions.worker.environment.LOG_GROUPS_ALLOWED).toBe('');
    expect(printed.functions.slack.environment.LOG_GROUPS_ALLOWED).toBe('');
    // Without the parameter the StartQuery statement is left out (its condition is false).
    expect(holds(printed.resources.Conditions.QueryLogGroups)).toBe(false);
    expect(holds(template.Conditions.QueryLogGroups)).toBe(true);
  });
});

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

  it('sends CloudWatch alarm state changes through a queue to the relay, with a dead-letter queue behind both hops', () => {
    // Prepare
    const rules = Object.values(resources).filter((r: Json) => r.Type === 'AWS::Events::Rule') as Json[];
    const queue = { 'Fn::GetAtt': ['AlarmEventQueue', 'Arn'] };
    const dlq = { 'Fn::GetAtt': ['AlarmDeadLetterQueue', 'Arn'] };

    // Assess: one rule, targeting the queue, its own failures to the DLQ
    expect(rules).toHaveLength(1);
    const rule = rules[0] as Json;
    expect(rule.Properties.EventPattern).toEqual({
      source: ['aws.cloudwatch'],
      'detail-type': ['CloudWatch Alarm State Change'],
    });
    expect(rule.Properties.Targets).toEqual([expect.objectContaining({ Arn: queue, DeadLetterConfig: { Arn: dlq } })]);
    // Only that rule may send to the queue
    const [statement] = resources.AlarmEventQueuePolicy.Properties.PolicyDocument.Statement;
    expect(statement).toMatchObject({
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: queue,
      Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': ['AlarmEventRule', 'Arn'] } } },
    });
    // The queue: visibility ≥ 6 × the relay's timeout (Lambda's rule for SQS sources), days of retention,
    // and a redrive policy to the DLQ, which keeps messages longer than the queue does
    const relay = resources.AlarmDashrelayLambdaFunction.Properties;
    const q = resources.AlarmEventQueue.Properties;
    expect(q.VisibilityTimeout).toBeGreaterThanOrEqual(6 * relay.Timeout);
    // A failed message comes back sooner: the relay sets its visibility (relay-batch.ts), never past the queue's.
    expect(relay.Environment.Variables.ALARM_QUEUE_URL).toEqual({ Ref: 'AlarmEventQueue' });
    expect(RETRY_POLICY.maxDelaySeconds).toBeLessThanOrEqual(q.VisibilityTimeout);
    expect(RETRY_POLICY.firstDelaySeconds).toBeLessThan(relay.Timeout);
    expect(q.MessageRetentionPeriod).toBeGreaterThanOrEqual(3 * 86_400);
    expect(q.RedrivePolicy).toEqual({ deadLetterTargetArn: dlq, maxReceiveCount: expect.any(Number) });
    expect(resources.AlarmDeadLetterQueue.Properties.MessageRetentionPeriod).toBeGreaterThan(q.MessageRetentionPeriod);
    // The event source mapping: batches with a window, partial batch failures
    const mappings = Object.values(resources).filter((r: Json) => r.Type === 'AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    expect(mappings[0]?.Properties).toMatchObject({
      EventSourceArn: queue,
      FunctionName: { 'Fn::GetAtt': ['AlarmDashrelayLambdaFunction', 'Arn'] },
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    // No asynchronous invocation left: no Lambda retries or on-failure target that would bypass the queue
    expect(relay.DeadLetterConfig).toBeUndefined();
    expect(resources.AlarmDashrelayLambdaEvConf).toBeUndefined();
    expect(resources.AlarmDeadLetterQueue.Type).toBe('AWS::SQS::Queue');
    expect(resources.AlarmStateTable.Properties.TimeToLiveSpecification).toEqual({
      AttributeName: 'expiresAt',
      Enabled: true,
    });
  });

  it('creates the alarm table exactly as the dynalite tests do (test/fixtures/dynalite.ts reads serverless.yml)', () => {
    const { TableName, ...packaged } = resources.AlarmStateTable.Properties;
    const { TableName: unresolved, ...fromServerlessYml } = alarmTableDefinition() as Json;
    expect(TableName).toBe('cw-chatops-ci-alarm-state');
    expect(unresolved).toMatch(/alarm-state$/);
    expect(packaged).toEqual(fromServerlessYml);
  });

  it('never retries a worker job, which would answer twice', () => {
    expect(resources.WorkerLambdaEvConf.Properties.MaximumRetryAttempts).toBe(0);
  });

  it('has no "*" action, and "*" resources only for actions without resource-level permissions', () => {
    for (const role of ['SlackFunctionRole', 'WorkerFunctionRole', 'AlarmRelayFunctionRole']) {
      for (const statement of statements(role)) {
        for (const action of actions(statement)) expect(action).not.toContain('*');
        const onStar = statement.Resource === '*' ? actions(statement) : [];
        expect(onStar.filter((action) => !STAR_RESOURCE_ACTIONS.has(action)).map((a) => `${role}: ${a} on *`)).toEqual(
          [],
        );
      }
    }
  });

  it('gives each function only what it uses: its own infrastructure, and the data sources the registry says', () => {
    const all = (role: string) => statements(role).flatMap(actions).sort();
    const { slack, worker } = commandGrants(REGISTRY);
    const logsAndSecrets = ['logs:CreateLogStream', 'logs:PutLogEvents', 'ssm:GetParameters'];
    // A command that may answer in the ack reads with the slack function's role: a missing grant here
    // is an AccessDenied in Slack's 3 seconds.
    expect(all('SlackFunctionRole'), 'SlackFunctionRole').toEqual(
      [...slack, ...logsAndSecrets, 'lambda:InvokeFunction'].sort(),
    );
    expect(all('AlarmRelayFunctionRole'), 'AlarmRelayFunctionRole').toEqual(
      [
        ...portActions(['images']),
        'dynamodb:DeleteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        ...logsAndSecrets,
        'sqs:ChangeMessageVisibility',
        'sqs:DeleteMessage',
        'sqs:GetQueueAttributes',
        'sqs:ReceiveMessage',
        'sqs:SendMessage',
      ].sort(),
    );
    // Each queue action on its own queue: the relay reads the alarm queue and only sends to the DLQ.
    const relaySqs = statements('AlarmRelayFunctionRole').filter((s) => actions(s).some((a) => a.startsWith('sqs:')));
    expect(relaySqs.map((s) => [actions(s).sort(), s.Resource])).toEqual([
      [['sqs:SendMessage'], { 'Fn::GetAtt': ['AlarmDeadLetterQueue', 'Arn'] }],
      [
        ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
        { 'Fn::GetAtt': ['AlarmEventQueue', 'Arn'] },
      ],
    ]);
    // Every AWS call a command or a button makes in the worker, whatever its port.
    expect(all('WorkerFunctionRole'), 'WorkerFunctionRole').toEqual([...worker, ...logsAndSecrets].sort());
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
        const { handler } = await import(${JSON.stringify(`file://${join(clone, 'dist/slack/index.mjs')}`)});
        const body = new URLSearchParams({ team_id: 'T0ACMEWS01', channel_id: 'C1', user_id: 'U1', command: '/cw', text: 'help', response_url: 'http://127.0.0.1:9/r' }).toString();
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
        cwd: clone,
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
