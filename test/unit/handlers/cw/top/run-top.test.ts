import { describe, expect, it } from 'vitest';
import { parseTopArgs, TOP_USAGE } from '../../../../../handlers/cw/top/parse-top.ts';
import { runTop } from '../../../../../handlers/cw/top/run-top.ts';
import { UserInputError } from '../../../../../handlers/errors.ts';
import { RequestRejectedError } from '../../../../../handlers/port-errors.ts';
import { commandDeps } from '../../../../fixtures/command-deps.ts';

describe('handlers/cw/top/run-top', () => {
  it('gives a query CloudWatch refused the /cw top usage, with CloudWatch’s words', async () => {
    // Prepare
    const refused = new RequestRejectedError('CloudWatch rejected the Metrics Insights query: unexpected token.');
    const deps = commandDeps({
      metrics: { ...commandDeps().metrics, queryInsights: () => Promise.reject(refused) },
    });

    // Act
    const error = await runTop(deps, parseTopArgs(['ec2', 'cpu'])).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(UserInputError);
    expect(error).toMatchObject({ message: refused.message, usage: TOP_USAGE });
  });
});
