import { describe, expect, it } from 'vitest';
import { createDataSource } from '../../../../infra/data-source.ts';
import { createSlackHandler } from '../../../../infra/slack/slack-handler.ts';
import {
  checkSlackSignature,
  claimedTeamId,
  REFUSAL_LOG_WINDOW_MS,
  refusalLogger,
} from '../../../../infra/slack/verify-signature.ts';
import {
  apiGatewayEvent,
  lambdaContext,
  SIGNING_SECRET,
  sign,
  slashCommandBody,
} from '../../../fixtures/slack-requests.ts';

type Line = { level: string; message: string; extra: unknown[] };

function capturingLogger() {
  const lines: Line[] = [];
  const at =
    (level: string) =>
    (message: string, ...extra: unknown[]) =>
      lines.push({ level, message, extra });
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}

function slackHandler(logger: ReturnType<typeof capturingLogger>['logger']) {
  return createSlackHandler({
    config: {
      signingSecret: SIGNING_SECRET,
      botToken: undefined,
      signingSecretParam: undefined,
      botTokenParam: undefined,
      slackApiUrl: 'http://127.0.0.1:9/api/',
      ackBudgetMs: 0,
    },
    runtime: createDataSource({
      dataSource: 'demo',
      region: 'us-east-1',
      logGroupsAllowed: [],
      logsMaxRangeSeconds: 86400,
      logsPricePerGb: 0.005,
    }),
    dispatchJob: async () => {},
    logger,
  });
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('infra/slack/verify-signature', () => {
  it.each([
    ['a signature made with another secret', { secret: 'not-the-apps-secret' }, 'bad signature'],
    ['a timestamp 10 minutes old', { skew: 600 }, 'stale'],
    ['a timestamp 10 minutes ahead', { skew: -600 }, 'future'],
    ['no signature header', { noSignature: true }, 'missing headers'],
  ] as const)(
    'logs one warning for %s: the reason, the skew and the claimed team, never the secret, signature or body',
    async (_, o, reason) => {
      // Prepare
      const { lines, logger } = capturingLogger();
      const handler = slackHandler(logger);
      const body = slashCommandBody({ team_id: 'T0WRONGWS1', text: 'metrics rds cpu orders-db-secret-text' });
      const timestamp = nowSeconds() - ('skew' in o ? o.skew : 0);
      const signature = 'noSignature' in o ? null : sign(body, timestamp, 'secret' in o ? o.secret : SIGNING_SECRET);

      // Act
      const response = await handler(apiGatewayEvent({ body, timestamp, signature }), lambdaContext());

      // Assess
      expect(response).toMatchObject({ statusCode: 401 });
      const warnings = lines.filter((l) => l.level === 'warn');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.message).toBe(`Slack request refused (401): ${reason}`);
      const detail = warnings[0]?.extra[0] as Record<string, unknown>;
      expect(detail).toMatchObject({ reason, teamId: 'T0WRONGWS1', hint: expect.any(String) });
      // The skew is logged to within seconds (only the skewed cases have one to compare).
      const skew = 'skew' in o ? o.skew : undefined;
      expect(skew === undefined ? 0 : Number(detail.skewSeconds) - skew).toBeCloseTo(0, -1);
      const logged = JSON.stringify(lines);
      expect(logged).not.toContain(SIGNING_SECRET);
      expect(logged).not.toContain('orders-db-secret-text');
      const signed = signature ? [signature.slice(3)] : [];
      expect(signed.filter((s) => logged.includes(s))).toEqual([]);
    },
  );

  it('says to check the signing secret for a bad signature (the usual setup mistake)', () => {
    const { lines, logger } = capturingLogger();
    const body = slashCommandBody();
    const event = apiGatewayEvent({ body, signature: 'v0=00' });
    const check = checkSlackSignature(event, SIGNING_SECRET);
    expect(check).toMatchObject({ ok: false, reason: 'bad signature' });
    if (!check.ok) refusalLogger(logger)(check, event);
    expect(JSON.stringify(lines[0]?.extra)).toContain('Basic Information → Signing Secret');
  });

  it('logs at most one line per reason per window, and the next one carries the suppressed count', () => {
    // Prepare
    const { lines, logger } = capturingLogger();
    const log = refusalLogger(logger);
    const event = apiGatewayEvent({ body: slashCommandBody(), signature: 'v0=00' });
    const bad = { ok: false, reason: 'bad signature', skewSeconds: 0 } as const;
    const stale = { ok: false, reason: 'stale', skewSeconds: 400 } as const;

    // Act: 50 forged requests in one second, a stale one among them, then one after the window
    for (let i = 0; i < 50; i++) log(bad, event, 1_000 + i * 20);
    log(stale, event, 1_500);
    log(bad, event, 1_000 + REFUSAL_LOG_WINDOW_MS + 1);

    // Assess
    expect(lines.map((l) => (l.extra[0] as { reason: string }).reason)).toEqual([
      'bad signature',
      'stale',
      'bad signature',
    ]);
    expect(lines[0]?.extra[0]).not.toHaveProperty('suppressed');
    expect(lines[2]?.extra[0]).toMatchObject({ suppressed: 49 });
  });

  it('still accepts a valid request without a log line', async () => {
    const { lines, logger } = capturingLogger();
    const response = await slackHandler(logger)(apiGatewayEvent({ body: slashCommandBody() }), lambdaContext());
    expect(response).toMatchObject({ statusCode: 200 });
    expect(lines.filter((l) => l.level === 'warn')).toEqual([]);
  });

  it('reads the claimed team id cheaply from a command or an interaction, and only when id-shaped', () => {
    const event = (body: string) => apiGatewayEvent({ body });
    expect(claimedTeamId(event(slashCommandBody({ team_id: 'T0123ABCD' })))).toBe('T0123ABCD');
    const payload = JSON.stringify({ type: 'block_actions', team: { id: 'T9TEAM9' } });
    expect(claimedTeamId(event(new URLSearchParams({ payload }).toString()))).toBe('T9TEAM9');
    expect(claimedTeamId(event(slashCommandBody({ team_id: 'T1\n{"forged":true}' })))).toBeUndefined();
    expect(claimedTeamId(event('{not form'))).toBeUndefined();
  });
});
