import { describe, expect, it } from 'vitest';
import { readCommandRequest } from '../../../handlers/command-request.ts';
import { errorMessage } from '../../../handlers/error-message.ts';
import {
  DataSourceAccessError,
  DataSourceBusyError,
  DataSourceCredentialsError,
  DataSourceUnreachableError,
  NotAllowedError,
  UserInputError,
} from '../../../handlers/errors.ts';
import { completeCommand } from '../../../handlers/lifecycle.ts';
import { RequestRejectedError } from '../../../handlers/port-errors.ts';
import { REGISTRY } from '../../../handlers/registry.ts';
import type { SlackMessage } from '../../../handlers/slack-message.ts';
import { FilesUnavailableError } from '../../../infra/slack/slack-files.ts';
import { commandDeps, runtimeOf } from '../../fixtures/command-deps.ts';

const shown = (message: SlackMessage) => `${message.text}\n${JSON.stringify(message.blocks ?? [])}`;

/** An SDK error whose text is internal: the role's ARN, the account, a stack line. */
function sdkError(): Error {
  return Object.assign(
    new Error(
      'User: arn:aws:sts::123456789012:assumed-role/cw-chatops-worker/fn is not authorized to perform: cloudwatch:GetMetricData\n    at de_CommandError (/var/task/index.mjs:2:1)',
    ),
    { name: 'InternalFailure', $fault: 'server', $metadata: { httpStatusCode: 500, requestId: 'a1b2' } },
  );
}

describe('handlers/error-message', () => {
  it('shows an unexpected error only as the generic sentence with its reference', () => {
    // Act
    const message = errorMessage(sdkError(), 'ref-42');

    // Assess
    expect(message).toEqual({
      response_type: 'ephemeral',
      text: ":x: Something went wrong on my side and I could not answer. Try again; if it keeps failing, ask the bot's owners about reference `ref-42`.",
    });
  });

  it.each([
    ['bad input', new UserInputError('`--since` needs a unit.', '`/cw metrics …`\nExample: `/cw metrics rds cpu db`')],
    ['a refused request', new RequestRejectedError('CloudWatch rejected the query: Period must be a multiple of 60.')],
    ['the policy', new NotAllowedError('This channel may not read /ecs/payments.')],
    ['throttling', new DataSourceBusyError('CloudWatch is busy (throttling requests).')],
    ['the role', new DataSourceAccessError("The bot's AWS role may not read that metric.")],
    ['the network', new DataSourceUnreachableError('Could not reach CloudWatch in eu-west-1 (timed out).')],
    ['credentials', new DataSourceCredentialsError('No usable AWS credentials (none found).')],
    ['files', new FilesUnavailableError('this bot has no Slack bot token configured (SLACK_BOT_TOKEN)')],
  ])('shows an exposed error (%s) as it is', (_, error) => {
    const message = errorMessage(error, 'ref-42');
    expect(shown(message)).toContain(error.message);
    expect(shown(message)).not.toContain('Something went wrong');
    expect(message.response_type).toBe('ephemeral');
  });

  it('answers a command whose data source failed unexpectedly with the reference, the detail only in the log', async () => {
    // Prepare
    const reported: { error: Error; reference: string }[] = [];
    const failing = sdkError();
    const deps = runtimeOf(
      commandDeps({
        metrics: {
          getMetricData: () => Promise.reject(failing),
          listMetrics: () => Promise.reject(failing),
          queryInsights: () => Promise.reject(failing),
        },
      }),
      (error, reference) => reported.push({ error, reference }),
    );

    // Act
    const message = await completeCommand(
      readCommandRequest({ command: '/cw', text: 'metrics rds cpu orders-db' }, REGISTRY),
      deps,
      {
        deadlineMs: 5000,
        reference: 'ref-77',
      },
    );

    // Assess
    expect(shown(message)).toContain('Something went wrong on my side');
    expect(shown(message)).toContain('`ref-77`');
    expect(shown(message)).not.toMatch(/arn:aws|123456789012|index\.mjs|InternalFailure|not authorized/);
    expect(reported).toEqual([{ error: failing, reference: 'ref-77' }]);
  });

  it('answers a command whose data source refused the request with its words and the command’s usage', async () => {
    // Prepare
    const refused = new RequestRejectedError(
      'CloudWatch rejected the query: The parameter Period must be a multiple of 60.',
    );
    const reported: Error[] = [];
    const deps = runtimeOf(
      commandDeps({
        metrics: {
          getMetricData: () => Promise.reject(refused),
          listMetrics: () => Promise.resolve([]),
          queryInsights: () => Promise.reject(refused),
        },
      }),
      (error) => reported.push(error),
    );

    // Act
    const message = await completeCommand(
      readCommandRequest({ command: '/cw', text: 'metrics rds cpu orders-db' }, REGISTRY),
      deps,
      {
        deadlineMs: 5000,
        reference: 'ref-78',
      },
    );

    // Assess
    expect(shown(message)).toContain('CloudWatch rejected the query: The parameter Period must be a multiple of 60.');
    expect(shown(message)).toContain('*Usage*');
    expect(shown(message)).not.toContain('ref-78');
    expect(reported).toEqual([]);
  });
});
