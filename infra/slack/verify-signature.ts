import type { MiddlewareObj } from '@middy/core';
import { isValidSlackRequest } from '@slack/bolt';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';

/** Slack's replay window: a request signed more than five minutes from now, either way, is refused. */
const MAX_SKEW_SECONDS = 300;

export function rawBody(event: Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded'>): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function header(headers: APIGatewayProxyEventV2['headers'], name: string): string | undefined {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** Checks `X-Slack-Signature` (HMAC-SHA256 over `v0:timestamp:body`) and the timestamp's age. */
export function isSignedBySlack(
  event: Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded' | 'headers'>,
  signingSecret: string,
  nowMs = Date.now(),
): boolean {
  const signature = header(event.headers, 'x-slack-signature');
  const timestamp = Number(header(event.headers, 'x-slack-request-timestamp'));
  if (!signature || !Number.isInteger(timestamp) || !signingSecret) return false;
  if (Math.abs(nowMs / 1000 - timestamp) > MAX_SKEW_SECONDS) return false;
  return isValidSlackRequest({
    signingSecret,
    body: rawBody(event),
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    nowMilliseconds: nowMs,
  });
}

/**
 * Refuses unsigned, tampered and stale requests with 401 before anything parses the body.
 * Bolt's receiver verifies again; this runs first because Bolt parses the body before it checks.
 */
export function verifySlackSignatureMiddleware(
  getSecret: (context: Context) => string | undefined,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context> {
  return {
    before: async function verifySlackSignatureMiddlewareBefore(request) {
      if (!isSignedBySlack(request.event, getSecret(request.context) ?? '')) {
        return { statusCode: 401, body: '' };
      }
      return undefined;
    },
  };
}
