import { describe, expect, it } from 'vitest';
import { DataSourceAccessError } from '../../../handlers/errors.ts';
import { failureReason } from '../../../handlers/failure-note.ts';

/** An error as the AWS SDK throws one whose text is internal: an ARN, an account and a stack-ish line. */
function internalError(): Error {
  const error = new Error(
    'User: arn:aws:sts::123456789012:assumed-role/cw-chatops-worker/fn is not authorized\n    at Object.send (/var/task/index.mjs:1:2)',
  );
  error.name = 'InternalFailure';
  return error;
}

/** The shape @slack/web-api throws for an `ok: false` answer (https://docs.slack.dev/tools/node-slack-sdk/reference/web-api/interfaces/WebAPIPlatformError). */
function slackPlatformError(code: string): Error {
  return Object.assign(new Error(`An API error occurred: ${code}`), {
    code: 'slack_webapi_platform_error',
    data: { ok: false, error: code },
  });
}

describe('handlers/failure-note', () => {
  it('never shows an unexpected error’s text: a reference instead, with the error logged under it', () => {
    // Prepare
    const reported: { error: Error; reference: string }[] = [];

    // Act
    const reason = failureReason(internalError(), (error, reference) => reported.push({ error, reference }));

    // Assess
    expect(reason).not.toMatch(/arn:|123456789012|index\.mjs|not authorized/);
    expect(reported).toHaveLength(1);
    expect(reported[0]?.error.name).toBe('InternalFailure');
    expect(reason).toBe(`something went wrong on my side (reference \`${reported[0]?.reference}\`)`);
  });

  it('gives each failure its own reference', () => {
    const references: string[] = [];
    failureReason(new Error('a'), (_, reference) => references.push(reference));
    failureReason('not even an Error', (_, reference) => references.push(reference));
    expect(new Set(references).size).toBe(2);
  });

  it('shows an exposed error as it is, escaped, and logs nothing', () => {
    // Prepare
    const reported: Error[] = [];

    // Act
    const reason = failureReason(new DataSourceAccessError('The role may not draw <!channel> graphs.'), (error) =>
      reported.push(error),
    );

    // Assess
    expect(reason).toBe('The role may not draw &lt;!channel&gt; graphs');
    expect(reported).toEqual([]);
  });

  it('says what to do when Slack answers that the bot is not in the channel', () => {
    for (const code of ['not_in_channel', 'channel_not_found']) {
      expect(failureReason(slackPlatformError(code), undefined)).toBe(
        'I am not in this channel. Invite me (`/invite @` and my name) and try again',
      );
    }
  });

  it('treats any other Slack refusal as unexpected', () => {
    const reason = failureReason(slackPlatformError('invalid_auth'), undefined);
    expect(reason).not.toContain('invalid_auth');
    expect(reason).toMatch(/^something went wrong on my side \(reference `[0-9a-f-]{36}`\)$/);
  });
});
