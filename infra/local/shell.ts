/**
 * `npm start`: the bot in a terminal, with the demo data source unless AWS is asked for (`--aws`).
 * Each line you type goes through the same path as a real Slack request (signed form body, API
 * Gateway event, Bolt, worker) and the messages Slack would show are printed.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import { readCommandRequest } from '../../handlers/command-request.ts';
import { echo } from '../../handlers/command-text.ts';
import { REGISTRY, slashCommandNames } from '../../handlers/registry.ts';
import type { SlackMessage } from '../../handlers/slack-message.ts';
import { closestWords } from '../../handlers/suggest-word.ts';
import { type Config, ConfigError } from '../config.ts';
import { createDataSource } from '../data-source.ts';
import type { AppLogger } from '../slack/bolt-logger.ts';
import { createAlarmPreview } from './alarm-preview.ts';
import { toApiGatewayEvent } from './api-gateway-event.ts';
import { createLocalBot, type LocalBot } from './local-bot.ts';
import { type LocalConfig, loadLocalConfig } from './local-config.ts';
import { createLocalFiles } from './local-files.ts';
import { COLOR, PLAIN, renderForTerminal, type Style } from './render-terminal.ts';

/** Builds the signed `application/x-www-form-urlencoded` body Slack sends for a slash command. */
export function signedSlashCommand(options: {
  command: string;
  text: string;
  responseUrl: string;
  signingSecret: string;
  timestamp?: number;
}) {
  const body = new URLSearchParams({
    token: 'local',
    team_id: 'T0LOCAL',
    team_domain: 'local',
    channel_id: 'C0LOCAL',
    channel_name: 'local-shell',
    user_id: 'U0LOCAL',
    user_name: 'you',
    command: options.command,
    text: options.text,
    api_app_id: 'A0LOCAL',
    is_enterprise_install: 'false',
    response_url: options.responseUrl,
    trigger_id: `${Date.now()}.local`,
  }).toString();
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', options.signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
  };
}

