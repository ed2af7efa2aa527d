import type { MiddlewareObj } from '@middy/core';
import { isValidSlackRequest } from '@slack/bolt';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { AppLogger } from './bolt-logger.ts';

/** Slack's replay window: a request signed more than five minutes from now, either way, is refused. */
const MAX_SKEW_SECONDS = 300;

/** At most one warning per reason in this window per container; the next one says how many were dropped. */
export const REFUSAL_LOG_WINDOW_MS = 60_000;

type SignedEvent = Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded' | 'headers'>;

export type RefusalReason = 'missing headers' | 'no signing secret' | 'stale' | 'future' | 'bad signature';

export type SignatureCheck = { ok: true } | { ok: false; reason: RefusalReason; skewSeconds?: number };

export function rawBody(event: Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded'>): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function header(headers: APIGatewayProxyEventV2['headers'], name: string): string | undefined {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** Checks `X-Slack-Signature` (HMAC-SHA256 over `v0:timestamp:body`) and the timestamp's age, and says why not. */
export function checkSlackSignature(event: SignedEvent, signingSecret: string, nowMs = Date.now()): SignatureCheck {
  const signature = header(event.headers, 'x-slack-signature');
  const timestamp = Number(header(event.headers, 'x-slack-request-timestamp'));
  if (!signature || !Number.isInteger(timestamp)) return { ok: false, reason: 'missing headers' };
  if (!signingSecret) return { ok: false, reason: 'no signing secret' };
  // Positive: the request was signed in the past (seconds); negative: "from the future".
  const skewSeconds = Math.round(nowMs / 1000 - timestamp);
  if (skewSeconds > MAX_SKEW_SECONDS) return { ok: false, reason: 'stale', skewSeconds };
  if (skewSeconds < -MAX_SKEW_SECONDS) return { ok: false, reason: 'future', skewSeconds };
  const valid = isValidSlackRequest({
    signingSecret,
    body: rawBody(event),
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    nowMilliseconds: nowMs,
  });
  return valid ? { ok: true } : { ok: false, reason: 'bad signature', skewSeconds };
}

export function isSignedBySlack(event: SignedEvent, signingSecret: string, nowMs = Date.now()): boolean {
  return checkSlackSignature(event, signingSecret, nowMs).ok;
}

const TEAM_ID = /^[TE][A-Z0-9]{2,20}$/;

/**
 * The workspace a refused request claims to come from, when it is cheap to see: a slash command's
 * `team_id`, or an interaction payload's `team.id`. Unverified, so only an id-shaped value is kept.
 */
export function claimedTeamId(event: SignedEvent): string | undefined {
  const body = rawBody(event);
  if (body.length > 64 * 1024) return undefined;
  try {
    const form = new URLSearchParams(body);
    const direct = form.get('team_id');
    if (direct) return TEAM_ID.test(direct) ? direct : undefined;
    const payload = form.get('payload');
    if (!payload) return undefined;
    const team = (JSON.parse(payload) as { team?: { id?: unknown } }).team?.id;
    return typeof team === 'string' && TEAM_ID.test(team) ? team : undefined;
  } catch {
    return undefined;
  }
}

const HINTS: Record<RefusalReason, string> = {
  'missing headers': 'no X-Slack-Signature or X-Slack-Request-Timestamp: not a request from Slack',
  'no signing secret': 'the signing secret is empty: set SLACK_SIGNING_SECRET or its SSM parameter',
  stale: "signed more than 5 minutes ago: a replay, or this machine's clock is behind",
  future: "signed more than 5 minutes in the future: this machine's clock is ahead",
  'bad signature':
    "the signature does not match: check that the signing secret (SSM parameter or SLACK_SIGNING_SECRET) is the app's Basic Information → Signing Secret",
};

/**
 * One warning per refusal, so a wrong signing secret (the most common setup mistake) is visible, but
 * rate-limited per reason so a flood of forged requests cannot flood the log. Never the secret, the
 * signature or the body.
 */
export function refusalLogger(logger: Pick<AppLogger, 'warn'>, windowMs = REFUSAL_LOG_WINDOW_MS) {
  const last = new Map<RefusalReason, { at: number; suppressed: number }>();
  return (check: Extract<SignatureCheck, { ok: false }>, event: SignedEvent, nowMs = Date.now()): void => {
    const seen = last.get(check.reason);
    if (seen && nowMs - seen.at < windowMs) {
      seen.suppressed += 1;
      return;
    }
    const teamId = claimedTeamId(event);
    logger.warn(`Slack request refused (401): ${check.reason}`, {
      reason: check.reason,
      hint: HINTS[check.reason],
      ...(check.skewSeconds !== undefined ? { skewSeconds: check.skewSeconds } : {}),
      ...(teamId ? { teamId } : {}),
      ...(seen?.suppressed ? { suppressed: seen.suppressed, suppressedSinceMs: nowMs - seen.at } : {}),
    });
    last.set(check.reason, { at: nowMs, suppressed: 0 });
  };
}

/**
 * Refuses unsigned, tampered and stale requests with 401 before anything parses the body.
 * Bolt's receiver verifies again; this runs first because Bolt parses the body before it checks.
 */
export function verifySlackSignatureMiddleware(
  getSecret: (context: Context) => string | undefined,
  logger: Pick<AppLogger, 'warn'> = { warn: () => {} },
  now: () => number = Date.now,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context> {
  const logRefusal = refusalLogger(logger);
  return {
    before: async function verifySlackSignatureMiddlewareBefore(request) {
      const nowMs = now();
      const check = checkSlackSignature(request.event, getSecret(request.context) ?? '', nowMs);
      if (!check.ok) {
        logRefusal(check, request.event, nowMs);
        return { statusCode: 401, body: '' };
      }
      return undefined;
    },
  };
}
