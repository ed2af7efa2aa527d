import { InvokeCommand, type InvokeCommandInput, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { WorkerJob } from '../../../../handlers/worker-job.ts';
import { createLambdaDispatcher } from '../../../../infra/aws/worker-dispatch.ts';

const lambdaMock = mockClient(LambdaClient);

const FUNCTION_NAME = 'cw-chatops-test-worker';

const job: WorkerJob = {
  command: '/cw',
  text: 'metrics AWS/EC2 CPUUtilization InstanceId=i-0abc123def4567890 --since 3h',
  responseUrl: 'https://hooks.slack.com/commands/T0001/1234567890/abcdefABCDEF',
  userId: 'U0123ABCD',
  channelId: 'C0123ABCD',
  teamId: 'T0001',
  reference: 'ref-7f3a9c',
};

const makeClient = () =>
  new LambdaClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

function invokeInput(n: number): InvokeCommandInput | undefined {
  return lambdaMock.commandCalls(InvokeCommand)[n]?.args[0].input;
}

function decodePayload(input: InvokeCommandInput | undefined): unknown {
  const payload = input?.Payload;
  if (!(payload instanceof Uint8Array)) throw new Error(`Payload is not bytes: ${String(payload)}`);
  return JSON.parse(new TextDecoder().decode(payload));
}

describe('infra/aws/worker-dispatch', () => {
  beforeEach(() => {
    lambdaMock.reset();
  });

  it('invokes the worker asynchronously with the job as JSON bytes when Lambda accepts it', async () => {
    // Prepare
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: 202 });
    const dispatch = createLambdaDispatcher(makeClient(), FUNCTION_NAME);

    // Act
    await dispatch(job);

    // Assess
    expect(lambdaMock).toHaveReceivedCommandTimes(InvokeCommand, 1);
    expect(lambdaMock).toHaveReceivedCommandWith(InvokeCommand, {
      FunctionName: FUNCTION_NAME,
      InvocationType: 'Event',
    });
    const input = invokeInput(0);
    expect(Object.keys(input ?? {}).sort()).toEqual(['FunctionName', 'InvocationType', 'Payload']);
    expect(decodePayload(input)).toEqual({
      command: '/cw',
      text: 'metrics AWS/EC2 CPUUtilization InstanceId=i-0abc123def4567890 --since 3h',
      responseUrl: 'https://hooks.slack.com/commands/T0001/1234567890/abcdefABCDEF',
      userId: 'U0123ABCD',
      channelId: 'C0123ABCD',
      teamId: 'T0001',
      reference: 'ref-7f3a9c',
    });
  });

  it('sends no secret in the payload when the job is dispatched', async () => {
    // Prepare
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: 202 });
    const dispatch = createLambdaDispatcher(makeClient(), FUNCTION_NAME);

    // Act
    await dispatch(job);

    // Assess
    const payload = decodePayload(invokeInput(0)) as Record<string, unknown>;
    const text = JSON.stringify(payload);
    for (const key of ['signingSecret', 'botToken', 'token', 'secret']) expect(payload).not.toHaveProperty(key);
    expect(text).not.toMatch(/xox[abp]-/);
    expect(text).not.toMatch(/secret/i);
  });

  it.each([200, 500, undefined])('throws when Lambda answers with StatusCode %s instead of 202', async (status) => {
    // Prepare
    lambdaMock.on(InvokeCommand).resolves({ StatusCode: status });
    const dispatch = createLambdaDispatcher(makeClient(), FUNCTION_NAME);

    // Act
    const result = dispatch(job);

    // Assess
    await expect(result).rejects.toThrow(`Worker invocation returned status ${status}`);
  });

  it('propagates the error when send rejects', async () => {
    // Prepare
    const failure = new Error('User is not authorized to perform: lambda:InvokeFunction');
    failure.name = 'AccessDeniedException';
    lambdaMock.on(InvokeCommand).rejects(failure);
    const dispatch = createLambdaDispatcher(makeClient(), FUNCTION_NAME);

    // Act
    const error = await dispatch(job).catch((e: unknown) => e);

    // Assess
    expect(error).toBe(failure);
    expect(lambdaMock).toHaveReceivedCommandTimes(InvokeCommand, 1);
  });
});
