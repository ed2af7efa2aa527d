import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { WorkerJob } from '../../handlers/worker-job.ts';
import { memoizeRetrying } from '../memoize-retrying.ts';
import { awsClients } from './clients.ts';

const DISPATCH_TIMEOUT_MS = 1000;

/**
 * Hands a job to the worker Lambda as an asynchronous invocation: Lambda queues it and answers
 * 202 at once, so the slack function can ack within Slack's 3 seconds.
 */
export function createLambdaDispatcher(client: LambdaClient, functionName: string) {
  return async (job: WorkerJob): Promise<void> => {
    const { InvokeCommand } = await import('@aws-sdk/client-lambda');
    const result = await client.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(job)),
      }),
      // Queuing an event takes tens of milliseconds; waiting longer would miss Slack's 3 seconds.
      { abortSignal: AbortSignal.timeout(DISPATCH_TIMEOUT_MS) },
    );
    if (result.StatusCode !== 202) throw new Error(`Worker invocation returned status ${result.StatusCode}`);
  };
}

/**
 * The same, with the Lambda client created on the first hand-off: help, bad input and quick
 * answers never load it.
 */
export function lazyLambdaDispatcher(region: string, functionName: string) {
  const dispatcher = memoizeRetrying(async () => {
    return createLambdaDispatcher(await awsClients(region).lambda(), functionName);
  });
  return async (job: WorkerJob): Promise<void> => (await dispatcher())(job);
}
