import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { WorkerJob } from '../worker-job.ts';

/**
 * Hands a job to the worker Lambda as an asynchronous invocation: Lambda queues it and answers
 * 202 at once, so the slack function can ack within Slack's 3 seconds.
 */
export function createLambdaDispatcher(client: LambdaClient, functionName: string) {
  return async (job: WorkerJob): Promise<void> => {
    const result = await client.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(job)),
      }),
    );
    if (result.StatusCode !== 202) throw new Error(`Worker invocation returned status ${result.StatusCode}`);
  };
}
