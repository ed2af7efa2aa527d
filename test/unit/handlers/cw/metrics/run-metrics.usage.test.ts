import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../../handlers/command-text.ts';
import { METRICS_USAGE, parseMetricsArgs } from '../../../../../handlers/cw/metrics/parse-metrics.ts';
import { runMetrics } from '../../../../../handlers/cw/metrics/run-metrics.ts';
import { DataSourceBusyError, UserInputError } from '../../../../../handlers/errors.ts';
import { RequestRejectedError } from '../../../../../handlers/port-errors.ts';
import { fakeMetrics } from '../../../../fixtures/fake-metrics.ts';

const now = () => new Date('2026-11-25T12:03:30Z');
const query = parseMetricsArgs(tokenize('rds cpu orders-db --since 3h'));

function failingWith(error: Error) {
  return fakeMetrics({
    data: () => {
      throw error;
    },
  }).port;
}

describe('handlers/cw/metrics/run-metrics: the usage is the command’s, not the adapter’s', () => {
  it('answers a request the data source rejected with its words and the metrics usage', async () => {
    // Prepare
    const rejected = new RequestRejectedError(
      'CloudWatch rejected the query: The parameter Period must be a multiple of 60.',
    );

    // Act
    const thrown = await runMetrics({ metrics: failingWith(rejected), region: 'us-east-1', now }, query).catch(
      (e: unknown) => e,
    );

    // Assess
    expect(thrown).toBeInstanceOf(UserInputError);
    expect((thrown as UserInputError).message).toBe(rejected.message);
    expect((thrown as UserInputError).usage).toBe(METRICS_USAGE);
    expect((thrown as Error).cause).toBe(rejected);
  });

  it('leaves every other error as it is', async () => {
    const busy = new DataSourceBusyError('CloudWatch is busy (throttling requests).');
    await expect(runMetrics({ metrics: failingWith(busy), region: 'us-east-1', now }, query)).rejects.toBe(busy);
  });
});
