/**
 * `npm run serve`: Slack's protocol on `POST /slack/events` at `PORT` (default 3000), for a real
 * workspace through a tunnel and for black-box tests. Signatures are verified as on Lambda; slow
 * work runs in-process and answers through the request's `response_url`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { checkPolicyLimits, loadAccessPolicy } from '../access-policy.ts';
import { type Config, ConfigError } from '../config.ts';
import type { AppLogger } from '../slack/bolt-logger.ts';
import { createSlackFiles, filesWithoutToken } from '../slack/slack-files.ts';
import { createWebClient } from '../slack/web-client.ts';
import { toApiGatewayEvent } from './api-gateway-event.ts';
import { createLocalBot, type LocalBot } from './local-bot.ts';
import { loadLocalConfig } from './local-config.ts';

/** Slack's payloads are small; anything this large is not Slack. */
const MAX_BODY_BYTES = 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function createSlackServer(bot: LocalBot, logger: AppLogger): Server {
  return createServer(async (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === '/healthz') {
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return;
    }
    if (request.method !== 'POST' || path !== '/slack/events') {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await readBody(request);
      if (body === undefined) {
        response.writeHead(413).end();
        return;
      }
      const event = toApiGatewayEvent({ method: 'POST', path: request.url ?? path, headers: request.headers, body });
      const result = await bot.handle(event);
      const { statusCode = 200, headers = {}, body: out = '' } = typeof result === 'string' ? { body: result } : result;
      response.writeHead(statusCode, headers as Record<string, string>).end(out);
    } catch (error) {
      logger.error('Request failed', { error: String(error) });
      response.writeHead(500).end();
    }
  });
}

export async function serve(config: Config, port: number, logger: AppLogger): Promise<Server> {
  // Without a token nothing can be posted; saving to this server's disk would tell Slack users a path.
  const files = config.botToken
    ? createSlackFiles(createWebClient(config.botToken, config.slackApiUrl))
    : filesWithoutToken();
  const policy = config.accessPolicyFile
    ? checkPolicyLimits(await loadAccessPolicy(config.accessPolicyFile), config, config.accessPolicyFile)
    : undefined;
  const server = createSlackServer(createLocalBot({ config, logger, files, ...(policy ? { policy } : {}) }), logger);
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return server;
}

const consoleLogger: AppLogger = {
  debug: () => {},
  info: (message, ...extra) => console.log(message, ...extra),
  warn: (message, ...extra) => console.warn(message, ...extra),
  error: (message, ...extra) => console.error(message, ...extra),
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { config, banner, port } = await loadLocalConfig(
      process.argv.slice(2),
      undefined,
      undefined,
      'npm run serve',
    );
    if (!config.signingSecret) {
      throw new ConfigError(
        "Set SLACK_SIGNING_SECRET to your Slack app's signing secret (Basic Information → App Credentials).",
      );
    }
    await serve(config, port, consoleLogger);
    console.log(`cw-chatops listening on http://localhost:${port}/slack/events · ${banner}`);
  } catch (error) {
    console.error(error instanceof ConfigError ? `Configuration: ${error.message}` : error);
    process.exit(1);
  }
}