/** A stand-in for Slack's response_url endpoint that prints what the worker posts. */
async function startResponseCatcher(print: (message: SlackMessage) => void): Promise<Server> {
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    try {
      print(JSON.parse(body) as SlackMessage);
    } catch {
      print({ text: body });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** The slash commands the shell knows (the bot's, and the shell's own `/alarm`): what a mistyped one is compared with. */
export const SHELL_COMMANDS = [...slashCommandNames(), '/alarm'];

/** Whether a line without its slash starts with a `/cw` command word (`metrics`, `log`, `help`, …). */
function startsWithCwCommand(line: string): boolean {
  const [, word] = readCommandRequest({ command: '/cw', text: line }, REGISTRY).path;
  return REGISTRY.commands.some((c) => c.path[0] === '/cw' && c.path[1] === word);
}

/**
 * The line as a slash command: `/cw help` as typed; `cw help` and `dbadvice list` (the slash
 * forgotten) as `/cw help` and `/dbadvice list`; `metrics rds cpu orders-db` as `/cw metrics …`.
 * `undefined` when the line is not a command at all.
 */
export function asSlashCommand(line: string): string | undefined {
  if (line.startsWith('/')) return line;
  const [first = ''] = line.split(/\s+/);
  // Not `alarm`: without a slash it is `/cw alarm`, the alias of `/cw alarms`.
  const named = slashCommandNames().find((c) => c.slice(1) === first.toLowerCase());
  if (named) return `${named}${line.slice(first.length)}`;
  return startsWithCwCommand(line) ? `/cw ${line}` : undefined;
}

/** What the shell says for a slash command the bot does not have (HTTP 404). */
export function unknownCommand(command: string): string {
  const [meant] = closestWords(command, SHELL_COMMANDS);
  // Each slash command has its own help; /alarm's usage is the help it has.
  const help = meant && meant !== '/alarm' ? `${meant} help` : '/cw help';
  return `No command ${command} here.${meant ? ` Did you mean ${meant}?` : ''} Try ${help}.`;
}

/** `hello`, `help me` or any other words: say what the shell takes instead of a usage error. */
function notACommand(line: string): SlackMessage {
  const word = line.split(/\s+/)[0] ?? line;
  // `dbadvise list`: a slash command mistyped, and its slash forgotten.
  const [meant] = closestWords(`/${word.toLowerCase()}`, slashCommandNames());
  if (meant) return { text: `Did you mean \`${meant}${echo(line.slice(word.length))}\`? Slash commands start with /.` };
  return {
    text:
      `Hi! \`${word.slice(0, 40)}\` is not a command here: this shell takes slash commands as you would type them in Slack, ` +
      'e.g. `/cw metrics rds cpu orders-db`, `/cw alarms` or `/dbadvice where should we keep user sessions?`. ' +
      '`/cw help` lists them all.',
  };
}

export interface Shell {
  /** Runs one line as Slack would deliver it; resolves when every answer has been printed. */
  run(line: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * `observe` sees every message as Slack would receive it (the ack's body, each response_url post),
 * before it is printed: the test that holds every message the bot builds to Slack's rules uses it.
 */
export async function createShell(
  config: Config,
  write: (text: string) => void,
  style: Style,
  observe: (message: SlackMessage) => void = () => {},
): Promise<Shell> {
  const signingSecret = randomBytes(32).toString('hex');
  const quiet: AppLogger = {
    debug: () => {},
    info: () => {},
    warn: (message) => write(style.dim(`[warn] ${message}`)),
    error: (message, ...extra) =>
      write(style.dim(`[error] ${message} ${extra.map((e) => JSON.stringify(e)).join(' ')}`)),
  };
  const files = createLocalFiles();
  const bot: LocalBot = createLocalBot({ config: { ...config, signingSecret }, logger: quiet, files });
  const previewAlarm = createAlarmPreview({ write, style, files, images: createDataSource(config).ports.images });
  const catcher = await startResponseCatcher((message) => {
    observe(message);
    write(`${style.dim('── later, through response_url ──')}\n${renderForTerminal(message, style)}\n`);
  });
  const responseUrl = `http://127.0.0.1:${(catcher.address() as AddressInfo).port}/response`;

  return {
    async run(line) {
      const trimmed = line.trim();
      if (!trimmed) return;
      const full = asSlashCommand(trimmed);
      if (full === undefined) {
        write(`${renderForTerminal(notACommand(trimmed), style)}\n`);
        return;
      }
      if (/^\/alarm(?:\s|$)/i.test(full)) return previewAlarm(full.replace(/^\/alarm\s*/i, ''));
      const [command = ''] = full.split(/\s+/);
      const text = full.slice(command.length).trim();
      const request = signedSlashCommand({ command, text, responseUrl, signingSecret });
      const result = await bot.handle(toApiGatewayEvent({ method: 'POST', path: '/slack/events', ...request }));
      const { statusCode = 200, body = '' } = typeof result === 'string' ? { body: result } : result;
      if (statusCode === 404) write(style.dim(unknownCommand(command)));
      else if (statusCode !== 200) write(style.dim(`The bot answered HTTP ${statusCode}.`));
      else if (body) {
        const ack = parseAck(body);
        if (typeof ack !== 'string') observe(ack);
        write(`${renderForTerminal(ack, style)}\n`);
      }
      await bot.idle();
    },
    async close() {
      await bot.idle();
      await new Promise((resolve) => catcher.close(resolve));
    },
  };
}

function parseAck(body: string): SlackMessage | string {
  try {
    return JSON.parse(body) as SlackMessage;
  } catch {
    return body;
  }
}

async function main(): Promise<void> {
  let local: LocalConfig;
  try {
    local = await loadLocalConfig(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof ConfigError ? `Configuration: ${error.message}` : error);
    process.exit(1);
  }
  const { config, banner } = local;
  const style = process.stdout.isTTY && local.color ? COLOR : PLAIN;
  const shell = await createShell(config, (text) => console.log(text), style);
  const interactive = process.stdin.isTTY;
  // Always said, piped or not: which account a command is about to read must never be a guess.
  console.log(`${style.bold('cw-chatops')} local shell · ${banner}`);
  if (interactive) {
    console.log(
      `Type a slash command as in Slack, e.g. ${style.code('/cw metrics rds cpu orders-db')}, or ${style.code('/cw help')}.\n` +
        `Preview alarm notifications with ${style.code('/alarm fire')} and ${style.code('/alarm resolve')}. Ctrl-D quits.\n`,
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  const prompt = () => interactive && rl.prompt();
  prompt();
  for await (const line of rl) {
    if (/^(exit|quit)$/i.test(line.trim())) break;
    if (!interactive && line.trim()) console.log(style.dim(`> ${line.trim()}`));
    await shell.run(line);
    prompt();
  }
  rl.close();
  await shell.close();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
